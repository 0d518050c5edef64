// SQL for `matches`: one row per (commitment, item). A major update that still matches revises
// the row (update_count, updated_at) instead of adding another. A row counts as evidence unless a
// person said it is not related; a `related` row (the review tier) counts only once a person said
// it is evidence. Every evidence query below goes through that one rule (`countsAsEvidence`).

import type { MatchKind, MatchReason } from '../match/match-types.ts';
import type { TieredHit } from '../match/match-tiered.ts';
import type { Db } from './open-store.ts';
import { cachedStatement } from './statement-cache.ts';

export type MatchOrigin = 'live' | 'baseline' | 'backfill' | 'history' | 'replay' | 'verdict';
/** What a stored match is: what a rule said (progress, possible fulfilment) or the review tier. */
export type StoredMatchKind = MatchKind | 'related';
export type Verdict = 'evidence' | 'not-related';

export interface StoredMatch {
  id: number;
  commitmentId: string;
  itemId: number;
  kind: StoredMatchKind;
  score: number;
  why: MatchReason;
  matchedAt: string;
  updatedAt: string | null;
  updateCount: number;
  origin: MatchOrigin;
  /** The verdict in force, if a person gave one. */
  verdict: Verdict | null;
  verdictAt: string | null;
  verdictBy: string | null;
}

export interface EvidenceRow extends StoredMatch {
  path: string;
  url: string;
  title: string;
  displayType: string | null;
  publisher: string | null;
  itemUpdatedAt: string;
}

interface MatchRow {
  id: number;
  commitment_id: string;
  item_id: number;
  kind: StoredMatchKind;
  score: number;
  why: string;
  matched_at: string;
  updated_at: string | null;
  update_count: number;
  origin: MatchOrigin;
  verdict: Verdict | null;
  verdict_at: string | null;
  verdict_by: string | null;
}

/** The one rule for what counts: not marked not related, and a review item only once marked evidence. */
export const countsAsEvidence = `COALESCE(m.verdict, CASE m.kind WHEN 'related' THEN 'review' ELSE 'evidence' END) = 'evidence'`;

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
    verdict: r.verdict,
    verdictAt: r.verdict_at,
    verdictBy: r.verdict_by,
  };
}

export type RecordOutcome =
  | { outcome: 'new' }
  | { outcome: 'updated' | 'unchanged'; previousKind: StoredMatchKind }
  /** A person said this item is not related to this commitment: it is never raised again. */
  | { outcome: 'rejected'; previousKind: StoredMatchKind };

