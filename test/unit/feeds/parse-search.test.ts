import { describe, expect, it } from 'vitest';
import { FollowthroughError } from '../../../src/errors.ts';
import { parseSearchPage } from '../../../src/feeds/parse-search.ts';
import { govukFixture } from '../../support/fake-govuk.ts';

const fixture = govukFixture('search-home-office.json');

function page(results: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ results, total: results.length, start: 0, ...extra });
}

const good = {
  title: 'Good',
  link: '/government/news/good',
  description: 'Fine',
  public_timestamp: '2024-03-05T10:30:00+00:00',
  display_type: 'Press release',
};

describe('parseSearchPage', () => {
  it('reads the fixture: paths, plain titles, display types, instants in UTC, total and start', () => {
    const parsed = parseSearchPage(fixture);
    expect(parsed).toMatchObject({ total: 30, start: 0, ended: false, skipped: [] });
    expect(parsed.items).toHaveLength(10);
    expect(parsed.items[0]).toEqual({
      path: '/government/news/borders-and-asylum',
      url: 'https://www.gov.uk/government/news/borders-and-asylum',
      title: 'Borders and Asylum',
      displayType: 'Press release',
      summary:
        'With permission, I will update the House on the actions we are taking with France to strengthen our border security and the next steps in our reforms to the asylum system.',
      updatedAt: '2025-09-01T08:30:00.000Z',
    });
    expect(parsed.items.map((i) => i.displayType)).toContain('Policy paper');
    expect(
      parsed.items.find((i) => i.path.startsWith('/government/publications/uk-germany'))?.updatedAt,
    ).toBe('2024-12-10T09:30:00.000Z');
  });

  it.each([
    [
      'an absolute GOV.UK link',
      'https://www.gov.uk/government/news/x/',
      { path: '/government/news/x', url: 'https://www.gov.uk/government/news/x' },
    ],
    [
      'an external link',
      'https://www.nationalcrimeagency.gov.uk/news/x#top',
      {
        path: 'https://www.nationalcrimeagency.gov.uk/news/x',
        url: 'https://www.nationalcrimeagency.gov.uk/news/x',
      },
    ],
  ])('keys %s', (_name, link, address) => {
    expect(parseSearchPage(page([{ ...good, link }])).items[0]).toMatchObject(address);
  });

  it.each([
    ['no link', { ...good, link: undefined }, 'Good', 'no usable link'],
    ['a relative link', { ...good, link: 'government/news/x' }, 'government/news/x', 'no usable link'],
    [
      'no timestamp',
      { ...good, public_timestamp: undefined },
      '/government/news/good',
      'missing public_timestamp',
    ],
    [
      'a bad timestamp',
      { ...good, public_timestamp: '2024-02-30' },
      '/government/news/good',
      'invalid public_timestamp "2024-02-30"',
    ],
    [
      'a non-string timestamp',
      { ...good, public_timestamp: 1709634600 },
      '/government/news/good',
      'invalid public_timestamp 1709634600',
    ],
    ['an empty title', { ...good, title: ' ' }, '/government/news/good', 'empty title'],
    ['not an object', 'oops', 'result 1', 'no usable link; missing public_timestamp; empty title'],
  ])('skips a result with %s and keeps the rest', (_name, bad, ref, reason) => {
    const parsed = parseSearchPage(page([good, bad, { ...good, link: '/government/news/other' }]));
    expect(parsed.items.map((i) => i.path)).toEqual(['/government/news/good', '/government/news/other']);
    expect(parsed.skipped).toEqual([{ ref, reason }]);
  });

  it('defaults display type to null and summary to empty, and keeps the newest of a duplicated path', () => {
    const parsed = parseSearchPage(
      page([
        { title: 'A', link: '/a', public_timestamp: '2024-03-05T10:30:00Z' },
        { title: 'A again', link: '/a', public_timestamp: '2024-03-06T10:30:00Z' },
      ]),
    );
    expect(parsed.items).toEqual([
      {
        path: '/a',
        url: 'https://www.gov.uk/a',
        title: 'A again',
        displayType: null,
        summary: '',
        updatedAt: '2024-03-06T10:30:00.000Z',
      },
    ]);
  });

  it('takes start and total from the page, with sane defaults', () => {
    expect(parseSearchPage(JSON.stringify({ results: [good], total: 120, start: 100 }))).toMatchObject({
      total: 120,
      start: 100,
    });
    expect(parseSearchPage(JSON.stringify({ results: [good] }))).toMatchObject({ total: 1, start: 0 });
  });

  it.each([
    ['invalid JSON', '{"results": [', /not JSON/],
    ['an HTML page', '<!DOCTYPE html><html></html>', /not JSON/],
    ['empty', '', /not JSON/],
    ['JSON without results', '{"error":"Unexpected parameters: foo"}', /no "results" array/],
    ['a JSON array', '[]', /no "results" array/],
    ['null', 'null', /no "results" array/],
  ])('rejects %s as feed_unparseable', (_name, body, message) => {
    let caught: unknown;
    try {
      parseSearchPage(body);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(FollowthroughError);
    expect((caught as FollowthroughError).code).toBe('feed_unparseable');
    expect((caught as FollowthroughError).message).toMatch(message);
  });
});
