import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../src/feeds/feed-item.ts';
import {
  absoluteUrl,
  canonicalPath,
  decodeText,
  htmlToText,
  isUsableLink,
  itemAddress,
  keepNewestPerPath,
  parseInstant,
  splitDisplayType,
} from '../../../src/feeds/normalise.ts';

const news = '/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group';

describe('canonicalPath', () => {
  it.each([
    // organisation feed: link, and id with the public timestamp as fragment
    [`https://www.gov.uk${news}`, news],
    [`https://www.gov.uk${news}#2024-03-05T10:30:00Z`, news],
    [`https://www.gov.uk${news}#2024-06-01T08:00:00Z`, news],
    // finder feed: link and stable tag id
    [`tag:www.gov.uk,2005:${news}`, news],
    [
      'tag:www.gov.uk,2005:/government/policies/reducing-illegal-migration/feed-ended',
      '/government/policies/reducing-illegal-migration/feed-ended',
    ],
    // Search API: bare path
    [news, news],
    // other spellings of GOV.UK
    [`http://gov.uk${news}`, news],
    [`http://www.gov.uk${news}`, news],
    [`HTTPS://WWW.GOV.UK${news}`, news],
    [`//www.gov.uk${news}`, news],
    [`https://www.gov.uk:443${news}`, news],
    // query, trailing slash, whitespace
    [`https://www.gov.uk${news}?utm_source=feed`, news],
    [`${news}/`, news],
    [`${news}/?x=1#frag`, news],
    [`  ${news}\n`, news],
    ['https://www.gov.uk', '/'],
    ['https://www.gov.uk/', '/'],
    // nothing else lower-cased or decoded
    ['/government/news/UK-France%20deal', '/government/news/UK-France%20deal'],
    // not GOV.UK: the absolute URL minus fragment is the key
    [
      'https://www.nationalcrimeagency.gov.uk/news/boats#top',
      'https://www.nationalcrimeagency.gov.uk/news/boats',
    ],
    [
      'https://assets.publishing.service.gov.uk/media/x.pdf',
      'https://assets.publishing.service.gov.uk/media/x.pdf',
    ],
    ['https://www.gov.uk.example.com/government/news/x', 'https://www.gov.uk.example.com/government/news/x'],
    ['https://example.com/a?b=1#c', 'https://example.com/a?b=1'],
  ])('%s → %s', (link, path) => {
    expect(canonicalPath(link)).toBe(path);
  });

  it('gives both feeds the same key for the same page', () => {
    const org = canonicalPath('https://www.gov.uk/government/news/borders-and-asylum#2025-09-01T08:30:00Z');
    const finder = canonicalPath('tag:www.gov.uk,2005:/government/news/borders-and-asylum');
    expect(org).toBe(finder);
  });
});

describe('isUsableLink', () => {
  it.each([
    [news, true],
    [`https://www.gov.uk${news}`, true],
    [`tag:www.gov.uk,2005:${news}`, true],
    ['https://example.com/x', true],
    ['urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6', false],
    ['tag:example.com,2005:/x', false],
    ['government/news/x', false],
    ['javascript:alert(1)', false],
    ['', false],
  ])('%j → %s', (link, usable) => {
    expect(isUsableLink(link)).toBe(usable);
  });
});

describe('absoluteUrl and itemAddress', () => {
  it.each([
    [news, `https://www.gov.uk${news}`],
    [`//www.gov.uk${news}`, `https://www.gov.uk${news}`],
    ['https://example.com/x', 'https://example.com/x'],
  ])('absoluteUrl(%s) = %s', (input, url) => {
    expect(absoluteUrl(input)).toBe(url);
  });

  it.each([
    [`http://gov.uk${news}/#2024-03-05T10:30:00Z`, { path: news, url: `https://www.gov.uk${news}` }],
    [`tag:www.gov.uk,2005:${news}`, { path: news, url: `https://www.gov.uk${news}` }],
    ['https://example.com/a#b', { path: 'https://example.com/a', url: 'https://example.com/a' }],
  ])('itemAddress(%s)', (link, address) => {
    expect(itemAddress(link)).toEqual(address);
  });
});

