// A review message waiting in the outbox while a person judges its items elsewhere: delivered through
// the real delivery job to the fake Slack, it shows only the items nobody has judged since (its
// metadata names only those); with none left it is cancelled, saying why, and nothing is posted.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Commitment } from '../../../src/commitments/commitment.ts';
import type { FeedItem } from '../../../src/feeds/feed-item.ts';
import { fixedClock } from '../../../src/jobs/clock.ts';
import { deliver } from '../../../src/jobs/deliver.ts';
import { matchPending } from '../../../src/jobs/match-pending.ts';
import { recordVerdict } from '../../../src/jobs/record-verdict.ts';
import { syncCommitments } from '../../../src/jobs/sync-commitments.ts';
import { createMemoryLogger, silentLogger } from '../../../src/log.ts';
import { createSlackClients } from '../../../src/slack/slack-client.ts';
import { upsertItems } from '../../../src/store/items-table.ts';
import { listOutbox } from '../../../src/store/outbox-table.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
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
  upsertItems(t.db, 'home-office', [seized, stopped], now.toISOString(), 'live');
  matchPending(config, [customs], { db: t.db, log: silentLogger, clock: fixedClock(now) });
});
afterEach(async () => {
  await fake.close();
  t.cleanup();
});

const judge = (url: string, verdict: 'evidence' | 'not-related') =>
  recordVerdict(t.db, {
    commitmentId: customs.id,
    itemUrl: url,
    verdict,
    actor: 'ana',
    at: new Date('2024-05-07T10:05:00Z'),
    via: 'cli',
  });

const send = () =>
  deliver(config, [customs], {
    db: t.db,
    log: createMemoryLogger(),
    clock: fixedClock(new Date('2024-05-07T10:10:00Z')),
    slack: createSlackClients({ token, slackApiUrl: fake.url, timeoutMs: 300, logger: silentLogger }),
    sleep: async () => {},
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
