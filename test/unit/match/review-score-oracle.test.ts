// scoreReviews (the batch indexed once, flat arrays, cheap bounds before the full judgement) against a
// plain reference: each item's terms from textTerms, every posting looked up by its string, every
// (item, profile) pair judged in full. Random commitments, examples and items over a small vocabulary
// with stop words, prefixes (`smuggl*`), word families (supply ~ supplier) and places; the two must
// raise exactly the same candidates with the same reasons.

import { describe, expect, it } from 'vitest';
import { dayOfInstant } from '../../../src/calendar.ts';
import type { MatchableItem } from '../../../src/match/match-types.ts';
import { postingsOf, type ReviewIndex } from '../../../src/match/review-index.ts';
import { judge, newAcc, type ReviewCandidate } from '../../../src/match/review-judge.ts';
import {
  buildProfiles,
  type ReviewCommitment,
  type ReviewExample,
} from '../../../src/match/review-profile.ts';
import { indexProfiles, itemVector, scoreReviews } from '../../../src/match/review-score.ts';
import { isPair } from '../../../src/match/review-terms.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const words = (
  'customs partnership small boat boats engines supply supplier suppliers chain shipments materials smugglers ' +
  'smuggling gangs networks France Channel Frontex intelligence sharing border security legislation offence ' +
  'social media online adverts companies platforms takedowns seized seizure intercepted the of and new work ' +
  'with to 2024 a UK government measures Europol cooperation deterrent facilitation criminal'
).split(' ');

function text(r: () => number, n: number): string {
  return Array.from({ length: n }, () => words[Math.floor(r() * words.length)]!).join(' ');
}

function reference(items: MatchableItem[], ix: ReviewIndex, timeZone: string): ReviewCandidate[] {
  const out: ReviewCandidate[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const item of [...byId.values()].sort((a, b) => a.id - b.id)) {
    const vector = itemVector(item);
    const accs = new Map<number, ReturnType<typeof newAcc>>();
    for (const [term, w] of vector) {
      let ids: number[] | undefined;
      if (isPair(term)) {
        const [a, b] = term.split(' ') as [string, string];
        const [ia, ib] = [ix.stemIds.get(a), ix.stemIds.get(b)];
        ids = ia === undefined || ib === undefined ? undefined : ix.pairs.get(ia)?.get(ib);
      } else ids = postingsOf(ix, term);
      for (const id of ids ?? []) {
        const p = ix.table.all[id]!;
        const acc = accs.get(p.profile) ?? newAcc();
        accs.set(p.profile, acc);
        acc.dot += p.weight * w;
        if (p.anchor) acc.anchors++;
        if (p.learnedFrom) acc.learned.set(p.word, p.learnedFrom);
        const bucket = p.mechanism ? acc.mechanism : acc.topic;
        bucket.set(p.word, Math.max(bucket.get(p.word) ?? 0, p.weight * w));
        if (p.mechanism) acc.ideas.set(p.word, Math.max(acc.ideas.get(p.word) ?? 0, p.idea));
      }
    }
    const day = dayOfInstant(item.updatedAt, timeZone) ?? '';
    for (const [k, acc] of [...accs].sort((a, b) => a[0] - b[0])) {
      const profile = ix.profiles[k]!;
      if (day < profile.sinceDate || (item.key !== undefined && item.key === profile.sourceKey)) continue;
      const c = judge(item.id, () => vector, profile, acc, 0.25, 0.4);
      if (c) out.push(c);
    }
  }
  return out;
}

const sorted = (list: ReviewCandidate[]) =>
  [...list].sort((a, b) => a.itemId - b.itemId || a.commitmentId.localeCompare(b.commitmentId));

describe('scoreReviews against a plain reference', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i', (seed) => {
    const r = rng(seed);
    const commitments: ReviewCommitment[] = Array.from({ length: 12 }, (_, i) => ({
      id: `c${i}`,
      title: text(r, 8),
      quote: text(r, 20),
      ...(r() < 0.5 ? { context: text(r, 15) } : {}),
      sourceUrl: `https://www.gov.uk/news/a${i % 4}`,
      sinceDate: r() < 0.2 ? '2024-07-01' : '2024-01-01',
      sourceKey: `/news/a${i % 4}`,
      ruleTerms: [text(r, 2), `${text(r, 1).slice(0, 5)}*`, text(r, 1)],
    }));
    const examples = new Map<string, ReviewExample[]>(
      commitments.map((c, i) => [
        c.id,
        Array.from({ length: Math.floor(r() * 4) }, (_, k) => ({
          itemId: 1000 + i * 10 + k,
          title: text(r, 8),
          summary: text(r, 15),
          verdict: r() < 0.6 ? ('evidence' as const) : ('not-related' as const),
        })),
      ]),
    );
    const stats = { docs: 300, df: (t: string) => (t.length * 7) % 20 };
    const ix = indexProfiles(buildProfiles(commitments, stats, examples));
    const items: MatchableItem[] = Array.from({ length: 300 }, (_, i) => ({
      id: i + 1,
      title: text(r, 10),
      summary: text(r, 25),
      ...(r() < 0.3 ? { body: text(r, 40) } : {}),
      updatedAt: r() < 0.3 ? '2024-05-01T10:00:00Z' : '2024-08-01T10:00:00Z',
      ...(r() < 0.05 ? { key: `/news/a${i % 4}` } : {}),
    }));
    const fast = scoreReviews(items, ix, { timeZone: 'Europe/London' });
    const plain = reference(items, ix, 'Europe/London');
    expect(plain.length).toBeGreaterThan(5);
    expect(sorted(fast)).toEqual(sorted(plain));
  });
});
