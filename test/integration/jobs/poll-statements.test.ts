// Parliament's written statements through pollFeeds against the fake Parliament API: a day window
// read page by page, one detail call per new statement, a Commons/Lords pair stored as one item,
// a correction as an update, and each way the API can fail.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../src/feeds/fetch-feed.ts';
import { backfill } from '../../../src/jobs/backfill.ts';
import { pollFeeds } from '../../../src/jobs/poll-feeds.ts';
import { silentLogger } from '../../../src/log.ts';
import { getFeedState } from '../../../src/store/feeds-table.ts';
import { countItems, getItemByPath, itemUpdates } from '../../../src/store/items-table.ts';
import {
  startFakeParliament,
  type FakeParliament,
  type FakeStatement,
} from '../../support/fake-parliament.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { feed, testConfig } from '../../support/test-config.ts';

let parliament: FakeParliament;
let t: TempDb;
beforeEach(async () => {
  parliament = await startFakeParliament();
  t = tempDb();
});
afterEach(async () => {
  t.cleanup();
  await parliament.close();
});

const start = '2024-12-11T09:00:00Z';
const minutes = (n: number) => new Date(Date.parse(start) + n * 60_000);
const calais =
  '<p>Today I am updating the House on the Calais Group meeting in London, where the UK, France, Belgium, ' +
  'Germany and the Netherlands agreed a joint action plan.</p><p>Customs agencies will share information on ' +
  'shipments of small boat engines, and the partners will step up work with social media companies to take ' +
  'down people smugglers’ adverts.</p>';

function statement(over: Partial<FakeStatement> & Pick<FakeStatement, 'id'>): FakeStatement {
  return {
    uin: `HCWS${over.id}`,
    day: '2024-12-10',
    title: `Statement ${over.id}`,
    html: `<p>Text of statement ${over.id}.</p>`,
    house: 'Commons',
    ...over,
  };
}

const pair = [
  statement({ id: 9100, uin: 'HCWS300', title: 'Calais Group', html: calais }),
  statement({
    id: 9101,
    uin: 'HLWS200',
    house: 'Lords',
    title: 'Calais Group',
    html: `<p>My right honourable Friend has today made the following Written Ministerial Statement:</p>${calais}`,
  }),
];

function config() {
  return testConfig({
    feeds: [
      feed('ho-statements', parliament.listUrl('answeringBodies=1'), { type: 'parliament-statements' }),
    ],
  });
}
const poll = (now: Date) => pollFeeds(config(), { db: t.db, log: silentLogger, fetchFeed, clock: () => now });

