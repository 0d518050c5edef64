// Command-line conventions of the real executable: help for one command, "did you mean" for a
// typo, `poll` without --once refused with the fix, and the log format.

import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { tempConfig } from '../support/temp-config.ts';

describe('the followthrough command line', () => {
  it("`help <command>` prints that command's usage and exits 0", async () => {
    const r = await runCli(['help', 'poll']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: followthrough poll --once/);
    const sub = await runCli(['help', 'commitments', 'remove']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/^usage: followthrough commitments remove <id>/);
  });

  it('suggests the command a typo meant, with exit code 2', async () => {
    const r = await runCli(['pol', '--once']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "pol": did you mean poll\?/);
    const sub = await runCli(['commitments', 'lsit']);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toMatch(/did you mean list\?/);
    const far = await runCli(['frobnicate']);
    expect(far.stderr).toMatch(/unknown command "frobnicate"\n/);
  });

  it('refuses `poll` without --once and says what to run instead', async () => {
    const r = await runCli(['poll']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('followthrough poll --once');
    expect(r.stderr).toContain('followthrough run');
  });

  it('logs JSON lines when stderr is not a terminal, readable lines with --log-format pretty', async () => {
    // Each run on a fresh database, so each has the first run's log lines.
    const cfg = tempConfig({ feeds: [] });
    const cfg2 = tempConfig({ feeds: [] });
    try {
      const json = await runCli(['poll', '--once'], { env: cfg.env });
      expect(json.code, json.stderr).toBe(0);
      expect(json.logs.length).toBeGreaterThan(0);
      expect(json.logs.every((l) => typeof l.level === 'string' && typeof l.event === 'string')).toBe(true);
      const pretty = await runCli(['poll', '--once', '--log-format', 'pretty'], { env: cfg2.env });
      expect(pretty.code, pretty.stderr).toBe(0);
      expect(pretty.logs).toHaveLength(0);
      expect(pretty.stderr).toMatch(/INFO.*\S+\.\S+/);
      const bad = await runCli(['status', '--log-format', 'xml'], { env: cfg.env });
      expect(bad.code).toBe(2);
    } finally {
      cfg.cleanup();
      cfg2.cleanup();
    }
  });
});
