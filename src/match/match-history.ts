// Matches one commitment over the whole stored history (pure, over queries the store answers):
// `commitments test`, catching up a new or changed commitment, spotting a rule that matches nothing.
// items_fts narrows the history to candidates with the same rules (compile-fts.ts); every hit is then
// made by matchItems, so a rule matches and explains exactly as in a batch. Newest first.

import { isOnOrAfterDay } from '../calendar.ts';
import { FollowthroughError } from '../errors.ts';
import { anyOf, type CompiledCommitment } from './compile-commitment.ts';
import type { MatchableItem } from './match-types.ts';
import { matchTiered, type TieredHit } from './match-tiered.ts';

export interface HistoryQueries {
  /** Ids of stored items whose text matches this FTS5 query (compile-fts / anyOf of the commitment's `any`). A superset is fine. */
  candidateIds(fts: string): number[];
  /** Those items, for matching. */
  itemsByIds(ids: number[]): Array<MatchableItem & { path: string }>;
}

export interface MatchHistoryOptions {
  /** The configured zone, in which days (the source date, a `since` day) are compared. */
  timeZone: string;
  /** Only items on or after this: a day (`YYYY-MM-DD`) or an ISO instant. The source date always applies. */
  since?: string;
  limit?: number;
}

/** A match in history; `related` when only an item's body hits (match-tiered.ts). */
export type HistoryHit = TieredHit & { path: string; title: string; updatedAt: string };

// Explaining is the costly part; with a limit, stop once enough hits survive the excludes.
const chunkSize = 200;

export function matchHistory(
  q: HistoryQueries,
  c: CompiledCommitment,
  opts: MatchHistoryOptions,
): HistoryHit[] {
  const since = opts.since;
  if (since !== undefined && Number.isNaN(Date.parse(since))) {
    throw new FollowthroughError(
      'match_since_invalid',
      `since must be a day (2024-03-05) or an ISO instant, not "${since}"`,
    );
  }
  const fts = anyOf(c.any);
  if (!fts) return [];
  const ids = q.candidateIds(fts);
  if (ids.length === 0) return [];
  const eligible = q
    .itemsByIds(ids)
    .filter(
      (r) =>
        isOnOrAfterDay(r.updatedAt, c.sinceDate, opts.timeZone) &&
        (!since || onOrAfter(r.updatedAt, since, opts.timeZone)),
    )
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.id - a.id);
  const limit = opts.limit ?? Infinity;
  const out: HistoryHit[] = [];
  for (let i = 0; i < eligible.length && out.length < limit; i += chunkSize) {
    const chunk = eligible.slice(i, i + chunkSize);
    const hits = new Map(matchTiered(chunk, [c], { timeZone: opts.timeZone }).map((h) => [h.itemId, h]));
    for (const r of chunk) {
      const hit = hits.get(r.id);
      if (hit) out.push({ ...hit, path: r.path, title: r.title, updatedAt: r.updatedAt });
    }
  }
  return out.slice(0, limit);
}

function onOrAfter(instant: string, since: string, timeZone: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(since)) return isOnOrAfterDay(instant, since, timeZone);
  return Date.parse(instant) >= Date.parse(since);
}
