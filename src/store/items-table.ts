// SQL for `items`, `item_sources` and `item_updates`. An item is keyed by its canonical GOV.UK
// path; the same path seen with a later public timestamp is a major update, never a new item.

import type { FeedItem } from '../feeds/feed-item.ts';
import type { Db } from './open-store.ts';

export type ItemOrigin = 'live' | 'baseline' | 'backfill' | 'replay';

export interface StoredItem extends FeedItem {
  id: number;
  firstSeenAt: string;
  lastSeenAt: string;
  origin: ItemOrigin;
  majorUpdates: number;
}

interface ItemRow {
  id: number;
  path: string;
  url: string;
  title: string;
  display_type: string | null;
  summary: string;
  updated_at: string;
  first_seen_at: string;
  last_seen_at: string;
  origin: ItemOrigin;
  major_updates: number;
}

export function toStoredItem(r: ItemRow): StoredItem {
  return {
    id: r.id,
    path: r.path,
    url: r.url,
    title: r.title,
    displayType: r.display_type,
    summary: r.summary,
    updatedAt: r.updated_at,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    origin: r.origin,
    majorUpdates: r.major_updates,
  };
}

export interface UpsertResult {
  inserted: number[];
  majorUpdates: number[];
  unchanged: number;
}

/** Store a parsed batch from one source. Call inside the poll's transaction. */
export function upsertItems(
  db: Db,
  feedId: string,
  items: FeedItem[],
  now: string,
  origin: ItemOrigin,
): UpsertResult {
  const find = db.prepare<[string], { id: number; updated_at: string; title: string; summary: string }>(
    'SELECT id, updated_at, title, summary FROM items WHERE path = ?',
  );
  const insert =
    db.prepare(`INSERT INTO items (path, url, title, display_type, summary, updated_at, first_seen_at, last_seen_at, origin)
    VALUES (@path, @url, @title, @displayType, @summary, @updatedAt, @now, @now, @origin)`);
  const recordUpdate =
    db.prepare(`INSERT INTO item_updates (item_id, previous_updated_at, updated_at, seen_at, title, summary)
    VALUES (?, ?, ?, ?, ?, ?)`);
  // A major update is news again: it is matched afresh and, seen live, may alert.
  const applyUpdate =
    db.prepare(`UPDATE items SET url = @url, title = @title, display_type = COALESCE(@displayType, display_type),
      summary = @summary, updated_at = @updatedAt, last_seen_at = @now, major_updates = major_updates + 1,
      match_pending = 1, origin = CASE WHEN @origin = 'live' THEN 'live' ELSE origin END WHERE id = @id`);
  const touch = db.prepare(
    'UPDATE items SET last_seen_at = ?, display_type = COALESCE(display_type, ?) WHERE id = ?',
  );
  const source = db.prepare(
    'INSERT OR IGNORE INTO item_sources (item_id, feed_id, first_seen_at) VALUES (?, ?, ?)',
  );

  const result: UpsertResult = { inserted: [], majorUpdates: [], unchanged: 0 };
  for (const item of items) {
    const existing = find.get(item.path);
    let id: number;
    if (!existing) {
      id = Number(insert.run({ ...item, now, origin }).lastInsertRowid);
      result.inserted.push(id);
    } else if (Date.parse(item.updatedAt) > Date.parse(existing.updated_at)) {
      id = existing.id;
      recordUpdate.run(id, existing.updated_at, item.updatedAt, now, item.title, item.summary);
      applyUpdate.run({ ...item, id, now, origin });
      result.majorUpdates.push(id);
    } else {
      id = existing.id;
      touch.run(now, item.displayType, id);
      result.unchanged++;
    }
    source.run(id, feedId, now);
  }
  return result;
}

export function getItem(db: Db, id: number): StoredItem | undefined {
  const row = db.prepare<[number], ItemRow>('SELECT * FROM items WHERE id = ?').get(id);
  return row ? toStoredItem(row) : undefined;
}

export function getItemByPath(db: Db, path: string): StoredItem | undefined {
  const row = db.prepare<[string], ItemRow>('SELECT * FROM items WHERE path = ?').get(path);
  return row ? toStoredItem(row) : undefined;
}

/** An item by its link as shown in alerts (`url`), or by its key (`path`). */
export function getItemByLink(db: Db, url: string, path: string): StoredItem | undefined {
  const row = db
    .prepare<[string, string], ItemRow>('SELECT * FROM items WHERE url = ? OR path = ? ORDER BY id LIMIT 1')
    .get(url, path);
  return row ? toStoredItem(row) : undefined;
}

/** Items waiting to be matched, oldest first. */
export function pendingItems(db: Db, limit: number): StoredItem[] {
  return db
    .prepare<[number], ItemRow>('SELECT * FROM items WHERE match_pending = 1 ORDER BY id LIMIT ?')
    .all(limit)
    .map(toStoredItem);
}

export function markItemsMatched(db: Db, ids: number[]): void {
  const stmt = db.prepare('UPDATE items SET match_pending = 0 WHERE id = ?');
  for (const id of ids) stmt.run(id);
}

export function itemSources(db: Db, id: number): string[] {
  return db
    .prepare<[number], { feed_id: string }>(
      'SELECT feed_id FROM item_sources WHERE item_id = ? ORDER BY feed_id',
    )
    .all(id)
    .map((r) => r.feed_id);
}

export function itemUpdates(
  db: Db,
  id: number,
): Array<{ previousUpdatedAt: string; updatedAt: string; seenAt: string }> {
  return db
    .prepare<[number], { previous_updated_at: string; updated_at: string; seen_at: string }>(
      'SELECT previous_updated_at, updated_at, seen_at FROM item_updates WHERE item_id = ? ORDER BY id',
    )
    .all(id)
    .map((r) => ({ previousUpdatedAt: r.previous_updated_at, updatedAt: r.updated_at, seenAt: r.seen_at }));
}

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

/** Full-text search over stored titles and summaries. Every word is quoted: user text never reaches MATCH raw. */
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
    WHERE items_fts MATCH ? ORDER BY bm25(items_fts, 2.0, 1.0), items.updated_at DESC LIMIT ?`)
    .all(terms.join(' AND '), limit)
    .map(toStoredItem);
}
