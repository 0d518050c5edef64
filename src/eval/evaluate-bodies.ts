// What page bodies do to matching on a labelled set (pure). A match that needs the body is recorded
// as `related` (the review tier, not an alert: match-tiered.ts); this says how many there were, how
// many a person would confirm (the item carries a label for that commitment), how many of the labels
// only a body shows (`visible: false`) they reach, and what precision and recall would be if such
// matches counted as evidence instead. With no bodies in the set, it says that nothing can be measured.

import { evaluateMatches, type CommitmentEval, type EvalItem } from './evaluate-matches.ts';

export interface BodyEffect {
  items: number;
  itemsWithBody: number;
  /** Matches that need the body. */
  related: { matched: number; correct: number; falsePositives: string[] };
  /** Labels that only the body shows: how many the evidence tier and the review tier reach. */
  bodyOnlyLabels: { total: number; asEvidence: number; asRelated: number };
  /** Overall, evidence only (as alerted) and with the related matches counted too. */
  asAlerted: CommitmentEval;
  ifCounted: CommitmentEval;
}

export interface KindedMatch {
  itemId: string;
  commitmentId: string;
  kind: string;
}

export function evaluateBodies(
  labelled: Array<EvalItem & { body?: string }>,
  matched: KindedMatch[],
  commitmentIds: string[],
  options: Parameters<typeof evaluateMatches>[3] = {},
): BodyEffect {
  const evidence = matched.filter((m) => m.kind !== 'related');
  const related = matched.filter((m) => m.kind === 'related');
  const labelledFor = (m: KindedMatch) =>
    labelled.find((i) => i.id === m.itemId)?.labels.some((l) => l.commitment === m.commitmentId) ?? false;
  const hiddenLabels = labelled
    .filter((i) => !i.source)
    .flatMap((i) =>
      i.labels.filter((l) => !l.visible).map((l) => ({ itemId: i.id, commitmentId: l.commitment })),
    );
  const has = (list: KindedMatch[], p: { itemId: string; commitmentId: string }) =>
    list.some((m) => m.itemId === p.itemId && m.commitmentId === p.commitmentId);
  return {
    items: labelled.length,
    itemsWithBody: labelled.filter((i) => i.body).length,
    related: {
      matched: related.length,
      correct: related.filter(labelledFor).length,
      falsePositives: related.filter((m) => !labelledFor(m)).map((m) => `${m.commitmentId}←${m.itemId}`),
    },
    bodyOnlyLabels: {
      total: hiddenLabels.length,
      asEvidence: hiddenLabels.filter((p) => has(evidence, p)).length,
      asRelated: hiddenLabels.filter((p) => has(related, p)).length,
    },
    asAlerted: evaluateMatches(labelled, evidence, commitmentIds, options).overall,
    ifCounted: evaluateMatches(labelled, matched, commitmentIds, options).overall,
  };
}

export function formatBodyEffect(b: BodyEffect): string {
  if (b.itemsWithBody === 0)
    return (
      `bodies: none of the ${b.items} items carries a body, so the body rule (a match that needs the body is ` +
      `recorded for review, not alerted) cannot be measured here; ${b.bodyOnlyLabels.total} label` +
      `${b.bodyOnlyLabels.total === 1 ? ' only a body shows stays' : 's only a body shows stay'} out of reach. ` +
      'Give items a "body" in the history file to measure it.'
    );
  const pct = (c: CommitmentEval) => (c.precision === null ? '–' : c.precision.toFixed(2));
  const recall = (c: CommitmentEval) => {
    const found = c.strongAll.found + c.partialAll.found;
    const total = c.strongAll.total + c.partialAll.total;
    return total ? `${found}/${total}` : '–';
  };
  return [
    `bodies: ${b.itemsWithBody} of ${b.items} items carry one; ${b.related.matched} matches need the body ` +
      `(recorded for review): ${b.related.correct} labelled for that commitment` +
      `${b.related.falsePositives.length ? `, not: ${b.related.falsePositives.join(', ')}` : ''}`,
    `  labels only a body shows: ${b.bodyOnlyLabels.total}; reached as evidence ${b.bodyOnlyLabels.asEvidence}, ` +
      `for review ${b.bodyOnlyLabels.asRelated}`,
    `  as alerted: precision ${pct(b.asAlerted)}, recall (all labels) ${recall(b.asAlerted)}; ` +
      `if body-only matches counted: precision ${pct(b.ifCounted)}, recall ${recall(b.ifCounted)}`,
  ].join('\n');
}
