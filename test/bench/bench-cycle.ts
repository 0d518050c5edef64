// What each step of a poll cycle costs as the stored history grows 10× and 100× (5,000 → 50,000 →
// 500,000 items, a match for one item in a hundred): poll a feed with 20 new items, read their
// bodies, match them against the shipped commitments, check statuses, deliver to the console, and
// an idle poll (304). The goal is a flat line: no step may scan the history.
// A cycle's steps read no history, so each is measured best of 5 on its own (CPU ms).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Commitment } from '../../src/commitments/commitment.ts';
import { loadCommitments } from '../../src/config/load-commitments.ts';
import type { FeedItem } from '../../src/feeds/feed-item.ts';
import { fetchFeed } from '../../src/feeds/fetch-feed.ts';
import { createPacer } from '../../src/feeds/pacer.ts';
import { checkStatuses } from '../../src/jobs/check-statuses.ts';
import { deliver } from '../../src/jobs/deliver.ts';
import { fetchBodies } from '../../src/jobs/fetch-bodies.ts';
import { matchPending } from '../../src/jobs/match-pending.ts';
import { pollFeeds } from '../../src/jobs/poll-feeds.ts';
import { syncCommitments } from '../../src/jobs/sync-commitments.ts';
import { silentLogger } from '../../src/log.ts';
import { markItemsMatched, upsertItems } from '../../src/store/items-table.ts';
import { openStore, type Db } from '../../src/store/open-store.ts';
import { startFakeGovuk, type FakeGovuk } from '../support/fake-govuk.ts';
import { feed, testConfig } from '../support/test-config.ts';
import { fmt, measure, row } from './measure.ts';

const sizes = (process.env.BENCH_CYCLE_SIZES ?? '5000,50000,500000').split(',').map(Number);
const commitmentsFile = fileURLToPath(new URL('../../config/commitments.yaml', import.meta.url));
const path = '/government/organisations/history-bench.atom';
const steps = [
  'poll, 20 new items',
  'read their 20 bodies',
  'match them',
  'status check',
  'deliver',
  'idle poll (304)',
];

const words =
  'border asylum visas policing housing courts prisons trade energy schools nurses ports rivers farms'.split(
    ' ',
  );
function text(i: number, n: number): string {
  return Array.from({ length: n }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ');
}

/** History as a backfill leaves it: matched, one in a hundred about the seed commitments. */
function fill(db: Db, size: number): void {
  for (let from = 0; from < size; from += 10_000) {
    const batch: FeedItem[] = Array.from({ length: Math.min(10_000, size - from) }, (_, k) => {
      const i = from + k;
      return {
        path: `/government/news/history-${i}`,
        url: `https://www.gov.uk/government/news/history-${i}`,
        title: i % 100 === 0 ? `Customs partnership work, part ${i}` : `Update ${i}: ${text(i, 6)}`,
        displayType: 'Press release',
        summary: text(i, 25),
        updatedAt: new Date(Date.parse('2024-03-10T00:00:00Z') + i * 60_000).toISOString(),
      };
    });
    db.transaction(() => {
      const r = upsertItems(db, 'home-office', batch, '2024-03-10T00:00:00.000Z', 'backfill');
      markItemsMatched(db, r.inserted);
    })();
  }
}

interface Run {
  size: number;
  cpu: number[];
}

async function runAt(govuk: FakeGovuk, size: number, commitments: Commitment[]): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-bench-'));
  const db = openStore(join(dir, 'bench.db'));
  try {
    fill(db, size);
    const config = testConfig({ commitmentsFile, feeds: [feed('home-office', govuk.url + path)] });
    let clock = Date.parse('2025-01-01T09:00:00Z');
    const deps = () => ({
      db,
      log: silentLogger,
      fetchFeed,
      clock: () => new Date(clock),
      pacer: createPacer(50),
      slack: null,
      sleep: async () => {},
      console: () => {},
    });
    syncCommitments(config, commitments, deps());
    let round = 0;
    const fresh = () => {
      round += 1;
      const entries = Array.from({ length: 20 }, (_, i) => ({
        path: `/government/news/new-${round}-${i}`,
        title: i === 0 ? `Customs partnership meeting ${round}` : `New item ${round}.${i}: ${text(i, 6)}`,
        summary: text(round + i, 20),
        updated: new Date(clock + i * 1000).toISOString(),
      }));
      for (const e of entries)
        govuk.setContent(e.path, { title: e.title, body: `<p>${text(round * 31, 200)}</p>` });
      govuk.setAtomEntries(path, entries, 'organisation');
    };
    fresh();
    await pollFeeds(config, deps()); // the feed's baseline
    await fetchBodies(config, deps());
    matchPending(config, commitments, deps());
    const cpu = steps.map(() => Infinity);
    for (let r = 0; r < 5; r++) {
      fresh();
      clock += 16 * 60_000;
      const times = [
        await measure(() => pollFeeds(config, deps())),
        await measure(() => fetchBodies(config, deps())),
        await measure(() => matchPending(config, commitments, deps())),
        await measure(() => checkStatuses(config, commitments, deps())),
        await measure(() => deliver(config, commitments, deps())),
      ];
      clock += 16 * 60_000;
      times.push(await measure(() => pollFeeds(config, deps())));
      times.forEach((t, i) => {
        cpu[i] = Math.min(cpu[i]!, t.cpuMs);
      });
    }
    return { size, cpu };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchCycle(): Promise<string[]> {
  const govuk = await startFakeGovuk();
  const commitments = loadCommitments(commitmentsFile, { staleDays: 90 });
  try {
    const runs: Run[] = [];
    for (const size of sizes) runs.push(await runAt(govuk, size, commitments));
    const out = [row('history 5k | 50k | 500k items: CPU ms per step', '', '', 'worst 10×')];
    const line = (label: string, [a, b, c]: number[]) =>
      row(`  ${label}`, `${fmt(a!)} | ${fmt(b!)} | ${fmt(c!)}`, '', `${fmt(Math.max(b! / a!, c! / b!), 2)}×`);
    steps.forEach((step, i) => {
      out.push(
        line(
          step,
          runs.map((r) => r.cpu[i]!),
        ),
      );
    });
    out.push(
      line(
        'the whole cycle',
        runs.map((r) => r.cpu.reduce((x, y) => x + y, 0)),
      ),
    );
    return out;
  } finally {
    await govuk.close();
  }
}
