// `commitments tune` through the real CLI, on a store where people gave verdicts (also through the
// CLI): it lists the near misses and proposes a rule line that catches the items marked evidence and
// not the one marked not related, with what that line would newly catch in the stored history.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src/feeds/feed-item.ts';
import type { TuneReport } from '../../src/jobs/tune-commitment.ts';
import { upsertItems } from '../../src/store/items-table.ts';
import { openStore } from '../../src/store/open-store.ts';
import { runCli } from '../support/run-cli.ts';
import { tempConfig, type TempConfig } from '../support/temp-config.ts';
import { pressRelease } from '../support/review-fixtures.ts';

const item = (slug: string, title: string, summary: string, day: string): FeedItem =>
  pressRelease(slug, title, day, summary);

const seized = item(
  'motors-seized',
  'Outboard motors bound for small boats seized in Bulgaria',
  'Police seized outboard motors destined for crossings.',
  '2024-06-04',
);
const intercepted = item(
  'motors-intercepted',
  'Police intercept outboard motors on their way to the coast',
  'The outboard motors would have powered small boats.',
  '2024-07-09',
);
const recalled = item(
  'motors-recalled',
  'Outboard motors recalled over a safety fault',
  'A recall of outboard motors sold for leisure boats.',
  '2024-07-15',
);
const lorry = item(
  'motors-lorry',
  'Outboard motors for small boats found in a lorry at Dover',
  'Officers found outboard motors hidden in a lorry.',
  '2024-09-02',
);
// Filler, so the history says which words are common.
const others = Array.from({ length: 30 }, (_, k) =>
  item(
    `other-${k}`,
    `Police statement ${k} on crossings`,
    `Officers and police seized goods ${k}.`,
    '2024-05-01',
  ),
);

let cfg: TempConfig;
beforeEach(() => {
  cfg = tempConfig({ feeds: [{ id: 'home-office', url: 'http://127.0.0.1:9/feed.atom' }] });
  const db = openStore(cfg.database);
  upsertItems(
    db,
    'home-office',
    [seized, intercepted, recalled, lorry, ...others],
    '2024-09-03T10:00:00Z',
    'live',
  );
  db.close();
});
afterEach(() => cfg.cleanup());

const review = async (url: string, verdict: string) => {
  const r = await runCli(
    ['commitments', 'review', 'customs-partnership', '--item', url, '--verdict', verdict, '--by', 'ana'],
    { env: cfg.env },
  );
  expect(r.code, r.stderr).toBe(0);
};

describe('commitments tune', () => {
  it('proposes a line from the verdicts, checked over the stored history', async () => {
    const before = await runCli(['commitments', 'tune', 'customs-partnership'], { env: cfg.env });
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain('none yet: mark review items as evidence');

    await review(seized.url, 'evidence');
    await review(intercepted.url, 'evidence');
    await review(recalled.url, 'not-related');

    const text = await runCli(['commitments', 'tune', 'customs-partnership'], { env: cfg.env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('judged by people: 2 evidence, 1 not related');
    expect(text.stdout).toMatch(
      /Sharing words with confirmed evidence:\n {2}2024-09-02 {2}Outboard motors for small boats found in a lorry/,
    );
    expect(text.stdout).toContain('catches 2 marked evidence and none marked not related');
    expect(text.stdout).toContain('+ 2024-09-02  Outboard motors for small boats found in a lorry at Dover');
    expect(text.stdout).toMatch(
      /add it: npx followthrough commitments edit customs-partnership --match 'customs partnership'/,
    );

    const json = await runCli(['commitments', 'tune', 'customs-partnership', '--json'], { env: cfg.env });
    const report = JSON.parse(json.stdout) as TuneReport;
    const [first] = report.proposals;
    expect(first!.line).toMatch(/outboard/);
    expect(first!.catchesEvidence.map((e) => e.url).sort()).toEqual([intercepted.url, seized.url].sort());
    expect(first!.newlyCatches.map((n) => n.url)).toEqual([lorry.url]);
    expect(first!.newlyTotal).toBe(1);
    expect(first!.catchesALot).toBe(false);
    // Its line, run by the real matcher as `commitments test` runs it, catches the recalled motors? No.
    const tried = await runCli(
      ['commitments', 'test', 'customs-partnership', '--match', first!.line, '--json'],
      { env: cfg.env },
    );
    const hits = JSON.parse(tried.stdout) as Array<{ path: string }>;
    expect(hits.map((h) => h.path).sort()).toEqual([intercepted.path, lorry.path, seized.path].sort());
  });
});
