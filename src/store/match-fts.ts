// The matching core shared by match-batch (a temp FTS table of new items) and match-history (items_fts):
// given items that hit a commitment's `any` rules, drop the excluded ones, then say why each matched —
// which expression, which of its terms hit in the title and/or summary, with the words in context.

import type { CompiledCommitment, CompiledExpression } from '../match/compile-commitment.ts';
import { anyOf } from '../match/compile-commitment.ts';
import type { Leaf } from '../match/compile-fts.ts';
import { HIT_END, HIT_START, type ItemField, type MatchHit, type TermHit } from '../match/match-types.ts';
import { scoreHits } from '../match/score.ts';
import type { Db } from './open-store.ts';

/** Same tokenizer as items_fts (migrations.ts), so a rule means the same in a batch and in history. */
export const ftsTokenizer = 'porter unicode61 remove_diacritics 2';

/** About 12 tokens of context around a hit (FTS5 snippet() allows up to 64). */
const contextTokens = 12;

// snippet() marks with control characters, which XML feeds cannot carry, so feed text can never fake a hit marker.
const markStart = '\u0002';
const markEnd = '\u0003';

const columns: Array<{ field: ItemField; index: number }> = [
  { field: 'title', index: 0 },
  { field: 'summary', index: 1 },
];

/** Queries against one FTS5 table with columns (title, summary); `table` is an identifier of ours, never user text. */
export interface FtsQueries {
  /** Rowids matching the FTS5 query, optionally only among `among`. */
  matching(fts: string, among?: number[]): Set<number>;
  /** Per rowid of `ids` (known to hit `fts` in that column): the context of the hits in the column. */
  contexts(fts: string, column: number, ids: number[]): Map<number, string>;
}

/**
 * FTS5 answers `MATCH … AND rowid IN (…)` with one full evaluation per listed rowid (measured: ~50 µs
 * each on a batch, ten times the cost of the alternative on 50,000 items), while a whole-table query
 * reads each term's doclist once. So rowid sets come from whole-table queries (memoised: commitments
 * and leaves share terms), and snippet queries filter with `+rowid`, which FTS5 does not see as a
 * constraint: the rows are filtered before snippet() runs.
 */
