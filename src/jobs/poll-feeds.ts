// One polling pass over every configured source. Per source, read top to bottom:
// feed state → politeness check → the source's own poll (a syndication feed or Search API page:
// poll-syndication.ts; Parliament's written statements: poll-statements.ts) → its items and state
// stored in one transaction.
// One failing source never stops the others: its failure is recorded, backed off and reported.
// What a source changes only in its own state (a 304, a failure) is written for the whole pass in
// one transaction at the end: one commit for fifty idle feeds instead of fifty.

import type { Config, FeedConfig } from '../config/config.ts';
import { errorMessage } from '../errors.ts';
import type { FetchOutcome, FetchRequest } from '../feeds/fetch-feed.ts';
import { createPacer, type Pacer } from '../feeds/pacer.ts';
import { nextPollAfterFailure } from '../feeds/politeness.ts';
import type { Logger } from '../log.ts';
import {
  getFeedState,
  listFeedStates,
  recordFeedFailure,
  syncFeeds,
  type FeedState,
} from '../store/feeds-table.ts';
import type { Db } from '../store/open-store.ts';
import type { Clock } from './clock.ts';
import { pollStatements } from './poll-statements.ts';
import { pollSyndication } from './poll-syndication.ts';

export interface PollDeps {
  db: Db;
  log: Logger;
  fetchFeed: (req: FetchRequest) => Promise<FetchOutcome>;
  clock: Clock;
  /** Spaces secondary requests per host (statement details); one is made per pass when absent. */
  pacer?: Pacer;
}

/** What a source's poll needs besides the config: the deps, and where state-only writes go. */
export interface SourceContext extends PollDeps {
  pacer: Pacer;
  /** Run `write` with the pass's other state-only writes, in one transaction at the end. */
  defer(write: () => void): void;
  /** Every source's state, read once for the pass. */
  states?: Map<string, FeedState>;
}

export type FeedOutcome = 'stored' | 'unchanged' | 'not-modified' | 'not-due' | 'failed' | 'dead';

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

const concurrency = 4;

export async function pollFeeds(config: Config, deps: PollDeps): Promise<PollReport> {
  syncFeeds(deps.db, config.feeds);
  const writes: Array<() => void> = [];
  const ctx: SourceContext = {
    ...deps,
    pacer: deps.pacer ?? createPacer(config.fetch.requestsPerSecond),
    defer: (write) => writes.push(write),
    states: new Map(listFeedStates(deps.db).map((s) => [s.id, s])),
  };
  const reports: FeedReport[] = [];
  const queue = [...config.feeds];
  const worker = async (): Promise<void> => {
    for (let feed = queue.shift(); feed; feed = queue.shift())
      reports.push(await pollFeed(config, feed, ctx));
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  } finally {
    if (writes.length)
      deps.db.transaction(() => {
        for (const write of writes) write();
      })();
  }
  const order = new Map(config.feeds.map((f, i) => [f.id, i]));
  reports.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { feeds: reports, failed: reports.filter((r) => r.outcome === 'failed').length };
}

/** One source. Outside `pollFeeds`, its state-only writes happen at once. */
export async function pollFeed(
  config: Config,
  feed: FeedConfig,
  deps: PollDeps | SourceContext,
): Promise<FeedReport> {
  const ctx: SourceContext =
    'defer' in deps
      ? deps
      : { ...deps, pacer: deps.pacer ?? createPacer(config.fetch.requestsPerSecond), defer: (w) => w() };
  const now = ctx.clock();
  const report: FeedReport = {
    id: feed.id,
    outcome: 'not-due',
    inserted: 0,
    majorUpdates: 0,
    skipped: 0,
    recovered: 0,
  };
  const state = ctx.states?.get(feed.id) ?? getFeedState(ctx.db, feed.id)!;
  if (state.deadAt) {
    report.outcome = 'dead';
    report.error = state.deadReason ?? 'the feed has ended';
    return report;
  }
  if (state.nextAttemptAt && now < new Date(state.nextAttemptAt)) {
    report.nextAttemptAt = state.nextAttemptAt;
    return report;
  }
  try {
    return feed.type === 'parliament-statements'
      ? await pollStatements(config, feed, state, ctx, report)
      : await pollSyndication(config, feed, state, ctx, report);
  } catch (err) {
    return recordFailure(feed, state, err, ctx, report);
  }
}

/** Back the source off (Retry-After honoured), record why, and report it. */
export function recordFailure(
  feed: FeedConfig,
  state: FeedState,
  err: unknown,
  ctx: SourceContext,
  report: FeedReport,
): FeedReport {
  const e = err as { status?: number | null; retryAfterSeconds?: number | null; code?: string };
  const now = ctx.clock();
  const failures = state.failures + 1;
  const nextAttemptAt = nextPollAfterFailure(now, failures, e.retryAfterSeconds ?? null).toISOString();
  const message = errorMessage(err);
  ctx.defer(() =>
    recordFeedFailure(ctx.db, feed.id, {
      now: now.toISOString(),
      status: e.status ?? null,
      error: message,
      nextAttemptAt,
    }),
  );
  ctx.log.error('feed.failed', {
    feed: feed.id,
    url: feed.url,
    code: e.code,
    status: e.status ?? undefined,
    error: message,
    failures,
    next_attempt_at: nextAttemptAt,
  });
  return { ...report, outcome: 'failed', error: message, nextAttemptAt };
}
