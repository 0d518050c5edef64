// Loads history from the GOV.UK Search API for every source that has a Search API query
// (`recover:` on an Atom feed, or a `type: search` feed), then matches it. What is found is
// reported per commitment as one summary, not as a burst of alerts.

import type { Commitment } from '../commitments/commitment.ts';
import type { Config } from '../config/config.ts';
import { errorMessage } from '../errors.ts';
import { syncFeeds } from '../store/feeds-table.ts';
import { matchPending, type MatchReport } from './match-pending.ts';
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
  for (const feed of config.feeds) {
    const base = feed.type === 'search' ? feed.url : feed.recover;
    if (!base) continue;
    try {
      const added = await storeFromSearch(
        config,
        feed,
        base,
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
