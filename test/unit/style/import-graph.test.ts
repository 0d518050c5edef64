// The layers, as the imports show them: cli → jobs (and eval) → adapters (feeds, store, slack) and
// pure core (match, commitments, digest, calendar). Pure core never imports an adapter or a job;
// adapters never import jobs or the CLI; nothing imports the CLI. A failure names each import.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../../src', import.meta.url));

/** The folder (layer) of a file under src/, or the file itself for top-level modules. */
function layerOf(file: string): string {
  const rel = relative(src, file);
  return rel.includes('/') ? rel.split('/')[0]! : rel.replace(/\.ts$/, '');
}

// What each layer may import besides itself. Top-level modules (errors, log, calendar,
// write-file-atomic) are shared by everyone.
const shared = ['errors', 'log', 'calendar', 'write-file-atomic'];
const allowed: Record<string, string[]> = {
  calendar: [],
  errors: [],
  log: [],
  'write-file-atomic': ['errors'],
  commitments: [...shared],
  match: [...shared, 'commitments'],
  digest: [...shared, 'commitments', 'match', 'slack'],
  extract: [...shared, 'commitments', 'match', 'config'],
  slack: [...shared, 'commitments', 'match'],
  config: [...shared, 'commitments', 'match'],
  feeds: [...shared, 'config'],
  store: [...shared, 'commitments', 'match', 'slack', 'feeds', 'config'],
  jobs: [...shared, 'commitments', 'match', 'slack', 'feeds', 'config', 'store', 'digest', 'extract'],
  eval: [...shared, 'commitments', 'match', 'feeds', 'config', 'store', 'jobs', 'extract'],
  cli: [
    ...shared,
    'commitments',
    'match',
    'slack',
    'feeds',
    'config',
    'store',
    'digest',
    'extract',
    'jobs',
    'eval',
  ],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g),
  ].map((m) => resolve(dirname(file), (m[1] ?? m[2])!));
}

describe('import graph', () => {
  it('every import goes down the layers', () => {
    const wrong: string[] = [];
    for (const file of files(src)) {
      const from = layerOf(file);
      for (const target of imports(file)) {
        const to = layerOf(target);
        if (to !== from && !(allowed[from] ?? []).includes(to)) {
          wrong.push(`${relative(src, file)} → ${relative(src, target)} (${from} may not import ${to})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('knows every layer', () => {
    expect(
      files(src)
        .map(layerOf)
        .filter((l) => !(l in allowed)),
    ).toEqual([]);
  });
});
