// The per-cycle and status reads as they were before they were made independent of history,
// kept here as the baselines the history benchmarks measure beside the current code.

import type { Commitment } from '../../src/commitments/commitment.ts';
import { planLifecycle } from '../../src/commitments/lifecycle.ts';
import type { Config } from '../../src/config/config.ts';
import { loadCommitments } from '../../src/config/load-commitments.ts';
import { ruleHash } from '../../src/jobs/sync-commitments.ts';
import {
  ensureCommitmentState,
  getCommitmentState,
  listCommitmentStates,
} from '../../src/store/commitment-state-table.ts';
import { countItems } from '../../src/store/items-table.ts';
import { countEvidence, countsAsEvidence } from '../../src/store/matches-table.ts';
import type { Db } from '../../src/store/open-store.ts';
import { saveSnapshot } from '../../src/store/snapshots-table.ts';

/** Newest evidence by sorting the commitment's whole evidence list on the items' timestamps. */
export function sortedLastEvidence(db: Db, id: string) {
  return db
    .prepare<[string], { title: string; url: string; updated_at: string }>(
      `SELECT i.title, i.url, i.updated_at FROM matches m JOIN items i ON i.id = m.item_id
       WHERE m.commitment_id = ? AND ${countsAsEvidence} ORDER BY i.updated_at DESC, m.id DESC LIMIT 1`,
    )
    .get(id);
}

/** status: whole-table counts, then each commitment's evidence count and sorted last evidence. */
export function baselineStatusReads(db: Db): number {
  let n = countItems(db).total;
  for (const s of listCommitmentStates(db)) {
    n += countEvidence(db, s.commitmentId);
    n += sortedLastEvidence(db, s.commitmentId) ? 1 : 0;
  }
  return n;
}

/** The status check: a write transaction per commitment, each sorting its evidence. */
export function baselineStatusCheck(config: Config, commitments: Commitment[], db: Db, now: Date): void {
  const options = { timeZone: config.timezone, dueSoonDays: config.dueSoonDays, reminderDays: 7 };
  for (const c of commitments) {
    db.transaction(() => {
      ensureCommitmentState(db, c.id, now.toISOString(), ruleHash(c));
      const state = getCommitmentState(db, c.id)!;
      const last = sortedLastEvidence(db, c.id);
      planLifecycle(
        c,
        {
          status: state.status,
          statusSince: state.statusSince,
          snoozedUntil: state.snoozedUntil,
          lastRemindedAt: state.lastRemindedAt,
          ...(last ? { lastEvidence: { at: last.updated_at, title: last.title, url: last.url } } : {}),
        },
        now,
        options,
      );
    })();
  }
}

/** The reload: parse and validate the whole file, and rewrite its snapshot, every cycle. */
export function baselineReload(config: Config, db: Db, now: Date): Commitment[] {
  const commitments = loadCommitments(config.commitmentsFile, { staleDays: config.staleDays });
  saveSnapshot(db, 'commitments', commitments, now.toISOString());
  return commitments;
}
