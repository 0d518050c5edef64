// Review messages and alerts judged by a person, through the real delivery job to the fake Slack.
// - Judged while it waits in the outbox: it shows only the items nobody has judged since (its metadata
//   names only those); with none left it is cancelled, saying why, and nothing is posted.
// - Judged after it was posted (from the CLI here; the Slack buttons call the same function): it is
//   edited to say who judged which item and how, with the one button that changes the answer, the
//   other items keeping both. The edit is written to SQLite in the verdict's transaction, so a rate
//   limit delays it and loses nothing; a deleted message ends it.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
import { listOutbox } from '../../../src/store/outbox-table.ts';
import { type FakeMessage, startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';
import { customs, pressRelease } from '../../support/review-fixtures.ts';

const token = 'xoxb-test-token';
const item = pressRelease;
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

const reviewRow = () => listOutbox(t.db).find((r) => r.kind === 'review')!;
const reviewPosts = () =>
  fake.messages(config.slack.channel).filter((m) => m.metadata?.event_payload.kind === 'review');

describe('a review message judged while it waits', () => {
  it('is sent with both items when nobody judged them', async () => {
    expect(reviewRow().payload.reviewItems).toHaveLength(2);
    await send();
    expect(reviewPosts()).toHaveLength(1);
    expect([...(reviewPosts()[0]!.metadata!.event_payload.item_urls as string[])].sort()).toEqual(
      [seized.url, stopped.url].sort(),
    );
  });

  it('drops a line marked not related (or evidence) since it was queued', async () => {
    judge(seized.url, 'not-related');
    await send();
    const [posted] = reviewPosts();
    expect(reviewPosts()).toHaveLength(1);
    expect(posted!.metadata!.event_payload.item_urls).toEqual([stopped.url]);
    expect(JSON.stringify(posted!.blocks)).not.toContain(seized.title);
    expect(JSON.stringify(posted!.blocks)).toContain(stopped.title);
    // The row records what it showed.
    expect(reviewRow().state).toBe('sent');
    expect(reviewRow().payload.reviewItems?.map((e) => e.item.url)).toEqual([stopped.url]);
  });

  it('is cancelled, saying why, when every line was judged', async () => {
    judge(seized.url, 'not-related');
    judge(stopped.url, 'evidence');
    await send();
    expect(reviewPosts()).toHaveLength(0);
    expect(reviewRow().state).toBe('cancelled');
    expect(reviewRow().lastError).toMatch(/every item in it was judged before it was sent/);
  });
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