describe('splitDisplayType', () => {
  it.each([
    // with the organisation feed's <category label>
    [
      'Press release: New measures to tackle small boats',
      'Press release',
      { title: 'New measures to tackle small boats', displayType: 'Press release' },
    ],
    [
      'Policy paper: UK-Germany Joint Action Plan',
      'Policy paper',
      { title: 'UK-Germany Joint Action Plan', displayType: 'Policy paper' },
    ],
    [
      'Press release: UK-EU Summit - Joint Statement (HTML)',
      'Press release',
      { title: 'UK-EU Summit - Joint Statement (HTML)', displayType: 'Press release' },
    ],
    // prefix differs from the category: keep the title whole
    ['Borders: a review', 'Press release', { title: 'Borders: a review', displayType: 'Press release' }],
    [
      'News story: Arrests made',
      'Press release',
      { title: 'News story: Arrests made', displayType: 'Press release' },
    ],
    // no category: only a known display type is taken off
    ['Press release: New measures', null, { title: 'New measures', displayType: 'Press release' }],
    [
      'Written statement to Parliament: Illegal migration update',
      undefined,
      { title: 'Illegal migration update', displayType: 'Written statement to Parliament' },
    ],
    ['Borders: a review', null, { title: 'Borders: a review', displayType: null }],
    [
      'UK-EU Summit - Joint Statement (HTML)',
      null,
      { title: 'UK-EU Summit - Joint Statement (HTML)', displayType: null },
    ],
    ['Immigration: Rwanda Bill', null, { title: 'Immigration: Rwanda Bill', displayType: null }],
    // nothing after the prefix: nothing to strip
    ['Press release: ', 'Press release', { title: 'Press release: ', displayType: 'Press release' }],
    ['Statistics 2024:Q1', null, { title: 'Statistics 2024:Q1', displayType: null }],
  ])('%j with category %j', (title, category, expected) => {
    expect(splitDisplayType(title, category)).toEqual(expected);
  });
});

describe('htmlToText and decodeText', () => {
  it.each([
    ['Stopping <mark>small boats</mark> in the <mark>Channel</mark>', 'Stopping small boats in the Channel'],
    ['<mark>boat</mark>s', 'boats'],
    [
      '<p>First <strong>bold <em>nested</em></strong> para.</p><p>Second</p>',
      'First bold nested para. Second',
    ],
    ['line one<br>line two<br/>three', 'line one line two three'],
    [
      'Fish &amp; chips &ndash; &#x27;quoted&#39; &lt;not a tag&gt; &hellip;',
      "Fish & chips – 'quoted' <not a tag> …",
    ],
    ['  spaced \n\t out&nbsp;text  ', 'spaced out text'],
    ['<!-- hidden --><script>alert(1)</script>Visible<style>p{}</style>', 'Visible'],
    ['', ''],
  ])('htmlToText(%j) = %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it.each([
    [
      '12,000 takedowns as NCA leads blitz on people smugglers&#x27; social media accounts',
      "12,000 takedowns as NCA leads blitz on people smugglers' social media accounts",
    ],
    ['UK &amp; France', 'UK & France'],
    ['A <b>literal</b>  tag', 'A <b>literal</b> tag'],
  ])('decodeText(%j) = %j', (text, decoded) => {
    expect(decodeText(text)).toBe(decoded);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2025-09-01T08:30:00Z', '2025-09-01T08:30:00.000Z'],
    ['2025-09-01T09:30:00+01:00', '2025-09-01T08:30:00.000Z'],
    ['2024-03-31T09:30:00+00:00', '2024-03-31T09:30:00.000Z'],
    ['2024-01-01T00:30:00-05:30', '2024-01-01T06:00:00.000Z'],
    ['2024-02-29T12:00:00.5Z', '2024-02-29T12:00:00.500Z'],
    ['2024-02-29t12:00:00z', '2024-02-29T12:00:00.000Z'],
    [' 2025-09-01T08:30:00Z ', '2025-09-01T08:30:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseInstant(text)).toBe(iso);
  });

  it.each([
    '',
    'not-a-date',
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T00:00:60Z',
    '2024-01-01T00:00:00',
    '2024-01-01',
    'Mon, 05 Mar 2024 10:30:00 GMT',
    '2024-01-01T00:00:00+24:00',
  ])('rejects %j', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});

describe('keepNewestPerPath', () => {
  const item = (path: string, updatedAt: string, title = path): FeedItem => ({
    path,
    url: `https://www.gov.uk${path}`,
    title,
    displayType: null,
    summary: '',
    updatedAt,
  });

  it('keeps one item per path, the newest', () => {
    const kept = keepNewestPerPath([
      item('/a', '2024-03-05T10:00:00.000Z', 'old'),
      item('/b', '2024-03-01T10:00:00.000Z'),
      item('/a', '2024-03-06T10:00:00.000Z', 'new'),
      item('/a', '2024-03-04T10:00:00.000Z', 'older'),
    ]);
    expect(kept.map((i) => [i.path, i.title])).toEqual([
      ['/a', 'new'],
      ['/b', '/b'],
    ]);
  });
});
