// SQL for `items`, `item_keys`, `item_sources` and `item_updates`. An item is keyed by its canonical
// GOV.UK path (off GOV.UK: its canonical link, guid or statement id); the same key seen with a later
// public timestamp is a major update, never a new item. An entry carrying a key the item is known by
// (`item_keys`: a Lords repeat, a guid) is the same item; one that corrects an item updates it.

import type { FeedItem } from '../feeds/feed-item.ts';
import type { Db } from './open-store.ts';
import { cachedStatement as prepared } from './statement-cache.ts';

import { type ItemOrigin, type ItemRow, toStoredItem, type StoredItem } from './item-row.ts';

export { type ItemOrigin, type ItemRow, toStoredItem, type StoredItem } from './item-row.ts';

export interface UpsertResult {
  inserted: number[];
  majorUpdates: number[];
  unchanged: number;
}

interface Existing {
  id: number;
  path: string;
  updated_at: string;
  display_type: string | null;
  publisher: string | null;
}

/** Store a parsed batch from one source, in one transaction (a savepoint inside the caller's, if any). */
export function upsertItems(
  db: Db,
  feedId: string,
  items: FeedItem[],
  now: string,
  origin: ItemOrigin,
): UpsertResult {
  // One transaction: the rows and the running counts (migration 008) move together.
  return db.transaction(() => upsertBatch(db, feedId, items, now, origin))();
}

function upsertBatch(
  db: Db,
  feedId: string,
  items: FeedItem[],
  now: string,
  origin: ItemOrigin,
): UpsertResult {
  const s = itemStatements(db);
  const result: UpsertResult = { inserted: [], majorUpdates: [], unchanged: 0 };
  let newSources = 0;
  // Every key the batch may look up, read in one query; what the batch itself stores is added as it goes.
  const known = knownItems(db, items);
  const find = (key: string | undefined): Existing | undefined =>
    key === undefined ? undefined : known.get(key);
  const seen: number[] = [];
  // New rows are indexed together, after the loop (or before an update touches one of them): FTS5
  // writes out what it holds at every statement a trigger runs (a savepoint), so a row indexed at once
  // followed by a counting trigger costs a segment per row — measured 3× the whole insert.
  let unindexed: number[] = [];
  const indexNew = (): void => {
    if (unindexed.length) s.index.run(JSON.stringify(unindexed));
    unindexed = [];
  };
  let newest = '';
  for (const item of items) {
    const corrected = find(item.corrects);
    const existing = corrected ?? find(item.path) ?? item.aliases?.map(find).find(Boolean);
    let id: number;
    if (!existing) {
      id = Number(s.insert.run(row(item, now, origin)).lastInsertRowid);
      // Indexed by this code, not by a trigger: see migrations/003-sources.ts.
      unindexed.push(id);
      result.inserted.push(id);
    } else if (corrected || Date.parse(item.updatedAt) > Date.parse(existing.updated_at)) {
      id = existing.id;
      // The update trigger takes the row out of the index as it was: it must be in it first.
      if (unindexed.includes(id)) indexNew();
      // A correction may carry the same day as the statement it corrects: it is still the newer text.
      const updatedAt = maxInstant(item.updatedAt, existing.updated_at);
      s.recordUpdate.run(id, existing.updated_at, updatedAt, now, item.title, item.summary);
      s.applyUpdate.run({
        ...row(item, now, origin),
        updatedAt,
        id,
        keepBody: item.body === undefined ? 1 : 0,
      });
      existing.updated_at = updatedAt;
      result.majorUpdates.push(id);
    } else {
      id = existing.id;
      seen.push(id);
      // A second feed may say what the first did not (the finder has no display type; NCA's names its publisher).
      if ((item.displayType && !existing.display_type) || (item.publisher && !existing.publisher))
        s.fill.run(item.displayType, item.publisher ?? null, id);
      result.unchanged++;
    }
    const entry = existing ?? {
      id,
      path: item.path,
      updated_at: item.updatedAt,
      display_type: item.displayType,
      publisher: item.publisher ?? null,
    };
    known.set(item.path, entry);
    // Every other key this entry carries now leads to the item: its aliases, and its own key when it
    // landed on an item stored under another (a Lords repeat, a correction).
    for (const key of item.aliases ?? []) {
      s.key.run(key, id);
      if (!known.has(key)) known.set(key, entry);
    }
    if (existing && existing.path !== item.path) s.key.run(item.path, id);
    newSources += s.source.run(id, feedId, now).changes;
    if (item.updatedAt > newest) newest = item.updatedAt;
  }
  indexNew();
  if (result.inserted.length) s.countNew.run(result.inserted.length, JSON.stringify(result.inserted));
  if (newSources) s.countSources.run(feedId, newSources);
  if (seen.length) s.touch.run(now, JSON.stringify(seen));
  // Where a recovery search starts: kept on the feed, so it costs no scan of its items.
  if (newest) s.newest.run(newest, feedId, newest);
  return result;
}