describe('pollFeeds: parliament-statements', () => {
  it('reads the window page by page, each new statement once in detail, a Commons/Lords pair as one item', async () => {
    const filler = Array.from({ length: 110 }, (_, i) => statement({ id: 8000 + i, day: '2024-12-09' }));
    parliament.setStatements([
      ...pair,
      ...filler,
      statement({ id: 9200, answeringBodyId: 53, answeringBodyName: 'Cabinet Office' }),
      statement({ id: 7000, day: '2024-11-20' }),
    ]);
    const first = await poll(new Date(start));
    expect(first.feeds[0]).toMatchObject({ outcome: 'stored', inserted: 111, skipped: 0 });
    const lists = parliament.requestsFor('list');
    expect(lists.map((r) => [r.query.get('madeWhenFrom'), r.query.get('skip'), r.query.get('take')])).toEqual(
      [
        ['2024-12-04', '0', '100'],
        ['2024-12-04', '100', '100'],
      ],
    );
    expect(lists[0]!.query.getAll('answeringBodies')).toEqual(['1']);
    for (const id of [9100, 9101, 8000, 8109]) expect(parliament.requestsFor(id)).toHaveLength(1);
    expect(parliament.requestsFor(9200)).toHaveLength(0);
    expect(parliament.requestsFor(7000)).toHaveLength(0);

    const item = getItemByPath(t.db, 'wms:9100')!;
    expect(item).toMatchObject({
      url: 'https://questions-statements.parliament.uk/written-statements/detail/2024-12-10/HCWS300',
      title: 'Calais Group',
      displayType: 'Written statement',
      publisher: 'Home Office',
      origin: 'baseline',
    });
    expect(item.summary.endsWith('…')).toBe(true);
    expect(item.summary.length).toBeLessThanOrEqual(253);
    expect(item.body).toContain('take down people smugglers’ adverts');
    expect(getItemByPath(t.db, 'wms:9101')).toBeUndefined();
    const keys = t.db
      .prepare('SELECT key FROM item_keys WHERE item_id = ? ORDER BY key')
      .pluck()
      .all(item.id);
    expect(keys).toEqual(['wms-commons:2024-12-10:1:calais-group', 'wms:9101']);
    expect(getFeedState(t.db, 'ho-statements')).toMatchObject({ failures: 0, lastStatus: 200 });

    // the next poll reads the list again and asks for no detail
    const details = parliament.requests.length - parliament.requestsFor('list').length;
    const second = await poll(minutes(16));
    expect(second.feeds[0]).toMatchObject({ outcome: 'stored', inserted: 0, majorUpdates: 0 });
    expect(parliament.requests.length - parliament.requestsFor('list').length).toBe(details);
  });

  it('a Lords repeat published on a later poll lands on the Commons item; a correction updates it', async () => {
    parliament.setStatements([pair[0]!]);
    await poll(new Date(start));
    parliament.addStatements([pair[1]!]);
    const repeat = await poll(minutes(16));
    expect(repeat.feeds[0]).toMatchObject({ inserted: 0, majorUpdates: 0 });
    expect(countItems(t.db).total).toBe(1);

    parliament.addStatements([
      statement({
        id: 9150,
        uin: 'HCWS310',
        day: '2024-12-11',
        title: 'Calais Group (correction)',
        html: '<p>The meeting took place in Brussels, not London.</p>',
        linked: [{ id: 9100, type: 'CorrectedStatement' }],
      }),
    ]);
    const corrected = await poll(minutes(32));
    expect(corrected.feeds[0]).toMatchObject({ inserted: 0, majorUpdates: 1 });
    const item = getItemByPath(t.db, 'wms:9100')!;
    expect(item).toMatchObject({
      title: 'Calais Group (correction)',
      url: 'https://questions-statements.parliament.uk/written-statements/detail/2024-12-11/HCWS310',
      body: 'The meeting took place in Brussels, not London.',
      majorUpdates: 1,
    });
    expect(itemUpdates(t.db, item.id)).toHaveLength(1);
    expect(countItems(t.db).total).toBe(1);
    // and it is not read in detail again
    await poll(minutes(48));
    expect(parliament.requestsFor(9150)).toHaveLength(1);
  });

  it('a 500 on one detail skips that statement with a reason and keeps the rest; it is read next time', async () => {
    parliament.setStatements([statement({ id: 1 }), statement({ id: 2 }), statement({ id: 3 })]);
    parliament.fail(2, { status: 500 }, { times: 1 });
    const r = await poll(new Date(start));
    expect(r.feeds[0]).toMatchObject({ outcome: 'stored', inserted: 2, skipped: 1 });
    expect(getFeedState(t.db, 'ho-statements')!.lastSkippedDetail).toEqual([
      { ref: 'HCWS2 (id 2)', reason: expect.stringMatching(/statements\/2\?expandMember=true answered 500/) },
    ]);
    const again = await poll(minutes(16));
    expect(again.feeds[0]).toMatchObject({ inserted: 1, skipped: 0 });
    expect(countItems(t.db).total).toBe(3);
  });

  it('a 429 on the list backs off for its Retry-After and stores nothing', async () => {
    parliament.setStatements([statement({ id: 1 })]);
    parliament.fail('list', { status: 429, retryAfter: '3600' }, { times: 1 });
    const r = await poll(new Date(start));
    expect(r.failed).toBe(1);
    expect(r.feeds[0]!.error).toMatch(/answered 429.*Retry-After 3600 s/);
    expect(getFeedState(t.db, 'ho-statements')).toMatchObject({
      failures: 1,
      lastStatus: 429,
      nextAttemptAt: minutes(60).toISOString(),
    });
    expect(countItems(t.db).total).toBe(0);
    expect((await poll(minutes(30))).feeds[0]!.outcome).toBe('not-due');
    expect((await poll(minutes(61))).feeds[0]).toMatchObject({ outcome: 'stored', inserted: 1 });
  });

  it('a 429 while reading details keeps what was read, backs off, and reads the rest next time', async () => {
    parliament.setStatements([statement({ id: 1 }), statement({ id: 2 }), statement({ id: 3 })]);
    // details in the list's order, newest first: 3, then 2 (refused), and 1 is not asked for
    parliament.fail(2, { status: 429, retryAfter: '600' }, { times: 1 });
    const r = await poll(new Date(start));
    expect(r.feeds[0]).toMatchObject({ outcome: 'failed', inserted: 1 });
    expect(parliament.requestsFor(1)).toHaveLength(0);
    expect(getFeedState(t.db, 'ho-statements')).toMatchObject({ failures: 1, firstPolledAt: null });
    const next = await poll(minutes(11));
    expect(next.feeds[0]).toMatchObject({ outcome: 'stored', inserted: 2 });
    // the whole first read was a baseline, even across the failure
    expect(getItemByPath(t.db, 'wms:1')!.origin).toBe('baseline');
  });

  it('backfill --since reads every statement since the day, in detail, as backfill', async () => {
    parliament.setStatements([
      statement({ id: 1, day: '2024-09-02' }),
      statement({ id: 2, day: '2024-10-15' }),
      statement({ id: 3, day: '2024-08-01' }),
    ]);
    const report = await backfill(config(), [], '2024-09-01', {
      db: t.db,
      log: silentLogger,
      fetchFeed,
      clock: () => new Date(start),
    });
    expect(report.sources).toEqual([{ feed: 'ho-statements', added: 2 }]);
    expect(parliament.requestsFor('list')[0]!.query.get('madeWhenFrom')).toBe('2024-09-01');
    expect(getItemByPath(t.db, 'wms:1')).toMatchObject({ origin: 'backfill', body: 'Text of statement 1.' });
    expect(getItemByPath(t.db, 'wms:3')).toBeUndefined();
  });
});
