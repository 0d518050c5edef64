import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommitmentStatus } from '../../../src/commitments/commitment.ts';
import { createMemoryLogger } from '../../../src/log.ts';
import { HIT_END, HIT_START } from '../../../src/match/match-types.ts';
import type { AlertKind, AlertPayload, StatusCardFacts } from '../../../src/slack/alert.ts';
import { deliverAlerts, type DeliveryDeps } from '../../../src/jobs/deliver-alerts.ts';
import { refreshCards } from '../../../src/jobs/refresh-cards.ts';
import { createSlackClients, type SlackApi } from '../../../src/slack/slack-client.ts';
import { enqueueAlert, listOutbox, outboxCounts } from '../../../src/store/outbox-table.ts';
import { listBlockedChannels } from '../../../src/store/slack-channels-table.ts';
import { getThread } from '../../../src/store/threads-table.ts';
import { startFakeSlack, type FakeMessage, type FakeSlack } from '../../support/fake-slack.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';

const token = 'xoxb-test-token';
const channel = 'C0FOLLOW01';
const start = Date.parse('2024-05-08T09:00:00.000Z');

let fake: FakeSlack;
let t: TempDb;
let clock: number;
let sleeps: number[];
let slack: SlackApi;
let log: ReturnType<typeof createMemoryLogger>;
const statuses = new Map<string, CommitmentStatus>();
const evidenceCounts = new Map<string, number>();

const commitment = (id: string) => ({
  id,
  title: `Commitment ${id}`,
  status: statuses.get(id) ?? ('open' as CommitmentStatus),
  due: '2024-04',
  dueLastDay: '2024-04-30',
  owners: ['UK'],
  sourceUrl: 'https://www.gov.uk/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group',
});

const cardFacts = (id: string): StatusCardFacts => ({
  commitment: commitment(id),
  evidenceCount: evidenceCounts.get(id) ?? 1,
  asOf: new Date(clock).toISOString(),
});

const deps = (over: Partial<DeliveryDeps> = {}): DeliveryDeps => ({
  db: t.db,
  slack,
  log,
  clock: () => new Date(clock),
  timeZone: 'Europe/London',
  // Sleeping moves the shared clock: the fake stamps messages with it, so pacing shows in the ts.
  sleep: async (ms) => {
    sleeps.push(ms);
    clock += ms;
  },
  cardFacts,
  ...over,
});

let seq = 0;
function enqueue(
  kind: AlertKind,
  over: { commitmentId?: string; channel?: string; title?: string } = {},
): string {
  const id = over.commitmentId ?? 'customs-partnership';
  const n = ++seq;
  const payload: Omit<AlertPayload, 'alertId'> = {
    kind,
    commitment: commitment(id),
    raisedAt: new Date(clock).toISOString(),
  };
  if (kind === 'progress' || kind === 'possible-fulfilment') {
    payload.item = {
      url: `https://www.gov.uk/government/news/item-${n}`,
      title: over.title ?? `Item ${n}`,
      displayType: 'Press release',
      summary: 'A summary.',
      updatedAt: '2024-05-07T10:00:00.000Z',
    };
    payload.why = {
      rule: 'customs partnership',
      hits: [
        {
          term: 'customs partnership',
          fields: ['title'],
          context: `new ${HIT_START}customs partnership${HIT_END}`,
        },
      ],
    };
  } else {
    payload.daysOverdue = 8;
    payload.evidenceCount = 1;
  }
  return enqueueAlert(t.db, {
    key: `${id}|${kind}|${n}`,
    commitmentId: id,
    kind,
    channel: over.channel ?? channel,
    payload,
    now: new Date(clock).toISOString(),
  }).alertId;
}

const alertIds = (msgs: FakeMessage[]) => msgs.map((m) => m.metadata?.event_payload.alert_id).filter(Boolean);
const posts = () => fake.callsTo('chat.postMessage');

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(done()).toBe(true);
}

beforeEach(async () => {
  clock = start;
  sleeps = [];
  seq = 0;
  statuses.clear();
  evidenceCounts.clear();
  t = tempDb();
  log = createMemoryLogger();
  fake = await startFakeSlack({ token, clock: () => clock });
  slack = createSlackClients({ token, slackApiUrl: fake.url, timeoutMs: 300, logger: log });
});
afterEach(async () => {
  await fake.close();
  t.cleanup();
});

