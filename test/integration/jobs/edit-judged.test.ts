// A message already in Slack whose item a person judges (from the CLI here; the Slack buttons call the
// same function) is edited through the real delivery step to say who judged it and how, with the one
// button that changes the answer; the other items keep both buttons. The edit is written to SQLite in
// the verdict's transaction, so a rate limit delays it and loses nothing; a deleted message ends it.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Commitment } from '../../../src/commitments/commitment.ts';
import type { FeedItem } from '../../../src/feeds/feed-item.ts';
import { fixedClock } from '../../../src/jobs/clock.ts';
import { collectStatus } from '../../../src/jobs/collect-status.ts';
import { deliver } from '../../../src/jobs/deliver.ts';
import { matchPending } from '../../../src/jobs/match-pending.ts';
import { recordVerdict } from '../../../src/jobs/record-verdict.ts';
import { syncCommitments } from '../../../src/jobs/sync-commitments.ts';
import { createMemoryLogger, silentLogger } from '../../../src/log.ts';
import { actionIds } from '../../../src/slack/item-actions.ts';
import { createSlackClients } from '../../../src/slack/slack-client.ts';
import { upsertItems } from '../../../src/store/items-table.ts';
import { countPendingEdits } from '../../../src/store/message-edits-table.ts';
import { type FakeMessage, startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';

const token = 'xoxb-test-token';
const customs: Commitment = {
  id: 'customs-partnership',
  title: 'UK and France lead a new customs partnership with the Calais Group',
  source: {
    url: 'https://www.gov.uk/government/news/calais-group',
    published: '2024-03-05',
    quote: 'The UK and France will lead a new customs partnership.',
    context: 'Customs agencies will share information to disrupt shipments of small boat materials.',
  },
  owners: ['UK', 'France'],
  graceDays: 7,
  staleDays: 90,
  match: { any: ['customs partnership'], exclude: [] },
  fulfilment: [],
};

const item = (slug: string, title: string): FeedItem => ({
  path: `/government/news/${slug}`,
  url: `https://www.gov.uk/government/news/${slug}`,
  title,
  displayType: 'Press release',
  summary: 'Officers disrupted shipments of small boat materials bound for people smugglers.',
  updatedAt: '2024-05-07T09:30:00.000Z',
});
const seized = item('seized', 'Shipments of boat materials seized at the port');
const stopped = item('stopped', 'Shipments of small boat materials stopped');
const launched = item('launched', 'Customs partnership launched with Calais Group members');

const config = testConfig();
const now = new Date('2024-05-07T10:00:00Z');
let t: TempDb;
let fake: FakeSlack;
beforeEach(async () => {
  t = tempDb();
  fake = await startFakeSlack({ token, clock: () => now.getTime() });
  syncCommitments(config, [customs], {
    db: t.db,
    log: silentLogger,
    clock: fixedClock(new Date('2024-05-01')),
  });
  upsertItems(t.db, 'home-office', [seized, stopped, launched], now.toISOString(), 'live');
  matchPending(config, [customs], { db: t.db, log: silentLogger, clock: fixedClock(now) });
});
afterEach(async () => {
  await fake.close();
  t.cleanup();
});

const judge = (url: string, verdict: 'evidence' | 'not-related', at = '2024-05-07T10:05:00Z') =>
  recordVerdict(t.db, {
    commitmentId: customs.id,
    itemUrl: url,
    verdict,
    actor: 'ana',
    at: new Date(at),
    via: 'cli',
  });

const send = (at = '2024-05-07T10:10:00Z', log = createMemoryLogger()) =>
  deliver(config, [customs], {
    db: t.db,
    log,
    clock: fixedClock(new Date(at)),
    slack: createSlackClients({ token, slackApiUrl: fake.url, timeoutMs: 300, logger: silentLogger }),
    sleep: async () => {},
    interactive: true,
  });

const posted = (kind: string) =>
  fake.messages(config.slack.channel).find((m) => m.metadata?.event_payload.kind === kind)!;
const buttonsUnder = (m: FakeMessage, url: string) =>
  ((m.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => (JSON.parse(e.value) as { u: string }).u === url)
    .map((e) => e.action_id);

describe('a message whose item a person judged after it was posted', () => {
  it('says who judged which item and how, keeping both buttons on the others', async () => {
    await send();
    const review = posted('review');
    expect(buttonsUnder(review, seized.url)).toEqual([actionIds.evidence, actionIds.notRelated]);
    judge(seized.url, 'not-related');
    expect(countPendingEdits(t.db)).toBe(1);
    await send('2024-05-07T10:11:00Z');
    const edited = posted('review');
    expect(edited.edited).toBe(true);
    expect(JSON.stringify(edited.blocks)).toContain('Marked not related by ana on 7 May 2024');
    expect(buttonsUnder(edited, seized.url)).toEqual([actionIds.evidence]);
    expect(buttonsUnder(edited, stopped.url)).toEqual([actionIds.evidence, actionIds.notRelated]);
    expect(countPendingEdits(t.db)).toBe(0);

    // An alert is edited the same way, and a changed mind shows the answer in force.
    const alert = posted('progress');
    judge(launched.url, 'not-related', '2024-05-07T10:12:00Z');
    judge(launched.url, 'evidence', '2024-05-07T10:13:00Z');
    await send('2024-05-07T10:14:00Z');
    expect(JSON.stringify(posted('progress').blocks)).toContain('Counted as evidence by ana');
    expect(buttonsUnder(posted('progress'), launched.url)).toEqual([actionIds.notRelated]);
    expect(posted('progress').ts).toBe(alert.ts);
  });

  it('waits out a rate limit and loses nothing; a deleted message ends the edit', async () => {
    await send();
    judge(seized.url, 'not-related');
    fake.script('chat.update', { kind: 'rate-limited', retryAfter: 30 }, Number.POSITIVE_INFINITY);
    await send('2024-05-07T10:11:00Z');
    expect(posted('review').edited).toBeUndefined();
    expect(countPendingEdits(t.db)).toBe(1);
    // status says what waits and why
    expect(collectStatus(config, t.db, new Date('2024-05-07T10:11:05Z')).messageEdits).toMatchObject({
      total: 1,
      failing: { lastError: 'rate limited', attempts: 1 },
    });
    const tried = fake.callsTo('chat.update').length;
    await send('2024-05-07T10:11:10Z'); // before Retry-After: not tried
    expect(fake.callsTo('chat.update').length).toBe(tried);
    fake.clearScripts('chat.update');
    await send('2024-05-07T10:12:00Z');
    expect(JSON.stringify(posted('review').blocks)).toContain('Marked not related by ana');
    expect(countPendingEdits(t.db)).toBe(0);

    judge(stopped.url, 'evidence', '2024-05-07T10:13:00Z');
    fake.script('chat.update', { kind: 'error', error: 'message_not_found' }, Number.POSITIVE_INFINITY);
    const log = createMemoryLogger();
    await send('2024-05-07T10:14:00Z', log);
    expect(countPendingEdits(t.db)).toBe(0);
    expect(log.records.some((r) => r.event === 'slack.message_edit_failed')).toBe(true);
    fake.clearScripts('chat.update');
    await send('2024-05-07T10:20:00Z', log); // nothing left to try
    expect(log.records.filter((r) => r.event === 'slack.message_edit_failed')).toHaveLength(1);
  });

  it('an item judged before its alert left is posted showing the verdict', async () => {
    judge(launched.url, 'evidence');
    await send();
    expect(JSON.stringify(posted('progress').blocks)).toContain('Counted as evidence by ana on 7 May 2024');
    expect(countPendingEdits(t.db)).toBe(0);
  });
});
