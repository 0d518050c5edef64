// SQL for `item_bodies`: the queue of GOV.UK Content API reads, and what a read writes back to the
// item. A body that arrives after the item was matched marks it pending again with `body_only`: matched
// again for what the body adds, never alerted again for what its title and summary already said.

import type { Db } from './open-store.ts';
import { cachedStatement as prepared } from './statement-cache.ts';

/** After this many failed reads an item keeps its feed text only (about 3 days with the backoff). */
export const maxBodyAttempts = 10;

export interface DueBody {
  itemId: number;
  url: string;
  attempts: number;
  etag: string | null;
  lastModified: string | null;
}

/**
 * Queue a Content API read for each GOV.UK item among `ids` (keys starting `/`), at `base/api/content<path>`.
 * A re-queued item (a major update) is read again, but not before the CDN's max-age has passed.
 */
export function queueBodies(db: Db, ids: number[], base: string, priority: number, now: string): void {
  if (ids.length === 0) return;
  prepared(
    db,
    `INSERT INTO item_bodies (item_id, url, state, priority, queued_at, next_attempt_at)
      SELECT id, @base || '/api/content' || path, 'pending', @priority, @now, NULL FROM items
      WHERE id IN (SELECT value FROM json_each(@ids)) AND path LIKE '/%'
    ON CONFLICT (item_id) DO UPDATE SET url = excluded.url, state = 'pending', attempts = 0, last_error = NULL,
      priority = MAX(priority, excluded.priority), queued_at = excluded.queued_at,
      next_attempt_at = CASE WHEN fresh_until > excluded.queued_at THEN fresh_until END`,
  ).run({ base, priority, now, ids: JSON.stringify(ids) });
}

/** Reads due at `now`: items seen live first, then the oldest queued. */
export function dueBodies(db: Db, now: string, limit: number): DueBody[] {
  return prepared<[string, number], DueBody>(
    db,
    `SELECT item_id AS itemId, url, attempts, etag, last_modified AS lastModified FROM item_bodies
    WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
    ORDER BY priority DESC, next_attempt_at IS NOT NULL, queued_at, item_id LIMIT ?`,
  ).all(now, limit);
}

export interface BodyRead {
  body: string;
  description: string;
  publisher: string | null;
  firstPublishedAt: string | null;
  status: number;
  etag: string | null;
  lastModified: string | null;
  freshUntil: string;
}

/** Store a body read; returns whether the item's text changed (and so is matched again). */
export function recordBodyRead(db: Db, itemId: number, r: BodyRead, now: string): boolean {
  const before = prepared<[number], { body: string | null; summary: string }>(
    db,
    'SELECT body, summary FROM items WHERE id = ?',
  ).get(itemId);
  // A finder feed cuts its summary at 225 characters; the description is the whole of it.
  const summary = r.description || before?.summary || '';
  const changed = !before || before.body !== r.body || before.summary !== summary;
  prepared(
    db,
    `UPDATE items SET body = @body, summary = @summary, publisher = COALESCE(publisher, @publisher),
      published_at = COALESCE(@firstPublishedAt, published_at),
      match_pending = CASE WHEN @changed THEN 1 ELSE match_pending END,
      body_only = CASE WHEN @changed AND match_pending = 0 THEN 1 ELSE body_only END
    WHERE id = @itemId`,
  ).run({
    body: r.body,
    summary,
    publisher: r.publisher,
    firstPublishedAt: r.firstPublishedAt,
    itemId,
    changed: changed ? 1 : 0,
  });
  markBody(db, itemId, {
    state: 'fetched',
    status: r.status,
    now,
    freshUntil: r.freshUntil,
    etag: r.etag,
    lastModified: r.lastModified,
  });
  return changed;
}

/** 304: the body we hold is current. */
export function recordBodyUnchanged(
  db: Db,
  itemId: number,
  status: number,
  freshUntil: string,
  now: string,
): void {
  markBody(db, itemId, { state: 'fetched', status, now, freshUntil });
}

/** 404 or 410: the page has no Content API record (or no longer has); the feed text stands. */
export function recordBodyMissing(db: Db, itemId: number, status: number, now: string): void {
  markBody(db, itemId, { state: 'missing', status, now });
}

export function recordBodyFailure(
  db: Db,
  itemId: number,
  f: { status: number | null; error: string; nextAttemptAt: string; now: string },
): void {
  prepared(
    db,
    `UPDATE item_bodies SET attempts = attempts + 1, last_status = @status, last_error = @error,
      next_attempt_at = @nextAttemptAt,
      state = CASE WHEN attempts + 1 >= ${maxBodyAttempts} THEN 'gave-up' ELSE state END
    WHERE item_id = @itemId`,
  ).run({ status: f.status, error: f.error, nextAttemptAt: f.nextAttemptAt, itemId });
}

function markBody(
  db: Db,
  itemId: number,
  m: {
    state: string;
    status: number;
    now: string;
    freshUntil?: string;
    etag?: string | null;
    lastModified?: string | null;
  },
): void {
  prepared(
    db,
    `UPDATE item_bodies SET state = @state, last_status = @status, last_error = NULL, fetched_at = @now,
      next_attempt_at = NULL, fresh_until = COALESCE(@freshUntil, fresh_until),
      etag = COALESCE(@etag, etag), last_modified = COALESCE(@lastModified, last_modified)
    WHERE item_id = @itemId`,
  ).run({ freshUntil: null, etag: null, lastModified: null, ...m, itemId });
}

export interface BodyCounts {
  pending: number;
  /** Pending after at least one failed read. */
  retrying: number;
  fetched: number;
  missing: number;
  gaveUp: number;
  lastError: string | null;
}

export function bodyCounts(db: Db): BodyCounts {
  const r = prepared<
    [],
    {
      pending: number;
      retrying: number;
      fetched: number;
      missing: number;
      gave_up: number;
      last_error: string | null;
    }
  >(
    db,
    `SELECT COALESCE(SUM(state = 'pending'), 0) AS pending, COALESCE(SUM(state = 'pending' AND attempts > 0), 0) AS retrying,
      COALESCE(SUM(state = 'fetched'), 0) AS fetched, COALESCE(SUM(state = 'missing'), 0) AS missing,
      COALESCE(SUM(state = 'gave-up'), 0) AS gave_up,
      (SELECT last_error FROM item_bodies WHERE last_error IS NOT NULL ORDER BY item_id DESC LIMIT 1) AS last_error
    FROM item_bodies`,
  ).get()!;
  return {
    pending: r.pending,
    retrying: r.retrying,
    fetched: r.fetched,
    missing: r.missing,
    gaveUp: r.gave_up,
    lastError: r.last_error,
  };
}
