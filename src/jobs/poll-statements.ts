// Parliament's written statements (`type: parliament-statements`). The API has no ETag and no
// "changed since", so each poll reads a window of recent days page by page (skip/take until
// totalResults), asks for the full text of each statement it has not seen (the list gives a
// 255-character preview), and stores the new ones; the ones it knows cost nothing beyond the list.
// A 429, 5xx, timeout or network failure stops the poll: what was read is kept, the rest is read on
// the next poll (the window overlaps), and the source is backed off like any feed. A statement whose
// own detail is refused (404, or not readable) is skipped with a reason and tried again next poll.

import { addDays, localDay } from '../calendar.ts';
import type { Config, FeedConfig } from '../config/config.ts';
import type { FeedItem, SkippedEntry } from '../feeds/feed-item.ts';
import type { FetchError } from '../feeds/fetch-error.ts';
import {
  parseStatementDetail,
  parseStatementList,
  statementDetailUrl,
  statementListUrl,
  type Statement,
} from '../feeds/parse-parliament.ts';
import { nextPollAfterSuccess } from '../feeds/politeness.ts';
import {
  statementItems,
  statementKey,
  statementLookupKeys,
  type StatementInput,
} from '../feeds/statement-items.ts';
import { recordFeedSuccess, type FeedState } from '../store/feeds-table.ts';
import { knownKeys, upsertItems, type ItemOrigin } from '../store/items-table.ts';
import type { FeedReport, SourceContext } from './poll-feeds.ts';
import { recordFailure } from './poll-feeds.ts';

/** The API's own page limit (SOURCES.md: use ≤ 100). */
const take = 100;
const maxPages = 50;
/** Server errors on this many details in a row mean the API is down, not one statement broken. */
const maxDetailErrors = 3;
/** Failures that say nothing about one statement and everything about the API right now. */
const unreachable = new Set(['fetch_timeout', 'fetch_network', 'fetch_aborted']);

export async function pollStatements(
  config: Config,
  feed: FeedConfig,
  state: FeedState,
  ctx: SourceContext,
  report: FeedReport,
): Promise<FeedReport> {
  const now = ctx.clock();
  const from = addDays(localDay(now, config.timezone), -feed.windowDays);
  const origin: ItemOrigin = state.firstPolledAt ? 'live' : 'baseline';
  const skipped: SkippedEntry[] = [];
  const read = await readStatements(config, feed, from, ctx, (items, pageSkipped) => {
    const stored = upsertItems(ctx.db, feed.id, items, now.toISOString(), origin);
    report.inserted += stored.inserted.length;
    report.majorUpdates += stored.majorUpdates.length;
    skipped.push(...pageSkipped);
  });
  report.skipped = skipped.length;
  for (const s of skipped)
    ctx.log.warn('feed.entry_skipped', { feed: feed.id, entry: s.ref, reason: s.reason });
  if (read.failure) return recordFailure(feed, state, read.failure, ctx, report);
  const nextAttemptAt = nextPollAfterSuccess(
    now,
    read.maxAgeSeconds,
    feed.intervalMinutes * 60,
  ).toISOString();
  ctx.defer(() =>
    recordFeedSuccess(ctx.db, feed.id, {
      now: now.toISOString(),
      status: 200,
      etag: null,
      lastModified: null,
      nextAttemptAt,
      skipped,
    }),
  );
  ctx.log.info('feed.polled', {
    feed: feed.id,
    status: 200,
    listed: read.listed,
    inserted: report.inserted,
    major_updates: report.majorUpdates,
    skipped: report.skipped,
    origin,
  });
  return { ...report, outcome: 'stored', nextAttemptAt };
}

export interface StatementsRead {
  listed: number;
  maxAgeSeconds: number | null;
  /** Why reading stopped early (what was read before it has been handed over). */
  failure: unknown;
}

/**
 * Every statement made since `from` (`YYYY-MM-DD`): list pages, then the detail of each one not yet
 * stored, handed to `store` page by page (so a Lords repeat on a later page finds its Commons item).
 * A failure of the list itself throws; a failure while reading details is returned.
 */
export async function readStatements(
  config: Config,
  feed: FeedConfig,
  from: string,
  ctx: SourceContext,
  store: (items: FeedItem[], skipped: SkippedEntry[]) => void,
): Promise<StatementsRead> {
  const read: StatementsRead = { listed: 0, maxAgeSeconds: null, failure: null };
  const seen = new Set<number>();
  for (let page = 0, skip = 0; page < maxPages; page++, skip += take) {
    const list = await get(config, ctx, statementListUrl(feed.url, { from, skip, take }));
    if (list.kind !== 'modified') break;
    read.maxAgeSeconds = list.maxAgeSeconds;
    const parsed = parseStatementList(list.body);
    const fresh = parsed.statements.filter((s) => !seen.has(s.id));
    for (const s of fresh) seen.add(s.id);
    read.listed += parsed.statements.length;
    const known = knownKeys(ctx.db, statementLookupKeys(fresh));
    const inputs: StatementInput[] = [];
    const skipped = [...parsed.skipped];
    let errorsInARow = 0;
    for (const listed of fresh.filter((s) => !known.has(statementKey(s.id)))) {
      try {
        const detail = await get(config, ctx, statementDetailUrl(feed.url, listed.id));
        if (detail.kind !== 'modified')
          throw new Error('the detail answered 304 to a request without validators');
        inputs.push({ listed, detail: withListedFields(parseStatementDetail(detail.body), listed) });
        errorsInARow = 0;
      } catch (err) {
        const e = err as Partial<FetchError>;
        const status = e.status ?? null;
        const overloaded = status === 429 || status === 503 || unreachable.has(e.code ?? '');
        errorsInARow += status !== null && status >= 500 ? 1 : 0;
        if (overloaded || errorsInARow >= maxDetailErrors) read.failure = err;
        else skipped.push({ ref: `${listed.uin} (id ${listed.id})`, reason: (err as Error).message });
        if (read.failure) break;
      }
    }
    // Details just read may pair with statements stored before: ask again for what they link to.
    const held = knownKeys(ctx.db, statementLookupKeys(inputs.map((i) => i.detail)));
    store(statementItems(inputs, held, config.timezone), skipped);
    if (read.failure) return read;
    if (parsed.statements.length === 0 || skip + take >= parsed.total) break;
  }
  return read;
}

/** The detail is the fuller record; the list's fields fill what it leaves out. */
function withListedFields(detail: Statement, listed: Statement): Statement {
  return {
    ...listed,
    ...detail,
    answeringBodyName: detail.answeringBodyName || listed.answeringBodyName,
    house: detail.house || listed.house,
    links: detail.links.length ? detail.links : listed.links,
  };
}

async function get(config: Config, ctx: SourceContext, url: string) {
  await ctx.pacer.wait(url);
  return ctx.fetchFeed({
    url,
    userAgent: config.fetch.userAgent,
    timeoutMs: config.fetch.timeoutSeconds * 1000,
    maxBytes: config.fetch.maxBytes,
    accept: 'application/json',
  });
}