export function ftsQueries(db: Db, table: string): FtsQueries {
  const all = db.prepare<[string], { id: number }>(`SELECT rowid AS id FROM ${table} WHERE ${table} MATCH ?`);
  const snippets = columns.map(({ index }) =>
    db.prepare<[string, string, string, string], { id: number; context: string }>(
      `SELECT rowid AS id, snippet(${table}, ${index}, ?, ?, '…', ${contextTokens}) AS context
     FROM ${table} WHERE ${table} MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
    ),
  );
  const memo = new Map<string, Set<number>>();
  return {
    matching(fts, among) {
      let hit = memo.get(fts);
      if (!hit) {
        hit = new Set(all.all(fts).map((r) => r.id));
        memo.set(fts, hit);
      }
      return among ? new Set(among.filter((id) => hit.has(id))) : new Set(hit);
    },
    contexts(fts, column, ids) {
      if (ids.length === 0) return new Map();
      return new Map(
        snippets[column]!.all(markStart, markEnd, fts, JSON.stringify(ids)).map((r) => [r.id, r.context]),
      );
    },
  };
}

/** Rowids hitting any of the commitment's `any` expressions (before dates and excludes). */
export function candidateIds(q: FtsQueries, c: CompiledCommitment): Set<number> {
  const fts = anyOf(c.any);
  return fts ? q.matching(fts) : new Set();
}

/**
 * The hits among `ids` (rowids already known to hit an `any` expression and to be dated on or after
 * the source): excluded items dropped, each explained. Returned in the order of `ids`.
 */
export function explainHits(q: FtsQueries, c: CompiledCommitment, ids: number[]): MatchHit[] {
  if (ids.length === 0) return [];
  const excludeFts = anyOf(c.exclude);
  const excluded = excludeFts ? q.matching(excludeFts, ids) : new Set<number>();
  const kept = ids.filter((id) => !excluded.has(id));
  const ruleOf = firstHitting(q, c.any, kept);
  const fulfilmentOf = firstHitting(q, c.fulfilment, [...ruleOf.keys()]);
  const ruleHits = leafHitsByExpression(q, ruleOf);
  const fulfilmentHits = leafHitsByExpression(q, fulfilmentOf);

  const out: MatchHit[] = [];
  for (const id of kept) {
    const rule = ruleOf.get(id);
    if (!rule) continue;
    const hits = ruleHits.get(id) ?? [];
    const fulfilment = fulfilmentOf.get(id);
    out.push({
      commitmentId: c.id,
      itemId: id,
      kind: fulfilment ? 'possible-fulfilment' : 'progress',
      score: scoreHits(hits),
      why: {
        rule: rule.text,
        hits,
        ...(fulfilment ? { fulfilment: fulfilment.text, fulfilmentHits: fulfilmentHits.get(id) ?? [] } : {}),
      },
    });
  }
  return out;
}

/** For each id, the first expression (in the order written) that it hits. */
function firstHitting(
  q: FtsQueries,
  expressions: CompiledExpression[],
  ids: number[],
): Map<number, CompiledExpression> {
  const found = new Map<number, CompiledExpression>();
  let left = ids;
  for (const e of expressions) {
    if (left.length === 0) break;
    const hit = q.matching(e.fts, left);
    for (const id of left) if (hit.has(id)) found.set(id, e);
    left = left.filter((id) => !hit.has(id));
  }
  return found;
}

function leafHitsByExpression(
  q: FtsQueries,
  chosen: Map<number, CompiledExpression>,
): Map<number, TermHit[]> {
  const idsByExpression = new Map<CompiledExpression, number[]>();
  for (const [id, e] of chosen) {
    const list = idsByExpression.get(e);
    if (list) list.push(id);
    else idsByExpression.set(e, [id]);
  }
  const out = new Map<number, TermHit[]>();
  for (const [e, ids] of idsByExpression) {
    for (const leaf of e.leaves) {
      for (const [id, hit] of leafHits(q, leaf, ids)) {
        const list = out.get(id);
        if (list) list.push(hit);
        else out.set(id, [hit]);
      }
    }
  }
  return out;
}

// Where the term hit, column by column (`{title} : (…)`), then one context per item: the summary's
// when the term hit there (alerts show the title anyway, the summary adds what is new), else the title's.
function leafHits(q: FtsQueries, leaf: Leaf, ids: number[]): Map<number, TermHit> {
  const [title, summary] = columns.map(({ field }) => {
    const fts = `{${field}} : (${leaf.fts})`;
    return { field, fts, hit: q.matching(fts, ids) };
  }) as [
    { field: ItemField; fts: string; hit: Set<number> },
    { field: ItemField; fts: string; hit: Set<number> },
  ];
  const inSummary = ids.filter((id) => summary.hit.has(id));
  const titleOnly = ids.filter((id) => title.hit.has(id) && !summary.hit.has(id));
  const contexts = new Map([
    ...q.contexts(summary.fts, 1, inSummary),
    ...q.contexts(title.fts, 0, titleOnly),
  ]);
  const out = new Map<number, TermHit>();
  for (const id of ids) {
    const context = contexts.get(id);
    if (context === undefined) continue;
    const fields = [title, summary].filter((c) => c.hit.has(id)).map((c) => c.field);
    out.set(id, { term: leaf.term, fields, context: markHits(context) });
  }
  return out;
}

function markHits(snippet: string): string {
  return snippet
    .replace(/[\uE000\uE001]/gu, '')
    .replaceAll(markStart, HIT_START)
    .replaceAll(markEnd, HIT_END);
}