describe('deliverOutbox', () => {
  it('posts the status card first, then replies in its thread; later alerts of the commitment reply in the same thread', async () => {
    const a1 = enqueue('progress');
    const a2 = enqueue('overdue');
    const report = await deliverAlerts(deps());
    expect(report).toEqual({ sent: 2, deferred: 0, held: 0, checkedDuplicates: 0 });

    const [card, reply1, reply2] = fake.messages(channel);
    expect(fake.messages(channel)).toHaveLength(3);
    expect(card!.metadata).toEqual({
      event_type: 'followthrough_card',
      event_payload: { commitment_id: 'customs-partnership' },
    });
    expect(card!.thread_ts).toBeUndefined();
    expect(reply1).toMatchObject({
      thread_ts: card!.ts,
      metadata: {
        event_type: 'followthrough_alert',
        event_payload: {
          alert_id: a1,
          commitment_id: 'customs-partnership',
          kind: 'progress',
          item_url: 'https://www.gov.uk/government/news/item-1',
        },
      },
    });
    expect(reply1!.reply_broadcast).toBeUndefined();
    // Overdue is broadcast to the channel as well.
    expect(reply2).toMatchObject({
      thread_ts: card!.ts,
      reply_broadcast: true,
      metadata: {
        event_type: 'followthrough_alert',
        event_payload: { alert_id: a2, commitment_id: 'customs-partnership', kind: 'overdue' },
      },
    });
    expect(Object.keys(reply2!.metadata!.event_payload).sort()).toEqual([
      'alert_id',
      'commitment_id',
      'kind',
    ]);
    for (const call of posts()) {
      expect(call.body).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
      expect(call.body).not.toHaveProperty('link_names');
      expect(call.body).not.toHaveProperty('parse');
      expect(String(call.body.text).length).toBeGreaterThan(0);
    }
    expect(getThread(t.db, 'customs-partnership')).toMatchObject({
      channel,
      ts: card!.ts,
      cardStatus: 'open',
      cardPostingAt: null,
      url: `https://fake.slack.com/archives/${channel}/p${card!.ts.replace('.', '')}`,
    });
    expect(listOutbox(t.db).map((r) => [r.state, r.sentTo, r.slackTs])).toEqual([
      ['sent', 'slack', reply1!.ts],
      ['sent', 'slack', reply2!.ts],
    ]);

    const a3 = enqueue('possible-fulfilment');
    await deliverAlerts(deps());
    const reply3 = fake.messages(channel)[3]!;
    // Only the overdue alert is broadcast: a possible fulfilment stays in the thread (issue: calm messages).
    expect(reply3).toMatchObject({ thread_ts: card!.ts });
    expect(reply3.reply_broadcast).toBeUndefined();
    expect(reply3.metadata!.event_payload.alert_id).toBe(a3);
    expect(fake.messages(channel).filter((m) => !m.thread_ts)).toHaveLength(1);
  });

  it('reminders stay in the thread: only the overdue alert is also shown in the channel', async () => {
    enqueue('overdue');
    const reminder = enqueue('reminder');
    await deliverAlerts(deps());
    const [card, overdue, again] = fake.messages(channel);
    expect(overdue).toMatchObject({ thread_ts: card!.ts, reply_broadcast: true });
    expect(again).toMatchObject({ thread_ts: card!.ts });
    expect(again!.metadata!.event_payload.alert_id).toBe(reminder);
    expect(again!.reply_broadcast).toBeUndefined();
  });

  it('a #name channel: the card goes to the name, the thread keeps the ID Slack returned', async () => {
    enqueue('progress', { channel: '#followthrough' });
    enqueue('progress', { channel: '#followthrough' });
    await deliverAlerts(deps());
    const id = fake.channelId('#followthrough');
    expect(getThread(t.db, 'customs-partnership')).toMatchObject({ channel: id });
    expect(posts().map((c) => c.body.channel)).toEqual(['#followthrough', id, id]);
    expect(fake.messages(id).filter((m) => m.thread_ts)).toHaveLength(2);
  });

  it('429: rescheduled at Retry-After, not lost, delivered later exactly once', async () => {
    enqueue('progress');
    await deliverAlerts(deps());
    const a2 = enqueue('progress');
    const a3 = enqueue('progress');
    fake.script('chat.postMessage', { kind: 'rate-limited', retryAfter: 30 });
    const first = await deliverAlerts(deps());
    expect(first).toMatchObject({ sent: 0, deferred: 2 });
    const [r2, r3] = listOutbox(t.db).slice(1);
    expect(r2).toMatchObject({ state: 'pending', nextAttemptAt: new Date(clock + 30_000).toISOString() });
    expect(r3!.state).toBe('pending');

    // Before Retry-After: nothing is tried, and the later alert does not overtake the earlier one.
    const callsBefore = posts().length;
    clock += 10_000;
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 0, deferred: 2 });
    expect(posts()).toHaveLength(callsBefore);

    clock += 21_000;
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 2, deferred: 0 });
    expect(alertIds(fake.messages(channel)).filter((id) => id === a2)).toHaveLength(1);
    expect(alertIds(fake.messages(channel)).slice(-2)).toEqual([a2, a3]);
    expect(log.records.some((r) => r.event === 'slack.rate_limited' && r.retry_after_s === 30)).toBe(true);
  });

  it('HTTP 500 for a whole run, then back: every alert exactly once, in order', async () => {
    const a1 = enqueue('progress');
    await deliverAlerts(deps());
    const later = [enqueue('progress'), enqueue('overdue'), enqueue('progress')];
    fake.script('chat.postMessage', { kind: 'http-error', status: 500 }, Infinity);
    const failedRun = await deliverAlerts(deps());
    expect(failedRun).toEqual({ sent: 0, deferred: 3, held: 0, checkedDuplicates: 0 });
    // One try per run: the channel stops at the first failure so order is kept.
    expect(posts().filter((c) => c.outcome === 'http-error')).toHaveLength(1);
    expect(listOutbox(t.db)[1]).toMatchObject({
      state: 'sending',
      attempts: 1,
      nextAttemptAt: new Date(clock + 60_000).toISOString(),
    });

    // Still failing a minute later: the back-off doubles.
    clock += 60_000;
    await deliverAlerts(deps());
    expect(listOutbox(t.db)[1]).toMatchObject({
      state: 'sending',
      attempts: 2,
      nextAttemptAt: new Date(clock + 120_000).toISOString(),
    });

    fake.clearScripts();
    clock += 120_000;
    const recovered = await deliverAlerts(deps());
    expect(recovered).toMatchObject({ sent: 3, deferred: 0, checkedDuplicates: 1 });
    const ids = alertIds(fake.messages(channel));
    expect(ids).toEqual([a1, ...later]);
    expect(outboxCounts(t.db)).toMatchObject({ sent: 4, pending: 0, sending: 0 });
  });

  it('timeout after Slack stored the alert: the duplicate check finds it and nothing is posted twice', async () => {
    enqueue('progress');
    await deliverAlerts(deps());
    const a2 = enqueue('overdue');
    fake.script('chat.postMessage', { kind: 'store-then-hang' });
    const first = await deliverAlerts(deps());
    expect(first).toMatchObject({ sent: 0, deferred: 1 });
    expect(listOutbox(t.db)[1]!.state).toBe('sending');
    const postsAfterTimeout = posts().length;

    clock += 60_000;
    const second = await deliverAlerts(deps());
    expect(second).toMatchObject({ sent: 1, checkedDuplicates: 1 });
    expect(posts()).toHaveLength(postsAfterTimeout);
    const stored = fake.messages(channel).filter((m) => m.metadata?.event_payload.alert_id === a2);
    expect(stored).toHaveLength(1);
    expect(listOutbox(t.db)[1]).toMatchObject({ state: 'sent', slackTs: stored[0]!.ts });
    expect(fake.callsTo('conversations.replies')[0]!.body).toMatchObject({ include_all_metadata: 'true' });
  });

  it('a crash after Slack accepted a post (card or alert): write-ahead state makes the next run find both, posting nothing twice', async () => {
    const a1 = enqueue('progress');
    // The process "dies" once Slack has the message: the answer never comes back to this run.
    const crashing = (afterPosts: number): SlackApi => {
      let n = 0;
      return {
        ...slack,
        chat: {
          ...slack.chat,
          postMessage: async (args) => {
            const res = await slack.chat.postMessage(args);
            return ++n >= afterPosts ? new Promise<never>(() => {}) : res;
          },
        },
      };
    };
    void deliverAlerts(deps({ slack: crashing(1) }));
    await until(() => fake.messages(channel).length === 1);
    expect(getThread(t.db, 'customs-partnership')!.cardPostingAt).not.toBeNull();

    void deliverAlerts(deps({ slack: crashing(1) }));
    await until(() => fake.messages(channel).length === 2);
    expect(listOutbox(t.db)[0]!.state).toBe('sending');

    const report = await deliverAlerts(deps());
    expect(report).toMatchObject({ sent: 1, checkedDuplicates: 1 });
    expect(fake.messages(channel)).toHaveLength(2);
    expect(alertIds(fake.messages(channel))).toEqual([a1]);
    expect(getThread(t.db, 'customs-partnership')!.ts).toBe(fake.messages(channel)[0]!.ts);
  });

  it('timeout when Slack never got the alert: checked, not found, posted once', async () => {
    enqueue('progress');
    await deliverAlerts(deps());
    const a2 = enqueue('progress');
    fake.script('chat.postMessage', { kind: 'hang' });
    await deliverAlerts(deps());
    clock += 60_000;
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 1, checkedDuplicates: 1 });
    expect(alertIds(fake.messages(channel)).filter((id) => id === a2)).toHaveLength(1);
  });

  it('timeout after Slack stored the status card: the history check finds it, no second card', async () => {
    const a1 = enqueue('progress');
    fake.script('chat.postMessage', { kind: 'store-then-hang' });
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 0, deferred: 1 });
    expect(getThread(t.db, 'customs-partnership')).toMatchObject({
      ts: null,
      cardPostingAt: new Date(start).toISOString(),
    });
    clock += 60_000;
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 1 });
    const cards = fake.messages(channel).filter((m) => m.metadata?.event_type === 'followthrough_card');
    expect(cards).toHaveLength(1);
    expect(getThread(t.db, 'customs-partnership')).toMatchObject({ ts: cards[0]!.ts, cardPostingAt: null });
    expect(fake.messages(channel).find((m) => m.metadata?.event_payload.alert_id === a1)!.thread_ts).toBe(
      cards[0]!.ts,
    );
  });

  it('not_in_channel: the channel is held with the fix shown; other channels go on; a probe after retry_at releases it', async () => {
    const other = 'C0OTHER001';
    fake.script('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    const held = [enqueue('progress'), enqueue('overdue')];
    const elsewhere = enqueue('progress', { commitmentId: 'frontex', channel: other });
    const first = await deliverAlerts(deps());
    expect(first).toMatchObject({ sent: 1, held: 2 });
    expect(alertIds(fake.messages(other))).toEqual([elsewhere]);
    expect(listBlockedChannels(t.db)).toEqual([
      {
        channel,
        error: 'not_in_channel',
        fix: `invite the bot to ${channel} with /invite @followthrough`,
        blockedAt: new Date(start).toISOString(),
        retryAt: new Date(start + 3_600_000).toISOString(),
      },
    ]);
    expect(outboxCounts(t.db)).toMatchObject({ held: 2, sent: 1 });
    expect(log.records.find((r) => r.event === 'slack.blocked')).toMatchObject({
      level: 'error',
      error: 'not_in_channel',
      fix: `invite the bot to ${channel} with /invite @followthrough`,
    });

    // Before retry_at: not even tried; a new alert for the channel is held too.
    const callsBefore = fake.calls.length;
    clock += 30 * 60_000;
    held.push(enqueue('progress'));
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 0, held: 1 });
    expect(outboxCounts(t.db)).toMatchObject({ held: 3 });
    expect(fake.calls).toHaveLength(callsBefore);

    // Someone invites the bot; at retry_at one probe goes out, succeeds, and releases the rest in order.
    clock += 31 * 60_000;
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 3, held: 0 });
    expect(listBlockedChannels(t.db)).toEqual([]);
    expect(alertIds(fake.messages(channel))).toEqual(held);
  });

  it('a probe that fails again keeps the channel blocked for another hour', async () => {
    fake.script('chat.postMessage', { kind: 'error', error: 'is_archived' }, Infinity);
    enqueue('progress');
    await deliverAlerts(deps());
    clock += 3_600_000;
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 0, held: 1 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(listBlockedChannels(t.db)[0]).toMatchObject({
      error: 'is_archived',
      blockedAt: new Date(start).toISOString(),
      retryAt: new Date(clock + 3_600_000).toISOString(),
    });
  });

  it('invalid_auth blocks the whole workspace: every channel is held', async () => {
    fake.script('chat.postMessage', { kind: 'error', error: 'invalid_auth' }, Infinity);
    enqueue('progress');
    enqueue('progress');
    enqueue('progress', { commitmentId: 'frontex', channel: 'C0OTHER001' });
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 0, held: 3 });
    // Channels run side by side, so each may have had one post in flight; none after the block.
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(listBlockedChannels(t.db)).toMatchObject([{ channel: '*', error: 'invalid_auth' }]);
    expect(listBlockedChannels(t.db)[0]!.fix).toContain('SLACK_BOT_TOKEN');
  });

  it('a workspace block is probed with one alert after an hour; success releases every channel', async () => {
    fake.script('chat.postMessage', { kind: 'error', error: 'token_revoked' }, Infinity);
    const first = enqueue('progress');
    const other = enqueue('progress', { commitmentId: 'frontex', channel: 'C0OTHER001' });
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 0, held: 2 });
    expect(listBlockedChannels(t.db)).toMatchObject([{ channel: '*', error: 'token_revoked' }]);
    fake.clearScripts();
    clock += 30 * 60_000;
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 0, held: 0 });
    clock += 30 * 60_000;
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 2, held: 0 });
    expect(listBlockedChannels(t.db)).toEqual([]);
    expect(alertIds(fake.messages(channel))).toEqual([first]);
    expect(alertIds(fake.messages('C0OTHER001'))).toEqual([other]);
    expect(log.records.some((r) => r.event === 'slack.unblocked' && r.channel === '*')).toBe(true);
  });

  it('a message Slack refuses as built is sent as its plain-text fallback, not lost', async () => {
    enqueue('progress');
    await deliverAlerts(deps());
    const a2 = enqueue('progress');
    fake.script('chat.postMessage', { kind: 'error', error: 'invalid_blocks' });
    expect(await deliverAlerts(deps())).toMatchObject({ sent: 1 });
    const last = fake.messages(channel).at(-1)!;
    expect(last.blocks).toBeUndefined();
    expect(last.metadata!.event_payload.alert_id).toBe(a2);
    expect(last.text).toContain('Progress on');
  });

  it('paces about one post a second per channel, without holding up other channels', async () => {
    const other = 'C0OTHER001';
    for (let i = 0; i < 3; i++) enqueue('progress');
    enqueue('progress', { commitmentId: 'frontex', channel: other });
    await deliverAlerts(deps(), { perChannelIntervalMs: 1000 });
    const gaps = (msgs: FakeMessage[]) =>
      msgs.slice(1).map((m, i) => Math.round((Number(m.ts) - Number(msgs[i]!.ts)) * 1000));
    // Card + 3 replies in one channel: each at least a second after the one before.
    for (const gap of gaps(fake.messages(channel))) expect(gap).toBeGreaterThanOrEqual(1000);
    expect(fake.messages(channel)).toHaveLength(4);
    // The other channel's card went out before the first channel's first reply.
    const otherCard = fake.messages(other)[0]!;
    expect(Number(otherCard.ts)).toBeLessThan(Number(fake.messages(channel)[1]!.ts));
    expect(sleeps.every((ms) => ms > 0 && ms <= 1000)).toBe(true);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(3000);
  });

  it('without a Slack client, prints each alert as plain text and marks it sent to the console', async () => {
    const printed: string[] = [];
    enqueue('possible-fulfilment', {
      title: 'UK and France &amp; the \u001b[31mcustoms\u001b[0m partnership',
    });
    enqueue('overdue');
    const report = await deliverAlerts(deps({ slack: null, console: (text) => printed.push(text) }));
    expect(report).toEqual({ sent: 2, deferred: 0, held: 0, checkedDuplicates: 0 });
    expect(printed).toHaveLength(2);
    const [match, overdue] = printed as [string, string];
    expect(match).toContain(
      'POSSIBLE FULFILMENT — a person should check — Commitment customs-partnership (customs-partnership)',
    );
    expect(match).toContain(
      'item: UK and France & the [31mcustoms [0m partnership (Press release, 7 May 2024)',
    );
    expect(match).not.toContain('\u001b');
    expect(match).toContain('https://www.gov.uk/government/news/item-1');
    expect(match).toContain('why: rule "customs partnership"');
    expect(match).toContain('new *customs partnership*');
    expect(match).toContain('status: open · due 2024-04 (last day 2024-04-30)');
    expect(match).toContain(
      'resolve: npx followthrough commitments resolve customs-partnership --status met --evidence https://www.gov.uk/government/news/item-1 --note "…"',
    );
    expect(overdue).toContain('OVERDUE');
    expect(overdue).toContain('8 days overdue');
    expect(overdue).toContain(
      'snooze:  npx followthrough commitments snooze customs-partnership --until 2024-05-22',
    );
    expect(listOutbox(t.db).map((r) => [r.state, r.sentTo, r.slackTs])).toEqual([
      ['sent', 'console', null],
      ['sent', 'console', null],
    ]);
  });
});

