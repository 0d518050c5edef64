// The real CLI against the fake GOV.UK and a temp database: items stored once, a 304 stores
// nothing, a new `#timestamp` id with a later <updated> is a major update; status and exit codes.

import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGovuk, govukPaths, type FakeGovuk } from '../support/fake-govuk.ts';
import { runCli } from '../support/run-cli.ts';
import { tempConfig, type TempConfig } from '../support/temp-config.ts';

let govuk: FakeGovuk;
let cfg: TempConfig;

beforeEach(async () => {
  govuk = await startFakeGovuk();
  cfg = tempConfig({
    feeds: [
      { id: 'home-office', url: govuk.url + govukPaths.organisationFeed },
      { id: 'home-office-news', url: `${govuk.url + govukPaths.finderFeed}?organisations%5B%5D=home-office` },
    ],
  });
});
afterEach(async () => {
  cfg.cleanup();
  await govuk.close();
});

function query<T>(sql: string): T[] {
  const db = new Database(cfg.database, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const poll = (now: string) => runCli(['poll', '--once', '--now', now], { env: cfg.env });

describe('followthrough poll --once (end to end)', () => {
  it('stores new items once; after a 304 nothing; an updated entry is a major update', async () => {
    const first = await poll('2025-09-02T10:00:00Z');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('feed home-office: 20 new, 0 updated');
    const stored = query<{ n: number }>('SELECT COUNT(*) AS n FROM items')[0]!.n;
    expect(stored).toBeGreaterThanOrEqual(20);
    // the same path from both feeds is one item
    expect(query('SELECT path FROM items GROUP BY path HAVING COUNT(*) > 1')).toEqual([]);
    expect(
      query<{ n: number }>(
        "SELECT COUNT(DISTINCT item_id) AS n FROM item_sources WHERE feed_id = 'home-office-news'",
      )[0]!.n,
    ).toBeGreaterThan(0);

    const second = await poll('2025-09-02T10:20:00Z');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('feed home-office: unchanged (304)');
    expect(govuk.requestsTo(govukPaths.organisationFeed).at(-1)!.status).toBe(304);
    expect(query<{ n: number }>('SELECT COUNT(*) AS n FROM items')[0]!.n).toBe(stored);

    govuk.addAtomEntries(govukPaths.organisationFeed, [
      {
        path: '/government/news/borders-and-asylum',
        title: 'Borders and Asylum',
        updated: '2025-09-02T11:00:00Z',
      },
    ]);
    const third = await poll('2025-09-02T11:30:00Z');
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain('feed home-office: 0 new, 1 updated');
    expect(query<{ n: number }>('SELECT COUNT(*) AS n FROM items')[0]!.n).toBe(stored);
    const updates = query<{ path: string; previous_updated_at: string; updated_at: string }>(
      'SELECT i.path, u.previous_updated_at, u.updated_at FROM item_updates u JOIN items i ON i.id = u.item_id',
    );
    expect(updates).toEqual([
      {
        path: '/government/news/borders-and-asylum',
        previous_updated_at: '2025-09-01T08:30:00.000Z',
        updated_at: '2025-09-02T11:00:00.000Z',
      },
    ]);
  });

  it('a failing feed: exit code 3, the others stored, and status names the failure', async () => {
    govuk.fail(govukPaths.organisationFeed, { kind: '503', retryAfter: '600' });
    const r = await poll('2025-09-02T10:00:00Z');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/feed home-office: FAILED: .*503/);
    expect(r.logs.some((l) => l.event === 'feed.failed' && l.feed === 'home-office')).toBe(true);
    const status = await runCli(['status', '--json', '--now', '2025-09-02T10:01:00Z'], { env: cfg.env });
    const s = JSON.parse(status.stdout) as {
      feeds: Array<{
        id: string;
        failures: number;
        lastError: string;
        nextAttemptAt: string;
        problem: string;
      }>;
      items: { total: number };
    };
    const ho = s.feeds.find((f) => f.id === 'home-office')!;
    expect(ho).toMatchObject({ failures: 1, nextAttemptAt: '2025-09-02T10:10:00.000Z' });
    expect(ho.problem).toContain('503');
    expect(s.items.total).toBeGreaterThan(0);
    expect(status.code).toBe(3);
    const text = await runCli(['status'], { env: cfg.env });
    expect(text.stdout).toMatch(/home-office {2}! 1 failure in a row: GET .* answered 503/);
  });

  it('refuses to poll while another worker holds the database', async () => {
    await poll('2025-09-02T10:00:00Z');
    const db = new Database(cfg.database);
    db.prepare(
      "INSERT INTO worker_lock (id, owner, pid, host, acquired_at, heartbeat_at) VALUES (1, 'run', 1, 'elsewhere', ?, ?)",
    ).run(new Date().toISOString(), new Date().toISOString());
    db.close();
    const r = await poll('2025-09-02T11:00:00Z');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('another followthrough (run, pid 1 on elsewhere');
  });

  it('a broken config: exit 2 and every problem with file, line, field and fix', async () => {
    writeFileSync(
      cfg.configFile,
      'timezone: Mars/Olympus\nfeeds:\n  - id: x\n    url: gopher://example\nslack: {}\nschedul: {}\n',
    );
    const r = await runCli(['check-config'], { env: cfg.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('4 problems in the configuration');
    expect(r.stderr).toMatch(/followthrough\.yaml:1: timezone: unknown time zone "Mars\/Olympus"/);
    expect(r.stderr).toMatch(
      /followthrough\.yaml:4: feeds\[0\]\.url: url "gopher:\/\/example" is not an http\(s\) address/,
    );
    expect(r.stderr).toMatch(/followthrough\.yaml:5: slack\.channel: channel is required/);
    expect(r.stderr).toMatch(
      /followthrough\.yaml:6: schedul: unknown key "schedul"\n {2}fix: did you mean "schedule"/,
    );
  });

  it('check-config prints the effective config with the token redacted', async () => {
    const r = await runCli(['check-config'], {
      env: { ...cfg.env, SLACK_BOT_TOKEN: 'xoxb-1234-secret-value' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('configuration is valid');
    expect(r.stdout).toContain('xoxb-…[redacted, 22 characters]');
    expect(r.stdout + r.stderr).not.toContain('secret-value');
  });

  it('items search finds stored items', async () => {
    await poll('2025-09-02T10:00:00Z');
    const r = await runCli(['items', 'search', 'maritime', 'equipment'], { env: cfg.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('NCA and BPOL target Channel small boat suppliers');
  });
});
