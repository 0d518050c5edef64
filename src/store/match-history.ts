// Matches one commitment over the whole stored history (items_fts): `commitments test`, catching up
// a new or changed commitment, and spotting a rule that matches nothing. Same rules and reasons as
// matchBatch (match-fts.ts); newest first.

import { FollowthroughError } from '../errors.ts';
import type { CompiledCommitment } from '../match/compile-commitment.ts';
import type { MatchHit } from '../match/match-types.ts';
import { isOnOrAfterDay } from '../calendar.ts';
import { candidateIds, explainHits, ftsQueries } from './match-fts.ts';
import type { Db } from './open-store.ts';

export interface MatchHistoryOptions {
  /** The configured zone, in which days (the source date, a `since` day) are compared. */
  timeZone: string;
  /** Only items on or after this: a day (`YYYY-MM-DD`) or an ISO instant. The source date always applies. */
  since?: string;
  limit?: number;
}

export type HistoryHit = MatchHit & { path: string; title: string; updatedAt: string };

interface ItemRow {
  id: number;
  path: string;
  title: string;
  updatedAt: string;
}

// Explaining costs a few queries per chunk; with a limit, stop once enough hits survive the excludes.
const chunkSize = 200;

export function matchHistory(
  db: Db,
  commitment: CompiledCommitment,
  opts: MatchHistoryOptions,
): HistoryHit[] {
  if (opts.since !== undefined && Number.isNaN(Date.parse(opts.since))) {
    throw new FollowthroughError(
      'match_since_invalid',
      `since must be a day (2024-03-05) or an ISO instant, not "${opts.since}"`,
    );
  }
  const q = ftsQueries(db, 'items_fts');
  const ids = candidateIds(q, commitment);
  if (ids.size === 0) return [];
  const rows = db
    .prepare<[string], ItemRow>(
      `SELECT id, path, title, updated_at AS updatedAt FROM items WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...ids]));
  const since = opts.since;
  const eligible = rows
    .filter(
      (r) =>
        isOnOrAfterDay(r.updatedAt, commitment.sinceDate, opts.timeZone) &&
        (!since || onOrAfter(r.updatedAt, since, opts.timeZone)),
    )
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.id - a.id);
  const byId = new Map(eligible.map((r) => [r.id, r]));
  const limit = opts.limit ?? Infinity;
  const out: HistoryHit[] = [];
  for (let i = 0; i < eligible.length && out.length < limit; i += chunkSize) {
    const chunk = eligible.slice(i, i + chunkSize).map((r) => r.id);
    for (const hit of explainHits(q, commitment, chunk)) {
      const r = byId.get(hit.itemId)!;
      out.push({ ...hit, path: r.path, title: r.title, updatedAt: r.updatedAt });
    }
  }
  return out.slice(0, limit);
}

function onOrAfter(instant: string, since: string, timeZone: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return isOnOrAfterDay(instant, since, timeZone);
  return Date.parse(instant) >= Date.parse(since);
}
