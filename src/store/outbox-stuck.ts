// Read-only queries on `outbox` for `status`: the rows that are stuck, and why.

import type { Db } from './open-store.ts';
import type { OutboxState } from './outbox-table.ts';
import type { AlertKind } from '../slack/alert.ts';

export interface OutboxError {
  alertId: string;
  commitmentId: string;
  kind: AlertKind;
  channel: string;
  state: OutboxState;
  attempts: number;
  lastError: string;
  nextAttemptAt: string;
}

interface ErrorRow {
  alert_id: string;
  commitment_id: string;
  kind: AlertKind;
  channel: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
}

function toError(r: ErrorRow): OutboxError {
  return {
    alertId: r.alert_id,
    commitmentId: r.commitment_id,
    kind: r.kind,
    channel: r.channel,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error ?? '',
    nextAttemptAt: r.next_attempt_at,
  };
}

/** Undelivered rows with an error, newest problem first (cancelled ones too: why they were given up). */
export function recentErrors(db: Db, limit = 10): OutboxError[] {
  return db
    .prepare<[number], ErrorRow>(
      `SELECT alert_id, commitment_id, kind, channel, state, attempts, last_error, next_attempt_at FROM outbox
       WHERE last_error IS NOT NULL AND state != 'sent' ORDER BY next_attempt_at DESC, id DESC LIMIT ?`,
    )
    .all(limit)
    .map(toError);
}

interface StuckRow extends ErrorRow {
  title: string | null;
  part: number | null;
  parts: number | null;
}

export interface StuckAlert extends OutboxError {
  /** What the row is, for a person: the commitment's title, or `weekly digest 2024-W19, part 2 of 3`. */
  what: string;
}

/** Undelivered rows that have failed at least once, oldest first (what is stuck longest), and how many there are. */
export function stuckAlerts(db: Db, limit = 10): { rows: StuckAlert[]; total: number } {
  const where = `last_error IS NOT NULL AND state IN ('pending', 'sending', 'held')`;
  const total = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE ${where}`).get()!.n;
  const rows = db
    .prepare<[number], StuckRow>(
      `SELECT alert_id, commitment_id, kind, channel, state, attempts, last_error, next_attempt_at,
        json_extract(payload, '$.commitment.title') AS title, json_extract(payload, '$.digestPart.part') AS part,
        json_extract(payload, '$.digestPart.parts') AS parts FROM outbox WHERE ${where} ORDER BY id LIMIT ?`,
    )
    .all(limit)
    .map((r) => ({
      ...toError(r),
      what:
        r.kind === 'digest'
          ? `${r.title ?? 'weekly digest'}${r.parts && r.parts > 1 ? `, part ${r.part} of ${r.parts}` : ''}`
          : `${r.kind} for ${r.commitment_id}`,
    }));
  return { rows, total };
}
