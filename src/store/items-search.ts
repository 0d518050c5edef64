// Read-only questions over the stored items: counts for `status` and the digest, and the full-text
// search behind `items search`.

import type { Db } from './open-store.ts';
import { type ItemRow, toStoredItem, type StoredItem } from './item-row.ts';

export interface ItemCounts {
  total: number;
  pending: number;
  majorUpdates: number;
  byFeed: Record<string, number>;
}

export function countItems(db: Db): ItemCounts {
  const totals = db
    .prepare<[], { total: number; pending: number; updates: number }>(
      'SELECT COUNT(*) AS total, COALESCE(SUM(match_pending), 0) AS pending, (SELECT COUNT(*) FROM item_updates) AS updates FROM items',
    )
    .get()!;
  const byFeed: Record<string, number> = {};
  for (const r of db
    .prepare<[], { feed_id: string; n: number }>(
      'SELECT feed_id, COUNT(*) AS n FROM item_sources GROUP BY feed_id',
    )
    .all())
    byFeed[r.feed_id] = r.n;
  return { total: totals.total, pending: totals.pending, majorUpdates: totals.updates, byFeed };
}

export function countItemsSeenBetween(db: Db, from: string, to: string): number {
  return db
    .prepare<[string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM items WHERE first_seen_at >= ? AND first_seen_at < ?',
    )
    .get(from, to)!.n;
}

/** Full-text search over stored titles, summaries and bodies. Every word is quoted: user text never reaches MATCH raw. */
export function searchItems(db: Db, words: string, limit = 20): StoredItem[] {
  const terms = words
    .split(/\s+/)
    .map((w) => w.trim())
    .filter(Boolean)
    .map((w) => `"${w.replace(/"/g, '""')}"`);
  if (terms.length === 0) return [];
  return db
    .prepare<
      [string, number],
      ItemRow
    >(`SELECT items.* FROM items_fts JOIN items ON items.id = items_fts.rowid
    WHERE items_fts MATCH ? ORDER BY bm25(items_fts, 2.0, 1.0, 0.5), items.updated_at DESC LIMIT ?`)
    .all(terms.join(' AND '), limit)
    .map(toStoredItem);
}
