// The weekly digest through the real CLI, over a replayed history: the seed commitments over
// March–June 2024 give a digest for the week of 6 May 2024 with customs-partnership overdue.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.ts';
import { tempConfig, type TempConfig } from '../support/temp-config.ts';

const history = join(repoRoot, 'test/fixtures/eval/dev-items.jsonl');
let cfg: TempConfig;

beforeAll(async () => {
  cfg = tempConfig({ feeds: [] });
  const r = await runCli(
    ['replay', '--from', '2024-03-01', '--to', '2024-06-30', '--items', history, '--database', cfg.database],
    { env: cfg.env },
  );
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/customs-partnership .* overdue 2024-05-08/);
});
afterAll(() => cfg.cleanup());

/** The lines of one `## Heading (n)` section of the Markdown digest. */
function section(markdown: string, heading: string): string {
  const m = new RegExp(`^## ${heading} \\(\\d+\\)\\n([\\s\\S]*?)(?=^## |^---)`, 'm').exec(markdown);
  return m?.[1] ?? '';
}

describe('digest over a replayed history', () => {
  it('the week of 6 May 2024 lists customs-partnership as overdue', async () => {
    const r = await runCli(
      ['digest', '--week', '2024-W19', '--dry-run', '--format', 'markdown', '--now', '2024-05-13T09:00:00Z'],
      { env: cfg.env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('# Weekly digest: 2024-W19');
    expect(r.stdout).toContain('6 May 2024 to 12 May 2024 (Europe/London)');
    const overdue = section(r.stdout, 'Overdue');
    expect(overdue).toContain('UK and France lead a new customs partnership with the Calais Group');
    expect(overdue).toContain('13 days overdue');
    // the commitments without a due date are never overdue
    expect(overdue).not.toContain('Frontex');
    expect(section(r.stdout, 'Quiet')).toContain('Frontex');
  });

  it('a past week built years later: the same figures as on the day, no "today" leaking in', async () => {
    const args = ['digest', '--week', '2024-W19', '--dry-run', '--format', 'markdown'];
    const then = await runCli([...args, '--now', '2024-05-13T09:00:00Z'], { env: cfg.env });
    const later = await runCli([...args, '--now', '2026-11-30T09:00:00Z'], { env: cfg.env });
    expect(later.code, later.stderr).toBe(0);
    const strip = (md: string) => md.replace(/^.*(built|generated).*$/gim, '');
    expect(section(later.stdout, 'Overdue')).toContain('13 days overdue');
    expect(section(later.stdout, 'Overdue')).toEqual(section(then.stdout, 'Overdue'));
    expect(section(later.stdout, 'Quiet')).toEqual(section(then.stdout, 'Quiet'));
    expect(strip(later.stdout)).not.toMatch(/\b9\d\d days/);
  });

  it('the week before, it was not yet overdue', async () => {
    const r = await runCli(
      ['digest', '--week', '2024-W18', '--dry-run', '--format', 'markdown', '--now', '2024-05-06T09:00:00Z'],
      { env: cfg.env },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(section(r.stdout, 'Overdue')).toBe('');
    expect(r.stdout).not.toMatch(/^## Overdue/m);
  });

  it('--format html --output writes one self-contained page; a dry run records and posts nothing', async () => {
    const out = join(cfg.dir, 'w19.html');
    const r = await runCli(
      ['digest', '--week', '2024-W19', '--format', 'html', '--output', out, '--now', '2024-05-13T09:00:00Z'],
      { env: cfg.env },
    );
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Overdue');
    expect(html).not.toMatch(/<link[^>]+stylesheet|<script[^>]+src=/i);
    // nothing archived: rendering is not sending
    expect(existsSync(join(cfg.dir, 'data', 'digests', '2024-W19.md'))).toBe(false);
  });

  it('sent without a Slack token it goes to the console once, and is archived', async () => {
    const first = await runCli(['digest', '--week', '2024-W19', '--now', '2024-05-13T09:00:00Z'], {
      env: cfg.env,
    });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('# Weekly digest: 2024-W19');
    expect(readFileSync(join(cfg.dir, 'data', 'digests', '2024-W19.md'), 'utf8')).toContain('## Overdue (1)');
    const second = await runCli(['digest', '--week', '2024-W19', '--now', '2024-05-13T10:00:00Z'], {
      env: cfg.env,
    });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toContain('# Weekly digest: 2024-W19');
    expect(second.stdout).toMatch(/already sent/);
  });
});
