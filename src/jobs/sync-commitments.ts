// Brings the store in line with the commitments file: a row for every commitment, and a catch-up
// over stored history when a commitment is new or its rules changed, so evidence published
// before it was watched is not missed. What the catch-up finds is reported as one summary.

import { createHash } from 'node:crypto';
import type { Commitment } from '../commitments/commitment.ts';
import { isManual } from '../commitments/lifecycle.ts';
import type { Config } from '../config/config.ts';
import type { Logger } from '../log.ts';
import { matchHistory } from '../match/match-history.ts';
import {
  ensureCommitmentState,
  getCommitmentState,
  noteEvidence,
  setRuleHash,
} from '../store/commitment-state-table.ts';
import { getItem, type StoredItem } from '../store/items-table.ts';
import { historyQueries } from '../store/item-queries.ts';
import { recordMatch } from '../store/matches-table.ts';
import type { Db } from '../store/open-store.ts';
import type { MatchHit } from '../match/match-types.ts';
import { compileWatched, enqueueSummary } from './match-pending.ts';
import type { Clock } from './clock.ts';

export interface SyncDeps {
  db: Db;
  log: Logger;
  clock: Clock;
}

export interface SyncReport {
  added: string[];
  rulesChanged: string[];
  historyMatches: number;
  /** What the catch-up found, per commitment. */
  found: Record<string, StoredItem[]>;
}

export interface SyncOptions {
  /** Catch up from this date (YYYY-MM-DD) instead of the commitment's source date. */
  since?: Record<string, string>;
}

export function ruleHash(c: Commitment): string {
  return createHash('sha256')
    .update(JSON.stringify([c.match, c.fulfilment, c.source.published]))
    .digest('hex')
    .slice(0, 16);
}

export function syncCommitments(
  config: Config,
  commitments: Commitment[],
  deps: SyncDeps,
  options: SyncOptions = {},
): SyncReport {
  const { db } = deps;
  const now = deps.clock();
  const report: SyncReport = { added: [], rulesChanged: [], historyMatches: 0, found: {} };
  for (const c of commitments) {
    const hash = ruleHash(c);
    const before = getCommitmentState(db, c.id);
    if (before && before.ruleHash === hash) continue;
    db.transaction(() => {
      if (ensureCommitmentState(db, c.id, now.toISOString(), hash)) report.added.push(c.id);
      else report.rulesChanged.push(c.id);
      setRuleHash(db, c.id, hash);
      if (before && isManual(before.status)) return;
      const found = catchUp(db, c, now, options.since?.[c.id] ?? c.source.published, config.timezone);
      report.historyMatches += found.length;
      if (found.length) report.found[c.id] = found.map((f) => f.item);
      enqueueSummary(db, config, c, 'history', found, now);
    })();
  }
  if (report.added.length || report.rulesChanged.length)
    deps.log.info('commitments.synced', {
      added: report.added,
      rules_changed: report.rulesChanged,
      history_matches: report.historyMatches,
    });
  return report;
}

/** Match one commitment over stored history since its source date; returns the matches that are new. */
function catchUp(
  db: Db,
  c: Commitment,
  now: Date,
  since: string,
  timeZone: string,
): Array<{ hit: MatchHit; item: StoredItem }> {
  const out: Array<{ hit: MatchHit; item: StoredItem }> = [];
  for (const hit of matchHistory(historyQueries(db), compileWatched(c), { since, timeZone })) {
    const item = getItem(db, hit.itemId)!;
    if (recordMatch(db, hit, now.toISOString(), 'history').outcome !== 'new') continue;
    // Only in an item's body: recorded for review, not evidence, not in the summary (match-tiered.ts).
    if (hit.kind === 'related') continue;
    noteEvidence(db, c.id, item.updatedAt);
    out.push({ hit, item });
  }
  return out;
}
