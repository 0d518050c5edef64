// The review tier in a poll: after the rules have matched a batch, score its live items against every
// open commitment's profile (match/review-*.ts), record the best as `related` matches, then present
// every related row not yet shown (these and any a rule recorded as related) as one review message per
// commitment, in its thread. Runs inside the match transaction: a crash leaves the batch to be matched
// and reviewed again, never half-presented. Volume: at most maxPerPoll items per commitment a poll and
// maxPerWeek raised in the local ISO week, the highest scores first.

import { addDays, localDay, mondayOf, startOfDay } from '../calendar.ts';
import { commitmentView } from '../commitments/commitment-view.ts';
import type { Commitment } from '../commitments/commitment.ts';
import type { Config } from '../config/config.ts';
import { compileExpression } from '../match/compile-commitment.ts';
import { matchItems } from '../match/match-items.ts';
import type { MatchableItem, MatchHit } from '../match/match-types.ts';
import { type ReviewCandidate, scoreReviews } from '../match/review-score.ts';
import { getCommitmentState } from '../store/commitment-state-table.ts';
import type { StoredItem } from '../store/items-table.ts';
import { recordMatch } from '../store/matches-table.ts';
import type { Db } from '../store/open-store.ts';
import { enqueueAlert } from '../store/outbox-table.ts';
import {
  knownPairs,
  markPresented,
  reviewsRaisedBetween,
  unpresentedReviews,
} from '../store/review-queries.ts';
import { alertItem, channelFor } from './alert-facts.ts';
import { reviewIndexFor } from './review-index-cache.ts';

export const maxPerPoll = 2;
export const maxPerWeek = 2;

export interface ReviewReport {
  raised: number;
  messages: number;
}

/** Candidates for a batch, best first per commitment, not yet known, not excluded by the commitment's rules. */
export function reviewCandidates(
  db: Db,
  config: Config,
  open: Commitment[],
  items: MatchableItem[],
  ruleHits: Array<Pick<MatchHit, 'commitmentId' | 'itemId'>>,
): ReviewCandidate[] {
  if (open.length === 0 || items.length === 0) return [];
  const scored = scoreReviews(items, reviewIndexFor(db, open).index, { timeZone: config.timezone });
  const known = knownPairs(
    db,
    items.map((i) => i.id),
  );
  for (const h of ruleHits) known.add(`${h.commitmentId}\n${h.itemId}`);
  const fresh = scored.filter((c) => !known.has(`${c.commitmentId}\n${c.itemId}`));
  const excluded = excludedPairs(open, items, fresh, config.timezone);
  return fresh
    .filter((c) => !excluded.has(`${c.commitmentId}\n${c.itemId}`))
    .sort((a, b) => b.score - a.score || a.itemId - b.itemId);
}

/** Pairs whose item hits one of the commitment's `exclude` expressions: never evidence, never raised. */
function excludedPairs(
  open: Commitment[],
  items: MatchableItem[],
  candidates: ReviewCandidate[],
  timeZone: string,
): Set<string> {
  const ids = new Set(candidates.map((c) => c.itemId));
  const withExcludes = open.filter((c) => c.match.exclude.length > 0);
  if (ids.size === 0 || withExcludes.length === 0) return new Set();
  const asRules = withExcludes.map((c) => ({
    id: c.id,
    sinceDate: '0000-01-01',
    any: c.match.exclude.map(compileExpression),
    exclude: [],
    fulfilment: [],
  }));
  const hits = matchItems(
    items.filter((i) => ids.has(i.id)).map(({ key: _k, ...i }) => i),
    asRules,
    { timeZone },
  );
  return new Set(hits.map((h) => `${h.commitmentId}\n${h.itemId}`));
}

/** Call inside the match transaction, with the batch and what the rules found in it. */
export function raiseReviews(
  db: Db,
  config: Config,
  open: Commitment[],
  batch: StoredItem[],
  ruleHits: Array<Pick<MatchHit, 'commitmentId' | 'itemId'>>,
  now: Date,
): ReviewReport {
  // Scored on what the feed shows: page bodies are for the rules (match-tiered.ts), whose body-only
  // hits are already related rows, presented below with the rest.
  const live = batch
    .filter((i) => i.origin === 'live')
    .map(({ body: _body, ...i }) => ({ ...i, key: i.path }));
  const candidates = reviewCandidates(db, config, open, live, ruleHits);
  const week = localWeekOf(now, config.timezone);
  const report: ReviewReport = { raised: 0, messages: 0 };
  const perCommitment = new Map<string, number>();
  for (const c of candidates) {
    const taken = perCommitment.get(c.commitmentId) ?? 0;
    if (taken >= maxPerPoll) continue;
    if (reviewsRaisedBetween(db, c.commitmentId, week.start, week.end) >= maxPerWeek) continue;
    const why = { rule: '', hits: [], review: c.reason };
    recordMatch(db, { ...c, kind: 'related', why }, now.toISOString(), 'live');
    perCommitment.set(c.commitmentId, taken + 1);
    report.raised++;
  }
  report.messages = presentReviews(db, config, open, now);
  return report;
}

/** [Monday 00:00, next Monday 00:00) of the local week of `now`, as ISO instants. */
export function localWeekOf(now: Date, timeZone: string): { start: string; end: string } {
  const monday = mondayOf(localDay(now, timeZone));
  return {
    start: startOfDay(monday, timeZone).toISOString(),
    end: startOfDay(addDays(monday, 7), timeZone).toISOString(),
  };
}

/** One review message per commitment for every related row not yet shown. Call inside a transaction. */
export function presentReviews(db: Db, config: Config, open: Commitment[], now: Date): number {
  const byCommitment = new Map<string, ReturnType<typeof unpresentedReviews>>();
  for (const r of unpresentedReviews(db)) {
    const list = byCommitment.get(r.row.commitmentId) ?? [];
    list.push(r);
    byCommitment.set(r.row.commitmentId, list);
  }
  let messages = 0;
  for (const [id, rows] of byCommitment) {
    const c = open.find((x) => x.id === id);
    if (!c) continue;
    rows.sort((a, b) => b.row.score - a.row.score || a.matchId - b.matchId);
    const status = getCommitmentState(db, c.id)?.status ?? 'open';
    const { alertId } = enqueueAlert(db, {
      key: `${c.id}|review|${rows.map((r) => r.matchId).join(',')}`,
      commitmentId: c.id,
      kind: 'review',
      channel: channelFor(c, config),
      now: now.toISOString(),
      payload: {
        kind: 'review',
        commitment: commitmentView(c, status),
        raisedAt: now.toISOString(),
        reviewItems: rows.map((r) => ({ item: alertItem(r.item), why: r.row.why })),
      },
    });
    markPresented(
      db,
      rows.map((r) => r.matchId),
      alertId,
    );
    messages++;
  }
  return messages;
}
