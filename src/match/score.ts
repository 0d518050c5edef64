// How strong a match is (pure): per distinct term, a hit in the title counts 2, in the summary 1 and in
// the body 0.5 (all three: 3.5) — a term in the headline is what the item is about; one in the summary
// may be an aside, and a page body mentions far more than the item is about.

import type { TermHit } from './match-types.ts';

export function scoreHits(hits: TermHit[]): number {
  const fieldsByTerm = new Map<string, Set<string>>();
  for (const h of hits) {
    const fields = fieldsByTerm.get(h.term) ?? new Set<string>();
    for (const f of h.fields) fields.add(f);
    fieldsByTerm.set(h.term, fields);
  }
  let score = 0;
  for (const fields of fieldsByTerm.values())
    score += (fields.has('title') ? 2 : 0) + (fields.has('summary') ? 1 : 0) + (fields.has('body') ? 0.5 : 0);
  return score;
}
