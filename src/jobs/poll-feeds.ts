// One polling pass over every configured source, read top to bottom:
// feed state → politeness check → conditional GET → 304? done → parse → store items and feed
// state in one transaction → recover a window gap from the Search API.
// One failing feed never stops the others: its failure is recorded, backed off and reported.

import type { Config, FeedConfig } from '../config/config.ts';
import { errorMessage } from '../errors.ts';
import type { ParsedFeed } from '../feeds/feed-item.ts';
import type { FetchOutcome, FetchRequest } from '../feeds/fetch-feed.ts';
import { parseAtomFeed } from '../feeds/parse-atom.ts';
import { parseSearchPage } from '../feeds/parse-search.ts';
import { nextPollAfterFailure, nextPollAfterSuccess } from '../feeds/politeness.ts';
import type { Logger } from '../log.ts';
import type { Clock } from './clock.ts';
import {
  getFeedState,
  markFeedDead,
  newestItemInFeed,
  recordFeedFailure,
  recordFeedSuccess,
  syncFeeds,
  type FeedState,
} from '../store/feeds-table.ts';
import { upsertItems, type ItemOrigin } from '../store/items-table.ts';
import type { Db } from '../store/open-store.ts';
import { recoverFromSearch } from './recover-from-search.ts';

export interface PollDeps {
  db: Db;
  log: Logger;
  fetchFeed: (req: FetchRequest) => Promise<FetchOutcome>;
  clock: Clock;
}

export type FeedOutcome = 'stored' | 'not-modified' | 'not-due' | 'failed' | 'dead';

export interface FeedReport {
  id: string;
  outcome: FeedOutcome;
  inserted: number;
  majorUpdates: number;
  skipped: number;
  recovered: number;
  error?: string;
  nextAttemptAt?: string;
}

export interface PollReport {
  feeds: FeedReport[];
  failed: number;
}

/** GOV.UK windows hold 20 entries (topical events 10): a full window of unseen entries may hide a gap. */
const smallestWindow = 10;
const concurrency = 4;

export async function pollFeeds(config: Config, deps: PollDeps): Promise<PollReport> {
  syncFeeds(deps.db, config.feeds);
  const reports: FeedReport[] = [];
  const queue = [...config.feeds];
  const worker = async (): Promise<void> => {
    for (let feed = queue.shift(); feed; feed = queue.shift())
      reports.push(await pollFeed(config, feed, deps));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  reports.sort(
    (a, b) => config.feeds.findIndex((f) => f.id === a.id) - config.feeds.findIndex((f) => f.id === b.id),
  );
  return { feeds: reports, failed: reports.filter((r) => r.outcome === 'failed').length };
}

export async function pollFeed(config: Config, feed: FeedConfig, deps: PollDeps): Promise<FeedReport> {
  const { db, log } = deps;
  const now = deps.clock();
  const report: FeedReport = {
    id: feed.id,
    outcome: 'not-due',
    inserted: 0,
    majorUpdates: 0,
    skipped: 0,
    recovered: 0,
  };
  const state = getFeedState(db, feed.id)!;
  if (state.deadAt) {
    report.outcome = 'dead';
    report.error = state.deadReason ?? 'the feed has ended';
    return report;
  }
  if (state.nextAttemptAt && now < new Date(state.nextAttemptAt)) {
    report.nextAttemptAt = state.nextAttemptAt;
    return report;
  }
  const nowIso = now.toISOString();
  let response: FetchOutcome;
  try {
    response = await deps.fetchFeed({
      url: feed.url,
      etag: state.etag,
      lastModified: state.lastModified,
      userAgent: config.fetch.userAgent,
      timeoutMs: config.fetch.timeoutSeconds * 1000,
      maxBytes: config.fetch.maxBytes,
      accept:
        feed.type === 'search'
          ? 'application/json'
          : 'application/atom+xml, application/xml;q=0.9, */*;q=0.1',
    });
  } catch (err) {
    return recordFailure(feed, state, err, deps, report);
  }
  const nextAttemptAt = nextPollAfterSuccess(
    now,
    response.maxAgeSeconds,
    feed.intervalMinutes * 60,
  ).toISOString();
  report.nextAttemptAt = nextAttemptAt;
  if (response.kind === 'not-modified') {
    recordFeedSuccess(db, feed.id, {
      now: nowIso,
      status: 304,
      etag: response.etag ?? state.etag,
      lastModified: response.lastModified ?? state.lastModified,
      nextAttemptAt,
    });
    report.outcome = 'not-modified';
    log.debug('feed.not_modified', { feed: feed.id });
    return report;
  }

  let parsed: ParsedFeed;
  try {
    parsed = feed.type === 'search' ? parseSearchPage(response.body) : await parseAtomFeed(response.body);
  } catch (err) {
    return recordFailure(feed, state, err, deps, report);
  }
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
  const newestBefore = newestItemInFeed(db, feed.id);
  const stored = db.transaction(() => {
    const result = upsertItems(db, feed.id, parsed.items, nowIso, origin);
    recordFeedSuccess(db, feed.id, {
      now: nowIso,
      status: response.status,
      etag: response.etag,
      lastModified: response.lastModified,
      nextAttemptAt,
      skipped: parsed.skipped,
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
  if (windowFull && feed.recover && newestBefore) {
    log.warn('feed.window_gap', {
      feed: feed.id,
      since: newestBefore,
      detail: 'every entry was new: recovering from the Search API',
    });
    try {
      report.recovered = await recoverFromSearch(config, feed, newestBefore, deps);
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

function recordFailure(
  feed: FeedConfig,
  state: FeedState,
  err: unknown,
  deps: PollDeps,
  report: FeedReport,
): FeedReport {
  const e = err as { status?: number; retryAfterSeconds?: number; code?: string };
  const nextAttemptAt = nextPollAfterFailure(
    deps.clock(),
    state.failures + 1,
    e.retryAfterSeconds ?? null,
  ).toISOString();
  const message = errorMessage(err);
  const failures = recordFeedFailure(deps.db, feed.id, {
    now: deps.clock().toISOString(),
    status: e.status ?? null,
    error: message,
    nextAttemptAt,
  });
  deps.log.error('feed.failed', {
    feed: feed.id,
    url: feed.url,
    code: e.code,
    status: e.status,
    error: message,
    failures,
    next_attempt_at: nextAttemptAt,
  });
  return { ...report, outcome: 'failed', error: message, nextAttemptAt };
}
