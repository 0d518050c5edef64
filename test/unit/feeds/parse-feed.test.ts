// Any RSS or Atom feed, told apart by its body: NCA's RSS, a WordPress blog's Atom, GOV.UK's Atom.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FollowthroughError } from '../../../src/errors.ts';
import { canonicalLink, parseRssDate } from '../../../src/feeds/normalise.ts';
import { itemsRegion, parseFeed } from '../../../src/feeds/parse-feed.ts';
import { govukFixture } from '../../support/fake-govuk.ts';

const source = (name: string) =>
  readFileSync(new URL(`../../fixtures/sources/${name}`, import.meta.url), 'utf8');
const nca = source('nca-news.rss');
const blog = source('blog-gov-uk.atom');

function rss(...items: string[]): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Partner news</title><link>https://example.gov/</link><lastBuildDate>Mon, 22 Apr 2024 09:15:02 +0100</lastBuildDate>
${items.join('\n')}</channel></rss>`;
}

describe('parseFeed on RSS (NCA news)', () => {
  it('keys each item by its canonical link, reads the CDATA description as the summary and pubDate with its offset', async () => {
    const feed = await parseFeed(nca);
    expect(feed.skipped).toEqual([]);
    expect(feed.title).toBe('News');
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toEqual({
      path: 'https://www.nationalcrimeagency.gov.uk/news/example-joint-customs-operation-stops-boat-engines-bound-for-the-channel',
      url: 'https://www.nationalcrimeagency.gov.uk/news/example-joint-customs-operation-stops-boat-engines-bound-for-the-channel',
      title: 'Example: joint customs operation stops boat engines bound for the Channel',
      displayType: null,
      summary:
        'Invented example text. Officers working with French customs intercepted a lorry carrying inflatable boats and outboard engines after import data was shared between the two services.',
      updatedAt: '2024-04-19T13:30:00.000Z',
    });
  });

  it('takes content:encoded as the body, a permalink guid when the link is missing, and skips what it cannot use', async () => {
    const feed = await parseFeed(
      rss(
        `<item><title>With body</title><link>HTTPS://Example.GOV/a?utm_source=rss&amp;id=7#top</link>
          <guid isPermaLink="false">partner-1</guid><description>Short</description>
          <content:encoded><![CDATA[<p>The whole <b>story</b>.</p>]]></content:encoded>
          <pubDate>Tue, 16 Apr 2024 16:45:00 GMT</pubDate></item>`,
        '<item><title>Guid only</title><guid>https://example.gov/b</guid><pubDate>Tue, 16 Apr 2024 16:45:00 +0000</pubDate></item>',
        '<item><title>No date</title><link>https://example.gov/c</link></item>',
        '<item><title>Bad date</title><link>https://example.gov/d</link><pubDate>soon</pubDate></item>',
        '<item><title>No link</title><guid isPermaLink="false">x-1</guid><pubDate>Tue, 16 Apr 2024 16:45:00 GMT</pubDate></item>',
      ),
    );
    expect(feed.items.map((i) => [i.path, i.body ?? null, i.aliases ?? null])).toEqual([
      ['https://example.gov/a?id=7', 'The whole story.', ['guid:partner-1']],
      ['https://example.gov/b', null, null],
    ]);
    expect(feed.skipped).toEqual([
      { ref: 'https://example.gov/c', reason: 'missing <pubDate>' },
      { ref: 'https://example.gov/d', reason: 'invalid <pubDate> "soon"' },
      { ref: 'x-1', reason: 'no link and no permalink guid' },
    ]);
  });

  it('applies GOV.UK rules to a GOV.UK link in an RSS feed', async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>Press release: X</title><link>https://www.gov.uk/government/news/x#a</link><pubDate>Tue, 16 Apr 2024 16:45:00 GMT</pubDate></item>',
      ),
    );
    expect(feed.items[0]).toMatchObject({
      path: '/government/news/x',
      title: 'X',
      displayType: 'Press release',
    });
  });
});

describe('parseFeed on Atom (a WordPress blog)', () => {
  it('keys posts by link, keeps the ?p= id as another key, reads content as the body and <updated> as the time', async () => {
    const feed = await parseFeed(blog);
    expect(feed.title).toBe('Home Office in the media');
    expect(feed.items[0]).toEqual({
      path: 'https://homeofficemedia.blog.gov.uk/2024/04/19/example-factsheet-on-uk-france-customs-cooperation/',
      url: 'https://homeofficemedia.blog.gov.uk/2024/04/19/example-factsheet-on-uk-france-customs-cooperation/',
      title: 'Example: factsheet on UK–France customs cooperation',
      displayType: null,
      summary:
        'Invented example summary. Officials from the two customs services agreed a joint work plan this week … Continued',
      updatedAt: '2024-04-19T16:02:11.000Z',
      body: expect.stringMatching(
        /^Invented example body\. .* What has been agreed Exchange of import data on boats and engines A liaison group/,
      ),
      aliases: ['guid:https://homeofficemedia.blog.gov.uk/?p=90001'],
    });
    // edited after publication: <updated>, not <published>, is the time a later edit moves
    expect(feed.items[1]?.updatedAt).toBe('2024-04-18T08:12:45.000Z');
  });

  it('still reads GOV.UK Atom by GOV.UK rules', async () => {
    const feed = await parseFeed(govukFixture('home-office.atom'));
    expect(feed.items).toHaveLength(20);
    expect(feed.items[0]).toMatchObject({
      path: '/government/news/borders-and-asylum',
      displayType: 'Press release',
    });
    expect(feed.items[0]).not.toHaveProperty('aliases');
  });
});

describe('parseFeed refuses what is neither', () => {
  it.each([
    ['JSON', '{"a":1}', /the body is JSON/],
    ['HTML', '<!DOCTYPE html><html><body>x</body></html>', /HTML page/],
    ['another XML', '<?xml version="1.0"?><opml/>', /<opml>, not <feed> or <rss> or <rdf:RDF>/],
    ['broken RSS', '<rss version="2.0"><channel><item>', /RSS feed: the XML does not parse/],
  ])('%s', async (_name, body, message) => {
    const err = await parseFeed(body).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FollowthroughError);
    expect((err as FollowthroughError).message).toMatch(message);
  });
});

describe('itemsRegion', () => {
  it('leaves out the channel head, where lastBuildDate changes on every request', () => {
    const later = nca.replace('Mon, 22 Apr 2024 09:15:02 +0100', 'Mon, 22 Apr 2024 09:20:44 +0100');
    expect(later).not.toBe(nca);
    expect(itemsRegion(later)).toBe(itemsRegion(nca));
    expect(itemsRegion(nca).startsWith('<item>')).toBe(true);
  });
});

describe('canonicalLink', () => {
  it.each([
    ['HTTPS://WWW.Example.GOV/News/A', 'https://www.example.gov/News/A'],
    ['https://example.gov/a?utm_source=x&utm_medium=rss&id=3&fbclid=9', 'https://example.gov/a?id=3'],
    ['https://example.gov/a?gclid=1#frag', 'https://example.gov/a'],
    ['https://homeofficemedia.blog.gov.uk/?p=90001', 'https://homeofficemedia.blog.gov.uk/?p=90001'],
    ['https://example.gov/a/', 'https://example.gov/a/'],
    ['https://example.gov/a%20b?q=%2F', 'https://example.gov/a%20b?q=%2F'],
  ])('%s → %s', (link, key) => {
    expect(canonicalLink(link)).toBe(key);
  });
});

describe('parseRssDate', () => {
  it.each([
    ['Fri, 19 Apr 2024 14:30:00 +0100', '2024-04-19T13:30:00.000Z'],
    ['Fri, 19 Apr 2024 14:30:00 GMT', '2024-04-19T14:30:00.000Z'],
    ['19 Apr 2024 14:30 -0500', '2024-04-19T19:30:00.000Z'],
    ['Fri, 19 Apr 24 14:30:00 BST', '2024-04-19T13:30:00.000Z'],
    ['2024-04-19T14:30:00+01:00', '2024-04-19T13:30:00.000Z'],
    ['Fri, 30 Feb 2024 14:30:00 GMT', null],
    ['Fri, 19 Apr 2024 25:30:00 GMT', null],
    ['Fri, 19 Apr 2024 14:30:00 XYZ', null],
    ['yesterday', null],
  ])('%s → %s', (text, instant) => {
    expect(parseRssDate(text)).toBe(instant);
  });
});
