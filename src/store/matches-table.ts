// SQL for `matches`: one row per (commitment, item). A major update that still matches revises
// the row (update_count, updated_at) instead of adding another.

import type { MatchHit, MatchKind, MatchReason } from '../match/match-types.ts';
import type { Db } from './open-store.ts';

export type MatchOrigin = 'live' | 'baseline' | 'backfill' | 'history' | 'replay';

export interface StoredMatch {
  id: number;
  commitmentId: string;
  itemId: number;
  kind: MatchKind;
  score: number;
  why: MatchReason;
  matchedAt: string;
  updatedAt: string | null;
  updateCount: number;
  origin: MatchOrigin;
}

export interface EvidenceRow extends StoredMatch {
  path: string;
  url: string;
  title: string;
  displayType: string | null;
  itemUpdatedAt: string;
}

interface MatchRow {
  id: number;
  commitment_id: string;
  item_id: number;
  kind: MatchKind;
  score: number;
  why: string;
  matched_at: string;
  updated_at: string | null;
  update_count: number;
  origin: MatchOrigin;
}

function toMatch(r: MatchRow): StoredMatch {
  return {
    id: r.id,
    commitmentId: r.commitment_id,
    itemId: r.item_id,
    kind: r.kind,
    score: r.score,
    why: JSON.parse(r.why) as MatchReason,
    matchedAt: r.matched_at,
    updatedAt: r.updated_at,
    updateCount: r.update_count,
    origin: r.origin,
  };
}

export type RecordOutcome =
  | { outcome: 'new' }
  | { outcome: 'updated' | 'unchanged'; previousKind: MatchKind };

/** `revision`: the item had a major update, so a match that holds again is recorded as an update of it. */
export function recordMatch(
  db: Db,
  hit: MatchHit,
  now: string,
  origin: MatchOrigin,
  revision = false,
): RecordOutcome {
  const existing = db
    .prepare<[string, number], { kind: MatchKind; score: number; why: string }>(
      'SELECT kind, score, why FROM matches WHERE commitment_id = ? AND item_id = ?',
    )
    .get(hit.commitmentId, hit.itemId);
  const why = JSON.stringify(hit.why);
  if (!existing) {
    db.prepare(
      `INSERT INTO matches (commitment_id, item_id, kind, score, why, matched_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(hit.commitmentId, hit.itemId, hit.kind, hit.score, why, now, origin);
    return { outcome: 'new' };
  }
  if (!revision && existing.kind === hit.kind && existing.score === hit.score && existing.why === why) {
    return { outcome: 'unchanged', previousKind: existing.kind };
  }
  db.prepare(`UPDATE matches SET kind = ?, score = ?, why = ?, updated_at = ?, update_count = update_count + 1
    WHERE commitment_id = ? AND item_id = ?`).run(
    hit.kind,
    hit.score,
    why,
    now,
    hit.commitmentId,
    hit.itemId,
  );
  return { outcome: 'updated', previousKind: existing.kind };
}

const evidenceSelect = `SELECT m.*, i.path, i.url, i.title, i.display_type, i.updated_at AS item_updated_at
  FROM matches m JOIN items i ON i.id = m.item_id`;

type EvidenceDbRow = MatchRow & {
  path: string;
  url: string;
  title: string;
  display_type: string | null;
  item_updated_at: string;
};

function toEvidence(r: EvidenceDbRow): EvidenceRow {
  return {
    ...toMatch(r),
    path: r.path,
    url: r.url,
    title: r.title,
    displayType: r.display_type,
    itemUpdatedAt: r.item_updated_at,
  };
}

/** Evidence for a commitment, newest publication first. */
export function evidenceFor(db: Db, commitmentId: string, limit = 1000): EvidenceRow[] {
  return db
    .prepare<[string, number], EvidenceDbRow>(
      `${evidenceSelect} WHERE m.commitment_id = ? ORDER BY i.updated_at DESC, m.id DESC LIMIT ?`,
    )
    .all(commitmentId, limit)
    .map(toEvidence);
}

/** Matches made (or revised) in [from, to), for the digest and replay. */
export function matchesBetween(db: Db, from: string, to: string): EvidenceRow[] {
  return db
    .prepare<[string, string, string, string], EvidenceDbRow>(`${evidenceSelect}
    WHERE (m.matched_at >= ? AND m.matched_at < ?) OR (m.updated_at >= ? AND m.updated_at < ?)
    ORDER BY i.updated_at DESC, m.id DESC`)
    .all(from, to, from, to)
    .map(toEvidence);
}

export function countEvidence(db: Db, commitmentId: string): number {
  return db
    .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM matches WHERE commitment_id = ?')
    .get(commitmentId)!.n;
}

export function allMatches(db: Db): EvidenceRow[] {
  return db.prepare<[], EvidenceDbRow>(`${evidenceSelect} ORDER BY m.id`).all().map(toEvidence);
}
