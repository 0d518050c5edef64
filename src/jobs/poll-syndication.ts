// One RSS/Atom feed or Search API page: conditional GET → 304? done → the same items as last time?
// done → parse (the body says RSS or Atom) → store items and feed state in one transaction → queue
// GOV.UK items' bodies → recover a window gap from the Search API.

import { createHash } from 'node:crypto';
import type { Config, FeedConfig } from '../config/config.ts';
import { errorMessage } from '../errors.ts';
import type { FeedItem, ParsedFeed } from '../feeds/feed-item.ts';
import type { FetchOutcome } from '../feeds/fetch-feed.ts';
import { contentBase } from '../feeds/content-base.ts';
import { isGovukPath } from '../feeds/normalise.ts';
import { itemsRegion, parseFeed } from '../feeds/parse-feed.ts';
import { parseSearchPage } from '../feeds/parse-search.ts';
import { nextPollAfterSuccess } from '../feeds/politeness.ts';
import { queueBodies } from '../store/bodies-table.ts';
import { markFeedDead, recordFeedSuccess, type FeedState } from '../store/feeds-table.ts';
import { upsertItems, type ItemOrigin } from '../store/items-table.ts';
import type { FeedReport, SourceContext } from './poll-feeds.ts';
import { recoverFromSearch } from './recover-from-search.ts';

/** GOV.UK windows hold 20 entries (topical events 10): a full window of unseen entries may hide a gap. */
const smallestWindow = 10;

export async function pollSyndication(
  config: Config,
  feed: FeedConfig,
  state: FeedState,
  ctx: SourceContext,
  report: FeedReport,
): Promise<FeedReport> {
  const { db, log } = ctx;
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const response: FetchOutcome = await ctx.fetchFeed({
    url: feed.url,
    etag: state.etag,
    lastModified: state.lastModified,
    userAgent: config.fetch.userAgent,
    timeoutMs: config.fetch.timeoutSeconds * 1000,
    maxBytes: config.fetch.maxBytes,
    accept:
      feed.type === 'search'
        ? 'application/json'
        : 'application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.1',
  });
  const nextAttemptAt = nextPollAfterSuccess(
    now,
    response.maxAgeSeconds,
    feed.intervalMinutes * 60,
  ).toISOString();
  report.nextAttemptAt = nextAttemptAt;
  const success = { now: nowIso, etag: response.etag, lastModified: response.lastModified, nextAttemptAt };
  if (response.kind === 'not-modified') {
    ctx.defer(() =>
      recordFeedSuccess(db, feed.id, {
        ...success,
        status: 304,
        etag: response.etag ?? state.etag,
        lastModified: response.lastModified ?? state.lastModified,
      }),
    );
    report.outcome = 'not-modified';
    log.debug('feed.not_modified', { feed: feed.id });
    return report;
  }
  // A body that changes on every request (NCA's lastBuildDate) with the same items costs no parse.
  const fingerprint = createHash('sha256').update(itemsRegion(response.body)).digest('base64url');
  if (state.firstPolledAt && fingerprint === state.itemsFingerprint) {
    ctx.defer(() => recordFeedSuccess(db, feed.id, { ...success, status: response.status }));
    report.outcome = 'unchanged';
    log.debug('feed.unchanged', { feed: feed.id });
    return report;
  }

  const parsed: ParsedFeed =
    feed.type === 'search' ? parseSearchPage(response.body) : await parseFeed(response.body);
  if (parsed.ended) {
    const reason =
      `GOV.UK retired this feed ("This feed has ended"${parsed.endedDetail ? `: ${parsed.endedDetail}` : ''}); ` +
      'find its replacement and update config';
    markFeedDead(db, feed.id, nowIso, reason);
    log.error('feed.dead', { feed: feed.id, url: feed.url, reason });
    report.outcome = 'dead';
    report.error = reason;
    return report;
  }

  // The first successful parse is the baseline: what is already there is recorded as seen, not news.
  const origin: ItemOrigin = state.firstPolledAt ? 'live' : 'baseline';
  const items = parsed.items.map((i) => withPublisher(i, feed, parsed.title));
  const stored = db.transaction(() => {
    const result = upsertItems(db, feed.id, items, nowIso, origin);
    queueBodies(
      db,
      [...result.inserted, ...result.majorUpdates],
      contentBase(feed),
      origin === 'live' ? 1 : 0,
      nowIso,
    );
    recordFeedSuccess(db, feed.id, {
      ...success,
      status: response.status,
      skipped: parsed.skipped,
      fingerprint,
    });
    return result;
  })();
  report.outcome = 'stored';
  report.inserted = stored.inserted.length;
  report.majorUpdates = stored.majorUpdates.length;
  report.skipped = parsed.skipped.length;
  for (const s of parsed.skipped)
    log.warn('feed.entry_skipped', { feed: feed.id, entry: s.ref, reason: s.reason });

  const windowFull =
    origin === 'live' &&
    parsed.items.length >= smallestWindow &&
    stored.inserted.length === parsed.items.length;
  if (windowFull && feed.recover && state.newestItemAt) {
    log.warn('feed.window_gap', {
      feed: feed.id,
      since: state.newestItemAt,
      detail: 'every entry was new: recovering from the Search API',
    });
    try {
      report.recovered = await recoverFromSearch(config, feed, state.newestItemAt, ctx);
    } catch (err) {
      log.error('feed.recover_failed', { feed: feed.id, error: errorMessage(err) });
    }
  }
  log.info('feed.polled', {
    feed: feed.id,
    status: response.status,
    inserted: report.inserted,
    major_updates: report.majorUpdates,
    skipped: report.skipped,
    recovered: report.recovered,
    origin,
  });
  return report;
}

/**
 * GOV.UK items get their publisher from the Content API (or the feed's `publisher:`); any other
 * publisher's items from the feed's `publisher:`, else the feed's own title, else its host.
 */
function withPublisher(item: FeedItem, feed: FeedConfig, feedTitle: string | undefined): FeedItem {
  if (item.publisher) return item;
  if (isGovukPath(item.path)) return feed.publisher ? { ...item, publisher: feed.publisher } : item;
  return { ...item, publisher: feed.publisher ?? feedTitle ?? new URL(feed.url).host };
}
