// SQL for `commitment_state` and `commitment_events`: the status of each watched commitment
// and its dated history, where every change names its reason or evidence.

import type { CommitmentStatus } from '../commitments/commitment.ts';
import type { Db } from './open-store.ts';
import { cachedStatement } from './statement-cache.ts';

export interface CommitmentState {
  commitmentId: string;
  status: CommitmentStatus;
  statusSince: string;
  snoozedUntil: string | null;
  lastEvidenceAt: string | null;
  lastRemindedAt: string | null;
  firstWatchedAt: string;
  ruleHash: string | null;
  threadChannel: string | null;
  threadTs: string | null;
  threadUrl: string | null;
}

interface StateRow {
  commitment_id: string;
  status: CommitmentStatus;
  status_since: string;
  snoozed_until: string | null;
  last_evidence_at: string | null;
  last_reminded_at: string | null;
  first_watched_at: string;
  rule_hash: string | null;
  thread_channel: string | null;
  thread_ts: string | null;
  thread_url: string | null;
}

function toState(r: StateRow): CommitmentState {
  return {
    commitmentId: r.commitment_id,
    status: r.status,
    statusSince: r.status_since,
    snoozedUntil: r.snoozed_until,
    lastEvidenceAt: r.last_evidence_at,
    lastRemindedAt: r.last_reminded_at,
    firstWatchedAt: r.first_watched_at,
    ruleHash: r.rule_hash,
    threadChannel: r.thread_channel,
    threadTs: r.thread_ts,
    threadUrl: r.thread_url,
  };
}

export type EventKind =
  | 'status'
  | 'resolve'
  | 'reopen'
  | 'snooze'
  | 'unsnooze'
  | 'watch'
  | 'unwatch'
  | 'verdict';

export interface CommitmentEvent {
  id: number;
  commitmentId: string;
  at: string;
  kind: EventKind;
  fromStatus: CommitmentStatus | null;
  toStatus: CommitmentStatus | null;
  reason: string;
  evidenceUrl: string | null;
  actor: string;
}

interface EventRow {
  id: number;
  commitment_id: string;
  at: string;
  kind: EventKind;
  from_status: CommitmentStatus | null;
  to_status: CommitmentStatus | null;
  reason: string;
  evidence_url: string | null;
  actor: string | null;
}

const system = 'followthrough';

export function getCommitmentState(db: Db, id: string): CommitmentState | undefined {
  const row = db
    .prepare<[string], StateRow>('SELECT * FROM commitment_state WHERE commitment_id = ?')
    .get(id);
  return row ? toState(row) : undefined;
}

export function listCommitmentStates(db: Db): CommitmentState[] {
  return cachedStatement<[], StateRow>(db, 'SELECT * FROM commitment_state ORDER BY commitment_id')
    .all()
    .map(toState);
}

/** When followthrough first watched anything on this database (its first run), if it has. */
export function firstWatchedAt(db: Db): string | undefined {
  return (
    db.prepare<[], { at: string | null }>('SELECT MIN(first_watched_at) AS at FROM commitment_state').get()
      ?.at ?? undefined
  );
}

/** First sight of a commitment: a row in `open` and a `watch` event. Returns true when it was new. */
export function ensureCommitmentState(db: Db, id: string, now: string, ruleHash: string): boolean {
  const inserted =
    db
      .prepare(`INSERT INTO commitment_state (commitment_id, status, status_since, first_watched_at, rule_hash)
    VALUES (?, 'open', ?, ?, ?) ON CONFLICT (commitment_id) DO NOTHING`)
      .run(id, now, now, ruleHash).changes > 0;
  if (inserted)
    addEvent(db, { commitmentId: id, at: now, kind: 'watch', toStatus: 'open', reason: 'now watched' });
  return inserted;
}

/** `null`: the rules were last applied to nothing, so the next sync catches the commitment up again. */
export function setRuleHash(db: Db, id: string, hash: string | null): void {
  db.prepare('UPDATE commitment_state SET rule_hash = ? WHERE commitment_id = ?').run(hash, id);
}

export interface StatusChange {
  commitmentId: string;
  at: string;
  kind: EventKind;
  from: CommitmentStatus;
  to: CommitmentStatus;
  reason: string;
  evidenceUrl?: string | null;
  actor?: string;
}

/** Change the status and record why, together. Call inside a transaction with any alert it causes. */
export function changeStatus(db: Db, c: StatusChange): void {
  db.prepare('UPDATE commitment_state SET status = ?, status_since = ? WHERE commitment_id = ?').run(
    c.to,
    c.at,
    c.commitmentId,
  );
  addEvent(db, {
    commitmentId: c.commitmentId,
    at: c.at,
    kind: c.kind,
    fromStatus: c.from,
    toStatus: c.to,
    reason: c.reason,
    evidenceUrl: c.evidenceUrl ?? null,
    actor: c.actor,
  });
}

export function setSnooze(
  db: Db,
  id: string,
  until: string | null,
  at: string,
  reason: string,
  actor: string,
): void {
  db.prepare('UPDATE commitment_state SET snoozed_until = ? WHERE commitment_id = ?').run(until, id);
  addEvent(db, { commitmentId: id, at, kind: until ? 'snooze' : 'unsnooze', reason, actor });
}

export function setLastReminded(db: Db, id: string, at: string): void {
  db.prepare('UPDATE commitment_state SET last_reminded_at = ? WHERE commitment_id = ?').run(at, id);
}

/** Evidence moves forward only: an older item matched late does not make the commitment look fresher. */
export function noteEvidence(db: Db, id: string, evidenceAt: string): void {
  db.prepare(`UPDATE commitment_state SET last_evidence_at = ? WHERE commitment_id = ?
    AND (last_evidence_at IS NULL OR last_evidence_at < ?)`).run(evidenceAt, id, evidenceAt);
}

export function addEvent(
  db: Db,
  e: {
    commitmentId: string;
    at: string;
    kind: EventKind;
    fromStatus?: CommitmentStatus | null;
    toStatus?: CommitmentStatus | null;
    reason: string;
    evidenceUrl?: string | null;
    actor?: string;
  },
): void {
  db.prepare(`INSERT INTO commitment_events (commitment_id, at, kind, from_status, to_status, reason, evidence_url, actor)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    e.commitmentId,
    e.at,
    e.kind,
    e.fromStatus ?? null,
    e.toStatus ?? null,
    e.reason,
    e.evidenceUrl ?? null,
    e.actor ?? system,
  );
}

export function listEvents(db: Db, id: string): CommitmentEvent[] {
  return db
    .prepare<[string], EventRow>('SELECT * FROM commitment_events WHERE commitment_id = ? ORDER BY at, id')
    .all(id)
    .map(toEvent);
}

export function eventsBetween(db: Db, from: string, to: string): CommitmentEvent[] {
  return db
    .prepare<[string, string], EventRow>(
      'SELECT * FROM commitment_events WHERE at >= ? AND at < ? ORDER BY at, id',
    )
    .all(from, to)
    .map(toEvent);
}

function toEvent(r: EventRow): CommitmentEvent {
  return {
    id: r.id,
    commitmentId: r.commitment_id,
    at: r.at,
    kind: r.kind,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    reason: r.reason,
    evidenceUrl: r.evidence_url,
    actor: r.actor ?? system,
  };
}
