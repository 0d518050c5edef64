import { describe, expect, it } from 'vitest';
import { FollowthroughError } from '../../../src/errors.ts';
import { parseAtomFeed } from '../../../src/feeds/parse-atom.ts';
import { govukFixture } from '../../support/fake-govuk.ts';

const orgXml = govukFixture('home-office.atom');
const finderXml = govukFixture('news-and-communications-home-office.atom');

/** A minimal Atom document around hand-written entries. */
function atom(...entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>tag:www.gov.uk,2005:/test</id><title>Test</title><updated>2024-03-05T10:30:00Z</updated>
${entries.join('\n')}
</feed>`;
}

interface EntryParts {
  id?: string;
  updated?: string | null;
  link?: string | null;
  title?: string;
  summary?: string;
  extra?: string;
}

function entry(slug: string, parts: EntryParts = {}): string {
  const path = `/government/news/${slug}`;
  const id = parts.id ?? `tag:www.gov.uk,2005:${path}`;
  const updated = parts.updated === undefined ? '2024-03-05T10:30:00Z' : parts.updated;
  const link =
    parts.link === undefined
      ? `<link rel="alternate" type="text/html" href="https://www.gov.uk${path}"/>`
      : (parts.link ?? '');
  return `<entry><id>${id}</id>${updated === null ? '' : `<updated>${updated}</updated>`}${link}
    <title>${parts.title ?? `Title of ${slug}`}</title><summary type="html">${parts.summary ?? 'Summary'}</summary>${parts.extra ?? ''}</entry>`;
}

describe('parseAtomFeed on the GOV.UK fixtures', () => {
  it('reads all 20 entries of the organisation feed with titles unprefixed and display types from <category>', async () => {
    const feed = await parseAtomFeed(orgXml);
    expect(feed.ended).toBe(false);
    expect(feed.skipped).toEqual([]);
    expect(feed.items).toHaveLength(20);
    expect(feed.items[0]).toEqual({
      path: '/government/news/borders-and-asylum',
      url: 'https://www.gov.uk/government/news/borders-and-asylum',
      title: 'Borders and Asylum',
      displayType: 'Press release',
      summary:
        'With permission, I will update the House on the actions we are taking with France to strengthen our border security and the next steps in our reforms to the asylum system.',
      updatedAt: '2025-09-01T08:30:00.000Z',
    });
    const byPath = new Map(feed.items.map((i) => [i.path, i]));
    expect(
      byPath.get(
        '/government/publications/uk-germany-joint-action-plan-irregular-migration/uk-germany-joint-action-plan-on-irregular-migration-accessible',
      ),
    ).toMatchObject({
      title: 'UK-Germany Joint Action Plan on Irregular Migration (accessible)',
      displayType: 'Policy paper',
    });
    expect(byPath.get('/government/news/uk-eu-summit-joint-statement-html')?.title).toBe(
      'UK-EU Summit - Joint Statement (HTML)',
    );
    expect(
      byPath.get(
        '/government/news/12-000-takedowns-as-nca-leads-blitz-on-people-smugglers-social-media-accounts',
      ),
    ).toMatchObject({
      title: "12,000 takedowns as NCA leads blitz on people smugglers' social media accounts",
      displayType: 'News story',
    });
    expect(feed.items.find((i) => i.title.startsWith('Police workforce'))?.title).toBe(
      'Police workforce, England and Wales: 31 March 2024',
    );
    expect(new Set(feed.items.map((i) => i.displayType))).toEqual(
      new Set(['Press release', 'News story', 'Policy paper']),
    );
    for (const item of feed.items) {
      expect(item.title).not.toMatch(/^(Press release|News story|Policy paper): /);
      expect(item.path).toMatch(/^\/government\/[^#?]+[^/]$/);
    }
  });

  it('reads all 20 entries of the finder feed: tag ids to paths, HTML summaries to plain text, no display type', async () => {
    const feed = await parseAtomFeed(finderXml);
    expect(feed.skipped).toEqual([]);
    expect(feed.items).toHaveLength(20);
    for (const item of feed.items) {
      expect(item.path).toMatch(/^\/government\/(news|statistics)\/[^#?]+[^/]$/);
      expect(item.url).toBe(`https://www.gov.uk${item.path}`);
      expect(item.displayType).toBeNull();
      expect(item.summary).not.toMatch(/<|&[#a-z0-9]+;/i);
    }
    expect(
      feed.items.find(
        (i) => i.path === '/government/news/home-secretary-launches-new-border-security-command',
      )?.summary,
    ).toBe(
      'Home Secretary Yvette Cooper yesterday set out the first steps to establishing a new UK Border Security Command (BSC). This will strengthen Britain’s border security and smash the criminal smuggling gangs making millions out…',
    );
  });

  it('gives the same instant for the same page whether the feed wrote UTC or a London offset', async () => {
    const org = await parseAtomFeed(orgXml);
    const finder = await parseAtomFeed(finderXml);
    const finderByPath = new Map(finder.items.map((i) => [i.path, i]));
    const common = org.items.filter((i) => finderByPath.has(i.path));
    expect(common).toHaveLength(18);
    for (const item of common) {
      const other = finderByPath.get(item.path)!;
      expect(other.updatedAt).toBe(item.updatedAt);
      expect(other.title).toBe(item.title);
    }
    // +01:00 in the finder feed, Z in the organisation feed
    expect(orgXml).toContain('<updated>2025-09-01T08:30:00Z</updated>');
    expect(finderXml).toContain('<updated>2025-09-01T09:30:00+01:00</updated>');
    expect(finderByPath.get('/government/news/borders-and-asylum')?.updatedAt).toBe(
      '2025-09-01T08:30:00.000Z',
    );
  });

  it('reports a retired feed as ended, with its explanation and no items', async () => {
    expect(await parseAtomFeed(govukFixture('feed-ended.atom'))).toEqual({
      items: [],
      skipped: [],
      ended: true,
      endedDetail: 'Policy pages and their atom feeds have been retired',
    });
  });

  it.each([
    ['title', entry('x', { title: 'This feed has ended', id: 'tag:www.gov.uk,2005:/x' })],
    [
      'id',
      entry('x', { id: 'tag:www.gov.uk,2005:/government/policies/x/feed-ended', title: 'Something else' }),
    ],
  ])('recognises the ended entry by its %s', async (_by, xml) => {
    const feed = await parseAtomFeed(atom(xml, entry('other')));
    expect(feed.ended).toBe(true);
    expect(feed.items).toEqual([]);
  });
});

