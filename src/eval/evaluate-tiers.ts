// Scores the two tiers against a labelled set (pure): alerts (what the rules raised) and review items
// (what the review tier raised), per commitment and overall. Recall of strong and partial labels for
// alerts alone and for alerts + review (visible labels: what a title and summary can show); precision
// of alerts and of review items; hard negatives alerted and raised for review; review items per
// commitment per week. `window` restricts every figure to items dated from that day on (the second
// half of the period, for the run with a simulated reviewer).

import { daysBetween, mondayOf } from '../calendar.ts';
import { type CommitmentEval, type EvalItem, evaluateMatches } from './evaluate-matches.ts';

export interface TierMatch {
  itemId: string;
  commitmentId: string;
  tier: 'alert' | 'review';
  /** `YYYY-MM-DD` the engine raised it. */
  matchedOn: string;
}

export interface TierVolume {
  reviewItems: number;
  weeks: number;
  perWeekMax: number;
  perWeekMean: number | null;
}

export interface TierRow {
  commitmentId: string;
  alerts: CommitmentEval;
  both: CommitmentEval;
  review: CommitmentEval;
  volume: TierVolume;
}

export interface TierReport {
  label: string;
  from: string;
  to: string;
  items: number;
  rows: TierRow[];
  overall: TierRow;
}

export function evaluateTiers(
  label: string,
  labelled: EvalItem[],
  matches: TierMatch[],
  commitments: Array<{ id: string; since: string }>,
  period: { from: string; to: string },
): TierReport {
  const items = labelled.filter((i) => i.date >= period.from && i.date <= period.to);
  const inWindow = new Set(items.map((i) => i.id));
  const mine = matches.filter((m) => inWindow.has(m.itemId));
  const ids = commitments.map((c) => c.id);
  const sinceDates = Object.fromEntries(commitments.map((c) => [c.id, c.since]));
  const run = (list: TierMatch[]) => evaluateMatches(items, list, ids, { sinceDates });
  const alerts = run(mine.filter((m) => m.tier === 'alert'));
  const both = run(mine);
  const review = run(mine.filter((m) => m.tier === 'review'));
  const rows = commitments.map((c, k) => ({
    commitmentId: c.id,
    alerts: alerts.commitments[k]!,
    both: both.commitments[k]!,
    review: review.commitments[k]!,
    volume: volume(
      mine.filter((m) => m.tier === 'review' && m.commitmentId === c.id),
      c.since > period.from ? c.since : period.from,
      period.to,
    ),
  }));
  const weeks = rows.reduce((s, r) => s + r.volume.weeks, 0);
  const reviewItems = rows.reduce((s, r) => s + r.volume.reviewItems, 0);
  return {
    label,
    from: period.from,
    to: period.to,
    items: items.length,
    rows,
    overall: {
      commitmentId: 'overall',
      alerts: alerts.overall,
      both: both.overall,
      review: review.overall,
      volume: {
        reviewItems,
        weeks,
        perWeekMax: Math.max(0, ...rows.map((r) => r.volume.perWeekMax)),
        perWeekMean: weeks ? reviewItems / weeks : null,
      },
    },
  };
}

function volume(list: TierMatch[], from: string, to: string): TierVolume {
  const perWeek = new Map<string, number>();
  for (const m of list) perWeek.set(mondayOf(m.matchedOn), (perWeek.get(mondayOf(m.matchedOn)) ?? 0) + 1);
  const weeks = to < from ? 0 : Math.ceil((daysBetween(from, to) + 1) / 7);
  return {
    reviewItems: list.length,
    weeks,
    perWeekMax: Math.max(0, ...perWeek.values()),
    perWeekMean: weeks ? list.length / weeks : null,
  };
}

/** A readable table of both tiers, then what was missed and what the review tier raised wrongly. */
export function formatTierReport(r: TierReport): string {
  const header = [
    'commitment',
    'alert prec.',
    'alert strong',
    'alert partial',
    '+review strong',
    '+review partial',
    'review prec.',
    'hard neg. alerted/review',
    'review/week max (mean)',
  ];
  const frac = (n: number, d: number, v: number | null): string =>
    v === null ? '–' : `${n}/${d} ${v.toFixed(2)}`;
  const rows = [...r.rows, r.overall].map((row) => [
    row.commitmentId,
    frac(row.alerts.correct, row.alerts.matched, row.alerts.precision),
    frac(row.alerts.strong.found, row.alerts.strong.total, row.alerts.strong.recall),
    frac(row.alerts.partial.found, row.alerts.partial.total, row.alerts.partial.recall),
    frac(row.both.strong.found, row.both.strong.total, row.both.strong.recall),
    frac(row.both.partial.found, row.both.partial.total, row.both.partial.recall),
    frac(row.review.correct, row.review.matched, row.review.precision),
    `${row.alerts.hardNegatives.count}/${row.review.hardNegatives.count}`,
    `${row.volume.perWeekMax} (${row.volume.perWeekMean === null ? '–' : row.volume.perWeekMean.toFixed(2)})`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const o = r.overall;
  const out = [
    `${r.label}: ${r.items} labelled items dated ${r.from} to ${r.to}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  const details: Array<[string, string[]]> = [
    ['missed by both tiers, strong (visible)', o.both.strong.missed],
    ['missed by both tiers, partial (visible)', o.both.partial.missed],
    ['false alerts', o.alerts.falsePositives],
    ['review items not related', o.review.falsePositives],
  ];
  for (const [label, ids] of details) if (ids.length) out.push(`${label}: ${ids.join(', ')}`);
  return out.join('\n');
}
