// Matches items waiting in the store (new, or changed by a major update) against every open
// commitment. Matches and the alerts they cause are written in one transaction with the items'
// "matched" mark, so a crash leaves them to be matched again, never half-alerted.
// Live items alert one by one; items found in history (first poll, backfill) are reported as
// one summary per commitment instead of a burst.

import { commitmentView } from '../commitments/commitment-view.ts';
import type { Commitment } from '../commitments/commitment.ts';
import { isManual } from '../commitments/lifecycle.ts';
import type { Config } from '../config/config.ts';
import { canonicalPath } from '../feeds/normalise.ts';
import type { Logger } from '../log.ts';
import { compileCommitment, type CompiledCommitment } from '../match/compile-commitment.ts';
import { matchTiered } from '../match/match-tiered.ts';
import type { MatchHit } from '../match/match-types.ts';
import type { AlertPayload } from '../slack/alert.ts';
import { getCommitmentState, noteEvidence } from '../store/commitment-state-table.ts';
import { markItemsMatched, pendingItems, type StoredItem } from '../store/items-table.ts';
import { recordMatch, type MatchOrigin } from '../store/matches-table.ts';
import type { Db } from '../store/open-store.ts';
import { enqueueAlert } from '../store/outbox-table.ts';
import { alertItem, channelFor } from './alert-facts.ts';
import { raiseReviews } from './raise-reviews.ts';
import type { Clock } from './clock.ts';

export interface MatchDeps {
  db: Db;
  log: Logger;
  clock: Clock;
}

export interface MatchReport {
  items: number;
  matches: number;
  alerts: number;
  /** New or revised matches only in an item's body, the review tier (absent when none). */
  related?: number;
}

const batchSize = 500;

export function matchPending(config: Config, commitments: Commitment[], deps: MatchDeps): MatchReport {
  const { db } = deps;
  const now = deps.clock();
  const open = commitments.filter((c) => {
    const state = getCommitmentState(db, c.id);
    return !state || !isManual(state.status);
  });
  const compiled = open.map(compileWatched);
  const report: MatchReport = { items: 0, matches: 0, alerts: 0 };
  for (;;) {
    const items = pendingItems(db, batchSize);
    if (items.length === 0) break;
    const byId = new Map(items.map((i) => [i.id, i]));
    const matchable = items.map(({ body, ...i }) => ({ ...i, ...(body ? { body } : {}), key: i.path }));
    const hits = matchTiered(matchable, compiled, { timeZone: config.timezone });
    db.transaction(() => {
      const summaries = new Map<
        string,
        { origin: MatchOrigin; entries: Array<{ hit: MatchHit; item: StoredItem }> }
      >();
      for (const hit of hits) {
        const item = byId.get(hit.itemId)!;
        const c = open.find((x) => x.id === hit.commitmentId)!;
        const origin = item.origin as MatchOrigin;
        const recorded = recordMatch(
          db,
          hit,
          now.toISOString(),
          origin,
          item.majorUpdates > 0 && !item.bodyOnly,
        );
        // A person said this item is not related to this commitment: never raised again.
        if (recorded.outcome === 'rejected') continue;
        // Only in the body: recorded for review with its reason, not evidence, never alerted (match-tiered.ts).
        if (hit.kind === 'related') {
          if (recorded.outcome !== 'unchanged') report.related = (report.related ?? 0) + 1;
          continue;
        }
        noteEvidence(db, c.id, item.updatedAt);
        if (recorded.outcome === 'unchanged') continue;
        report.matches++;
        // Matched (and alerted) before its body arrived: a match it already had only gains reasons.
        if (item.bodyOnly && recorded.outcome !== 'new') continue;
        if (origin !== 'live') {
          const s = summaries.get(c.id) ?? { origin, entries: [] };
          s.entries.push({ hit, item });
          summaries.set(c.id, s);
          continue;
        }
        // Same (commitment, item, kind) alerts once; a major update alerts again only if it turns progress into possible fulfilment.
        const status = getCommitmentState(db, c.id)?.status ?? 'open';
        const { inserted } = enqueueAlert(db, {
          key: `${c.id}|item:${item.path}|${hit.kind}`,
          commitmentId: c.id,
          kind: hit.kind,
          itemId: item.id,
          channel: channelFor(c, config),
          now: now.toISOString(),
          payload: {
            kind: hit.kind,
            commitment: commitmentView(c, status),
            raisedAt: now.toISOString(),
            item: alertItem(item, recorded.outcome === 'updated'),
            why: hit.why,
          },
        });
        if (inserted) report.alerts++;
      }
      for (const [id, s] of summaries) {
        if (enqueueSummary(db, config, open.find((x) => x.id === id)!, s.origin, s.entries, now))
          report.alerts++;
      }
      report.alerts += raiseReviews(db, config, open, items, hits, now).messages;
      markItemsMatched(
        db,
        items.map((i) => i.id),
      );
    })();
    report.items += items.length;
  }
  if (report.items) deps.log.info('match.done', { ...report });
  return report;
}

/** A commitment's rules for matching items keyed by path: the announcement that made it is not evidence that it was kept. */
export function compileWatched(c: Commitment): CompiledCommitment {
  return compileCommitment({ ...c, sourceKey: canonicalPath(c.source.url) });
}

/** One message for matches found in history. Call inside a transaction. */
export function enqueueSummary(
  db: Db,
  config: Config,
  c: Commitment,
  origin: MatchOrigin,
  entries: Array<{ hit: MatchHit; item: StoredItem }>,
  now: Date,
): boolean {
  if (entries.length === 0) return false;
  const sorted = [...entries].sort((a, b) => Date.parse(b.item.updatedAt) - Date.parse(a.item.updatedAt));
  const status = getCommitmentState(db, c.id)?.status ?? 'open';
  const payload: Omit<AlertPayload, 'alertId'> = {
    kind: 'summary',
    commitment: commitmentView(c, status),
    raisedAt: now.toISOString(),
    summaryOrigin: origin === 'backfill' ? 'backfill' : origin === 'baseline' ? 'baseline' : 'history',
    summaryItems: sorted.map(({ hit, item }) => ({ item: alertItem(item), why: hit.why, kind: hit.kind })),
    evidenceCount: sorted.length,
  };
  return enqueueAlert(db, {
    key: `${c.id}|summary|${origin}|${now.toISOString()}|${sorted.map((e) => e.item.id).join(',')}`,
    commitmentId: c.id,
    kind: 'summary',
    channel: channelFor(c, config),
    now: now.toISOString(),
    payload,
  }).inserted;
}