describe('parseAtomFeed: one bad entry costs only itself', () => {
  it('skips the entry whose <updated> is invalid in the real fixture and keeps the other 19', async () => {
    const broken = orgXml.replace('<updated>2025-05-19T08:30:00Z</updated>', '<updated>not-a-date</updated>');
    expect(broken).not.toBe(orgXml);
    const feed = await parseAtomFeed(broken);
    expect(feed.items).toHaveLength(19);
    expect(feed.items.map((i) => i.path)).not.toContain('/government/news/uk-eu-summit-joint-statement-html');
    expect(feed.skipped).toEqual([
      {
        ref: 'https://www.gov.uk/government/news/uk-eu-summit-joint-statement-html#2025-05-19T08:30:00Z',
        reason: 'invalid <updated> "not-a-date"',
      },
    ]);
  });

  it.each([
    ['not a date', 'invalid <updated> "not a date"'],
    ['2024-02-30T10:00:00Z', 'invalid <updated> "2024-02-30T10:00:00Z"'],
    ['2024-03-05', 'invalid <updated> "2024-03-05"'],
    ['Tue, 05 Mar 2024 10:30:00 GMT', 'invalid <updated> "Tue, 05 Mar 2024 10:30:00 GMT"'],
    ['<![CDATA[soon]]>', 'invalid <updated> "soon"'],
    ['', 'empty <updated>'],
    ['  ', 'empty <updated>'],
    [null, 'missing <updated>'],
  ])('skips <updated>%j with the reason %j', async (updated, reason) => {
    const feed = await parseAtomFeed(
      atom(
        entry('good-one'),
        entry('bad', { updated }),
        entry('good-two', { updated: '2024-03-05T11:30:00+00:00' }),
      ),
    );
    expect(feed.items.map((i) => i.path)).toEqual(['/government/news/good-one', '/government/news/good-two']);
    expect(feed.skipped).toEqual([{ ref: 'tag:www.gov.uk,2005:/government/news/bad', reason }]);
  });

  it('survives an invalid <published> too (rss-parser would reject the feed)', async () => {
    const feed = await parseAtomFeed(atom(entry('a', { extra: '<published>yesterday</published>' })));
    expect(feed.items.map((i) => i.path)).toEqual(['/government/news/a']);
  });

  it('falls back to the id when the link is missing or attribute-less, and skips the entry when neither is usable', async () => {
    const feed = await parseAtomFeed(
      atom(
        entry('org-id', { link: null, id: 'https://www.gov.uk/government/news/org-id#2024-03-05T10:30:00Z' }),
        entry('tag-id', { link: '<link>oops</link>' }),
        entry('no-link', { link: null, id: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a' }),
        entry('empty-href', { link: '<link rel="alternate" href=""/>', id: '' }),
        entry('kept'),
      ),
    );
    expect(feed.items.map((i) => i.path)).toEqual([
      '/government/news/org-id',
      '/government/news/tag-id',
      '/government/news/kept',
    ]);
    expect(feed.skipped).toEqual([
      { ref: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a', reason: 'no link and no usable id' },
      { ref: 'Title of empty-href', reason: 'no link and no usable id' },
    ]);
  });

  it('skips an entry with an empty title, and names every problem of an entry', async () => {
    const feed = await parseAtomFeed(
      atom(
        entry('untitled', { title: '  ' }),
        entry('hopeless', { title: '', updated: 'x', link: null, id: 'urn:x' }),
        entry('kept'),
      ),
    );
    expect(feed.items.map((i) => i.path)).toEqual(['/government/news/kept']);
    expect(feed.skipped).toEqual([
      { ref: 'tag:www.gov.uk,2005:/government/news/untitled', reason: 'empty title' },
      { ref: 'urn:x', reason: 'no link and no usable id; invalid <updated> "x"; empty title' },
    ]);
  });

  it('keeps the newest entry when a path appears twice', async () => {
    const feed = await parseAtomFeed(
      atom(
        entry('dup', { id: 'https://www.gov.uk/government/news/dup#2024-03-05T10:30:00Z', title: 'Old' }),
        entry('dup', {
          id: 'https://www.gov.uk/government/news/dup#2024-04-01T09:00:00Z',
          updated: '2024-04-01T10:00:00+01:00',
          title: 'New',
        }),
      ),
    );
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ title: 'New', updatedAt: '2024-04-01T09:00:00.000Z' });
  });
});

describe('parseAtomFeed text handling', () => {
  it.each([
    [
      'finder HTML summary with <mark> and entities',
      '<summary type="html">Stopping &lt;mark&gt;small boats&lt;/mark&gt; &amp;amp; more&lt;br&gt;next</summary>',
      'Stopping small boats & more next',
    ],
    ['plain summary', '<summary>Fish &amp; chips</summary>', 'Fish & chips'],
    ['no summary', '', ''],
  ])('%s', async (_name, summaryXml, summary) => {
    const xml =
      atom(`<entry><id>tag:www.gov.uk,2005:/government/news/s</id><updated>2024-03-05T10:30:00Z</updated>
      <link href="https://www.gov.uk/government/news/s"/><title>S</title>${summaryXml}</entry>`);
    expect((await parseAtomFeed(xml)).items[0]?.summary).toBe(summary);
  });

  it.each([
    ['<title type="html">UK &amp;amp; France &lt;em&gt;agree&lt;/em&gt;</title>', 'UK & France agree'],
    ['<title>people smugglers&#x27; accounts</title>', "people smugglers' accounts"],
    ['<title>  Spread\n   over lines </title>', 'Spread over lines'],
  ])('title %s → %j', async (titleXml, title) => {
    const xml =
      atom(`<entry><id>tag:www.gov.uk,2005:/government/news/t</id><updated>2024-03-05T10:30:00Z</updated>
      <link href="https://www.gov.uk/government/news/t"/>${titleXml}</entry>`);
    expect((await parseAtomFeed(xml)).items[0]?.title).toBe(title);
  });

  it('takes the display type from the category label, and strips only a matching prefix', async () => {
    const feed = await parseAtomFeed(
      atom(
        entry('a', {
          title: 'Press release: New measures',
          extra: '<category label="Press release" term="Press release"/>',
        }),
        entry('b', {
          title: 'Borders: a review',
          extra: '<category label="Press release" term="Press release"/>',
        }),
      ),
    );
    expect(feed.items.map((i) => [i.title, i.displayType])).toEqual([
      ['New measures', 'Press release'],
      ['Borders: a review', 'Press release'],
    ]);
  });

  it('strips a byte-order mark', async () => {
    expect((await parseAtomFeed(`\uFEFF${finderXml}`)).items).toHaveLength(20);
  });
});

describe('parseAtomFeed rejects what is not a feed', () => {
  it.each([
    ['malformed XML', orgXml.slice(0, Math.floor(orgXml.length / 2)), /the XML does not parse/],
    [
      'an HTML error page',
      '<!DOCTYPE html><html><head><title>Error</title></head><body><p>Sorry<br></p></body></html>',
      /HTML page/,
    ],
    ['well-formed HTML', '<html><body>Sorry</body></html>', /HTML page/],
    ['JSON', '{"results":[]}', /JSON/],
    ['an empty body', '', /empty/],
    ['whitespace', ' \n ', /empty/],
    ['plain text', 'Service Unavailable', /not XML/],
    [
      'RSS',
      '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
      /<rss>, not <feed>/,
    ],
    ['a truncated feed', '<feed xmlns="http://www.w3.org/2005/Atom"><entry>', /the XML does not parse/],
  ])('%s', async (_name, body, message) => {
    const err = await parseAtomFeed(body).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FollowthroughError);
    expect((err as FollowthroughError).code).toBe('feed_unparseable');
    expect((err as FollowthroughError).message).toMatch(message);
    expect((err as FollowthroughError).message.length).toBeLessThan(250);
  });
});
