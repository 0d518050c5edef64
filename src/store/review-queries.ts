// SQL for the review tier: word frequencies of the stored history (items_vocab over items_fts), the
// examples people gave (verdicts), and the `related` rows of `matches` still to present or to list.
// Presented rows carry the review message that showed them (review_alert_id).

import type { ReviewExample, TermStats } from '../match/review-profile.ts';
import type { Judgement } from '../slack/alert.ts';
import { type EvidenceRow, toEvidence, type EvidenceDbRow } from './matches-table.ts';
import type { Db } from './open-store.ts';
import { getItem, type StoredItem } from './items-table.ts';

/** How many items are stored: the running count (migration 004), the same at 500,000 items as at 5,000. */
export function storedItemCount(db: Db): number {
  return db.prepare<[], { total: number }>('SELECT total FROM item_counts WHERE id = 1').get()?.total ?? 0;
}

/** What the review tier's profiles were built from, besides the commitments: a new verdict changes it. */
export function lastVerdictId(db: Db): number {
  return db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM verdicts').get()?.id ?? 0;
}

/** How many of these announcement paths are stored (an announcement stored later changes its profiles). */
export function storedPathCount(db: Db, paths: string[]): number {
  return db
    .prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM items WHERE path IN (SELECT value FROM json_each(?))',
    )
    .get(JSON.stringify(paths))!.n;
}

/** Document frequencies as items_fts counts them, each looked up once per call. */
export function termStats(db: Db): TermStats {
  const docs = storedItemCount(db);
  const lookup = db.prepare<[string], { doc: number }>('SELECT doc FROM items_vocab WHERE term = ?');
  const seen = new Map<string, number>();
  return {
    docs,
    df: (term) => {
      let n = seen.get(term);
      if (n === undefined) {
        n = lookup.get(term)?.doc ?? 0;
        seen.set(term, n);
      }
      return n;
    },
  };
}

/** Items people gave a verdict on, per commitment, oldest verdict first. */
export function reviewExamples(db: Db): Map<string, ReviewExample[]> {
  const rows = db
    .prepare<
      [],
      {
        commitment_id: string;
        item_id: number;
        title: string;
        summary: string;
        verdict: 'evidence' | 'not-related';
      }
    >(
      `SELECT m.commitment_id, m.item_id, i.title, i.summary, m.verdict FROM matches m JOIN items i ON i.id = m.item_id
       WHERE m.verdict IS NOT NULL ORDER BY m.verdict_at, m.id`,
    )
    .all();
  const out = new Map<string, ReviewExample[]>();
  for (const r of rows) {
    const list = out.get(r.commitment_id) ?? [];
    list.push({ itemId: r.item_id, title: r.title, summary: r.summary, verdict: r.verdict });
    out.set(r.commitment_id, list);
  }
  return out;
}

/** `commitment\nitem` for every match row of these items: a pair already known is never raised again. */
export function knownPairs(db: Db, itemIds: number[]): Set<string> {
  const rows = db
    .prepare<[string], { commitment_id: string; item_id: number }>(
      'SELECT commitment_id, item_id FROM matches WHERE item_id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(itemIds));
  return new Set(rows.map((r) => `${r.commitment_id}\n${r.item_id}`));
}

/** Review items raised for a commitment in [from, to) (a person's own verdicts excluded): the weekly cap. */
export function reviewsRaisedBetween(db: Db, commitmentId: string, from: string, to: string): number {
  return db
    .prepare<[string, string, string], { n: number }>(
      `SELECT COUNT(*) AS n FROM matches WHERE commitment_id = ? AND kind = 'related' AND origin != 'verdict'
       AND matched_at >= ? AND matched_at < ?`,
    )
    .get(commitmentId, from, to)!.n;
}

export interface PendingReview {
  matchId: number;
  row: EvidenceRow;
  item: StoredItem;
}

/** Related rows from live items that no review message has shown yet and no person has judged, oldest first. */
export function unpresentedReviews(db: Db): PendingReview[] {
  return db
    .prepare<[], EvidenceDbRow>(
      `SELECT m.*, i.path, i.url, i.title, i.display_type, i.updated_at AS item_updated_at
       FROM matches m JOIN items i ON i.id = m.item_id
       WHERE m.kind = 'related' AND m.review_alert_id IS NULL AND m.verdict IS NULL AND m.origin = 'live'
       ORDER BY m.id`,
    )
    .all()
    .map((r) => ({ matchId: r.id, row: toEvidence(r), item: getItem(db, r.item_id)! }));
}

export function markPresented(db: Db, matchIds: number[], alertId: string): void {
  db.prepare('UPDATE matches SET review_alert_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(
    alertId,
    JSON.stringify(matchIds),
  );
}

/** Items for review raised in [from, to) that no person has judged yet: the digest's "For review". */
export function reviewsBetween(db: Db, from: string, to: string): EvidenceRow[] {
  return db
    .prepare<[string, string], EvidenceDbRow>(
      `SELECT m.*, i.path, i.url, i.title, i.display_type, i.updated_at AS item_updated_at
       FROM matches m JOIN items i ON i.id = m.item_id
       WHERE m.kind = 'related' AND m.verdict IS NULL AND m.origin != 'verdict' AND m.matched_at >= ? AND m.matched_at < ?
       ORDER BY m.score DESC, m.id`,
    )
    .all(from, to)
    .map(toEvidence);
}

/** Of these item links, those a person has judged for the commitment: the verdict in force, who, when. */
export function judgementsFor(db: Db, commitmentId: string, urls: string[]): Map<string, Judgement> {
  const out = new Map<string, Judgement>();
  if (urls.length === 0) return out;
  const rows = db
    .prepare<
      [string, string],
      { url: string; verdict: Judgement['verdict']; verdict_by: string | null; verdict_at: string | null }
    >(
      `SELECT i.url, m.verdict, m.verdict_by, m.verdict_at FROM matches m JOIN items i ON i.id = m.item_id
       WHERE m.commitment_id = ? AND m.verdict IS NOT NULL AND i.url IN (SELECT value FROM json_each(?))`,
    )
    .all(commitmentId, JSON.stringify(urls));
  for (const r of rows)
    out.set(r.url, { verdict: r.verdict, by: r.verdict_by ?? 'someone', at: r.verdict_at ?? '' });
  return out;
}

export interface JudgedItem {
  itemId: number;
  url: string;
  title: string;
  summary: string;
  updatedAt: string;
  verdict: 'evidence' | 'not-related';
}

/** The items a person judged for a commitment, oldest verdict first (what `commitments tune` learns from). */
export function judgedItems(db: Db, commitmentId: string): JudgedItem[] {
  return db
    .prepare<[string], JudgedItem>(
      `SELECT i.id AS itemId, i.url, i.title, i.summary, i.updated_at AS updatedAt, m.verdict
       FROM matches m JOIN items i ON i.id = m.item_id
       WHERE m.commitment_id = ? AND m.verdict IS NOT NULL ORDER BY m.verdict_at, m.id`,
    )
    .all(commitmentId);
}

/** A commitment's review items no person has judged yet, best first. */
export function unjudgedReviews(db: Db, commitmentId: string): EvidenceRow[] {
  return db
    .prepare<[string], EvidenceDbRow>(
      `SELECT m.*, i.path, i.url, i.title, i.display_type, i.updated_at AS item_updated_at
       FROM matches m JOIN items i ON i.id = m.item_id
       WHERE m.commitment_id = ? AND m.kind = 'related' AND m.verdict IS NULL AND m.origin != 'verdict'
       ORDER BY m.score DESC, m.id`,
    )
    .all(commitmentId)
    .map(toEvidence);
}