/** `revision`: the item had a major update, so a match that holds again is recorded as an update of it. */
export function recordMatch(
  db: Db,
  hit: TieredHit,
  now: string,
  origin: MatchOrigin,
  revision = false,
): RecordOutcome {
  const existing = db
    .prepare<
      [string, number],
      { kind: StoredMatchKind; score: number; why: string; verdict: Verdict | null }
    >('SELECT kind, score, why, verdict FROM matches WHERE commitment_id = ? AND item_id = ?')
    .get(hit.commitmentId, hit.itemId);
  const why = JSON.stringify(hit.why);
  if (!existing) {
    db.prepare(
      `INSERT INTO matches (commitment_id, item_id, kind, score, why, matched_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(hit.commitmentId, hit.itemId, hit.kind, hit.score, why, now, origin);
    return { outcome: 'new' };
  }
  if (existing.verdict === 'not-related') return { outcome: 'rejected', previousKind: existing.kind };
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

export function getMatch(db: Db, commitmentId: string, itemId: number): StoredMatch | undefined {
  const r = db
    .prepare<[string, number], MatchRow>('SELECT * FROM matches WHERE commitment_id = ? AND item_id = ?')
    .get(commitmentId, itemId);
  return r ? toMatch(r) : undefined;
}

/** A person's verdict on a pair: the row records it (created, for an item no rule raised). */
export function setMatchVerdict(
  db: Db,
  v: { commitmentId: string; itemId: number; verdict: Verdict; at: string; by: string },
): void {
  db.prepare(`INSERT INTO matches (commitment_id, item_id, kind, score, why, matched_at, origin, verdict, verdict_at, verdict_by)
    VALUES (@commitmentId, @itemId, 'related', 0, @why, @at, 'verdict', @verdict, @at, @by)
    ON CONFLICT (commitment_id, item_id) DO UPDATE SET verdict = excluded.verdict, verdict_at = excluded.verdict_at,
      verdict_by = excluded.verdict_by`).run({ ...v, why: JSON.stringify({ rule: '', hits: [] }) });
}

const evidenceSelect = `SELECT m.*, i.path, i.url, i.title, i.display_type, i.publisher, i.updated_at AS item_updated_at
  FROM matches m JOIN items i ON i.id = m.item_id`;

export type EvidenceDbRow = MatchRow & {
  path: string;
  url: string;
  title: string;
  display_type: string | null;
  publisher: string | null;
  item_updated_at: string;
};

export function toEvidence(r: EvidenceDbRow): EvidenceRow {
  return {
    ...toMatch(r),
    path: r.path,
    url: r.url,
    title: r.title,
    displayType: r.display_type,
    publisher: r.publisher,
    itemUpdatedAt: r.item_updated_at,
  };
}

/** Evidence for a commitment, newest publication first. */
export function evidenceFor(db: Db, commitmentId: string, limit = 1000): EvidenceRow[] {
  // m.item_updated_at mirrors i.updated_at (triggers, migration 004): ordering by it walks the
  // matches_newest index, so the newest few cost the same however long the list is.
  return cachedStatement<[string, number], EvidenceDbRow>(
    db,
    `${evidenceSelect} WHERE m.commitment_id = ? AND ${countsAsEvidence}
       ORDER BY m.item_updated_at DESC, m.id DESC LIMIT ?`,
  )
    .all(commitmentId, limit)
    .map(toEvidence);
}

/** Evidence matched, revised or confirmed by a person in [from, to), for the digest and replay. */
export function matchesBetween(db: Db, from: string, to: string): EvidenceRow[] {
  return db
    .prepare<[string, string, string, string, string, string], EvidenceDbRow>(`${evidenceSelect}
    WHERE ((m.matched_at >= ? AND m.matched_at < ?) OR (m.updated_at >= ? AND m.updated_at < ?)
      OR (m.verdict = 'evidence' AND m.verdict_at >= ? AND m.verdict_at < ?)) AND ${countsAsEvidence}
    ORDER BY i.updated_at DESC, m.id DESC`)
    .all(from, to, from, to, from, to)
    .map(toEvidence);
}

/** Items only a page body matched (the review tier), no verdict yet: newest publication first. */
export function relatedFor(db: Db, commitmentId: string, limit = 1000): EvidenceRow[] {
  return cachedStatement<[string, number], EvidenceDbRow>(
    db,
    `${evidenceSelect} WHERE m.commitment_id = ? AND m.kind = 'related' AND m.verdict IS NULL AND m.origin != 'verdict'
       ORDER BY m.item_updated_at DESC, m.id DESC LIMIT ?`,
  )
    .all(commitmentId, limit)
    .map(toEvidence);
}

/** The newest evidence's item (title, url, public timestamp): one step down the matches_newest index. */
export function newestEvidence(
  db: Db,
  commitmentId: string,
): { title: string; url: string; updatedAt: string; displayType?: string; publisher?: string } | undefined {
  // Only the columns wanted: on this per-cycle path a wide row costs more than the lookup.
  const r = cachedStatement<
    [string],
    { title: string; url: string; updated_at: string; display_type: string | null; publisher: string | null }
  >(
    db,
    `SELECT i.title, i.url, i.updated_at, i.display_type, i.publisher FROM matches m JOIN items i ON i.id = m.item_id
     WHERE m.commitment_id = ? AND ${countsAsEvidence} ORDER BY m.item_updated_at DESC, m.id DESC LIMIT 1`,
  ).get(commitmentId);
  if (!r) return undefined;
  return {
    title: r.title,
    url: r.url,
    updatedAt: r.updated_at,
    // What it is and who published it, for the status card's "last evidence" line.
    ...(r.display_type ? { displayType: r.display_type } : {}),
    ...(r.publisher ? { publisher: r.publisher } : {}),
  };
}

/** Kept per commitment by triggers on `matches` (migration 004) under the same rule: no count over its whole list. */
export function countEvidence(db: Db, commitmentId: string): number {
  return (
    cachedStatement<[string], { n: number }>(db, 'SELECT n FROM evidence_counts WHERE commitment_id = ?').get(
      commitmentId,
    )?.n ?? 0
  );
}

/** The same count, over the rows themselves (the oracle the running count is tested against). */
export function countEvidenceRows(db: Db, commitmentId: string): number {
  return db
    .prepare<[string], { n: number }>(
      `SELECT COUNT(*) AS n FROM matches m WHERE m.commitment_id = ? AND ${countsAsEvidence}`,
    )
    .get(commitmentId)!.n;
}

/** Every match with its item, in the order made (replay and eval read what the engine raised). */
export function allMatches(db: Db): EvidenceRow[] {
  return db.prepare<[], EvidenceDbRow>(`${evidenceSelect} ORDER BY m.id`).all().map(toEvidence);
}
