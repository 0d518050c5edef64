// `npm run bench`: speed figures beside simple baselines measured in the same run.
// Speed is measured here, never asserted in timed tests. Name sections to run only those:
// `node --import tsx test/bench/run.ts matching`.

import { benchCommitments } from './bench-commitments.ts';
import { benchFeeds } from './bench-feeds.ts';
import { benchHistory } from './bench-history.ts';
import { benchLatency } from './bench-latency.ts';
import { benchMatching } from './bench-matching.ts';
import { benchCycle } from './bench-cycle.ts';
import { benchMemory } from './bench-memory.ts';
import { benchPeakMemory } from './bench-peak-memory.ts';
import { benchSources } from './bench-sources.ts';
import { benchStartup } from './bench-startup.ts';
import { header } from './measure.ts';

const sections: Array<[string, () => Promise<string[]>]> = [
  ['feeds', benchFeeds],
  ['sources', benchSources],
  ['cycle', benchCycle],
  ['matching', benchMatching],
  ['latency', benchLatency],
  ['history', benchHistory],
  ['commitments', benchCommitments],
  ['memory', benchMemory],
  ['peak-memory', benchPeakMemory],
  ['startup', benchStartup],
];

console.log(`followthrough benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
console.log(header());
const only = process.argv.slice(2);
for (const [name, run] of sections.filter(([name]) => only.length === 0 || only.includes(name))) {
  try {
    for (const line of await run()) console.log(line);
  } catch (err) {
    console.log(`${name}: FAILED — ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  }
}
