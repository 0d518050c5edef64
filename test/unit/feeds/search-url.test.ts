import { describe, expect, it } from 'vitest';
import { FollowthroughError } from '../../../src/errors.ts';
import { buildSearchUrl, searchFields } from '../../../src/feeds/search-url.ts';

const base =
  'https://www.gov.uk/api/search.json?filter_organisations=home-office&filter_content_store_document_type=press_release&filter_content_store_document_type=policy_paper';

describe('buildSearchUrl', () => {
  it('keeps the base filters and sets order, fields, paging and the date window', () => {
    const url = new URL(
      buildSearchUrl(base, { since: '2024-03-05', until: '2024-04-30', start: 100, count: 100 }),
    );
    expect(url.origin + url.pathname).toBe('https://www.gov.uk/api/search.json');
    const q = url.searchParams;
    expect(q.getAll('filter_organisations')).toEqual(['home-office']);
    expect(q.getAll('filter_content_store_document_type')).toEqual(['press_release', 'policy_paper']);
    expect(q.get('order')).toBe('-public_timestamp');
    expect(q.getAll('fields')).toEqual([
      'title',
      'link',
      'description',
      'public_timestamp',
      'content_store_document_type',
      'display_type',
      'organisations',
    ]);
    expect(q.get('start')).toBe('100');
    expect(q.get('count')).toBe('100');
    expect(q.get('filter_public_timestamp')).toBe('from:2024-03-05,to:2024-04-30');
    expect([...new Set(q.keys())].sort()).toEqual([
      'count',
      'fields',
      'filter_content_store_document_type',
      'filter_organisations',
      'filter_public_timestamp',
      'order',
      'start',
    ]);
  });

  it.each([
    [{ since: '2024-03-05' }, 'from:2024-03-05'],
    [{ until: '2024-04-30' }, 'to:2024-04-30'],
    [{}, null],
  ])('date window %j → %s', (window, filter) => {
    const q = new URL(buildSearchUrl(base, { ...window, start: 0, count: 10 })).searchParams;
    expect(q.get('filter_public_timestamp')).toBe(filter);
  });

  it('replaces the parameters it owns instead of repeating them', () => {
    const messy =
      'https://www.gov.uk/api/search.json?q=boats&order=popularity&count=5&start=7&fields=title&filter_public_timestamp=from:2020-01-01';
    const q = new URL(buildSearchUrl(messy, { since: '2024-03-05', start: 0, count: 1500 })).searchParams;
    expect(q.get('q')).toBe('boats');
    expect(q.getAll('order')).toEqual(['-public_timestamp']);
    expect(q.getAll('count')).toEqual(['1500']);
    expect(q.getAll('start')).toEqual(['0']);
    expect(q.getAll('fields')).toEqual(searchFields);
    expect(q.getAll('filter_public_timestamp')).toEqual(['from:2024-03-05']);
  });

  it.each([
    ['not a URL', '/api/search.json', { start: 0, count: 10 }],
    ['count over 1500', base, { start: 0, count: 1501 }],
    ['count zero', base, { start: 0, count: 0 }],
    ['negative start', base, { start: -1, count: 10 }],
    ['fractional start', base, { start: 1.5, count: 10 }],
    ['a date with time', base, { since: '2024-03-05T10:00:00Z', start: 0, count: 10 }],
    ['a loose date', base, { until: '5 March 2024', start: 0, count: 10 }],
  ])('refuses %s', (_name, b, opts) => {
    expect(() => buildSearchUrl(b, opts)).toThrow(FollowthroughError);
    try {
      buildSearchUrl(b, opts);
    } catch (err) {
      expect((err as FollowthroughError).code).toBe('search_url_invalid');
    }
  });
});
