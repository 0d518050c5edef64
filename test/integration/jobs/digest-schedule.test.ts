// The weekly digest under the real worker (real node-cron, real WebClient against the fake Slack):
// posted once per week and channel however often the schedule fires, and a digest missed while
// the worker was down is caught up once at the next start.

import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaults, type Config } from '../../../src/config/config.ts';
import type { FetchOutcome } from '../../../src/feeds/fetch-feed.ts';
import { digestJobs } from '../../../src/jobs/digest-jobs.ts';
import { startWorker, type Worker } from '../../../src/jobs/worker.ts';
import { createMemoryLogger } from '../../../src/log.ts';
import { createSlackClients, type SlackApi } from '../../../src/slack/slack-client.ts';
import { fakeChannelId, startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { repoRoot } from '../../support/run-cli.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';

const token = 'xoxb-test-token';
const never = '0 0 1 1 *'; // other jobs stay out of the way (the start-up cycle still runs)
let t: TempDb;
let fake: FakeSlack;
let slack: SlackApi;
let log: ReturnType<typeof createMemoryLogger>;
let workers: Worker[];

beforeEach(async () => {
  t = tempDb();
  // Two channels: frontex is watched in its own.
  const file = join(t.dir, 'commitments.yaml');
  copyFileSync(join(repoRoot, 'config/commitments.yaml'), file);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('  - id: frontex\n');
  writeFileSync(file, text.replace('  - id: frontex\n', '  - id: frontex\n    channel: "#borders"\n'));
  log = createMemoryLogger();
  fake = await startFakeSlack({ token });
  slack = createSlackClients({ token, slackApiUrl: fake.url, timeoutMs: 1000, logger: log });
  workers = [];
});
afterEach(async () => {
  for (const w of workers) await w.stop().catch(() => {});
  await fake.close();
  t.cleanup();
});

function config(digest: string): Config {
  return testConfig({
    commitmentsFile: join(t.dir, 'commitments.yaml'),
    digestDir: join(t.dir, 'digests'),
    schedule: { ...defaults.schedule, poll: never, overdue: never, deliver: never, digest },
  });
}

const noFetch = async (): Promise<FetchOutcome> => {
  throw new Error('no feeds in this test');
};

function start(cfg: Config, now: string, onDigestRun: () => void = () => {}): Worker {
  const jobs = digestJobs(cfg, { db: t.db, log, slack, sleep: async () => {} }).map((j) =>
    j.name === 'digest'
      ? {
          ...j,
          run: async (clock: () => Date) => {
            onDigestRun();
            await j.run(clock);
          },
        }
      : j,
  );
  const w = startWorker(cfg, {
    db: t.db,
    log,
    fetchFeed: noFetch,
    slack,
    sleep: async () => {},
    clock: () => new Date(now),
    extraJobs: jobs,
  });
  workers.push(w);
  return w;
}

/** Top-level digest messages (part 1) per channel, by name (a post may name the channel by name or by ID). */
function digestPosts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of fake.callsTo('chat.postMessage')) {
    const meta = c.body.metadata as
      | { event_type?: string; event_payload?: { week?: string; part?: number | string } }
      | undefined;
    if (meta?.event_type !== 'followthrough_digest' || String(meta.event_payload?.part) !== '1') continue;
    const named =
      ['#followthrough', '#borders'].find(
        (n) => n === c.body.channel || fakeChannelId(n) === c.body.channel,
      ) ?? String(c.body.channel);
    (out[named] ??= []).push(String(meta.event_payload?.week));
  }
  return out;
}

async function waitFor(done: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  expect(done()).toBe(true);
}

describe('the scheduled digest', () => {
  it('posts once per week and channel, however often its schedule fires', async () => {
    let runs = 0;
    // Every second, with the clock held on Monday 13 May 2024: each firing is the same week.
    const w = start(config('* * * * * *'), '2024-05-13T09:00:30Z', () => {
      runs++;
    });
    await waitFor(() => runs >= 3);
    await w.idle();
    const posts = digestPosts();
    expect(Object.keys(posts).sort()).toEqual(['#borders', '#followthrough']);
    expect(posts['#followthrough']).toEqual(['2024-W19']);
    expect(posts['#borders']).toEqual(['2024-W19']);
    expect(existsSync(join(t.dir, 'digests', '2024-W19.md'))).toBe(true);
    expect(existsSync(join(t.dir, 'digests', '2024-W19.html'))).toBe(true);
    expect(existsSync(join(t.dir, 'digests', '2024-W19-borders.md'))).toBe(true);
  });

  it('a digest missed while the worker was down is sent once, at the next start', async () => {
    const cfg = config('0 9 * * 1');
    // Running during the week (it first ran on Sunday), and before Monday 09:00 the digest is not due yet.
    const early = start(cfg, '2024-05-12T07:30:00Z');
    await early.idle();
    await early.stop();
    expect(digestPosts()).toEqual({});

    // Down through Monday 09:00; started on Tuesday: the missed digest goes out.
    const late = start(cfg, '2024-05-14T12:00:00Z');
    await waitFor(() => Object.keys(digestPosts()).length === 2);
    await late.idle();
    await late.stop();

    // Restarted again the same week: nothing more.
    const again = start(cfg, '2024-05-15T08:00:00Z');
    await again.idle();
    await new Promise((r) => setTimeout(r, 300));
    await again.idle();
    expect(digestPosts()).toEqual({ '#followthrough': ['2024-W19'], '#borders': ['2024-W19'] });
  });

  it('a first start sends no catch-up for a week that ended before followthrough ever ran', async () => {
    const first = start(config('0 9 * * 1'), '2024-05-14T12:00:00Z');
    await first.idle();
    await new Promise((r) => setTimeout(r, 300));
    await first.idle();
    expect(digestPosts()).toEqual({});
    expect(log.records.find((r) => r.event === 'digest.catch_up_skipped')).toMatchObject({
      week: '2024-W19',
    });
  });
});
