// Start-up: `followthrough health`, the container's HEALTHCHECK every 20 s, as whole processes timed
// side by side with a bare `node -e 0` (the floor) and with the same command from src/ under the
// TypeScript loader (how it ran before the compiled build). Wall time, median of 11 runs each, after
// `npm run build`. As the image runs it, FOLLOWTHROUGH_DB names the database and no config is read.

import { spawnSync } from 'node:child_process';
import { openStore } from '../../src/store/open-store.ts';
import { isolatedEnv, repoRoot } from '../support/run-cli.ts';
import { tempConfig } from '../support/temp-config.ts';
import { fmt, row } from './measure.ts';

function medianWallMs(args: string[], env: Record<string, string>, runs = 11): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: repoRoot, env: isolatedEnv(env), stdio: 'ignore' });
    const ms = performance.now() - t0;
    if (r.error) throw r.error;
    if (i > 0) times.push(ms); // the first run warms the page cache
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function benchStartup(): Promise<string[]> {
  const cfg = tempConfig({ feeds: [] });
  try {
    openStore(cfg.database).close(); // the schema, as the worker leaves it
    const imageEnv = { FOLLOWTHROUGH_DB: cfg.database };
    const floor = medianWallMs(['-e', '0'], {});
    const direct = medianWallMs(['dist/cli/followthrough.js', 'health'], imageEnv);
    const viaConfig = medianWallMs(['dist/cli/followthrough.js', 'health'], cfg.env);
    const loader = medianWallMs(['--import', 'tsx', 'src/cli/followthrough.ts', 'health'], imageEnv);
    const x = (ms: number) => `${fmt(ms / floor)}× node`;
    return [
      row('health, as the image runs it (wall ms, median)', fmt(direct, 0), fmt(loader, 0), x(direct)),
      row('  same, database named by the config file', fmt(viaConfig, 0), '', x(viaConfig)),
      row('  bare node -e 0 (the floor)', fmt(floor, 0), '', ''),
    ];
  } finally {
    cfg.cleanup();
  }
}
