// Loads history for every source that can page back in time — the GOV.UK Search API (`recover:` on a
// feed, or a `type: search` feed) and Parliament's written statements — then matches it. What is
// found is reported per commitment as one summary, not as a burst of alerts.

import type { Commitment } from '../commitments/commitment.ts';
import type { Config, FeedConfig } from '../config/config.ts';
import { errorMessage, FollowthroughError } from '../errors.ts';
import { createPacer } from '../feeds/pacer.ts';
import { syncFeeds } from '../store/feeds-table.ts';
import { upsertItems } from '../store/items-table.ts';
import { matchPending, type MatchReport } from './match-pending.ts';
import type { SourceContext } from './poll-feeds.ts';
import { readStatements } from './poll-statements.ts';
import { storeFromSearch, type SearchDeps } from './recover-from-search.ts';
import { syncCommitments } from './sync-commitments.ts';

export interface BackfillReport {
  sources: Array<{ feed: string; added: number; error?: string }>;
  match: MatchReport;
}

export async function backfill(
  config: Config,
  commitments: Commitment[],
  since: string,
  deps: SearchDeps & { progress?: (feed: string, seen: number, total: number) => void },
  /** `match: false` when no validated set is in force: the items are stored and wait to be matched. */
  options: { match?: boolean } = {},
): Promise<BackfillReport> {
  syncFeeds(deps.db, config.feeds);
  syncCommitments(config, commitments, deps);
  const sources: BackfillReport['sources'] = [];
  const ctx = {
    ...deps,
    pacer: createPacer(config.fetch.requestsPerSecond),
    defer: (write: () => void) => write(),
  };
  for (const feed of config.feeds) {
    const base = feed.type === 'search' ? feed.url : feed.recover;
    if (!base && feed.type !== 'parliament-statements') continue;
    try {
      const added =
        feed.type === 'parliament-statements'
          ? await storeStatements(config, feed, since, ctx)
          : await storeFromSearch(
              config,
              feed,
              base!,
              `${since}T00:00:00.000Z`,
              'backfill',
              deps,
              (seen, total) => deps.progress?.(feed.id, seen, total),
            );
      sources.push({ feed: feed.id, added });
      deps.log.info('backfill.source', { feed: feed.id, since, added });
    } catch (err) {
      sources.push({ feed: feed.id, added: 0, error: errorMessage(err) });
      deps.log.error('backfill.failed', { feed: feed.id, error: errorMessage(err) });
    }
  }
  if (options.match === false) return { sources, match: { items: 0, matches: 0, alerts: 0 } };
  return { sources, match: matchPending(config, commitments, deps) };
}

/** Every written statement since `since`, stored as backfill; a failure part-way keeps what was read. */
async function storeStatements(
  config: Config,
  feed: FeedConfig,
  since: string,
  ctx: SourceContext,
): Promise<number> {
  let added = 0;
  const now = ctx.clock().toISOString();
  const read = await readStatements(config, feed, since, ctx, (items) => {
    added += upsertItems(ctx.db, feed.id, items, now, 'backfill').inserted.length;
  });
  if (read.failure)
    throw new FollowthroughError(
      'backfill_incomplete',
      `${errorMessage(read.failure)} (${added} new statements were stored before it: run the backfill again to go on)`,
      { cause: read.failure },
    );
  return added;
}
