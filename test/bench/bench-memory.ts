// Memory of the worker (`followthrough run`, the built JavaScript in dist/) after its start-up cycle
// against the fake GOV.UK and the fake Slack: without the Slack app, and holding the Socket Mode
// connection (@slack/socket-mode beside the existing WebClient). Resident set size from /proc, median
// of three runs each. `npm run build` first: the worker runs what the image ships.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFakeGovuk, govukPaths } from '../support/fake-govuk.ts';
import { startFakeSlack } from '../support/fake-slack.ts';
import { attachSocketMode } from '../support/fake-socket-mode.ts';
import { isolatedEnv } from '../support/run-cli.ts';
import { tempConfig } from '../support/temp-config.ts';
import { fmt, row } from './measure.ts';

const bin = fileURLToPath(new URL('../../dist/cli/followthrough.js', import.meta.url));
const token = 'xoxb-bench';
const appToken = 'xapp-1-ABENCH-0-bench';

async function workerRss(withApp: boolean): Promise<number> {
  const govuk = await startFakeGovuk();
  const slack = await startFakeSlack({ token, appToken });
  attachSocketMode(slack);
  const cfg = tempConfig({ feeds: [{ id: 'home-office', url: govuk.url + govukPaths.organisationFeed }] });
  const env = isolatedEnv({
    ...cfg.env,
    SLACK_BOT_TOKEN: token,
    SLACK_API_URL: slack.url,
    ...(withApp ? { SLACK_APP_TOKEN: appToken } : {}),
  });
  const child = spawn(process.execPath, [bin, 'run'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  try {
    const deadline = Date.now() + 60_000;
    while (!stderr.includes('"job.cycle"') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    if (!stderr.includes('"job.cycle"'))
      throw new Error(`the worker did not finish its start-up cycle:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 2000)); // settle (pings, timers)
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
    cfg.cleanup();
    await slack.close();
    await govuk.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchMemory(): Promise<string[]> {
  if (!existsSync(bin) || !existsSync('/proc/self/status'))
    return ['memory: skipped (run `npm run build` first; needs /proc)'];
  const without: number[] = [];
  const withApp: number[] = [];
  for (let i = 0; i < 3; i++) {
    without.push(await workerRss(false));
    withApp.push(await workerRss(true));
  }
  const a = median(without);
  const b = median(withApp);
  return [
    row(
      'worker RSS after start-up: with Slack app / without',
      `${fmt(b)} MB`,
      `${fmt(a)} MB`,
      `+${fmt(b - a)} MB`,
    ),
  ];
}
