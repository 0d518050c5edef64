// `followthrough run`, the real worker process: its start-up cycle polls the fake GOV.UK and
// posts to the fake Slack, a second worker on the same database is refused, and SIGTERM lets
// the current step finish, closes the database and exits 0.

import { afterEach, beforeEach, expect, it } from 'vitest';
import { startFakeGovuk, govukPaths, type FakeGovuk } from '../support/fake-govuk.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { collect, parseLogs, runCli, startCli } from '../support/run-cli.ts';
import { tempConfig, type TempConfig } from '../support/temp-config.ts';

const token = 'xoxb-test-0000-secret';
let govuk: FakeGovuk;
let slack: FakeSlack;
let cfg: TempConfig;

beforeEach(async () => {
  govuk = await startFakeGovuk();
  slack = await startFakeSlack({ token });
  cfg = tempConfig({ feeds: [{ id: 'home-office', url: govuk.url + govukPaths.organisationFeed }] });
});
afterEach(async () => {
  cfg.cleanup();
  await slack.close();
  await govuk.close();
});

it('runs its jobs, refuses a second worker, and stops cleanly on SIGTERM', async () => {
  const env = { ...cfg.env, SLACK_BOT_TOKEN: token, SLACK_API_URL: slack.url };
  const child = startCli(['run'], { env });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const done = collect(child, 60_000);
  const logged = (event: string) => parseLogs(stderr).some((l) => l.event === event);

  const deadline = Date.now() + 30_000;
  while (!logged('job.cycle') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(logged('job.cycle'), stderr).toBe(true);
  expect(govuk.requests.some((r) => r.path.startsWith(govukPaths.organisationFeed))).toBe(true);
  // the start-up cycle matched the feed against the seed commitments and told Slack
  expect(slack.callsTo('chat.postMessage').length).toBeGreaterThan(0);

  const second = await runCli(['run'], { env });
  expect(second.code).not.toBe(0);
  expect(second.stderr).toMatch(/another worker|already running|lock/i);

  child.kill('SIGTERM');
  const result = await done;
  expect(result.code, result.stderr).toBe(0);
  expect(result.logs.map((l) => l.event)).toContain('worker.stopped');
  // secrets never reach the logs
  expect(result.stderr).not.toContain(token);

  // the lock went with it: status shows no worker
  const status = await runCli(['status', '--json'], { env: cfg.env });
  expect(status.code, status.stderr).toBe(0);
  expect((JSON.parse(status.stdout) as { lock: unknown }).lock).toBeNull();
});

it('SIGTERM while a feed request hangs: exits 0 well within docker’s 10 s grace', async () => {
  govuk.fail(govukPaths.organisationFeed, { kind: 'hang' });
  const env = { ...cfg.env, SLACK_BOT_TOKEN: token, SLACK_API_URL: slack.url };
  const child = startCli(['run'], { env });
  const done = collect(child, 60_000);
  const deadline = Date.now() + 30_000;
  const hung = () =>
    govuk.requests.some((r) => r.path.startsWith(govukPaths.organisationFeed) && r.status === null);
  while (!hung() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(hung()).toBe(true);
  const t0 = Date.now();
  child.kill('SIGTERM');
  const result = await done;
  const took = Date.now() - t0;
  expect(result.code, result.stderr).toBe(0);
  // the feed's own timeout is 20 s: waiting it out would overrun the grace period
  expect(took).toBeLessThan(10_000);
  expect(result.logs.map((l) => l.event)).toContain('worker.stopped');
  // the abandoned poll was not recorded as a feed failure
  const status = await runCli(['status', '--json'], { env: cfg.env });
  const feeds = (JSON.parse(status.stdout) as { feeds: Array<{ failures: number }> }).feeds;
  expect(feeds.every((f) => f.failures === 0)).toBe(true);
});

it('health: ok while the worker runs; fails at once when it has died (no waiting out the heartbeat)', async () => {
  const env = { ...cfg.env, SLACK_BOT_TOKEN: token, SLACK_API_URL: slack.url };
  const child = startCli(['run'], { env });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const done = collect(child, 60_000);
  const deadline = Date.now() + 30_000;
  while (!parseLogs(stderr).some((l) => l.event === 'job.cycle') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  const ok = await runCli(['health'], { env: cfg.env });
  expect(ok.code, ok.stderr).toBe(0);
  // as the image runs it: FOLLOWTHROUGH_DB names the database, and the check reads no config
  const imageEnv = { FOLLOWTHROUGH_DB: cfg.database, FOLLOWTHROUGH_CONFIG: `${cfg.dir}/absent.yaml` };
  const direct = await runCli(['health'], { env: imageEnv });
  expect(direct.code, direct.stderr).toBe(0);
  child.kill('SIGKILL');
  await done;
  const dead = await runCli(['health'], { env: cfg.env });
  expect(dead.code).toBe(1);
  expect(dead.stderr).toMatch(/no longer running/);
});
