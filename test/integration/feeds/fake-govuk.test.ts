// The fake GOV.UK must behave like the real one, or every test built on it proves nothing.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchFeed, type FetchOutcome } from '../../../src/feeds/fetch-feed.ts';
import { parseAtomFeed } from '../../../src/feeds/parse-atom.ts';
import { parseSearchPage } from '../../../src/feeds/parse-search.ts';
import { buildSearchUrl } from '../../../src/feeds/search-url.ts';
import {
  govukFixture,
  govukPaths,
  startFakeGovuk,
  type AtomEntry,
  type FakeGovuk,
} from '../../support/fake-govuk.ts';

let govuk: FakeGovuk;
beforeEach(async () => {
  govuk = await startFakeGovuk();
});
afterEach(async () => {
  await govuk.close();
});

async function get(pathAndQuery: string): Promise<Response> {
  return fetch(govuk.url + pathAndQuery);
}

async function body(pathAndQuery: string): Promise<string> {
  const outcome: FetchOutcome = await fetchFeed({ url: govuk.url + pathAndQuery, userAgent: 'test' });
  if (outcome.kind !== 'modified') throw new Error(`expected a body from ${pathAndQuery}`);
  return outcome.body;
}

describe('fixtures at their real paths', () => {
  it.each([
    [govukPaths.organisationFeed, 'home-office.atom', 'application/atom+xml'],
    [
      `${govukPaths.finderFeed}?organisations%5B%5D=home-office`,
      'news-and-communications-home-office.atom',
      'application/atom+xml',
    ],
    [
      `${govukPaths.finderFeed}?world_locations%5B%5D=france&keywords=boats`,
      'news-and-communications-home-office.atom',
      'application/atom+xml',
    ],
    [govukPaths.endedFeed, 'feed-ended.atom', 'application/atom+xml'],
    [govukPaths.content, 'content-calais-group-press-release.json', 'application/json'],
  ])('%s serves %s', async (path, fixture, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('cache-control')).toBe('max-age=300, public');
    expect(await res.text()).toBe(govukFixture(fixture));
  });

  it('answers 404 with an HTML page elsewhere', async () => {
    const res = await get('/government/organisations/no-such-department.atom');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<html>');
  });

  it('records method, path, query and headers', async () => {
    await fetch(`${govuk.url}${govukPaths.finderFeed}?organisations%5B%5D=home-office`, {
      headers: { 'user-agent': 'recorder-test' },
    });
    expect(govuk.requests).toHaveLength(1);
    const [rec] = govuk.requests;
    expect(rec).toMatchObject({ method: 'GET', path: govukPaths.finderFeed, status: 200 });
    expect(rec!.query.getAll('organisations[]')).toEqual(['home-office']);
    expect(rec!.headers['user-agent']).toBe('recorder-test');
  });
});

