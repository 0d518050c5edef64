// pollFeeds against the fake GOV.UK: for each way a feed can misbehave, what is stored and what
// the feed's state (which `status` shows) says.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../src/feeds/fetch-feed.ts';
import { pollFeeds } from '../../../src/jobs/poll-feeds.ts';
import { silentLogger } from '../../../src/log.ts';
import { getFeedState } from '../../../src/store/feeds-table.ts';
import { countItems, getItemByPath, itemUpdates } from '../../../src/store/items-table.ts';
import { startFakeGovuk, govukPaths, type FakeGovuk } from '../../support/fake-govuk.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { feed, testConfig } from '../../support/test-config.ts';

let govuk: FakeGovuk;
let t: TempDb;
beforeEach(async () => {
  govuk = await startFakeGovuk();
  t = tempDb();
});
afterEach(async () => {
  t.cleanup();
  await govuk.close();
});

const minutes = (base: string, n: number) => new Date(Date.parse(base) + n * 60_000);
const start = '2025-09-02T10:00:00Z';

function config() {
  return testConfig({
    feeds: [
      feed('home-office', govuk.url + govukPaths.organisationFeed, {
        recover: `${govuk.url + govukPaths.search}?filter_organisations=home-office`,
      }),
      feed('home-office-news', `${govuk.url + govukPaths.finderFeed}?organisations%5B%5D=home-office`),
    ],
  });
}

const poll = (now: Date) => pollFeeds(config(), { db: t.db, log: silentLogger, fetchFeed, clock: () => now });