/** The stored items any of the batch's keys lead to, by key. */
function knownItems(db: Db, items: FeedItem[]): Map<string, Existing> {
  const keys = items.flatMap((i) => [i.path, ...(i.aliases ?? []), ...(i.corrects ? [i.corrects] : [])]);
  const rows = prepared<[string, string], Existing & { key: string }>(
    db,
    `SELECT path AS key, id, path, updated_at, display_type, publisher FROM items
      WHERE path IN (SELECT value FROM json_each(?))
     UNION ALL SELECT k.key, i.id, i.path, i.updated_at, i.display_type, i.publisher FROM item_keys k
      JOIN items i ON i.id = k.item_id WHERE k.key IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(keys), JSON.stringify(keys));
  const known = new Map<string, Existing>();
  // One object per item, so what the batch changes on it is seen under every key.
  const byId = new Map<number, Existing>();
  for (const { key, ...r } of rows) {
    const one = byId.get(r.id) ?? r;
    byId.set(r.id, one);
    if (!known.has(key)) known.set(key, one);
  }
  return known;
}

function row(item: FeedItem, now: string, origin: ItemOrigin) {
  return {
    path: item.path,
    url: item.url,
    title: item.title,
    displayType: item.displayType,
    summary: item.summary,
    body: item.body ?? null,
    publisher: item.publisher ?? null,
    publishedAt: item.publishedAt ?? null,
    updatedAt: item.updatedAt,
    now,
    origin,
  };
}

function maxInstant(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

function itemStatements(db: Db) {
  return {
    insert: prepared(
      db,
      `INSERT INTO items (path, url, title, display_type, summary, body, publisher, published_at, updated_at,
        first_seen_at, last_seen_at, origin)
      VALUES (@path, @url, @title, @displayType, @summary, @body, @publisher, @publishedAt, @updatedAt, @now, @now,
        @origin)`,
    ),
    index: prepared(
      db,
      `INSERT INTO items_fts (rowid, title, summary, body)
      SELECT id, title, summary, body FROM items WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    recordUpdate: prepared(
      db,
      `INSERT INTO item_updates (item_id, previous_updated_at, updated_at, seen_at, title, summary)
      VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    // A major update is news again: it is matched afresh and, seen live, may alert. A source without
    // bodies (a GOV.UK feed) keeps the body it had until the page is read again.
    applyUpdate: prepared(
      db,
      `UPDATE items SET url = @url, title = @title, display_type = COALESCE(@displayType, display_type),
        summary = @summary, body = CASE WHEN @keepBody THEN body ELSE @body END,
        publisher = COALESCE(@publisher, publisher), published_at = COALESCE(published_at, @publishedAt),
        updated_at = @updatedAt, last_seen_at = @now,
        major_updates = major_updates + 1, match_pending = 1, body_only = 0,
        origin = CASE WHEN @origin = 'live' THEN 'live' ELSE origin END
      WHERE id = @id`,
    ),
    fill: prepared(
      db,
      'UPDATE items SET display_type = COALESCE(display_type, ?), publisher = COALESCE(publisher, ?) WHERE id = ?',
    ),
    touch: prepared(db, 'UPDATE items SET last_seen_at = ? WHERE id IN (SELECT value FROM json_each(?))'),
    key: prepared(db, 'INSERT OR IGNORE INTO item_keys (key, item_id) VALUES (?, ?)'),
    source: prepared(
      db,
      'INSERT OR IGNORE INTO item_sources (item_id, feed_id, first_seen_at) VALUES (?, ?, ?)',
    ),
    // The running counts (migration 008): new rows are pending until matched, whatever their default.
    countNew: prepared(
      db,
      `UPDATE item_counts SET total = total + ?,
        pending = pending + (SELECT count(*) FROM items WHERE id IN (SELECT value FROM json_each(?)) AND match_pending = 1)
      WHERE id = 1`,
    ),
    countSources: prepared(
      db,
      `INSERT INTO feed_item_counts (feed_id, n) VALUES (?, ?) ON CONFLICT (feed_id) DO UPDATE SET n = n + excluded.n`,
    ),
    newest: prepared(
      db,
      'UPDATE feeds SET newest_item_at = ? WHERE id = ? AND (newest_item_at IS NULL OR newest_item_at < ?)',
    ),
  };
}

export function getItem(db: Db, id: number): StoredItem | undefined {
  const row = prepared<[number], ItemRow>(db, 'SELECT * FROM items WHERE id = ?').get(id);
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

/** An item waiting to be matched; `bodyOnly`: matched before, its body has arrived since. */
export type PendingItem = StoredItem & { bodyOnly: boolean };

/** Items waiting to be matched, oldest first. */
export function pendingItems(db: Db, limit: number): PendingItem[] {
  return prepared<[number], ItemRow & { body_only: number }>(
    db,
    // Without the hint SQLite reads the whole table in id order to find the few pending rows.
    'SELECT * FROM items INDEXED BY items_pending WHERE match_pending = 1 ORDER BY id LIMIT ?',
  )
    .all(limit)
    .map((r) => ({ ...toStoredItem(r), bodyOnly: r.body_only === 1 }));
}

export function markItemsMatched(db: Db, ids: number[]): void {
  prepared(
    db,
    'UPDATE items SET match_pending = 0, body_only = 0 WHERE id IN (SELECT value FROM json_each(?))',
  ).run(JSON.stringify(ids));
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

/** Which of `keys` the store already knows, as an item's key or as another key of one. */
export function knownKeys(db: Db, keys: string[]): Set<string> {
  if (keys.length === 0) return new Set();
  const rows = prepared<[string, string], { key: string }>(
    db,
    `SELECT path AS key FROM items WHERE path IN (SELECT value FROM json_each(?))
     UNION SELECT key FROM item_keys WHERE key IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(keys), JSON.stringify(keys));
  return new Set(rows.map((r) => r.key));
}

export { countItems, countItemsSeenBetween, searchItems, type ItemCounts } from './items-search.ts';
