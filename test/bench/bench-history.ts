// Costs that must not grow with history: `status`, the per-cycle status check and the
// commitments reload, on one store grown from 5,000 to 50,000 to 500,000 items (one in ten of
// them evidence for one of 50 commitments), each beside the reads as they were before
// (baseline-history.ts) measured in the same run. CPU time per call, best of 5 runs of 10 calls.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/jobs/clock.ts';
import { checkStatuses } from '../../src/jobs/check-statuses.ts';
import { collectStatus } from '../../src/jobs/collect-status.ts';
import { loadWatched } from '../../src/jobs/load-watched.ts';
import { syncCommitments } from '../../src/jobs/sync-commitments.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/open-store.ts';
import { testConfig } from '../support/test-config.ts';
import { baselineReload, baselineStatusCheck, baselineStatusReads } from './baseline-history.ts';
import { growItems, writeCommitments } from './history-store.ts';
import { best, fmt, type Measurement, row } from './measure.ts';

const sizes = [5_000, 50_000, 500_000];
const repeat = 10;

/** Best of 5 runs of `repeat` calls, per call: a millisecond is below the CPU clock's noise. */
async function perCall(fn: () => unknown): Promise<Measurement> {
  const m = await best(5, () => {
    for (let i = 0; i < repeat; i++) fn();
  });
  return { cpuMs: m.cpuMs / repeat, wallMs: m.wallMs / repeat };
}
const label = (n: number) => `${n / 1000}k`;

export async function benchHistory(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-bench-history-'));
  const out: string[] = [];
  try {
    const file = join(dir, 'commitments.yaml');
    writeCommitments(file, 50);
    const config = testConfig({ commitmentsFile: file, database: join(dir, 'history.db') });
    const db = openStore(config.database);
    const now = new Date('2024-06-03T09:00:00Z');
    const deps = { db, log: silentLogger, clock: fixedClock(now) };
    const { commitments } = loadWatched(config, deps);
    syncCommitments(config, commitments, deps);
    checkStatuses(config, commitments, deps);

    const steps: Array<{
      name: string;
      ours: () => unknown;
      base: () => unknown;
      runs: Measurement[][];
    }> = [
      {
        name: 'status',
        ours: () => collectStatus(config, db, now),
        base: () => baselineStatusReads(db),
        runs: [],
      },
      {
        name: 'status check, 50 commitments',
        ours: () => checkStatuses(config, commitments, deps),
        base: () => baselineStatusCheck(config, commitments, db, now),
        runs: [],
      },
      {
        name: 'commitments reload, file unchanged',
        ours: () => loadWatched(config, deps),
        base: () => baselineReload(config, db, now),
        runs: [],
      },
    ];
    let have = 0;
    for (const size of sizes) {
      growItems(db, have, size, commitments.length);
      have = size;
      for (const s of steps) s.runs.push([await perCall(s.ours), await perCall(s.base)]);
    }
    db.close();
    for (const s of steps) {
      s.runs.forEach(([ours, base], i) => {
        out.push(
          row(
            `${s.name}, ${label(sizes[i]!)} items (ms CPU)`,
            fmt(ours!.cpuMs, 2),
            fmt(base!.cpuMs, 2),
            `${fmt(base!.cpuMs / Math.max(ours!.cpuMs, 0.001))}× less`,
          ),
        );
      });
      const growth = (m: Measurement[][], k: number) => m[2]![k]!.cpuMs / Math.max(m[1]![k]!.cpuMs, 0.001);
      out.push(
        row(
          `  growth 50k → 500k items (goal ≤ 1.5×)`,
          `${fmt(growth(s.runs, 0), 2)}×`,
          `${fmt(growth(s.runs, 1), 2)}×`,
          '',
        ),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
