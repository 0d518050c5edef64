// Matches a batch of items against commitments in memory (pure): the batch is indexed once
// (batch-index.ts), every distinct rule is evaluated once over it as item sets (evaluate-rules.ts), and
// only what matched is explained. Same meaning as FTS5 over items_fts: the tokenizer, phrases, prefixes
// and snippets are ports of SQLite's own code.
// For a commitment, an item matches when one `any` expression hits it, no `exclude` does, it is not the
// announcement itself, and its local day is not before the announcement's. The reason names the first
// `any` expression that hits (in the order written) and each of its terms that hit, with where and the
// words around it; a `fulfilment` expression that also hits makes it a possible fulfilment.

import { dayOfInstant } from '../calendar.ts';
import { type BatchIndex, indexItems } from './batch-index.ts';
import { andInto, andNotInto, hasBit, isEmpty, members, orInto, setBit } from './bitset.ts';
import type { CompiledCommitment } from './compile-commitment.ts';
import { ruleEvaluator } from './evaluate-rules.ts';
import { explainer } from './explain-hits.ts';
import { type ExpressionPlan, planExpression } from './match-plan.ts';
import type { MatchableItem, MatchHit } from './match-types.ts';

export interface MatchItemsOptions {
  /** The configured zone: an item dated on a local day before the commitment's source day never matches. */
  timeZone: string;
}

// Item sets are bit arrays over a chunk of the batch; chunking keeps them small for huge batches.
const chunkSize = 2048;

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
  const out: MatchHit[] = [];
  for (const list of hits) for (const hit of list) out.push(hit);
  return out;
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
      mask = ev.newSet();
      for (let i = 0; i < days.length; i++) if (days[i]! >= since) setBit(mask, 0, i);
      dateMasks.set(since, mask);
    }
    return mask;
  };

  const candidates = ev.newSet();
  const ownKeys = new Map<string, Uint32Array>();
  commitments.forEach((c, k) => {
    const plans = compiled(c);
    candidates.fill(0);
    for (const p of plans.any) orInto(candidates, ev.expression(p));
    if (isEmpty(candidates)) return;
    andInto(candidates, onOrAfter(c.sinceDate));
    if (c.sourceKey !== undefined) {
      let own = ownKeys.get(c.sourceKey);
      if (!own) {
        own = itemsWithKey(ix, c.sourceKey, ev.newSet());
        ownKeys.set(c.sourceKey, own);
      }
      andNotInto(candidates, own);
    }
    for (const p of plans.exclude) andNotInto(candidates, ev.expression(p));
    for (const i of members(candidates)) {
      let ruleAt = 0;
      while (!hasBit(ev.expression(plans.any[ruleAt]!), 0, i)) ruleAt++;
      const { hits, score } = explain(plans.any[ruleAt]!, i);
      const fulfilment = plans.fulfilment.find((f) => hasBit(ev.expression(f.plan), 0, i));
      out[k]!.push({
        commitmentId: c.id,
        itemId: ix.items[i]!.id,
        kind: fulfilment ? 'possible-fulfilment' : 'progress',
        score,
        why: {
          rule: c.any[ruleAt]!.text,
          hits,
          ...(fulfilment
            ? { fulfilment: fulfilment.text, fulfilmentHits: explain(fulfilment.plan, i).hits }
            : {}),
        },
      });
    }
  });
}

const compiledPlans = new WeakMap<CompiledCommitment, Compiled>();

function compiled(c: CompiledCommitment): Compiled {
  let plans = compiledPlans.get(c);
  if (!plans) {
    plans = {
      any: c.any.map(planExpression),
      exclude: c.exclude.map(planExpression),
      fulfilment: c.fulfilment.map((e) => ({ text: e.text, plan: planExpression(e) })),
    };
    compiledPlans.set(c, plans);
  }
  return plans;
}

function itemsWithKey(ix: BatchIndex, key: string, mask: Uint32Array): Uint32Array {
  for (let i = 0; i < ix.items.length; i++) if (ix.items[i]!.key === key) setBit(mask, 0, i);
  return mask;
}