describe('pollFeeds', () => {
  it('stores each item once across both feeds, then a 304 costs nothing', async () => {
    const first = await poll(new Date(start));
    expect(first.feeds.map((f) => [f.id, f.outcome])).toEqual([
      ['home-office', 'stored'],
      ['home-office-news', 'stored'],
    ]);
    const total = countItems(t.db).total;
    // the finder leaves out policy papers, so the union is the organisation feed's 20 plus nothing new
    expect(total).toBe(first.feeds[0]!.inserted + first.feeds[1]!.inserted);
    expect(first.feeds[0]!.inserted).toBe(20);
    const ho = getFeedState(t.db, 'home-office')!;
    expect(ho.firstPolledAt).toBe(new Date(start).toISOString());
    expect(ho.etag).toBeTruthy();
    // GOV.UK's max-age=300 (and our 15-minute interval) mean: not due again yet
    const early = await poll(minutes(start, 5));
    expect(early.feeds.map((f) => f.outcome)).toEqual(['not-due', 'not-due']);
    const later = await poll(minutes(start, 16));
    expect(later.feeds.map((f) => f.outcome)).toEqual(['not-modified', 'not-modified']);
    const conditional = govuk.requestsTo(govukPaths.organisationFeed).at(-1)!;
    expect(conditional.headers['if-none-match']).toBe(ho.etag);
    expect(conditional.status).toBe(304);
    expect(countItems(t.db).total).toBe(total);
    expect(govuk.requests.every((r) => String(r.headers['user-agent']).startsWith('followthrough/'))).toBe(
      true,
    );
  });

  it('a new entry is new; a new #timestamp id with a later <updated> is a major update of the same item', async () => {
    await poll(new Date(start));
    const before = countItems(t.db).total;
    govuk.addAtomEntries(govukPaths.organisationFeed, [
      {
        path: '/government/news/customs-partnership-launched',
        title: 'Customs partnership launched',
        updated: '2025-09-02T10:30:00Z',
      },
      {
        path: '/government/news/borders-and-asylum',
        title: 'Borders and Asylum (updated)',
        updated: '2025-09-02T10:40:00Z',
      },
    ]);
    const r = await poll(minutes(start, 60));
    expect(r.feeds[0]).toMatchObject({ outcome: 'stored', inserted: 1, majorUpdates: 1 });
    expect(countItems(t.db).total).toBe(before + 1);
    const updated = getItemByPath(t.db, '/government/news/borders-and-asylum')!;
    expect(updated.title).toBe('Borders and Asylum (updated)');
    expect(itemUpdates(t.db, updated.id)).toHaveLength(1);
    expect(getItemByPath(t.db, '/government/news/customs-partnership-launched')!.origin).toBe('live');
  });

  it('the first poll is a baseline: its items are marked as already there', async () => {
    await poll(new Date(start));
    expect(getItemByPath(t.db, '/government/news/borders-and-asylum')!.origin).toBe('baseline');
  });

  it('500: nothing stored, the failure counted, backed off, the other feed kept', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: '500' });
    const r = await poll(new Date(start));
    expect(r.failed).toBe(1);
    expect(r.feeds[0]).toMatchObject({ outcome: 'failed' });
    expect(r.feeds[1]).toMatchObject({ outcome: 'stored' });
    const s = getFeedState(t.db, 'home-office')!;
    expect(s).toMatchObject({ failures: 1, lastStatus: 500, lastSuccessAt: null });
    expect(s.lastError).toContain('500');
    expect(s.nextAttemptAt).toBe(minutes(start, 5).toISOString());
    // a second failure doubles the wait
    await poll(minutes(start, 6));
    expect(getFeedState(t.db, 'home-office')).toMatchObject({
      failures: 2,
      nextAttemptAt: minutes(start, 16).toISOString(),
    });
    govuk.clearFailures();
    await poll(minutes(start, 17));
    expect(getFeedState(t.db, 'home-office')).toMatchObject({
      failures: 0,
      lastError: null,
      lastStatus: 200,
    });
  });

  it('429 with Retry-After: the next attempt waits as long as asked', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: '429', retryAfter: '3600' }, { times: 1 });
    await poll(new Date(start));
    expect(getFeedState(t.db, 'home-office')).toMatchObject({
      failures: 1,
      lastStatus: 429,
      nextAttemptAt: minutes(start, 60).toISOString(),
    });
    expect((await poll(minutes(start, 30))).feeds[0]!.outcome).toBe('not-due');
  });

  it('a hanging server times out and is recorded as a failure', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: 'hang' });
    const r = await pollFeeds(testConfig({ ...config(), fetch: { ...config().fetch, timeoutSeconds: 1 } }), {
      db: t.db,
      log: silentLogger,
      fetchFeed,
      clock: () => new Date(start),
    });
    expect(r.feeds[0]!.outcome).toBe('failed');
    expect(getFeedState(t.db, 'home-office')!.lastError).toMatch(/did not complete within 1000 ms/);
  });

  it('50 MB: refused at the byte cap without reading it all', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: 'huge' });
    const r = await poll(new Date(start));
    expect(r.feeds[0]!.outcome).toBe('failed');
    expect(getFeedState(t.db, 'home-office')!.lastError).toMatch(/MB|bytes|large/i);
    expect(countItems(t.db).byFeed['home-office']).toBeUndefined();
  });

  it('malformed XML: a failure, nothing half-stored', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: 'malformed' });
    const r = await poll(new Date(start));
    expect(r.feeds[0]!.outcome).toBe('failed');
    expect(getFeedState(t.db, 'home-office')).toMatchObject({ failures: 1, firstPolledAt: null });
    expect(countItems(t.db).byFeed['home-office']).toBeUndefined();
  });

  it('one entry with a bad date: skipped and reported, the rest kept', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: 'bad-date', entry: 2 }, { times: 1 });
    const r = await poll(new Date(start));
    expect(r.feeds[0]).toMatchObject({ outcome: 'stored', inserted: 19, skipped: 1 });
    const s = getFeedState(t.db, 'home-office')!;
    expect(s.lastSkipped).toBe(1);
    expect(s.lastSkippedDetail[0]!.reason).toMatch(/date|updated/i);
  });

  it('the feed-ended entry marks the feed dead, and it is not polled again', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: 'feed-ended' });
    const r = await poll(new Date(start));
    expect(r.feeds[0]!.outcome).toBe('dead');
    const s = getFeedState(t.db, 'home-office')!;
    expect(s.deadAt).toBe(new Date(start).toISOString());
    expect(s.deadReason).toContain('This feed has ended');
    const requests = govuk.requestsTo(govukPaths.organisationFeed).length;
    expect((await poll(minutes(start, 60))).feeds[0]!.outcome).toBe('dead');
    expect(govuk.requestsTo(govukPaths.organisationFeed)).toHaveLength(requests);
  });

  it('a whole window of unseen entries triggers recovery from the Search API', async () => {
    await poll(new Date(start));
    const fresh = Array.from({ length: 25 }, (_, i) => ({
      path: `/government/news/burst-${i}`,
      title: `Burst ${i}`,
      updated: new Date(Date.parse('2025-09-03T08:00:00Z') + i * 60_000).toISOString(),
    }));
    govuk.addAtomEntries(govukPaths.organisationFeed, fresh);
    govuk.setSearchResults(
      fresh.map((e) => ({
        title: e.title,
        link: e.path,
        description: '',
        public_timestamp: e.updated,
        display_type: 'Press release',
        organisations: [{ slug: 'home-office' }],
      })),
    );
    const r = await poll(minutes(start, 24 * 60));
    expect(r.feeds[0]).toMatchObject({ inserted: 20, recovered: 5 });
    expect(getItemByPath(t.db, '/government/news/burst-0')).toBeDefined();
  });
});
