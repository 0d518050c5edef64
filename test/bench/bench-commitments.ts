// A cycle with 5,000 commitments and nothing new (goal: under 100 ms of CPU), and the two steps
// that walk every commitment — the reload of the commitments file and the status check — at 50
// and 5,000 commitments, each beside the way they ran before (baseline-history.ts), same run.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStatuses } from '../../src/jobs/check-statuses.ts';
import { fixedClock } from '../../src/jobs/clock.ts';
import { deliver } from '../../src/jobs/deliver.ts';
import { loadWatched } from '../../src/jobs/load-watched.ts';
import { matchPending } from '../../src/jobs/match-pending.ts';
import { runCycle } from '../../src/jobs/run-cycle.ts';
import { syncCommitments } from '../../src/jobs/sync-commitments.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/open-store.ts';
import { testConfig } from '../support/test-config.ts';
import { baselineReload, baselineStatusCheck } from './baseline-history.ts';
import { growItems, writeCommitments } from './history-store.ts';
import { best, fmt, row } from './measure.ts';

export async function benchCommitments(): Promise<string[]> {
  const out: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ft-bench-commitments-'));
  try {
    for (const n of [50, 5000]) {
      const file = join(dir, `commitments-${n}.yaml`);
      writeCommitments(file, n);
      const config = testConfig({ commitmentsFile: file, database: join(dir, `c-${n}.db`) });
      const db = openStore(config.database);
      const now = new Date('2024-06-03T09:00:00Z');
      const deps = { db, log: silentLogger, clock: fixedClock(now) };
      const cycleDeps = {
        ...deps,
        fetchFeed: async () => Promise.reject(new Error('no feeds')),
        slack: null,
      };
      growItems(db, 0, 5000, n);
      // the first cycle syncs, catches up and settles every status; the measured ones find nothing new
      await runCycle(config, { ...cycleDeps, sleep: async () => {}, console: () => {} });
      const { commitments } = loadWatched(config, deps);
      const reload = [
        await best(5, () => loadWatched(config, deps)),
        await best(5, () => baselineReload(config, db, now)),
      ];
      const check = [
        await best(5, () => checkStatuses(config, commitments, deps)),
        await best(5, () => baselineStatusCheck(config, commitments, db, now)),
      ];
      out.push(
        row(
          `commitments reload, ${n} commitments (ms CPU)`,
          fmt(reload[0]!.cpuMs, 2),
          fmt(reload[1]!.cpuMs, 1),
          ratio(reload),
        ),
        row(
          `status check, ${n} commitments (ms CPU)`,
          fmt(check[0]!.cpuMs, 2),
          fmt(check[1]!.cpuMs, 1),
          ratio(check),
        ),
      );
      if (n === 5000) {
        const cycle = await best(5, () =>
          runCycle(config, { ...cycleDeps, sleep: async () => {}, console: () => {} }),
        );
        // The cycle as it ran before: parse and snapshot, sync every commitment, the old status check.
        const before = await best(3, async () => {
          const cs = baselineReload(config, db, now);
          syncCommitments(config, cs, deps);
          matchPending(config, cs, deps);
          baselineStatusCheck(config, cs, db, now);
          await deliver(config, cs, { ...deps, slack: null, sleep: async () => {}, console: () => {} });
        });
        out.push(
          row(
            'cycle, 5,000 commitments, nothing new (ms CPU)',
            fmt(cycle.cpuMs, 1),
            fmt(before.cpuMs, 1),
            `${ratio([cycle, before])}; goal < 100`,
          ),
        );
      }
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

function ratio([ours, base]: Array<{ cpuMs: number }>): string {
  return `${fmt(base!.cpuMs / Math.max(ours!.cpuMs, 0.001))}× less`;
}
