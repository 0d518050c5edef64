// Read-only queries across tables that the weekly digest needs "as of" a past instant.

import type { CommitmentStatus } from '../commitments/commitment.ts';
import type { Db } from './open-store.ts';

/** The status a commitment had at `at`, from its dated history (open before any change). */
export function statusAt(db: Db, commitmentId: string, at: string): CommitmentStatus {
  const row = db
    .prepare<[string, string], { to_status: CommitmentStatus }>(`SELECT to_status FROM commitment_events
    WHERE commitment_id = ? AND at < ? AND to_status IS NOT NULL ORDER BY at DESC, id DESC LIMIT 1`)
    .get(commitmentId, at);
  return row?.to_status ?? 'open';
}

/** When the last overdue alert or reminder for a commitment was raised before `at`. */
export function lastReminderBefore(db: Db, commitmentId: string, at: string): string | null {
  const row = db
    .prepare<[string, string], { at: string | null }>(`SELECT MAX(created_at) AS at FROM outbox
    WHERE commitment_id = ? AND kind IN ('overdue', 'reminder') AND created_at < ?`)
    .get(commitmentId, at);
  return row?.at ?? null;
}

/** Newest evidence published before `at` (matched before it, too). */
export function lastEvidenceBefore(
  db: Db,
  commitmentId: string,
  at: string,
): { title: string; url: string; updatedAt: string } | undefined {
  // As it stood at `at`: a verdict given later does not yet apply.
  const row = db
    .prepare<[string, string, string, string], { title: string; url: string; updated_at: string }>(
      `SELECT i.title, i.url, i.updated_at FROM matches m
    JOIN items i ON i.id = m.item_id WHERE m.commitment_id = ? AND m.matched_at < ? AND i.updated_at < ?
      AND COALESCE(CASE WHEN m.verdict_at < ? THEN m.verdict END,
        CASE m.kind WHEN 'related' THEN 'review' ELSE 'evidence' END) = 'evidence'
    ORDER BY i.updated_at DESC LIMIT 1`,
    )
    .get(commitmentId, at, at, at);
  return row ? { title: row.title, url: row.url, updatedAt: row.updated_at } : undefined;
}

export function alertsDeliveredBetween(db: Db, from: string, to: string, channel?: string): number {
  const sql = `SELECT COUNT(*) AS n FROM outbox WHERE state = 'sent' AND sent_at >= ? AND sent_at < ?${channel ? ' AND channel = ?' : ''}`;
  const args = channel ? [from, to, channel] : [from, to];
  return (db.prepare(sql).get(...args) as { n: number }).n;
}