describe('Search API', () => {
  it('pages with start and count, newest first, and reports the filtered total', async () => {
    const base = `${govuk.url}${govukPaths.search}?filter_organisations=home-office`;
    const seen: string[] = [];
    for (let start = 0; start < 12; start += 4) {
      const page = parseSearchPage(
        await body(buildSearchUrl(base, { start, count: 4 }).slice(govuk.url.length)),
      );
      expect(page.total).toBe(10);
      expect(page.start).toBe(start);
      seen.push(...page.items.map((i) => i.updatedAt));
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it.each([
    ['from:2025-01-01', 5],
    ['from:2025-01-15', 5],
    ['from:2025-01-16', 4],
    ['to:2024-08-22', 1],
    ['from:2024-10-01,to:2025-03-31', 5],
    ['from:2024-10-02,to:2025-03-30', 3],
  ])('filters filter_public_timestamp=%s inclusively', async (window, count) => {
    const page = JSON.parse(
      await body(`${govukPaths.search}?filter_public_timestamp=${window}&count=100`),
    ) as { total: number; results: unknown[] };
    expect(page.total).toBe(count);
    expect(page.results).toHaveLength(count);
  });

  it('returns only the requested fields, so a URL from buildSearchUrl yields complete items', async () => {
    const url = buildSearchUrl(`${govuk.url}${govukPaths.search}`, {
      since: '2024-03-05',
      start: 0,
      count: 100,
    });
    const raw = JSON.parse(await body(url.slice(govuk.url.length))) as { results: Record<string, unknown>[] };
    expect(Object.keys(raw.results[0]!).sort()).toEqual([
      'content_store_document_type',
      'description',
      'display_type',
      'link',
      'organisations',
      'public_timestamp',
      'title',
    ]);
    expect(parseSearchPage(JSON.stringify(raw)).items).toHaveLength(10);
  });

  it.each([
    ['an unknown parameter', '?filter_organisations=home-office&foo=1'],
    ['an unknown field', '?fields=title&fields=secret'],
    ['count over 1500', '?count=1501'],
    ['an unreadable window', '?filter_public_timestamp=since:yesterday'],
    ['an unknown order', '?order=popularity'],
  ])('answers 422 to %s', async (_name, query) => {
    const res = await get(govukPaths.search + query);
    expect(res.status).toBe(422);
    expect(await res.json()).toHaveProperty('error');
  });

  it('serves results a test sets, with conditional GET', async () => {
    govuk.setSearchResults([
      { title: 'Older', link: '/government/news/older', public_timestamp: '2024-03-01T09:00:00Z' },
      { title: 'Newer', link: '/government/news/newer', public_timestamp: '2024-04-01T09:00:00+01:00' },
    ]);
    const url = `${govuk.url}${govukPaths.search}?order=-public_timestamp`;
    const first = await fetchFeed({ url, userAgent: 'test' });
    if (first.kind !== 'modified') throw new Error('expected 200');
    expect(parseSearchPage(first.body).items.map((i) => i.title)).toEqual(['Newer', 'Older']);
    expect((await fetchFeed({ url, userAgent: 'test', etag: first.etag })).kind).toBe('not-modified');
  });
});

describe('generated Atom', () => {
  const entries: AtomEntry[] = [
    {
      path: '/government/news/summer-item',
      title: 'UK & France agree <new> steps',
      displayType: 'News story',
      summary: 'Summer summary',
      updated: '2024-07-01T08:30:00Z',
    },
    {
      path: '/government/publications/winter-paper',
      title: 'Joint action plan',
      displayType: 'Policy paper',
      summary: 'Winter summary',
      updated: '2024-01-10T09:30:00Z',
    },
  ];

  it('writes the organisation style: #UTC ids, prefixed titles with <category>, UTC times', async () => {
    govuk.setAtomEntries('/government/organisations/test-office.atom', entries, 'organisation');
    const xml = await body('/government/organisations/test-office.atom');
    expect(xml).toContain('<id>https://www.gov.uk/government/news/summer-item#2024-07-01T08:30:00Z</id>');
    expect(xml).toContain('<updated>2024-07-01T08:30:00Z</updated>');
    expect(xml).toContain('<title>News story: UK &amp; France agree &lt;new&gt; steps</title>');
    expect(xml).toContain('<category label="Policy paper" term="Policy paper"/>');
    expect(xml).toContain('<title>Test Office - Activity on GOV.UK</title>');
    const feed = await parseAtomFeed(xml);
    expect(feed.items.map((i) => [i.path, i.title, i.displayType, i.updatedAt])).toEqual([
      [
        '/government/news/summer-item',
        'UK & France agree <new> steps',
        'News story',
        '2024-07-01T08:30:00.000Z',
      ],
      [
        '/government/publications/winter-paper',
        'Joint action plan',
        'Policy paper',
        '2024-01-10T09:30:00.000Z',
      ],
    ]);
  });

  it('writes the finder style: tag ids, London offsets, HTML summaries cut at 225 characters', async () => {
    const long = `${'word '.repeat(60)}end`;
    govuk.setAtomEntries(
      govukPaths.finderFeed,
      [
        ...entries,
        {
          path: '/government/news/marked',
          title: 'Marked',
          summary: 'Stopping <mark>small boats</mark>',
          updated: '2024-05-01T08:30:00Z',
        },
        { path: '/government/news/long', title: 'Long', summary: long, updated: '2024-04-01T08:30:00Z' },
      ],
      'finder',
    );
    const xml = await body(`${govukPaths.finderFeed}?organisations%5B%5D=test-office`);
    expect(xml).toContain('<id>tag:www.gov.uk,2005:/government/news/summer-item</id>');
    expect(xml).toContain('<updated>2024-07-01T09:30:00+01:00</updated>');
    expect(xml).toContain('<updated>2024-01-10T09:30:00+00:00</updated>');
    expect(xml).toContain('<summary type="html">Stopping &lt;mark&gt;small boats&lt;/mark&gt;</summary>');
    expect(xml).not.toContain('<category');
    const feed = await parseAtomFeed(xml);
    const byPath = new Map(feed.items.map((i) => [i.path, i]));
    expect(byPath.get('/government/news/summer-item')).toMatchObject({
      title: 'UK & France agree <new> steps',
      displayType: null,
      updatedAt: '2024-07-01T08:30:00.000Z',
    });
    expect(byPath.get('/government/news/marked')?.summary).toBe('Stopping small boats');
    expect(byPath.get('/government/news/long')?.summary).toBe(`${long.slice(0, 225)}…`);
  });

  it('keeps the newest 20, newest first', async () => {
    const many = Array.from(
      { length: 25 },
      (_, i): AtomEntry => ({
        path: `/government/news/item-${i}`,
        title: `Item ${i}`,
        updated: new Date(Date.UTC(2024, 0, 1 + i, 9)).toISOString(),
      }),
    );
    govuk.setAtomEntries(govukPaths.organisationFeed, many, 'organisation');
    const feed = await parseAtomFeed(await body(govukPaths.organisationFeed));
    expect(feed.items.map((i) => i.title)).toEqual(Array.from({ length: 20 }, (_, i) => `Item ${24 - i}`));
  });

  it('adds to a fixture feed, and a major update keeps the path but changes the id and timestamp', async () => {
    const before = await parseAtomFeed(await body(govukPaths.organisationFeed));
    const fresh: AtomEntry = {
      path: '/government/news/new-customs-partnership',
      title: 'New customs partnership launched',
      summary: 'UK and France',
      updated: '2025-09-02T09:00:00Z',
    };
    govuk.addAtomEntries(govukPaths.organisationFeed, [fresh]);
    const added = await parseAtomFeed(await body(govukPaths.organisationFeed));
    expect(added.items).toHaveLength(20);
    expect(added.items[0]).toMatchObject({
      path: fresh.path,
      title: fresh.title,
      displayType: 'Press release',
      updatedAt: '2025-09-02T09:00:00.000Z',
    });
    // the oldest fixture entry fell off the end, the rest are unchanged
    expect(added.items.slice(1)).toEqual(before.items.slice(0, 19));

    govuk.addAtomEntries(govukPaths.organisationFeed, [
      { ...fresh, title: 'New customs partnership launched (updated)', updated: '2025-09-03T09:00:00Z' },
    ]);
    const xml = await body(govukPaths.organisationFeed);
    expect(xml).toContain(`<id>https://www.gov.uk${fresh.path}#2025-09-03T09:00:00Z</id>`);
    expect(xml).not.toContain('#2025-09-02T09:00:00Z');
    const updated = await parseAtomFeed(xml);
    expect(updated.items.filter((i) => i.path === fresh.path)).toEqual([
      expect.objectContaining({ updatedAt: '2025-09-03T09:00:00.000Z' }),
    ]);
    expect(govuk.atomEntries(govukPaths.organisationFeed)).toHaveLength(21);
  });
});

describe('scripted failures', () => {
  it('runs queued failures in order, then serves normally', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: '500' }, { times: 2 });
    govuk.fail(govukPaths.organisationFeed, { kind: '429', retryAfter: '30' }, { times: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(govukPaths.organisationFeed)).status);
    expect(statuses).toEqual([500, 500, 429, 200]);
  });

  it('fails until cleared when no count is given', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: '503' });
    expect((await get(govukPaths.organisationFeed)).status).toBe(503);
    expect((await get(govukPaths.organisationFeed)).status).toBe(503);
    govuk.clearFailures(govukPaths.organisationFeed);
    expect((await get(govukPaths.organisationFeed)).status).toBe(200);
  });

  it('serves a malformed feed, a feed with one bad date, and the feed-ended answer', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: 'malformed' }, { times: 1 });
    govuk.fail(govukPaths.organisationFeed, { kind: 'bad-date', entry: 2 }, { times: 1 });
    govuk.fail(govukPaths.organisationFeed, { kind: 'feed-ended' }, { times: 1 });
    await expect(parseAtomFeed(await body(govukPaths.organisationFeed))).rejects.toMatchObject({
      code: 'feed_unparseable',
    });
    const badDate = await parseAtomFeed(await body(govukPaths.organisationFeed));
    expect(badDate.items).toHaveLength(19);
    expect(badDate.skipped).toEqual([
      {
        ref: 'https://www.gov.uk/government/news/nca-and-bpol-target-channel-small-boat-suppliers#2025-04-17T08:30:00Z',
        reason: 'invalid <updated> "not-a-date"',
      },
    ]);
    expect((await parseAtomFeed(await body(govukPaths.organisationFeed))).ended).toBe(true);
  });

  it('ends hung connections on close so tests finish', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: 'hang' });
    const pending = fetch(govuk.url + govukPaths.organisationFeed).then(
      () => 'answered',
      () => 'closed',
    );
    await expect.poll(() => govuk.requests.length).toBe(1);
    const started = performance.now();
    await govuk.close();
    expect(await pending).toBe('closed');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
