// A temporary config folder: followthrough.yaml pointing at local fake servers, a commitments
// file (the shipped one by default), and the database path, all removed after the test.

import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { repoRoot } from './run-cli.ts';

export interface TempConfig {
  dir: string;
  configFile: string;
  commitmentsFile: string;
  database: string;
  env: Record<string, string>;
  cleanup(): void;
}

export interface TempConfigOptions {
  feeds: Array<{
    id: string;
    url: string;
    type?: 'atom' | 'search' | 'parliament-statements';
    recover?: string;
    publisher?: string;
    content?: string;
    window_days?: number;
  }>;
  channel?: string;
  /** Text of the commitments file; the shipped config/commitments.yaml when absent. */
  commitments?: string;
  extra?: Record<string, unknown>;
}

export function tempConfig(options: TempConfigOptions): TempConfig {
  const dir = mkdtempSync(join(tmpdir(), 'ft-e2e-'));
  const configFile = join(dir, 'followthrough.yaml');
  const commitmentsFile = join(dir, 'commitments.yaml');
  const database = join(dir, 'data', 'followthrough.db');
  writeFileSync(
    configFile,
    stringify({
      timezone: 'Europe/London',
      database: 'data/followthrough.db',
      commitments: 'commitments.yaml',
      feeds: options.feeds,
      slack: { channel: options.channel ?? '#followthrough' },
      ...options.extra,
    }),
  );
  if (options.commitments !== undefined) writeFileSync(commitmentsFile, options.commitments);
  else copyFileSync(join(repoRoot, 'config', 'commitments.yaml'), commitmentsFile);
  return {
    dir,
    configFile,
    commitmentsFile,
    database,
    env: { FOLLOWTHROUGH_CONFIG: configFile },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
