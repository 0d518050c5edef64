// How much a page body counts (pure). A rule that hits an item's title or summary is evidence, as it
// always was; the body only adds reasons. A rule that hits only once the body is read (a word deep in a
// long page) is weaker evidence: the item is `related`, the review tier — recorded with its reason, the
// body named as the field and its words in context, never alerted and never counted until a person
// says it is evidence (matches-table.ts `countsAsEvidence`).
// So each batch is matched twice by matchItems: on title and summary alone, which decides the kind, the
// score and the rule; then with bodies, which gives the hits of the same rule their body context and
// finds the body-only items. Excludes follow the same split: an exclude word in the body does not
// withdraw a title or summary match, but it does keep an item out of the review tier.

import type { CompiledCommitment } from './compile-commitment.ts';
import { matchItems, type MatchItemsOptions } from './match-items.ts';
import type { MatchableItem, MatchHit, MatchKind } from './match-types.ts';

/** What a match is: a rule on the item's face (progress, possible fulfilment), or only in its body. */
export type TieredKind = MatchKind | 'related';

export type TieredHit = MatchHit | (Omit<MatchHit, 'kind'> & { kind: 'related' });

export function matchTiered(
  items: MatchableItem[],
  commitments: CompiledCommitment[],
  opts: MatchItemsOptions,
): TieredHit[] {
  const face = matchItems(
    items.map(({ body: _body, ...rest }) => rest),
    commitments,
    opts,
  );
  const withBodies = items.filter((i) => i.body);
  if (withBodies.length === 0) return face;
  const full = new Map(matchItems(withBodies, commitments, opts).map((h) => [pairKey(h), h]));
  const out: TieredHit[] = face.map((h) => {
    const f = full.get(pairKey(h));
    full.delete(pairKey(h));
    // The same rule, explained over the body too; the kind and score stay those of the item's face.
    return f && f.why.rule === h.why.rule ? { ...h, why: { ...h.why, hits: f.why.hits } } : h;
  });
  // What is left hit only with the body.
  for (const f of full.values()) out.push({ ...f, kind: 'related' });
  return out;
}

function pairKey(h: { commitmentId: string; itemId: number }): string {
  return `${h.commitmentId}\n${h.itemId}`;
}
