// SQL for `outbox`: every alert is written here in the same transaction as its cause, then
// delivered by a separate step. States: pending → sending (committed before the Slack call,
// so a crash leaves a trace) → sent; `held` while its channel is blocked; `cancelled` when
// Slack refuses the message itself. A `sending` row may have reached Slack: check before re-sending.

import { createHash } from 'node:crypto';
import type { AlertKind, AlertPayload } from '../slack/alert.ts';
import type { Db } from './open-store.ts';

export type OutboxState = 'pending' | 'sending' | 'sent' | 'held' | 'cancelled';
export type SentTo = 'slack' | 'console';

export interface OutboxRow {
  id: number;
  alertId: string;
  alertKey: string;
  commitmentId: string;
  kind: AlertKind;
  itemId: number | null;
  channel: string;
  payload: AlertPayload;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  sentTo: SentTo | null;
  slackTs: string | null;
}

interface Row {
  id: number;
  alert_id: string;
  alert_key: string;
  commitment_id: string;
  kind: AlertKind;
  item_id: number | null;
  channel: string;
  payload: string;
  created_at: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  sent_to: SentTo | null;
  slack_ts: string | null;
}

function toRow(r: Row): OutboxRow {
  return {
    id: r.id,
    alertId: r.alert_id,
    alertKey: r.alert_key,
    commitmentId: r.commitment_id,
    kind: r.kind,
    itemId: r.item_id,
    channel: r.channel,
    payload: JSON.parse(r.payload) as AlertPayload,
    createdAt: r.created_at,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    sentAt: r.sent_at,
    sentTo: r.sent_to,
    slackTs: r.slack_ts,
  };
}

export interface NewAlert {
  /** The cause, unique: the same key never enqueues twice. */
  key: string;
  commitmentId: string;
  kind: AlertKind;
  itemId?: number;
  channel: string;
  payload: Omit<AlertPayload, 'alertId'>;
  now: string;
}

/** Stable id sent in Slack metadata: the same cause always has the same id, so a re-send can be recognised. */
export function alertIdFor(key: string): string {
  return `ft_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** Call inside the transaction that records the cause (the match or status change). */
export function enqueueAlert(db: Db, a: NewAlert): { inserted: boolean; alertId: string } {
  const alertId = alertIdFor(a.key);
  const payload: AlertPayload = { ...a.payload, alertId };
  const changes = db
    .prepare(`INSERT INTO outbox (alert_id, alert_key, commitment_id, kind, item_id, channel, payload, created_at, next_attempt_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
    .run(
      alertId,
      a.key,
      a.commitmentId,
      a.kind,
      a.itemId ?? null,
      a.channel,
      JSON.stringify(payload),
      a.now,
      a.now,
    ).changes;
  return { inserted: changes > 0, alertId };
}

export function getAlert(db: Db, id: number): OutboxRow | undefined {
  const r = db.prepare<[number], Row>('SELECT * FROM outbox WHERE id = ?').get(id);
  return r ? toRow(r) : undefined;
}

export function getAlertByAlertId(db: Db, alertId: string): OutboxRow | undefined {
  const r = db.prepare<[string], Row>('SELECT * FROM outbox WHERE alert_id = ?').get(alertId);
  return r ? toRow(r) : undefined;
}

/** Rows whose cause key starts with `prefix` (e.g. the parts of one digest), in creation order. */
export function rowsWithKeyPrefix(db: Db, prefix: string): OutboxRow[] {
  return db
    .prepare<[string, string], Row>('SELECT * FROM outbox WHERE alert_key >= ? AND alert_key < ? ORDER BY id')
    .all(prefix, `${prefix}\uffff`)
    .map(toRow);
}

/** Every alert in creation order, optionally of one state. */
export function listOutbox(db: Db, filter: { state?: OutboxState } = {}): OutboxRow[] {
  const rows = filter.state
    ? db.prepare<[string], Row>('SELECT * FROM outbox WHERE state = ? ORDER BY id').all(filter.state)
    : db.prepare<[], Row>('SELECT * FROM outbox ORDER BY id').all();
  return rows.map(toRow);
}

/** Alerts still to deliver (due or not), in creation order: the caller keeps per-channel order. */
export function listUnsent(db: Db, limit = 500, opts: { includeHeld?: boolean } = {}): OutboxRow[] {
  const states = opts.includeHeld ? `('pending', 'sending', 'held')` : `('pending', 'sending')`;
  return db
    .prepare<[number], Row>(`SELECT * FROM outbox WHERE state IN ${states} ORDER BY id LIMIT ?`)
    .all(limit)
    .map(toRow);
}

/** Alerts due at `now`, in creation order. */
export function listDueAlerts(db: Db, now: string, limit = 500): OutboxRow[] {
  return db
    .prepare<[string, number], Row>(
      `SELECT * FROM outbox WHERE state IN ('pending', 'sending') AND next_attempt_at <= ? ORDER BY id LIMIT ?`,
    )
    .all(now, limit)
    .map(toRow);
}

/** Write-ahead: committed before the Slack call, so a crash mid-call leaves the alert to be checked, not re-sent blind. */
export function markSending(db: Db, id: number, now: string): void {
  db.prepare(
    `UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = ? WHERE id = ?`,
  ).run(now, id);
}

export function markSent(db: Db, id: number, s: { ts: string | null; sentTo: SentTo; now: string }): void {
  db.prepare(
    `UPDATE outbox SET state = 'sent', slack_ts = ?, sent_to = ?, sent_at = ?, last_error = NULL WHERE id = ?`,
  ).run(s.ts, s.sentTo, s.now, id);
}

export interface Reschedule {
  nextAttemptAt: string;
  error: string;
  /** The message may have reached Slack (timeout, 5xx): it stays `sending` so the next try checks first. */
  maybeDelivered: boolean;
  /** Count a failed attempt that never reached `markSending` (the status card failed first). */
  countAttempt?: boolean;
}

export function rescheduleAlert(db: Db, id: number, r: Reschedule): void {
  db.prepare(
    'UPDATE outbox SET state = ?, next_attempt_at = ?, last_error = ?, attempts = attempts + ? WHERE id = ?',
  ).run(r.maybeDelivered ? 'sending' : 'pending', r.nextAttemptAt, r.error, r.countAttempt ? 1 : 0, id);
}

/** A person withdrew an item: its alerts for the commitment that have not left are cancelled. Returns how many. */
export function cancelItemAlerts(db: Db, commitmentId: string, itemId: number, reason: string): number {
  return db
    .prepare(`UPDATE outbox SET state = 'cancelled', last_error = ?
      WHERE commitment_id = ? AND item_id = ? AND state IN ('pending', 'held')`)
    .run(reason, commitmentId, itemId).changes;
}

/** A commitment's alerts of these kinds that have not left (a resolution withdraws its reminders). Returns how many. */
export function cancelCommitmentAlerts(
  db: Db,
  commitmentId: string,
  kinds: AlertKind[],
  reason: string,
): number {
  return db
    .prepare(`UPDATE outbox SET state = 'cancelled', last_error = ?
      WHERE commitment_id = ? AND state IN ('pending', 'held') AND kind IN (SELECT value FROM json_each(?))`)
    .run(reason, commitmentId, JSON.stringify(kinds)).changes;
}

/** What a row will show, revised before it leaves (a review message without the lines judged since). */
export function replacePayload(db: Db, id: number, payload: AlertPayload): void {
  db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify(payload), id);
}

