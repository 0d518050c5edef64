// GOV.UK Search API page (`/api/search.json`) → FeedItems. Results are plain text already; `link`
// is usually a GOV.UK path and sometimes an absolute external URL (GOVUK.md, "Search API").

import { FollowthroughError, errorMessage } from '../errors.ts';
import type { FeedItem, ParsedSearchPage, SkippedEntry } from './feed-item.ts';
import {
  collapseWhitespace,
  isUsableLink,
  itemAddress,
  keepNewestPerPath,
  parseInstant,
} from './normalise.ts';

export function parseSearchPage(json: string): ParsedSearchPage {
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch (err) {
    throw unparseable(`the body is not JSON (${errorMessage(err)})`, err);
  }
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { results?: unknown }).results)) {
    throw unparseable('the JSON has no "results" array');
  }
  const page = body as { results: unknown[]; total?: unknown; start?: unknown };

  const items: FeedItem[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [index, result] of page.results.entries()) {
    const r = (typeof result === 'object' && result !== null ? result : {}) as Record<string, unknown>;
    const link = text(r.link);
    const title = collapseWhitespace(text(r.title));
    const usable = isUsableLink(link);
    const updatedAt = parseInstant(text(r.public_timestamp));
    if (!usable || !updatedAt || !title) {
      const reasons = [
        usable ? null : 'no usable link',
        updatedAt
          ? null
          : r.public_timestamp === undefined
            ? 'missing public_timestamp'
            : `invalid public_timestamp ${JSON.stringify(r.public_timestamp)}`,
        title ? null : 'empty title',
      ];
      skipped.push({ ref: link || title || `result ${index}`, reason: reasons.filter(Boolean).join('; ') });
      continue;
    }
    items.push({
      ...itemAddress(link),
      title,
      displayType: collapseWhitespace(text(r.display_type)) || null,
      summary: collapseWhitespace(text(r.description)),
      updatedAt,
    });
  }
  const start = wholeNumber(page.start) ?? 0;
  const total = wholeNumber(page.total) ?? start + page.results.length;
  return { items: keepNewestPerPath(items), skipped, ended: false, total, start };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function wholeNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function unparseable(reason: string, cause?: unknown): FollowthroughError {
  return new FollowthroughError(
    'feed_unparseable',
    `not a Search API page: ${reason}`,
    cause === undefined ? undefined : { cause },
  );
}
