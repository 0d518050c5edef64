// How strong a match is (pure): per distinct term, a hit in the title counts 2, in the summary 1 and in
// the body 0.5 (all three: 3.5) — a term in the headline is what the item is about; one in the summary
// may be an aside, and a page body mentions far more than the item is about.

import type { ItemField, TermHit } from './match-types.ts';

export const fieldWeights: Readonly<Record<ItemField, number>> = { title: 2, summary: 1, body: 0.5 };

export function scoreHits(hits: TermHit[]): number {
  const fieldsByTerm = new Map<string, Set<ItemField>>();
  for (const h of hits) {
    const fields = fieldsByTerm.get(h.term) ?? new Set<ItemField>();
    for (const f of h.fields) fields.add(f);
    fieldsByTerm.set(h.term, fields);
  }
  let score = 0;
  for (const fields of fieldsByTerm.values()) for (const f of fields) score += fieldWeights[f];
  return score;
}
