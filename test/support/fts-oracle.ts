// The reference the in-memory matcher is checked against: the same matching done by SQLite's FTS5 on a
// table of the items, as the product did before src/match/match-items.ts (a temp FTS5 table, each
// commitment's compiled queries, `{column} : (…)` for where a term hit, snippet() for its context),
// extended to a body column. Slow, and only for tests.

import Database from 'better-sqlite3';
import { dayOfInstant } from '../../src/calendar.ts';
import {
  anyOf,
  type CompiledCommitment,
  type CompiledExpression,
} from '../../src/match/compile-commitment.ts';
import {
  HIT_END,
  HIT_START,
  type ItemField,
  type MatchableItem,
  type MatchHit,
  type TermHit,
} from '../../src/match/match-types.ts';
import { ftsTokenizer } from '../../src/match/tokenize.ts';

const columns: ItemField[] = ['title', 'summary', 'body'];
// Context column when a term hit several: summary, then body, then title.
const contextOrder: ItemField[] = ['summary', 'body', 'title'];
const weight: Record<ItemField, number> = { title: 2, summary: 1, body: 0.5 };
const markStart = '\u0002';
const markEnd = '\u0003';

export interface FtsOracle {
  /** Rowids matching an FTS5 query. */
  matching(fts: string): Set<number>;
  match(commitments: CompiledCommitment[], timeZone: string): MatchHit[];
  close(): void;
}

export function ftsOracle(items: MatchableItem[]): FtsOracle {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, summary, body, tokenize = '${ftsTokenizer}')`);
  const insert = db.prepare('INSERT INTO t (rowid, title, summary, body) VALUES (?, ?, ?, ?)');
  const byId = new Map(items.map((i) => [i.id, i]));
  db.transaction(() => {
    for (const i of byId.values()) insert.run(i.id, i.title, i.summary, i.body ?? '');
  })();
  const all = db.prepare<[string], number>('SELECT rowid FROM t WHERE t MATCH ?').pluck();
  // The rowid is bound as a BigInt: FTS5 ignores a rowid = ? bound as a JavaScript number (a REAL).
  const snippets = columns.map((_, index) =>
    db
      .prepare<[string, string, string, bigint], string>(
        `SELECT snippet(t, ${index}, ?, ?, '…', 12) FROM t WHERE t MATCH ? AND rowid = ?`,
      )
      .pluck(),
  );
  const memo = new Map<string, Set<number>>();
  const matching = (fts: string): Set<number> => {
    let hit = memo.get(fts);
    if (!hit) {
      hit = new Set(all.all(fts));
      memo.set(fts, hit);
    }
    return hit;
  };
  const firstHitting = (expressions: CompiledExpression[], id: number) =>
    expressions.find((e) => matching(e.fts).has(id));
  const termHits = (e: CompiledExpression, id: number): TermHit[] =>
    e.leaves.flatMap((leaf) => {
      const fields = columns.filter((col) => matching(`{${col}} : (${leaf.fts})`).has(id));
      if (fields.length === 0) return [];
      const col = contextOrder.find((c) => fields.includes(c))!;
      const raw = snippets[columns.indexOf(col)]!.get(
        markStart,
        markEnd,
        `{${col}} : (${leaf.fts})`,
        BigInt(id),
      )!;
      const context = raw
        .replace(/[\uE000\uE001]/gu, '')
        .replaceAll(markStart, HIT_START)
        .replaceAll(markEnd, HIT_END);
      return [{ term: leaf.term, fields, context }];
    });
  const score = (hits: TermHit[]): number => {
    const byTerm = new Map<string, Set<ItemField>>();
    for (const h of hits) byTerm.set(h.term, new Set([...(byTerm.get(h.term) ?? []), ...h.fields]));
    let s = 0;
    for (const fields of byTerm.values()) for (const f of fields) s += weight[f];
    return s;
  };
  return {
    matching,
    match(commitments, timeZone) {
      const out: MatchHit[] = [];
      for (const c of commitments) {
        const fts = anyOf(c.any);
        if (!fts) continue;
        const excluded = anyOf(c.exclude);
        const ids = [...matching(fts)]
          .filter((id) => (dayOfInstant(byId.get(id)!.updatedAt, timeZone) ?? '') >= c.sinceDate)
          .filter((id) => c.sourceKey === undefined || byId.get(id)!.key !== c.sourceKey)
          .filter((id) => !excluded || !matching(excluded).has(id))
          .sort((a, b) => a - b);
        for (const id of ids) {
          const rule = firstHitting(c.any, id)!;
          const hits = termHits(rule, id);
          const fulfilment = firstHitting(c.fulfilment, id);
          out.push({
            commitmentId: c.id,
            itemId: id,
            kind: fulfilment ? 'possible-fulfilment' : 'progress',
            score: score(hits),
            why: {
              rule: rule.text,
              hits,
              ...(fulfilment
                ? { fulfilment: fulfilment.text, fulfilmentHits: termHits(fulfilment, id) }
                : {}),
            },
          });
        }
      }
      return out;
    },
    close: () => db.close(),
  };
}
