// Matching benchmark: a batch of 1,000 new items against 500 commitments, as one poll after a
// busy day could bring — beside a naive matcher measured in the same run that tests each rule
// as case-insensitive regular expressions against every item (no stemming, no reasons), and
// beside the same FTS rules run against the whole stored history instead of a temp table.

import { compileCommitment, type CommitmentRules } from '../../src/match/compile-commitment.ts';
import type { MatchableItem } from '../../src/match/match-types.ts';
import { parseRule, type RuleNode } from '../../src/match/rule-language.ts';
import { matchBatch } from '../../src/store/match-batch.ts';
import { candidateIds, explainHits, ftsQueries } from '../../src/store/match-fts.ts';
import { openStore } from '../../src/store/open-store.ts';
import { best, fmt, row } from './measure.ts';

// A fixed pseudo-random sequence: the same workload every run.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const vocabulary = (
  'customs partnership small boat boats engines supply chain people smugglers smuggling gangs France Germany Belgium ' +
  'Netherlands Frontex agreement intelligence sharing border force asylum returns deterrent legislation social media ' +
  'online adverts companies policing housing schools hospitals energy grid defence trade tariffs visas students ' +
  'apprenticeships nurses prisons courts water rivers farmers fishing ports airports railways buses roads broadband'
).split(' ');

function words(r: () => number, n: number): string {
  return Array.from({ length: n }, () => vocabulary[Math.floor(r() * vocabulary.length)]!).join(' ');
}

// Most words of an item are not in any rule: 3,000 stand-in words, with a rule word one time in ten.
const filler = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);
function prose(r: () => number, n: number): string {
  return Array.from({ length: n }, () =>
    r() < 0.1 ? vocabulary[Math.floor(r() * vocabulary.length)]! : filler[Math.floor(r() * filler.length)]!,
  ).join(' ');
}

function commitments(n: number): CommitmentRules[] {
  const r = rng(7);
  return Array.from({ length: n }, (_, i) => ({
    id: `c-${i}`,
    source: { published: '2024-01-01' },
    match: {
      any: [`${words(r, 2)}`, `${words(r, 1)} AND (${words(r, 1)} OR ${words(r, 2)})`],
      exclude: i % 5 === 0 ? [words(r, 1)] : [],
    },
    fulfilment: i % 3 === 0 ? [`${words(r, 1)} AND agreed`] : [],
  }));
}

function items(n: number, offset: number): MatchableItem[] {
  const r = rng(11 + offset);
  return Array.from({ length: n }, (_, i) => ({
    id: offset + i + 1,
    title: prose(r, 10),
    summary: `${prose(r, 30)}.`,
    updatedAt: '2024-06-01T09:00:00.000Z',
  }));
}

/** The naive matcher: each phrase a regular expression, each rule evaluated item by item. */
function naiveMatch(list: MatchableItem[], cs: CommitmentRules[]): number {
  const compile = (expr: string) => {
    const parsed = parseRule(expr);
    if (!parsed.ok) throw new Error(expr);
    return parsed.rule;
  };
  const rules = cs.map((c) => ({ any: c.match.any.map(compile), exclude: c.match.exclude.map(compile) }));
  const test = (node: RuleNode, text: string): boolean => {
    if (node.type === 'and') return node.children.every((n) => test(n, text));
    if (node.type === 'or') return node.children.some((n) => test(n, text));
    const source = node.words.map((w) => w.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
    return new RegExp(`\\b${source}\\b`, 'i').test(text);
  };
  let hits = 0;
  for (const i of list) {
    const text = `${i.title}\n${i.summary}`;
    for (const r of rules)
      if (r.any.some((n) => test(n, text)) && !r.exclude.some((n) => test(n, text))) hits++;
  }
  return hits;
}

export async function benchMatching(): Promise<string[]> {
  const out: string[] = [];
  const cs = commitments(500);
  const compiled = cs.map(compileCommitment);
  const batch = items(1000, 0);

  const db = openStore(':memory:');
  let ours = 0;
  let whole = 0;
  const mOurs = await best(3, () => {
    ours = matchBatch(db, batch, compiled, 'Europe/London').length;
  });
  let naive = 0;
  const mNaive = await best(3, () => {
    naive = naiveMatch(batch, cs);
  });
  out.push(
    row(
      'match 1,000 items × 500 commitments (CPU ms)',
      fmt(mOurs.cpuMs, 0),
      fmt(mNaive.cpuMs, 0),
      `${fmt(mNaive.cpuMs / mOurs.cpuMs)}× less`,
    ),
  );
  out.push(
    row(
      '  same, wall ms',
      fmt(mOurs.wallMs, 0),
      fmt(mNaive.wallMs, 0),
      `${fmt(mNaive.wallMs / mOurs.wallMs)}× faster`,
    ),
  );
  out.push(
    row(
      `  pairs matched of ${fmt(batch.length * cs.length, 0)} (ours stem: boats = boat)`,
      String(ours),
      String(naive),
      '',
    ),
  );

  // The same rules against the whole history table (items_fts) with 20,000 stored items: why the
  // batch goes into a small temp table (STACK.md).
  const hist = openStore(':memory:');
  const insertItem =
    hist.prepare(`INSERT INTO items (path, url, title, display_type, summary, updated_at, first_seen_at, last_seen_at, origin)
    VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 'live')`);
  hist.transaction(() => {
    for (const i of [...items(19_000, 100_000), ...batch]) {
      insertItem.run(
        `/government/news/i-${i.id}`,
        `https://www.gov.uk/government/news/i-${i.id}`,
        i.title,
        i.summary,
        i.updatedAt,
        i.updatedAt,
        i.updatedAt,
      );
    }
    // Rows written by hand are indexed by hand (items-table.ts indexes what it inserts).
    hist.exec("INSERT INTO items_fts (items_fts) VALUES ('rebuild')");
  })();
  const newest = hist
    .prepare<[], { id: number }>('SELECT id FROM items ORDER BY id DESC LIMIT 1000')
    .all()
    .map((r) => r.id);
  const firstNew = Math.min(...newest);
  const mWhole = await best(3, () => {
    whole = wholeHistory(hist, compiled, firstNew);
  });
  if (whole !== ours) throw new Error(`whole-history matching found ${whole} pairs, the batch ${ours}`);
  out.push(
    row(
      '  same rules on a 20,000-item history FTS (CPU ms)',
      fmt(mOurs.cpuMs, 0),
      fmt(mWhole.cpuMs, 0),
      `${fmt(mWhole.cpuMs / mOurs.cpuMs)}× less`,
    ),
  );
  db.close();
  hist.close();
  return out;
}

/** The alternative design: each commitment's rules run on the whole items_fts, keeping the new rows. */
function wholeHistory(
  db: ReturnType<typeof openStore>,
  compiled: ReturnType<typeof compileCommitment>[],
  firstNew: number,
): number {
  const q = ftsQueries(db, 'items_fts');
  let n = 0;
  for (const c of compiled) {
    const ids = [...candidateIds(q, c)].filter((id) => id >= firstNew).sort((a, b) => a - b);
    n += explainHits(q, c, ids).length;
  }
  return n;
}
