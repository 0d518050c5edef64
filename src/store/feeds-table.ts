// SQL for the `feeds` table: per-source fetch state, failures and politeness.

import type { FeedConfig } from '../config/config.ts';
import type { SkippedEntry } from '../feeds/feed-item.ts';
import type { Db } from './open-store.ts';
import { cachedStatement as prepared } from './statement-cache.ts';

export interface FeedState {
  id: string;
  url: string;
  kind: FeedConfig['type'];
  etag: string | null;
  lastModified: string | null;
  firstPolledAt: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastStatus: number | null;
  failures: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deadAt: string | null;
  deadReason: string | null;
  lastSkipped: number;
  lastSkippedDetail: SkippedEntry[];
  /** Hash of the item part of the last body parsed: the same items again cost no work. */
  itemsFingerprint: string | null;
  /** The newest public timestamp among items this feed has delivered: where a recovery search starts. */
  newestItemAt: string | null;
}

interface FeedRow {
  id: string;
  url: string;
  kind: FeedConfig['type'];
  etag: string | null;
  last_modified: string | null;
  first_polled_at: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_status: number | null;
  failures: number;
  last_error: string | null;
  next_attempt_at: string | null;
  dead_at: string | null;
  dead_reason: string | null;
  last_skipped: number;
  last_skipped_detail: string | null;
  items_fingerprint: string | null;
  newest_item_at: string | null;
}

function toState(r: FeedRow): FeedState {
  return {
    id: r.id,
    url: r.url,
    kind: r.kind,
    etag: r.etag,
    lastModified: r.last_modified,
    firstPolledAt: r.first_polled_at,
    lastAttemptAt: r.last_attempt_at,
    lastSuccessAt: r.last_success_at,
    lastStatus: r.last_status,
    failures: r.failures,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    deadAt: r.dead_at,
    deadReason: r.dead_reason,
    lastSkipped: r.last_skipped,
    lastSkippedDetail: r.last_skipped_detail ? (JSON.parse(r.last_skipped_detail) as SkippedEntry[]) : [],
    itemsFingerprint: r.items_fingerprint,
    newestItemAt: r.newest_item_at,
  };
}

/** Make the table agree with the config: new feeds get a row; a feed whose URL changed starts afresh. */
export function syncFeeds(db: Db, feeds: FeedConfig[]): void {
  const rows = new Map(
    prepared<[], { id: string; url: string; kind: string }>(db, 'SELECT id, url, kind FROM feeds')
      .all()
      .map((r) => [r.id, r]),
  );
  const insert = prepared(db, 'INSERT INTO feeds (id, url, kind) VALUES (?, ?, ?)');
  const reset = prepared(
    db,
    `UPDATE feeds SET url = ?, kind = ?, etag = NULL, last_modified = NULL, failures = 0, last_error = NULL,
    next_attempt_at = NULL, dead_at = NULL, dead_reason = NULL, items_fingerprint = NULL WHERE id = ?`,
  );
  const changed = feeds.filter((f) => {
    const row = rows.get(f.id);
    return !row || row.url !== f.url || row.kind !== f.type;
  });
  // The usual cycle changes nothing: one read, no write.
  if (changed.length === 0) return;
  db.transaction(() => {
    for (const f of changed) {
      if (!rows.has(f.id)) insert.run(f.id, f.url, f.type);
      else reset.run(f.url, f.type, f.id);
    }
  })();
}

export function getFeedState(db: Db, id: string): FeedState | undefined {
  const row = prepared<[string], FeedRow>(db, 'SELECT * FROM feeds WHERE id = ?').get(id);
  return row ? toState(row) : undefined;
}

export function listFeedStates(db: Db): FeedState[] {
  return prepared<[], FeedRow>(db, 'SELECT * FROM feeds ORDER BY id').all().map(toState);
}

export interface FeedSuccess {
  now: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
  nextAttemptAt: string;
  /** Set on a 200 that was parsed; absent on 304 and when the items had not changed. */
  skipped?: SkippedEntry[];
  /** The item fingerprint of a 200 (kept as it was when absent). */
  fingerprint?: string;
}

export function recordFeedSuccess(db: Db, id: string, s: FeedSuccess): void {
  prepared(
    db,
    `UPDATE feeds SET last_attempt_at = @now, last_success_at = @now, last_status = @status,
      etag = @etag, last_modified = @lastModified, failures = 0, last_error = NULL, next_attempt_at = @next,
      first_polled_at = COALESCE(first_polled_at, CASE WHEN @parsed THEN @now END),
      last_skipped = CASE WHEN @parsed THEN @skipped ELSE last_skipped END,
      last_skipped_detail = CASE WHEN @parsed THEN @detail ELSE last_skipped_detail END,
      items_fingerprint = COALESCE(@fingerprint, items_fingerprint)
    WHERE id = @id`,
  ).run({
    id,
    now: s.now,
    status: s.status,
    etag: s.etag,
    lastModified: s.lastModified,
    next: s.nextAttemptAt,
    parsed: s.skipped ? 1 : 0,
    skipped: s.skipped?.length ?? 0,
    detail: s.skipped?.length ? JSON.stringify(s.skipped.slice(0, 20)) : null,
    fingerprint: s.fingerprint ?? null,
  });
}

export interface FeedFailure {
  now: string;
  status: number | null;
  error: string;
  nextAttemptAt: string;
}

export function recordFeedFailure(db: Db, id: string, f: FeedFailure): void {
  prepared(
    db,
    `UPDATE feeds SET last_attempt_at = @now, last_status = @status, failures = failures + 1,
      last_error = @error, next_attempt_at = @next WHERE id = @id`,
  ).run({ id, now: f.now, status: f.status, error: f.error, next: f.nextAttemptAt });
}

export function markFeedDead(db: Db, id: string, now: string, reason: string): void {
  prepared(
    db,
    `UPDATE feeds SET dead_at = COALESCE(dead_at, @now), dead_reason = @reason, last_attempt_at = @now,
      last_success_at = @now, failures = 0, last_error = NULL WHERE id = @id`,
  ).run({
    id,
    now,
    reason,
  });
}
