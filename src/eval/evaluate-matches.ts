// Scores matches against a labelled set (pure; test/fixtures/eval/README.md). Per commitment and
// overall: precision — a match is correct when the item carries any label for that commitment
// (strong or partial, visible or not); recall of strong and of partial labels, over the `visible`
// ones (what title and summary can show) and over all; hard negatives matched; false positives.
// Source items are not scored. Items before a commitment's source date can never match: their labels
// leave the recall totals, and a match on one counts as false.

export interface EvalLabel {
  commitment: string;
  strength: 'strong' | 'partial';
  visible: boolean;
}

/** One labelled item (eval/history-file.ts reads this shape from JSONL). */
export interface EvalItem {
  id: string;
  /** `YYYY-MM-DD`. */
  date: string;
  labels: EvalLabel[];
  hardNegative: boolean;
  source: boolean;
}

export interface Recall {
  found: number;
  total: number;
  /** null when there is nothing to find. */
  recall: number | null;
  missed: string[];
}

export interface CommitmentEval {
  /** A commitment id, or `overall`. */
  commitmentId: string;
  matched: number;
  correct: number;
  /** null when nothing matched. */
  precision: number | null;
  strong: Recall;
  partial: Recall;
  strongAll: Recall;
  partialAll: Recall;
  hardNegatives: { count: number; ids: string[] };
  falsePositives: string[];
}

export interface EvalReport {
  items: number;
  commitments: CommitmentEval[];
  overall: CommitmentEval;
}

export interface EvalOptions {
  /** Source day (`YYYY-MM-DD`) per commitment id. */
  sinceDates?: Readonly<Record<string, string>>;
}

export function evaluateMatches(
  labelled: EvalItem[],
  matched: Array<{ itemId: string; commitmentId: string }>,
  commitmentIds: string[],
  options: EvalOptions = {},
): EvalReport {
  const pairs = new Set(matched.map((m) => `${m.commitmentId}\n${m.itemId}`));
  const scored = labelled.filter((i) => !i.source);
  const commitments = commitmentIds.map((cid) => {
    const since = options.sinceDates?.[cid];
    const reachable = scored.filter((i) => !since || i.date >= since);
    const isMatched = (i: EvalItem): boolean => pairs.has(`${cid}\n${i.id}`);
    const hits = scored.filter(isMatched);
    const correct = hits.filter((i) => reachable.includes(i) && i.labels.some((l) => l.commitment === cid));
    const recall = (strength: EvalLabel['strength'], visibleOnly: boolean): Recall =>
      recallOf(
        reachable.filter((i) =>
          i.labels.some(
            (l) => l.commitment === cid && l.strength === strength && (l.visible || !visibleOnly),
          ),
        ),
        isMatched,
      );
    const hardNegatives = hits.filter((i) => i.hardNegative).map((i) => i.id);
    return {
      commitmentId: cid,
      matched: hits.length,
      correct: correct.length,
      precision: ratio(correct.length, hits.length),
      strong: recall('strong', true),
      partial: recall('partial', true),
      strongAll: recall('strong', false),
      partialAll: recall('partial', false),
      hardNegatives: { count: hardNegatives.length, ids: hardNegatives },
      falsePositives: hits.filter((i) => !correct.includes(i)).map((i) => i.id),
    };
  });
  return { items: labelled.length, commitments, overall: sumUp(commitments) };
}

function recallOf(expected: EvalItem[], isMatched: (i: EvalItem) => boolean): Recall {
  const missed = expected.filter((i) => !isMatched(i)).map((i) => i.id);
  const found = expected.length - missed.length;
  return { found, total: expected.length, recall: ratio(found, expected.length), missed };
}

function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

// Overall figures are micro-averaged: every (item, commitment) pair counts once.
function sumUp(list: CommitmentEval[]): CommitmentEval {
  const add = (pick: (c: CommitmentEval) => Recall): Recall => {
    const found = list.reduce((s, c) => s + pick(c).found, 0);
    const total = list.reduce((s, c) => s + pick(c).total, 0);
    return {
      found,
      total,
      recall: ratio(found, total),
      missed: list.flatMap((c) => pick(c).missed.map((id) => `${id} (${c.commitmentId})`)),
    };
  };
  const matched = list.reduce((s, c) => s + c.matched, 0);
  const correct = list.reduce((s, c) => s + c.correct, 0);
  const hardIds = [...new Set(list.flatMap((c) => c.hardNegatives.ids))];
  return {
    commitmentId: 'overall',
    matched,
    correct,
    precision: ratio(correct, matched),
    strong: add((c) => c.strong),
    partial: add((c) => c.partial),
    strongAll: add((c) => c.strongAll),
    partialAll: add((c) => c.partialAll),
    hardNegatives: { count: hardIds.length, ids: hardIds },
    falsePositives: list.flatMap((c) => c.falsePositives.map((id) => `${id} (${c.commitmentId})`)),
  };
}

/** A readable table, then what was missed and what was wrongly matched. */
export function formatEvalReport(report: EvalReport): string {
  const header = [
    'commitment',
    'matched',
    'precision',
    'strong (visible)',
    'partial (visible)',
    'strong (all)',
    'partial (all)',
    'hard neg.',
  ];
  const rows = [...report.commitments, report.overall].map((c) => [
    c.commitmentId,
    String(c.matched),
    c.precision === null ? '–' : `${c.correct}/${c.matched} ${c.precision.toFixed(2)}`,
    showRecall(c.strong),
    showRecall(c.partial),
    showRecall(c.strongAll),
    showRecall(c.partialAll),
    String(c.hardNegatives.count),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const out = [
    `${report.items} labelled items`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  const o = report.overall;
  const details: Array<[string, string[]]> = [
    ['missed strong (visible)', o.strong.missed],
    ['missed partial (visible)', o.partial.missed],
    ['false positives', o.falsePositives],
    ['hard negatives matched', o.hardNegatives.ids],
  ];
  for (const [label, ids] of details) if (ids.length) out.push(`${label}: ${ids.join(', ')}`);
  return out.join('\n');
}

function showRecall(r: Recall): string {
  return r.recall === null ? '–' : `${r.found}/${r.total} ${r.recall.toFixed(2)}`;
}