export function cancelAlert(db: Db, id: number, error: string): void {
  db.prepare(`UPDATE outbox SET state = 'cancelled', last_error = ? WHERE id = ?`).run(error, id);
}

/** Park the pending alerts of a blocked channel (`*`: every channel). `sending` rows keep their state: they may have reached Slack. */
export function holdChannel(db: Db, channel: string, error: string): number {
  const where = channel === '*' ? '' : 'AND channel = ?';
  const args = channel === '*' ? [error] : [error, channel];
  return db
    .prepare(`UPDATE outbox SET state = 'held', last_error = ? WHERE state = 'pending' ${where}`)
    .run(...args).changes;
}

export function holdAlert(db: Db, id: number, error: string): void {
  db.prepare(`UPDATE outbox SET state = 'held', last_error = ? WHERE id = ? AND state = 'pending'`).run(
    error,
    id,
  );
}

/** Held alerts back to pending, due now, in their original order. */
export function releaseChannel(db: Db, channel: string, now: string): number {
  const where = channel === '*' ? '' : 'AND channel = ?';
  const args = channel === '*' ? [now] : [now, channel];
  return db
    .prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state = 'held' ${where}`)
    .run(...args).changes;
}

export interface OutboxCounts {
  pending: number;
  /** Attempted, not confirmed: checked against Slack before any re-send. */
  sending: number;
  held: number;
  sent: number;
  cancelled: number;
  /** Creation time of the oldest alert not yet delivered (pending, sending or held). */
  oldestPendingAt: string | null;
}

export function outboxCounts(db: Db): OutboxCounts {
  const counts: OutboxCounts = {
    pending: 0,
    sending: 0,
    held: 0,
    sent: 0,
    cancelled: 0,
    oldestPendingAt: null,
  };
  for (const r of db
    .prepare<[], { state: OutboxState; n: number }>('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state')
    .all())
    counts[r.state] = r.n;
  const oldest = db
    .prepare<[], { at: string | null }>(
      `SELECT MIN(created_at) AS at FROM outbox WHERE state IN ('pending', 'sending', 'held')`,
    )
    .get();
  counts.oldestPendingAt = oldest?.at ?? null;
  return counts;
}
