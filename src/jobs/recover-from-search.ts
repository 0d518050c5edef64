// Feeds show only the newest 20 entries. When a poll finds a whole window of unseen entries,
// some may have fallen off the end since the last poll: page through the Search API from the
// newest item we had and store what is missing (GOVUK.md, "No paging").

import type { Config, FeedConfig } from '../config/config.ts';
import type { FetchOutcome, FetchRequest } from '../feeds/fetch-feed.ts';
import type { FeedItem } from '../feeds/feed-item.ts';
import { parseSearchPage } from '../feeds/parse-search.ts';
import { buildSearchUrl } from '../feeds/search-url.ts';
import type { Logger } from '../log.ts';
import type { Clock } from './clock.ts';
import { contentBase } from '../feeds/content-base.ts';
import { queueBodies } from '../store/bodies-table.ts';
import { upsertItems, type ItemOrigin } from '../store/items-table.ts';
import type { Db } from '../store/open-store.ts';

export interface SearchDeps {
  db: Db;
  log: Logger;
  fetchFeed: (req: FetchRequest) => Promise<FetchOutcome>;
  clock: Clock;
}

const pageSize = 100;
const maxPages = 50;

/** Pages of Search API results from `since` (YYYY-MM-DD, inclusive), newest first. */
export async function* searchPages(
  config: Config,
  base: string,
  since: string,
  fetchFeed: SearchDeps['fetchFeed'],
): AsyncGenerator<{ items: FeedItem[]; skipped: number; total: number; start: number }> {
  for (let page = 0, start = 0; page < maxPages; page++) {
    const url = buildSearchUrl(base, { since, start, count: pageSize });
    const response = await fetchFeed({
      url,
      userAgent: config.fetch.userAgent,
      timeoutMs: config.fetch.timeoutSeconds * 1000,
      maxBytes: config.fetch.maxBytes,
      accept: 'application/json',
    });
    if (response.kind !== 'modified') return;
    const parsed = parseSearchPage(response.body);
    yield { items: parsed.items, skipped: parsed.skipped.length, total: parsed.total, start };
    start += pageSize;
    if (parsed.items.length + parsed.skipped.length < pageSize || start >= parsed.total) return;
  }
}

/** Store every search result published since `since` (ISO instant) under `origin`; returns how many were new. */
export async function storeFromSearch(
  config: Config,
  feed: FeedConfig,
  base: string,
  since: string,
  origin: ItemOrigin,
  deps: SearchDeps,
  onPage?: (seen: number, total: number) => void,
): Promise<number> {
  let added = 0;
  let seen = 0;
  for await (const page of searchPages(config, base, since.slice(0, 10), deps.fetchFeed)) {
    const fresh = page.items.filter((i) => Date.parse(i.updatedAt) >= Date.parse(since));
    const now = deps.clock().toISOString();
    const result = deps.db.transaction(() => {
      const stored = upsertItems(deps.db, feed.id, fresh, now, origin);
      queueBodies(
        deps.db,
        [...stored.inserted, ...stored.majorUpdates],
        contentBase(feed),
        origin === 'live' ? 1 : 0,
        now,
      );
      return stored;
    })();
    added += result.inserted.length;
    seen += page.items.length + page.skipped;
    onPage?.(seen, page.total);
  }
  return added;
}

export async function recoverFromSearch(
  config: Config,
  feed: FeedConfig,
  newestBefore: string,
  deps: SearchDeps,
): Promise<number> {
  const added = await storeFromSearch(config, feed, feed.recover!, newestBefore, 'live', deps);
  deps.log.info('feed.recovered', { feed: feed.id, since: newestBefore, added });
  return added;
}
