// Search API URLs for backfill and gap recovery. The API answers 422 to any parameter it does not
// know, so this sets only documented ones (GOVUK.md, "Search API").

import { FollowthroughError } from '../errors.ts';

export interface SearchUrlOptions {
  /** First day, YYYY-MM-DD, inclusive (UTC). */
  since?: string;
  /** Last day, YYYY-MM-DD, inclusive (UTC). */
  until?: string;
  /** 0-based offset. */
  start: number;
  /** Page size, 1–1500. */
  count: number;
}

export const searchFields = [
  'title',
  'link',
  'description',
  'public_timestamp',
  'content_store_document_type',
  'display_type',
  'organisations',
];
export const maxSearchCount = 1500;

/** Parameters this module owns; the base URL's own values for them are replaced. */
const ownParams = ['order', 'fields', 'start', 'count', 'filter_public_timestamp'];

/** The base's own filters kept; newest first; the fields a FeedItem needs; one page; the date window. */
export function buildSearchUrl(base: string, opts: SearchUrlOptions): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw invalid(`${JSON.stringify(base)} is not an absolute URL`);
  }
  if (!Number.isInteger(opts.start) || opts.start < 0)
    throw invalid(`start must be a whole number ≥ 0, not ${opts.start}`);
  if (!Number.isInteger(opts.count) || opts.count < 1 || opts.count > maxSearchCount) {
    throw invalid(`count must be a whole number from 1 to ${maxSearchCount}, not ${opts.count}`);
  }
  for (const day of [opts.since, opts.until]) {
    if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day))
      throw invalid(`dates must be YYYY-MM-DD, not ${JSON.stringify(day)}`);
  }

  for (const name of ownParams) url.searchParams.delete(name);
  // Without `q` the API orders by popularity; recovery needs newest first.
  url.searchParams.set('order', '-public_timestamp');
  for (const field of searchFields) url.searchParams.append('fields', field);
  url.searchParams.set('start', String(opts.start));
  url.searchParams.set('count', String(opts.count));
  const window = [opts.since && `from:${opts.since}`, opts.until && `to:${opts.until}`]
    .filter(Boolean)
    .join(',');
  if (window) url.searchParams.set('filter_public_timestamp', window);
  return url.href;
}

function invalid(message: string): FollowthroughError {
  return new FollowthroughError('search_url_invalid', `cannot build a Search API URL: ${message}`);
}
