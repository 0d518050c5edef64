// Scores extraction against labelled announcements (pure). A proposal is correct when its quote
// contains one of an expected commitment's quote substrings (a commitment stated twice lists
// both); each expected commitment is found at most once, so a duplicate proposal is a false
// positive. Proposals on `optional` text (either answer defensible) are not scored. Due dates are
// compared by last on-time day, over the correctly found commitments.

import { parseDue } from '../commitments/due-date.ts';
import { FollowthroughError } from '../errors.ts';
import type { ProposedCommitment } from '../extract/extract-commitments.ts';

export interface ExpectedCommitment {
  quotes: string[];
  /** `YYYY-MM`, `YYYY-MM-DD`, or null when the announcement gives no date. */
  due: string | null;
  note?: string;
}

export interface ExpectedAnswer {
  announcement: string;
  split?: string;
  commitments: ExpectedCommitment[];
  optional?: string[];
  /** Statements of fact or rhetoric that must never be proposed. */
  claims?: string[];
}

export interface CaseResult {
  announcement: string;
  split: string;
  expected: number;
  proposed: number;
  truePositives: number;
  falsePositives: string[];
  missed: string[];
  claimsProposed: string[];
  dueChecked: number;
  dueCorrect: number;
  dueWrong: Array<{ quote: string; expected: string | null; got: string | null }>;
}

export interface Scores {
  expected: number;
  scored: number;
  truePositives: number;
  precision: number;
  recall: number;
  claimsProposed: number;
  /** Correct due (including "no due" when none was given) among found commitments. */
  dueAccuracy: number;
}

export interface ExtractionReport {
  cases: CaseResult[];
  overall: Scores;
  bySplit: Record<string, Scores>;
}

const norm = (s: string): string =>
  s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();

export function scoreCase(answer: ExpectedAnswer, proposed: ProposedCommitment[]): CaseResult {
  const found = new Set<number>();
  const result: CaseResult = {
    announcement: answer.announcement,
    split: answer.split ?? 'all',
    expected: answer.commitments.length,
    proposed: proposed.length,
    truePositives: 0,
    falsePositives: [],
    missed: [],
    claimsProposed: [],
    dueChecked: 0,
    dueCorrect: 0,
    dueWrong: [],
  };
  for (const p of proposed) {
    const quote = norm(p.source.quote);
    const at = answer.commitments.findIndex(
      (e, i) => !found.has(i) && e.quotes.some((q) => quote.includes(norm(q))),
    );
    if (at !== -1) {
      found.add(at);
      result.truePositives++;
      const want = answer.commitments[at]!.due;
      const wantDay = want === null ? null : dueLastDay(want);
      const got = p.due?.lastDay ?? null;
      result.dueChecked++;
      if (wantDay === got) result.dueCorrect++;
      else result.dueWrong.push({ quote: p.source.quote, expected: want, got: p.due?.text ?? null });
      continue;
    }
    if ((answer.optional ?? []).some((o) => quote.includes(norm(o)))) continue;
    result.falsePositives.push(p.source.quote);
    if ((answer.claims ?? []).some((c) => quote.includes(norm(c))))
      result.claimsProposed.push(p.source.quote);
  }
  answer.commitments.forEach((e, i) => {
    if (!found.has(i)) result.missed.push(e.quotes[0]!);
  });
  return result;
}

export function evaluateExtraction(
  cases: Array<{ answer: ExpectedAnswer; proposed: ProposedCommitment[] }>,
): ExtractionReport {
  const results = cases.map((c) => scoreCase(c.answer, c.proposed));
  const bySplit: Record<string, Scores> = {};
  for (const split of [...new Set(results.map((r) => r.split))])
    bySplit[split] = totals(results.filter((r) => r.split === split));
  return { cases: results, overall: totals(results), bySplit };
}

function totals(rs: CaseResult[]): Scores {
  const sum = (f: (r: CaseResult) => number): number => rs.reduce((n, r) => n + f(r), 0);
  const tp = sum((r) => r.truePositives);
  const fp = sum((r) => r.falsePositives.length);
  const expected = sum((r) => r.expected);
  const dueChecked = sum((r) => r.dueChecked);
  return {
    expected,
    scored: tp + fp,
    truePositives: tp,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: expected === 0 ? 1 : tp / expected,
    claimsProposed: sum((r) => r.claimsProposed.length),
    dueAccuracy: dueChecked === 0 ? 1 : sum((r) => r.dueCorrect) / dueChecked,
  };
}

function dueLastDay(text: string): string {
  const d = parseDue(text);
  if ('error' in d)
    throw new FollowthroughError('eval_fixture_invalid', `bad expected due "${text}": ${d.error}`);
  return d.lastDay;
}

export function formatExtractionReport(r: ExtractionReport): string {
  const pct = (x: number): string => `${(100 * x).toFixed(0)}%`.padStart(5);
  const line = (name: string, s: Scores): string =>
    `${name.padEnd(48)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.dueAccuracy)}  ` +
    `${String(s.truePositives).padStart(3)}/${String(s.expected).padEnd(3)} ` +
    `${String(s.scored - s.truePositives).padStart(3)}  ${s.claimsProposed}`;
  const out = [`${'announcement'.padEnd(48)} prec.  rec.   due   found  FP  claims`];
  for (const c of r.cases) {
    out.push(line(`${c.announcement} (${c.split})`, totals([c])));
    for (const m of c.missed) out.push(`    missed: ${m}`);
    for (const f of c.falsePositives) out.push(`    false positive: ${f.slice(0, 110)}`);
    for (const d of c.dueWrong)
      out.push(`    due ${d.got ?? 'none'} (expected ${d.expected ?? 'none'}): ${d.quote.slice(0, 90)}`);
  }
  for (const [split, s] of Object.entries(r.bySplit)) out.push(line(`— ${split}`, s));
  out.push(line('— overall', r.overall));
  return out.join('\n');
}
