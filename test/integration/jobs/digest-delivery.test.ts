// A digest part is an outbox row: a 429 or an invalid_auth on it is handled exactly as on an
// alert — it waits for Retry-After or the workspace block, is never re-posted every minute, shows
// in the outbox with its error, and goes out once when Slack takes it. Real WebClient, fake Slack.

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCommitments } from '../../../src/config/load-commitments.ts';
import { digestWeekByLabel } from '../../../src/digest/digest-week.ts';
import { deliverAlerts } from '../../../src/jobs/deliver-alerts.ts';
import { sendDigests } from '../../../src/jobs/send-digest.ts';
import { createMemoryLogger } from '../../../src/log.ts';
import { createSlackClients, type SlackApi } from '../../../src/slack/slack-client.ts';
import { getDigest } from '../../../src/store/digests-table.ts';
import { recentErrors } from '../../../src/store/outbox-stuck.ts';
import { outboxCounts } from '../../../src/store/outbox-table.ts';
import { listBlockedChannels } from '../../../src/store/slack-channels-table.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { repoRoot } from '../../support/run-cli.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';

const token = 'xoxb-test-token';
const now = new Date('2024-05-13T09:00:00.000Z');
const week = digestWeekByLabel('2024-W19', 'Europe/London');
const commitments = loadCommitments(join(repoRoot, 'config/commitments.yaml'), { staleDays: 90 });

let t: TempDb;
let fake: FakeSlack;
let slack: SlackApi;
let log: ReturnType<typeof createMemoryLogger>;

beforeEach(async () => {
  t = tempDb();
  fake = await startFakeSlack({ token });
  log = createMemoryLogger();
  slack = createSlackClients({ token, slackApiUrl: fake.url, timeoutMs: 1000, logger: log });
});
afterEach(async () => {
  await fake.close();
  t.cleanup();
});

const config = () => testConfig({ digestDir: join(t.dir, 'digests') });

const send = (at: Date) =>
  sendDigests(config(), commitments, { db: t.db, log, slack, sleep: async () => {}, clock: () => at }, week);

/** The worker's delivery job, as it runs every minute, at `seconds` after `now`. */
const deliverAt = (seconds: number) =>
  deliverAlerts({
    db: t.db,
    slack,
    log,
    clock: () => new Date(now.getTime() + seconds * 1000),
    sleep: async () => {},
    timeZone: 'Europe/London',
    cardFacts: () => null,
  });

const digestPostAttempts = () =>
  fake
    .callsTo('chat.postMessage')
    .filter(
      (c) => (c.body.metadata as { event_type?: string } | undefined)?.event_type === 'followthrough_digest',
    );

const digestMessages = () =>
  fake.messages('#followthrough').filter((m) => m.metadata?.event_type === 'followthrough_digest');

describe('a digest part under Slack faults', () => {
  it('429 with Retry-After 8: waits 8 s, then is posted once', async () => {
    fake.script('chat.postMessage', { kind: 'rate-limited', retryAfter: 8 });
    const [first] = await send(now);
    expect(first).toMatchObject({ outcome: 'pending', week: '2024-W19', channel: '#followthrough' });
    expect(first!.error).toMatch(/rate limited by Slack .*retry after 8 s/);
    expect(Date.parse(first!.nextAttemptAt!)).toBeGreaterThanOrEqual(now.getTime() + 8000);

    // The schedule and the delivery job keep firing every second: nothing is re-posted early.
    for (let s = 1; s <= 7; s++) {
      await deliverAt(s);
      if (s === 3) expect((await send(new Date(now.getTime() + 3000)))[0]!.outcome).toBe('pending');
    }
    expect(digestPostAttempts()).toHaveLength(1);
    expect(digestMessages()).toHaveLength(0);
    expect(outboxCounts(t.db)).toMatchObject({ pending: 1, sent: 0 });
    expect(recentErrors(t.db)).toMatchObject([
      { kind: 'digest', lastError: expect.stringMatching(/retry after 8 s/) },
    ]);
    expect(log.records.some((r) => r.event === 'slack.rate_limited' && r.retry_after_s === 8)).toBe(true);

    expect(await deliverAt(9)).toMatchObject({ sent: 1 });
    expect(digestMessages()).toHaveLength(1);
    expect(getDigest(t.db, '2024-W19', '#followthrough')?.state).toBe('sent');
    expect((await send(new Date(now.getTime() + 10_000)))[0]!.outcome).toBe('already-sent');
    expect(digestPostAttempts()).toHaveLength(2);
  });

  it('invalid_auth: the workspace is blocked and the digest held, not re-posted; the probe after the fix sends it once', async () => {
    fake.script('chat.postMessage', { kind: 'error', error: 'invalid_auth' }, Infinity);
    const [first] = await send(now);
    expect(first).toMatchObject({ outcome: 'pending', error: expect.stringMatching(/invalid_auth/) });
    for (let s = 1; s <= 8; s++) await deliverAt(s);
    expect(digestPostAttempts()).toHaveLength(1);
    expect(listBlockedChannels(t.db)).toMatchObject([{ channel: '*', error: 'invalid_auth' }]);
    expect(outboxCounts(t.db)).toMatchObject({ held: 1, sent: 0 });

    // Someone fixes the token; the hourly probe delivers the digest once.
    fake.clearScripts();
    await deliverAt(30 * 60);
    expect(digestPostAttempts()).toHaveLength(1);
    expect(await deliverAt(3601)).toMatchObject({ sent: 1 });
    expect(digestMessages()).toHaveLength(1);
    expect(listBlockedChannels(t.db)).toEqual([]);
    expect(getDigest(t.db, '2024-W19', '#followthrough')?.state).toBe('sent');
  });

  it('a timeout after Slack stored part 1: the next run finds it in the channel and posts nothing twice', async () => {
    fake.script('chat.postMessage', { kind: 'store-then-hang' });
    const [first] = await send(now);
    expect(first!.outcome).toBe('pending');
    expect(digestMessages()).toHaveLength(1);
    expect(await deliverAt(120)).toMatchObject({ sent: 1, checkedDuplicates: 1 });
    expect(digestMessages()).toHaveLength(1);
    expect(digestPostAttempts()).toHaveLength(1);
    expect(log.records.some((r) => r.event === 'digest.duplicate_avoided')).toBe(true);
    expect(getDigest(t.db, '2024-W19', '#followthrough')).toMatchObject({
      state: 'sent',
      slackTs: digestMessages()[0]!.ts,
    });
  });

  it('a long digest: part 2 replies in part 1 thread, after part 1, each part once', async () => {
    // Enough commitments for the digest to need thread replies.
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...commitments[0]!,
      id: `c-${i}`,
      title: `Commitment ${i} ${'with a long title '.repeat(8)}`,
    }));
    const outcomes = await sendDigests(
      config(),
      many,
      { db: t.db, log, slack, sleep: async () => {}, clock: () => now },
      week,
    );
    expect(outcomes[0]).toMatchObject({ outcome: 'sent' });
    const parts = digestMessages();
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]!.thread_ts).toBeUndefined();
    for (const p of parts.slice(1)) expect(p.thread_ts).toBe(parts[0]!.ts);
    expect(parts.map((p) => Number(p.metadata!.event_payload.part))).toEqual(parts.map((_, i) => i + 1));
  });
});
