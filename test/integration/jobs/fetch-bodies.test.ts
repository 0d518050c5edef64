// GOV.UK page bodies from the fake Content API: queued by the poll for new and majorly updated
// items, read at the feed's own origin, paced, a 404 left alone, a slow or failing answer retried on
// a later cycle without holding this one up.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../src/feeds/fetch-feed.ts';
import { createPacer } from '../../../src/feeds/pacer.ts';
import { fetchBodies } from '../../../src/jobs/fetch-bodies.ts';
import { pollFeeds } from '../../../src/jobs/poll-feeds.ts';
import { silentLogger } from '../../../src/log.ts';
import { bodyCounts } from '../../../src/store/bodies-table.ts';
import { getItemByPath, markItemsMatched, pendingItems } from '../../../src/store/items-table.ts';
import { startFakeGovuk, type FakeGovuk } from '../../support/fake-govuk.ts';
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

const feedPath = '/government/organisations/home-office.atom';
const start = '2025-09-02T10:00:00Z';
const minutes = (n: number) => new Date(Date.parse(start) + n * 60_000);
const paths = ['/government/news/a', '/government/news/b', '/government/news/c'];

function setUp(): ReturnType<typeof testConfig> {
  govuk.setAtomEntries(
    feedPath,
    paths.map((path, i) => ({
      path,
      title: `Item ${i}`,
      summary: 'One line.',
      updated: `2025-09-01T0${i}:00:00Z`,
    })),
    'organisation',
  );
  return testConfig({
    feeds: [feed('home-office', govuk.url + feedPath)],
    fetch: {
      timeoutSeconds: 0.4,
      maxBytes: 1024 * 1024,
      userAgent: 'followthrough-test',
      requestsPerSecond: 50,
    },
  });
}

async function cycle(config: ReturnType<typeof testConfig>, now: Date) {
  const deps = { db: t.db, log: silentLogger, fetchFeed, clock: () => now, pacer: createPacer(50) };
  const poll = await pollFeeds(config, deps);
  return { poll, bodies: await fetchBodies(config, deps) };
}

describe('fetchBodies', () => {
  it('reads each new GOV.UK item’s Content API record at the feed’s origin and stores its body as plain text', async () => {
    const config = setUp();
    govuk.setContent(paths[0]!, {
      title: 'Item 0',
      description: 'The whole description, longer than the feed’s one line.',
      body: '<div class="govspeak"><p>The UK and France <strong>signed</strong> the customs partnership.</p></div>',
      organisation: 'Home Office',
      firstPublishedAt: '2025-09-01T09:00:00.000+01:00',
    });
    govuk.setContent(paths[1]!, { title: 'Item 1', body: '<p>Second body.</p>' });
    const { bodies } = await cycle(config, new Date(start));
    expect(bodies).toEqual({ read: 2, unchanged: 0, missing: 1, failed: 0, deferred: 0 });
    expect(getItemByPath(t.db, paths[0]!)).toMatchObject({
      body: 'The UK and France signed the customs partnership.',
      summary: 'The whole description, longer than the feed’s one line.',
      publisher: 'Home Office',
      publishedAt: '2025-09-01T08:00:00.000Z',
    });
    expect(getItemByPath(t.db, paths[2]!)!.body).toBeNull();
    expect(govuk.requestsTo(`/api/content${paths[0]}`)[0]!.headers.accept).toBe('application/json');
    expect(bodyCounts(t.db)).toMatchObject({ pending: 0, fetched: 2, missing: 1 });

    // nothing new: no Content API request on the next cycle
    const before = govuk.requests.filter((r) => r.path.startsWith('/api/content')).length;
    expect((await cycle(config, minutes(16))).bodies.read).toBe(0);
    expect(govuk.requests.filter((r) => r.path.startsWith('/api/content')).length).toBe(before);
  });

  it('a slow answer fails after the time limit, the host is left alone for the cycle, and all is read later', async () => {
    const config = setUp();
    for (const p of paths) govuk.setContent(p, { title: p, body: `<p>Body of ${p}</p>` });
    govuk.fail(`/api/content${paths[2]}`, { kind: 'delay', ms: 1500 }, { times: 1 });
    const started = performance.now();
    const { bodies } = await cycle(config, new Date(start));
    expect(performance.now() - started).toBeLessThan(1400);
    // live priority is equal, so the oldest queued (the feed's order: newest first) goes first
    expect(bodies).toMatchObject({ failed: 1 });
    expect(bodies.read + bodies.deferred).toBe(2);
    expect(bodyCounts(t.db)).toMatchObject({ retrying: 1 });
    expect(bodyCounts(t.db).lastError).toMatch(/did not complete within 400 ms/);
    // retried after the backoff (5 minutes), not before
    expect((await cycle(config, minutes(2))).bodies.read).toBe(bodies.deferred);
    expect((await cycle(config, minutes(6))).bodies.read).toBe(1);
    for (const p of paths) expect(getItemByPath(t.db, p)!.body).toBe(`Body of ${p}`);
  });

  it('a body that arrives after the item was matched marks it for a body-only match', async () => {
    const config = setUp();
    govuk.fail(`/api/content${paths[0]}`, { kind: '500' }, { times: 1 });
    govuk.setContent(paths[0]!, { title: 'Item 0', body: '<p>Arrived later.</p>' });
    await cycle(config, new Date(start));
    markItemsMatched(
      t.db,
      pendingItems(t.db, 100).map((i) => i.id),
    );
    await cycle(config, minutes(6));
    expect(pendingItems(t.db, 100).map((i) => [i.path, i.bodyOnly])).toEqual([[paths[0], true]]);
  });

  it('a major update reads the body again, conditionally, once max-age has passed', async () => {
    const config = setUp();
    govuk.setContent(paths[0]!, { title: 'Item 0', body: '<p>First.</p>' });
    await cycle(config, new Date(start));
    govuk.addAtomEntries(feedPath, [
      { path: paths[0]!, title: 'Item 0 (updated)', updated: '2025-09-02T10:01:00Z' },
    ]);
    // the poll sees the update at once; the CDN would still serve the old body for max-age (300 s)
    const early = await cycle(config, new Date(Date.parse(start) + 60_000));
    expect(early.poll.feeds[0]).toMatchObject({ outcome: 'not-due' });
    const later = await cycle(config, minutes(16));
    expect(later.poll.feeds[0]).toMatchObject({ majorUpdates: 1 });
    expect(later.bodies).toMatchObject({ unchanged: 1 });
    const reads = govuk.requestsTo(`/api/content${paths[0]}`);
    expect(reads.at(-1)!.headers['if-none-match']).toBeTruthy();
    expect(reads.at(-1)!.status).toBe(304);
  });
});
