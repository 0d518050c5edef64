// Matches a batch of items against commitments in memory (pure): the batch is indexed once
// (batch-index.ts), every distinct rule is evaluated once over it as item sets (evaluate-rules.ts), and
// only what matched is explained. Same meaning as FTS5 over items_fts: the tokenizer, phrases, prefixes
// and snippets are ports of SQLite's own code.
// For a commitment, an item matches when one `any` expression hits it, no `exclude` does, it is not the
// announcement itself, and its local day is not before the announcement's. The reason names the first
// `any` expression that hits (in the order written) and each of its terms that hit, with where and the
// words around it; a `fulfilment` expression that also hits makes it a possible fulfilment.

import { dayOfInstant } from '../calendar.ts';
import type { CompiledCommitment, CompiledExpression } from './compile-commitment.ts';
import { type BatchIndex, fieldCount, indexItems, itemFields } from './batch-index.ts';
import { andInto, andNotInto, hasBit, isEmpty, members, orInto, setBit } from './bitset.ts';
import { type RuleEvaluator, ruleEvaluator } from './evaluate-rules.ts';
import { type ExpressionPlan, type LeafPlan, planExpression } from './match-plan.ts';
import {
  HIT_END,
  HIT_START,
  type ItemField,
  type MatchableItem,
  type MatchHit,
  type TermHit,
} from './match-types.ts';
import { scoreHits } from './score.ts';
import { type SnippetMarks, snippet } from './snippet.ts';

export interface MatchItemsOptions {
  /** The configured zone: an item dated on a local day before the commitment's source day never matches. */
  timeZone: string;
}

/** As FTS5's snippet(…, '…', 12): about 12 tokens around the hit. */
const marks: SnippetMarks = { open: HIT_START, close: HIT_END, ellipsis: '…', size: 12 };

// Item sets are bit arrays over a chunk of the batch; chunking keeps them small for huge batches.
const chunkSize = 2048;

// Where the context comes from when a term hit several fields: alerts show the title anyway, the
// summary adds what is new, and a body is longer than either.
const contextOrder = [1, 2, 0];

/** For each commitment in the given order, its hits in ascending item id. */
export function matchItems(
  items: MatchableItem[],
  commitments: CompiledCommitment[],
  opts: MatchItemsOptions,
): MatchHit[] {
  if (items.length === 0 || commitments.length === 0) return [];
  // One item per id, the last given winning.
  const byId = new Map<number, MatchableItem>();
  for (const item of items) byId.set(item.id, item);
  const sorted = [...byId.values()].sort((a, b) => a.id - b.id);
  const hits: MatchHit[][] = commitments.map(() => []);
  for (let from = 0; from < sorted.length; from += chunkSize)
    matchChunk(indexItems(sorted.slice(from, from + chunkSize)), commitments, opts.timeZone, hits);
  return hits.flat();
}

interface Compiled {
  any: ExpressionPlan[];
  exclude: ExpressionPlan[];
  fulfilment: Array<{ text: string; plan: ExpressionPlan }>;
}

function matchChunk(
  ix: BatchIndex,
  commitments: CompiledCommitment[],
  timeZone: string,
  out: MatchHit[][],
): void {
  const ev = ruleEvaluator(ix);
  const explain = explainer(ix, ev);
  const dateMasks = new Map<string, Uint32Array>();
  let days: string[] | undefined;
  const onOrAfter = (since: string): Uint32Array => {
    let mask = dateMasks.get(since);
    if (!mask) {
      days ??= ix.items.map((item) => dayOfInstant(item.updatedAt, timeZone) ?? '');
      mask = new Uint32Array(ev.words);
      for (let i = 0; i < days.length; i++) if (days[i]! >= since) setBit(mask, 0, i);
      dateMasks.set(since, mask);
    }
    return mask;
  };

  commitments.forEach((c, k) => {
    const plans = compiled(c);
    const candidates = new Uint32Array(ev.words);
    for (const p of plans.any) orInto(candidates, ev.expression(p));
    if (isEmpty(candidates)) return;
    andInto(candidates, onOrAfter(c.sinceDate));
    if (c.sourceKey !== undefined) andNotInto(candidates, itemsWithKey(ix, c.sourceKey, ev.words));
    for (const p of plans.exclude) andNotInto(candidates, ev.expression(p));
    for (const i of members(candidates)) {
      const ruleAt = plans.any.findIndex((p) => hasBit(ev.expression(p), 0, i));
      const hits = explain(plans.any[ruleAt]!, i);
      const fulfilment = plans.fulfilment.find((f) => hasBit(ev.expression(f.plan), 0, i));
      out[k]!.push({
        commitmentId: c.id,
        itemId: ix.items[i]!.id,
        kind: fulfilment ? 'possible-fulfilment' : 'progress',
        score: scoreHits(hits),
        why: {
          rule: c.any[ruleAt]!.text,
          hits,
          ...(fulfilment ? { fulfilment: fulfilment.text, fulfilmentHits: explain(fulfilment.plan, i) } : {}),
        },
      });
    }
  });
}

const compiledPlans = new WeakMap<CompiledCommitment, Compiled>();

function compiled(c: CompiledCommitment): Compiled {
  let plans = compiledPlans.get(c);
  if (!plans) {
    const plan = (e: CompiledExpression) => planExpression(e);
    plans = {
      any: c.any.map(plan),
      exclude: c.exclude.map(plan),
      fulfilment: c.fulfilment.map((e) => ({ text: e.text, plan: plan(e) })),
    };
    compiledPlans.set(c, plans);
  }
  return plans;
}

function itemsWithKey(ix: BatchIndex, key: string, words: number): Uint32Array {
  const mask = new Uint32Array(words);
  for (let i = 0; i < ix.items.length; i++) if (ix.items[i]!.key === key) setBit(mask, 0, i);
  return mask;
}

/** One TermHit per distinct leaf of the expression that hits item i, in leaf order; contexts memoised. */
function explainer(ix: BatchIndex, ev: RuleEvaluator): (plan: ExpressionPlan, i: number) => TermHit[] {
  const contexts = new Map<string, string>();
  const context = (leaf: LeafPlan, i: number, f: number): string => {
    const key = `${leaf.key}\u0000${i * fieldCount + f}`;
    let text = contexts.get(key);
    if (text === undefined) {
      const sizes = leaf.phrases.map((p) => p.length);
      text = snippet(ix.fields[i * fieldCount + f]!, ev.instances(leaf, i, f), sizes, marks);
      contexts.set(key, text);
    }
    return text;
  };
  return (plan, i) => {
    const hits: TermHit[] = [];
    for (const leaf of plan.leaves) {
      const bits = ev.leafFields(leaf);
      const fields: ItemField[] = [];
      for (let f = 0; f < fieldCount; f++) if (hasBit(bits, f * ev.words, i)) fields.push(itemFields[f]!);
      if (fields.length === 0) continue;
      const f = contextOrder.find((g) => hasBit(bits, g * ev.words, i))!;
      hits.push({ term: leaf.term, fields, context: context(leaf, i, f) });
    }
    return hits;
  };
}