describe('refreshCards', () => {
  it('edits the card once per status change, and not when nothing changed', async () => {
    enqueue('progress');
    await deliverAlerts(deps());
    const refresh = () => refreshCards({ db: t.db, slack, log, cardFacts, timeZone: 'Europe/London' });
    expect(await refresh()).toEqual({ updated: 0, failed: 0 });
    statuses.set('customs-partnership', 'overdue');
    expect(await refresh()).toEqual({ updated: 1, failed: 0 });
    expect(await refresh()).toEqual({ updated: 0, failed: 0 });
    statuses.set('customs-partnership', 'met');
    expect(await refresh()).toEqual({ updated: 1, failed: 0 });
    const updates = fake.callsTo('chat.update');
    expect(updates).toHaveLength(2);
    const card = fake.messages(channel)[0]!;
    expect(updates.map((u) => u.body.ts)).toEqual([card.ts, card.ts]);
    expect(JSON.stringify(card.blocks)).toContain(':white_check_mark: Met');
    expect(card.metadata).toEqual({
      event_type: 'followthrough_card',
      event_payload: { commitment_id: 'customs-partnership' },
    });
    expect(getThread(t.db, 'customs-partnership')!.cardStatus).toBe('met');
  });

  it('edits the card when its facts change without a status change (new evidence), once', async () => {
    enqueue('progress');
    await deliverAlerts(deps());
    const refresh = () => refreshCards({ db: t.db, slack, log, cardFacts, timeZone: 'Europe/London' });
    expect(await refresh()).toEqual({ updated: 0, failed: 0 });
    clock += 86_400_000; // a later day alone changes nothing
    expect(await refresh()).toEqual({ updated: 0, failed: 0 });
    evidenceCounts.set('customs-partnership', 4);
    expect(await refresh()).toEqual({ updated: 1, failed: 0 });
    expect(await refresh()).toEqual({ updated: 0, failed: 0 });
    expect(JSON.stringify(fake.messages(channel)[0]!.blocks)).toContain('*Evidence*\\n4 items');
    // With the Slack app the card gains its buttons: that is a change too.
    expect(
      await refreshCards({ db: t.db, slack, log, cardFacts, timeZone: 'Europe/London', interactive: true }),
    ).toEqual({ updated: 1, failed: 0 });
    expect(JSON.stringify(fake.messages(channel)[0]!.blocks)).toContain('followthrough_resolve');
  });

  it('a failed edit is retried on the next run', async () => {
    enqueue('progress');
    await deliverAlerts(deps());
    statuses.set('customs-partnership', 'overdue');
    fake.script('chat.update', { kind: 'error', error: 'message_not_found' });
    expect(await refreshCards({ db: t.db, slack, log, cardFacts, timeZone: 'Europe/London' })).toEqual({
      updated: 0,
      failed: 1,
    });
    expect(await refreshCards({ db: t.db, slack, log, cardFacts, timeZone: 'Europe/London' })).toEqual({
      updated: 1,
      failed: 0,
    });
  });
});
