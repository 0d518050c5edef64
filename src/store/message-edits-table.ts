// SQL for `message_edits`: messages already in Slack that must be edited because a person judged an
// item they present. Requested in the verdict's transaction; done, retried or dropped by
// jobs/edit-judged.ts.

import type { Db } from './open-store.ts';

export interface MessageEdit {
  outboxId: number;
  requestedAt: string;
  attempts: number;
}

/**
 * Ask for an edit of every message of the commitment posted to Slack that presents the item: an alert
 * about it, or a review or summary message listing it. Returns how many were asked for; a message
 * already waiting for an edit is asked for once.
 */
export function requestItemEdits(
  db: Db,
  e: { commitmentId: string; itemId: number; itemUrl: string; now: string },
): number {
  return db
    .prepare(
      `INSERT INTO message_edits (outbox_id, requested_at, next_attempt_at)
       SELECT o.id, @now, @now FROM outbox o
       WHERE o.commitment_id = @commitmentId AND o.state = 'sent' AND o.sent_to = 'slack'
         AND o.slack_ts IS NOT NULL
         AND (o.item_id = @itemId
           OR EXISTS (SELECT 1 FROM json_each(o.payload, '$.reviewItems') j
                      WHERE json_extract(j.value, '$.item.url') = @itemUrl)
           OR EXISTS (SELECT 1 FROM json_each(o.payload, '$.summaryItems') j
                      WHERE json_extract(j.value, '$.item.url') = @itemUrl))
       ON CONFLICT (outbox_id) DO UPDATE SET next_attempt_at = excluded.next_attempt_at`,
    )
    .run(e).changes;
}

/** Edits due at `now`, oldest request first. */
export function listDueEdits(db: Db, now: string, limit = 50): MessageEdit[] {
  return db
    .prepare<[string, number], { outbox_id: number; requested_at: string; attempts: number }>(
      `SELECT outbox_id, requested_at, attempts FROM message_edits
       WHERE next_attempt_at <= ? ORDER BY requested_at, outbox_id LIMIT ?`,
    )
    .all(now, limit)
    .map((r) => ({ outboxId: r.outbox_id, requestedAt: r.requested_at, attempts: r.attempts }));
}

/** Done, or not doable (the message was deleted): nothing more is owed. */
export function finishEdit(db: Db, outboxId: number): void {
  db.prepare('DELETE FROM message_edits WHERE outbox_id = ?').run(outboxId);
}

export function retryEditAt(db: Db, outboxId: number, r: { at: string; error: string }): void {
  db.prepare(
    'UPDATE message_edits SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE outbox_id = ?',
  ).run(r.at, r.error, outboxId);
}

export function countPendingEdits(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM message_edits').get()!.n;
}

/** For `status`: how many edits wait, and the one that has failed longest, if any has. */
export function editsWaiting(db: Db): {
  total: number;
  failing: { lastError: string; attempts: number; nextAttemptAt: string } | null;
} {
  const total = countPendingEdits(db);
  const r = db
    .prepare<[], { last_error: string; attempts: number; next_attempt_at: string }>(
      `SELECT last_error, attempts, next_attempt_at FROM message_edits WHERE last_error IS NOT NULL
       ORDER BY requested_at LIMIT 1`,
    )
    .get();
  return {
    total,
    failing: r ? { lastError: r.last_error, attempts: r.attempts, nextAttemptAt: r.next_attempt_at } : null,
  };
}
