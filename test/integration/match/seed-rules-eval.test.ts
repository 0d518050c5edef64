// The shipped seed rules (config/commitments.yaml) scored on the labelled dev set, through the real
// matcher: dev items stored in a temp db, matchItems, then evaluateMatches. Targets from the brief.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileCommitment, type CommitmentRules } from '../../../src/match/compile-commitment.ts';
import { evaluateMatches, formatEvalReport, type EvalItem } from '../../../src/eval/evaluate-matches.ts';
import type { MatchableItem } from '../../../src/match/match-types.ts';
import { matchHistory } from '../../../src/match/match-history.ts';
import { matchItems } from '../../../src/match/match-items.ts';
import { historyQueries } from '../../../src/store/item-queries.ts';
import { openStore, type Db } from '../../../src/store/open-store.ts';

const root = new URL('../../../', import.meta.url);

interface DevLine {
  id: string;
  date: string;
  title: string;
  summary: string;
  url: string;
  labels: EvalItem['labels'];
  hard_negative: boolean;
  source?: boolean;
}

function readDevSet(): DevLine[] {
  return readFileSync(new URL('test/fixtures/eval/dev-items.jsonl', root), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevLine);
}

// Only the fields the matcher needs; the real config loader is tested on its own.
function readSeedRules(): CommitmentRules[] {
  const doc = parse(readFileSync(new URL('config/commitments.yaml', root), 'utf8')) as {
    commitments: Array<{
      id: string;
      source: { published: string | Date };
      match: { any: string[]; exclude?: string[] };
      fulfilment?: string[];
    }>;
  };
  return doc.commitments.map((c) => ({
    id: c.id,
    source: {
      published: String(
        c.source.published instanceof Date
          ? c.source.published.toISOString().slice(0, 10)
          : c.source.published,
      ),
    },
    match: { any: c.match.any, exclude: c.match.exclude ?? [] },
    fulfilment: c.fulfilment ?? [],
  }));
}

function storeDevItems(db: Db, lines: DevLine[]): Map<number, string> {
  const insert =
    db.prepare(`INSERT INTO items (path, url, title, summary, updated_at, first_seen_at, last_seen_at, origin)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'replay')`);
  const idOf = new Map<number, string>();
  for (const l of lines) {
    // Noon UTC is the same London day all year.
    const at = `${l.date}T12:00:00.000Z`;
    const r = insert.run(`/eval/${l.id}`, l.url, l.title, l.summary, at, at, at);
    idOf.set(Number(r.lastInsertRowid), l.id);
  }
  // Rows written by hand are indexed by hand (items-table.ts indexes what it inserts).
  db.exec("INSERT INTO items_fts (items_fts) VALUES ('rebuild')");
  return idOf;
}

describe('seed rules on the dev set (title + summary only)', () => {
  const lines = readDevSet();
  const rules = readSeedRules();
  const compiled = rules.map(compileCommitment);
  const db = openStore(':memory:');
  const idOf = storeDevItems(db, lines);
  const items: MatchableItem[] = db
    .prepare('SELECT id, title, summary, updated_at AS updatedAt FROM items')
    .all() as MatchableItem[];
  const hits = matchItems(items, compiled, { timeZone: 'Europe/London' });
  const labelled: EvalItem[] = lines.map((l) => ({
    id: l.id,
    date: l.date,
    labels: l.labels,
    hardNegative: l.hard_negative,
    source: l.source === true,
  }));
  const report = evaluateMatches(
    labelled,
    hits.map((h) => ({ itemId: idOf.get(h.itemId)!, commitmentId: h.commitmentId })),
    rules.map((r) => r.id),
    { sinceDates: Object.fromEntries(rules.map((r) => [r.id, r.source.published])) },
  );

  it('meets the targets: strong recall ≥ 0.95, partial ≥ 0.7, precision ≥ 0.85, no hard negatives', () => {
    console.log(formatEvalReport(report));
    for (const h of hits)
      console.log(`${h.commitmentId} ← ${idOf.get(h.itemId)} [${h.kind}, score ${h.score}] ${h.why.rule}`);
    expect(report.overall.strong.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.partial.recall).toBeGreaterThanOrEqual(0.7);
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.85);
    expect(report.overall.hardNegatives.ids).toEqual([]);
  });

  it('finds the same matches through matchHistory', () => {
    const fromHistory = compiled.flatMap((c) =>
      matchHistory(historyQueries(db), c, { timeZone: 'Europe/London' }).map(
        ({ path: _p, title: _t, updatedAt: _u, ...hit }) => hit,
      ),
    );
    const key = (h: { commitmentId: string; itemId: number }): string => `${h.commitmentId}/${h.itemId}`;
    expect([...fromHistory].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...hits].sort((a, b) => key(a).localeCompare(key(b))),
    );
  });
});
