// The files that deploy followthrough agree with each other: compose mounts the config and data
// folders where the image reads them, .env.example names every variable the code reads, and the
// LICENSE is the licence package.json declares.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../../support/run-cli.ts';

const read = (f: string) => readFileSync(join(repoRoot, f), 'utf8');

describe('deployment files', () => {
  it('compose.yaml mounts config/ and data/ at the paths the image uses', () => {
    const compose = parse(read('compose.yaml')) as {
      services: Record<string, { volumes: string[]; environment: Record<string, string> }>;
    };
    const svc = compose.services.followthrough!;
    expect(svc.volumes).toEqual(['./config:/app/config', './data:/app/data']);
    const dockerfile = read('Dockerfile');
    for (const [k, v] of Object.entries(svc.environment)) expect(dockerfile).toContain(`${k}=${v}`);
  });

  it('.env.example names every environment variable src/config/env.ts reads', () => {
    const names = [...read('src/config/env.ts').matchAll(/pick\('([A-Z_]+)'\)/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(4);
    const example = read('.env.example');
    for (const n of names) expect(example).toContain(n);
  });

  it('LICENSE is the licence package.json declares', () => {
    const pkg = JSON.parse(read('package.json')) as { license: string };
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n/);
  });
});
