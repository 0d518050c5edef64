// Why an item matched (pure): for an expression that hits it, one TermHit per distinct leaf that hits,
// in the order written, with every field it hit (title, summary, body) and the words around it. The
// context is the summary's when the term hit there (alerts show the title anyway, the summary adds what
// is new), else the body's, else the title's; each (leaf, field) context is made once per batch.

import { type BatchIndex, fieldCount, itemFields } from './batch-index.ts';
import { hasBit } from './bitset.ts';
import type { RuleEvaluator } from './evaluate-rules.ts';
import type { ExpressionPlan } from './match-plan.ts';
import { HIT_END, HIT_START, type ItemField, type TermHit } from './match-types.ts';
import { fieldWeights } from './score.ts';
import { type SnippetField, type SnippetMarks, snippet, snippetField } from './snippet.ts';

/** As FTS5's snippet(…, '…', 12): about 12 tokens around the hit. */
const marks: SnippetMarks = { open: HIT_START, close: HIT_END, ellipsis: '…', size: 12 };

const summary = 1;
const body = 2;
const title = 0;

export interface Explanation {
  hits: TermHit[];
  /** scoreHits(hits), summed as the hits are made: the leaves' terms are distinct. */
  score: number;
}

export type Explainer = (plan: ExpressionPlan, i: number) => Explanation;

export function explainer(ix: BatchIndex, ev: RuleEvaluator): Explainer {
  const slots = ix.texts.length;
  const contexts = new Map<number, string>();
  const fields = new Map<number, SnippetField>();
  const fieldOf = (slot: number): SnippetField => {
    let field = fields.get(slot);
    if (!field) {
      const from = ix.slotStart[slot]!;
      const to = ix.slotStart[slot + 1]!;
      field = snippetField(ix.texts[slot]!, ix.starts.subarray(from, to), ix.ends.subarray(from, to));
      fields.set(slot, field);
    }
    return field;
  };
  return (plan, i) => {
    const hits: TermHit[] = [];
    let score = 0;
    for (const leaf of plan.leaves) {
      const bits = ev.leafFields(leaf);
      const hit: ItemField[] = [];
      for (let f = 0; f < fieldCount; f++) {
        if (!hasBit(bits, f * ev.words, i)) continue;
        hit.push(itemFields[f]!);
        score += fieldWeights[itemFields[f]!];
      }
      if (hit.length === 0) continue;
      const f = hasBit(bits, summary * ev.words, i)
        ? summary
        : hasBit(bits, body * ev.words, i)
          ? body
          : title;
      const slot = i * fieldCount + f;
      const key = ev.leafId(leaf) * slots + slot;
      let context = contexts.get(key);
      if (context === undefined) {
        context = snippet(fieldOf(slot), ev.instances(leaf, i, f), leaf.sizes, marks);
        contexts.set(key, context);
      }
      hits.push({ term: leaf.term, fields: hit, context });
    }
    return { hits, score };
  };
}
