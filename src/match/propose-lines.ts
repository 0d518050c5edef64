// Rule lines learned from a person's verdicts (pure), for `commitments tune`: lines that would catch
// the items marked evidence without catching any marked not related. Candidates come from each confirmed
// item's own rare words (a phrase such as "outboard motors", or two words), alone or joined by AND to a
// word of the commitment (its topic or mechanism: "small boat*", "customs"), as an analyst would write
// them. Every candidate is run by the real matcher over the judged items; those that catch no rejected
// item are chosen greedily: most confirmed items first, then one holding a word of the commitment, then
// the most specific (rarest words; a phrase counts each of its words).

import { compileExpression, type CompiledCommitment } from './compile-commitment.ts';
import { matchItems } from './match-items.ts';
import type { MatchableItem } from './match-types.ts';
import { termWeight, type TermStats } from './review-profile.ts';
import { isPair, textTerms } from './review-terms.ts';

export interface TuneExample {
  itemId: number;
  title: string;
  summary: string;
  updatedAt: string;
  verdict: 'evidence' | 'not-related';
}

export interface TuneInput {
  /** `YYYY-MM-DD`: the announcement's day (the matcher never matches earlier items). */
  sinceDate: string;
  /** The commitment's own words as a rule writes them (`small boat`, `smuggl*`, `customs`). */
  commitmentWords: string[];
  examples: TuneExample[];
  stats: TermStats;
  timeZone: string;
  /** At most this many lines (3). */
  maxLines?: number;
}

export interface ProposedLine {
  line: string;
  /** The confirmed items it catches. */
  catches: number[];
}

interface Candidate {
  line: string;
  /** Sum of its words' rarity (a phrase counts each word): the more specific, the better. */
  weight: number;
  /** It holds a word of the commitment, which keeps it on the commitment's subject. */
  anchored: boolean;
}

/** Rare words of one item taken for a line: enough to find two that fit, few enough to stay cheap. */
const wordsPerItem = 6;

export function proposeLines(input: TuneInput): ProposedLine[] {
  const positives = input.examples.filter((e) => e.verdict === 'evidence');
  if (positives.length === 0) return [];
  const own = input.commitmentWords.map((w) => ({ word: w, terms: textTerms(w.replace(/\*/g, '')) }));
  const ownTerms = new Set(own.flatMap((o) => o.terms.map((t) => t.term)));
  const candidates = new Map<string, Candidate>();
  const add = (parts: Array<{ word: string; weight: number; anchor?: boolean }>): void => {
    const line = parts.map((p) => p.word).join(' AND ');
    if (!candidates.has(line))
      candidates.set(line, {
        line,
        weight: parts.reduce((s, p) => s + p.weight, 0),
        anchored: parts.some((p) => p.anchor),
      });
  };
  for (const p of positives) {
    const terms = [...textTerms(p.title), ...textTerms(p.summary)];
    const present = new Set(terms.map((t) => t.term));
    // Words of the commitment this item has: one of them keeps a new word on the commitment's subject.
    const anchors = own
      .filter((o) => o.terms.length > 0 && o.terms.every((t) => present.has(t.term) || o.word.endsWith('*')))
      .filter((o) => !o.word.endsWith('*') || terms.some((t) => t.term.startsWith(o.word.slice(0, -1))))
      .map((o) => ({ word: o.word, weight: termWeight(input.stats, o.terms.at(-1)!.term), anchor: true }))
      // "small boat" rather than "small": a word inside a phrase of the commitment the item also has.
      .filter(
        (a, _, all) =>
          a.word.includes(' ') ||
          !all.some((o) => o.word.split(' ').length > 1 && o.word.split(' ').includes(a.word)),
      );
    const fresh = new Map<string, { word: string; weight: number; pair: boolean }>();
    for (const t of terms) {
      if (t.place || ownTerms.has(t.term) || fresh.has(t.term) || common(input.stats, t.term)) continue;
      if (isPair(t.term) && t.term.split(' ').some((s) => ownTerms.has(s))) continue;
      const weight = isPair(t.term)
        ? t.term.split(' ').reduce((sum, part) => sum + termWeight(input.stats, part), 0)
        : termWeight(input.stats, t.term);
      fresh.set(t.term, { word: t.word, weight, pair: isPair(t.term) });
    }
    const rare = [...fresh.values()].sort((a, b) => b.weight - a.weight).slice(0, wordsPerItem);
    for (const x of rare) {
      if (x.pair) add([x]);
      for (const a of anchors) add([x, a]);
    }
    for (let i = 0; i < rare.length; i++)
      for (let j = i + 1; j < rare.length; j++)
        if (!rare[i]!.pair && !rare[j]!.pair) add([rare[i]!, rare[j]!]);
  }
  const caught = catchesOf([...candidates.keys()], input);
  const rejected = new Set(input.examples.filter((e) => e.verdict === 'not-related').map((e) => e.itemId));
  const usable = [...candidates.values()]
    .map((c) => ({ ...c, catches: caught.get(c.line) ?? [] }))
    .filter((c) => c.catches.length > 0 && c.catches.every((id) => !rejected.has(id)))
    .map((c) => ({ ...c, catches: c.catches.filter((id) => positives.some((p) => p.itemId === id)) }));
  const chosen: ProposedLine[] = [];
  const covered = new Set<number>();
  for (let n = 0; n < (input.maxLines ?? 3); n++) {
    const gain = (c: { catches: number[] }) => c.catches.filter((id) => !covered.has(id)).length;
    const best = usable
      .filter((c) => gain(c) > 0 && !chosen.some((x) => x.line === c.line))
      .sort(
        (a, b) =>
          gain(b) - gain(a) ||
          Number(b.anchored) - Number(a.anchored) ||
          b.weight - a.weight ||
          a.line.localeCompare(b.line),
      )[0];
    if (!best) break;
    chosen.push({ line: best.line, catches: best.catches });
    for (const id of best.catches) covered.add(id);
  }
  return chosen;
}

/** A word in more than 2% of a history large enough to tell makes a line that catches too much. */
function common(stats: TermStats, term: string): boolean {
  if (stats.docs < 200) return false;
  return term.split(' ').every((part) => stats.df(part) / stats.docs > 0.02);
}

/** Which judged items each candidate line catches, by the real matcher (one batch for all lines). */
function catchesOf(lines: string[], input: TuneInput): Map<string, number[]> {
  const items: MatchableItem[] = input.examples.map((e) => ({
    id: e.itemId,
    title: e.title,
    summary: e.summary,
    updatedAt: e.updatedAt,
  }));
  const rules: CompiledCommitment[] = lines.map((line) => ({
    id: line,
    sinceDate: input.sinceDate,
    any: [compileExpression(line)],
    exclude: [],
    fulfilment: [],
  }));
  const out = new Map<string, number[]>();
  for (const h of matchItems(items, rules, { timeZone: input.timeZone })) {
    const list = out.get(h.commitmentId) ?? [];
    list.push(h.itemId);
    out.set(h.commitmentId, list);
  }
  return out;
}
