// The review tier (pure): items no rule matched that are probably about a commitment, each with the
// words that tie it to it. The batch is indexed once (batch-index.ts, with the review tier's own test of
// which tokens are words); each distinct term and pair of an item is looked up once in the profiles'
// inverted index (review-index.ts), and what it shares with each profile is summed in flat arrays. Only
// profiles that pass cheap bounds (two ideas at most generously counted, an anchor, the score) are
// judged in full (review-judge.ts): most (item, commitment) pairs cost a few additions.
// An item is raised for a commitment when it shares two of the commitment's mechanism ideas
// (review-profile.ts: a pair such as "supply chain" is one idea, a word of the announcement's context or
// of a name half of one, a family match such as supplier ~ supply counts at a discount), is on its topic
// (a topic word or a pair, or three ideas), its score (the weights it shares, over the profile's length)
// reaches minScore, and one of the words is an anchor (a word of the rules, a pair of the commitment's
// own words) — or two are words learned from evidence people confirmed. It is not raised when it is more
// like an item a person marked not related (covering minLikeness of that item's weight) than like the
// nearest confirmed evidence.
// Items dated before the announcement, and the announcement itself, are never raised.

import { dayOfInstant } from '../calendar.ts';
import { type BatchIndex, fieldCount, indexItems } from './batch-index.ts';
import type { MatchableItem } from './match-types.ts';
import { postingsOf, type ReviewIndex } from './review-index.ts';
import { judge, newAcc, type ReviewCandidate } from './review-judge.ts';
import { keptWord, reviewWordClass, textTerms } from './review-terms.ts';

export { indexProfiles, type ReviewIndex } from './review-index.ts';
export type { ReviewCandidate } from './review-judge.ts';

export interface ReviewOptions {
  timeZone: string;
  minScore?: number;
  minLikeness?: number;
}

const defaults = { minScore: 0.25, minLikeness: 0.4 };
/** Weights of title, summary and body, in batch-index's field order. */
const fieldWeights = [1, 0.7, 0.35] as const;

/** Candidates in ascending item id (one item per id, the last given winning); several commitments may raise one item. */
export function scoreReviews(
  items: MatchableItem[],
  ix: ReviewIndex,
  opts: ReviewOptions,
): ReviewCandidate[] {
  const P = ix.profiles.length;
  if (items.length === 0 || P === 0) return [];
  const minScore = opts.minScore ?? defaults.minScore;
  const minLikeness = opts.minLikeness ?? defaults.minLikeness;
  const byId = new Map<number, MatchableItem>();
  for (const item of items) byId.set(item.id, item);
  const bix = indexItems(
    [...byId.values()].sort((a, b) => a.id - b.id),
    reviewWordClass,
  );
  const { single, stemOf } = lookups(bix, ix);
  const { pairs } = ix;
  const V = bix.vocab.length;
  const owner = ix.table.profile;
  // Locals, not imports, in the hot loop: a module loader may turn imported bindings into getters.
  const kept = keptWord;
  const { slotStart, terms, tokenClass } = bix;
  const classes = tokenClass!;
  // Per profile, what the current item shares with it; `stamp` says which item the figures are for.
  const sums: Sums = {
    dot: new Float64Array(P),
    ideas: new Float64Array(P),
    anchors: new Int32Array(P),
    learned: new Int32Array(P),
    stamp: new Int32Array(P),
    touched: new Int32Array(P),
  };
  const { dot, ideas, anchors, learned, touched } = sums;
  const seen = new Int32Array(V);
  // The posting lists the current item hits, with the item-side weight of each.
  const lists: number[][] = [];
  const listWeights: number[] = [];
  const pairSeen = new Set<number>();
  const out: ReviewCandidate[] = [];
  for (let i = 0; i < bix.items.length; i++) {
    const mark = i + 1;
    let n = 0;
    pairSeen.clear();
    // An item's distinct terms and pairs, each at its best field: title first, so the first time counts.
    for (let f = 0; f < fieldCount; f++) {
      const slot = i * fieldCount + f;
      const w = fieldWeights[f]!;
      let prev = -1;
      const end = slotStart[slot + 1]!;
      for (let k = slotStart[slot]!; k < end; k++) {
        if (classes[k] !== kept) {
          prev = -1;
          continue;
        }
        const t = terms[k]!;
        if (seen[t] !== mark) {
          seen[t] = mark;
          const list = single[t];
          if (list) {
            lists[n] = list;
            listWeights[n++] = w;
          }
        }
        const after = prev >= 0 && prev !== t && stemOf[t]! >= 0 ? pairs.get(stemOf[prev]!) : undefined;
        if (after) {
          const key = prev * V + t;
          if (!pairSeen.has(key)) {
            pairSeen.add(key);
            const list = after.get(stemOf[t]!);
            if (list) {
              lists[n] = list;
              listWeights[n++] = w;
            }
          }
        }
        prev = t;
      }
    }
    // Sum what it shares with each profile: a few additions per posting.
    const touchedCount = accumulate(sums, ix.table, lists, listWeights, n, mark);
    if (touchedCount === 0) continue;
    const item = bix.items[i]!;
    let day: string | undefined;
    let vector: Map<string, number> | undefined;
    for (let m = 0; m < touchedCount; m++) {
      const k = touched[m]!;
      // Bounds the full judgement can only lower: every idea counted, every anchor and learned hit.
      if (ideas[k]! < 2 || (anchors[k] === 0 && learned[k]! < 2)) continue;
      const profile = ix.profiles[k]!;
      if (dot[k]! / profile.norm < minScore) continue;
      day ??= dayOfInstant(item.updatedAt, opts.timeZone) ?? '';
      if (day < profile.sinceDate || (item.key !== undefined && item.key === profile.sourceKey)) continue;
      const acc = newAcc();
      acc.dot = dot[k]!;
      for (let a = 0; a < n; a++) {
        const list = lists[a]!;
        for (let j = 0; j < list.length; j++) {
          if (owner[list[j]!] !== k) continue;
          const p = ix.table.all[list[j]!]!;
          const v = p.weight * listWeights[a]!;
          if (p.anchor) acc.anchors++;
          if (p.learnedFrom) acc.learned.set(p.word, p.learnedFrom);
          const bucket = p.mechanism ? acc.mechanism : acc.topic;
          bucket.set(p.word, Math.max(bucket.get(p.word) ?? 0, v));
          if (p.mechanism) acc.ideas.set(p.word, Math.max(acc.ideas.get(p.word) ?? 0, p.idea));
        }
      }
      const c = judge(item.id, () => (vector ??= batchVector(bix, i)), profile, acc, minScore, minLikeness);
      if (c) out.push(c);
    }
  }
  return out;
}

/** Per profile, what the current item shares with it; `stamp` says which item the figures are for. */
interface Sums {
  dot: Float64Array;
  ideas: Float64Array;
  anchors: Int32Array;
  learned: Int32Array;
  stamp: Int32Array;
  /** The profiles the item touched, in the order first touched. */
  touched: Int32Array;
}

/** Adds the item's posting lists into `s`; returns how many profiles it touched. */
function accumulate(
  s: Sums,
  table: ReviewIndex['table'],
  lists: number[][],
  listWeights: number[],
  n: number,
  mark: number,
): number {
  const { dot, ideas, anchors, learned, stamp, touched } = s;
  const { profile: owner, weight, idea, flags } = table;
  let count = 0;
  for (let a = 0; a < n; a++) {
    const list = lists[a]!;
    const w = listWeights[a]!;
    for (let j = 0; j < list.length; j++) {
      const id = list[j]!;
      const k = owner[id]!;
      if (stamp[k] !== mark) {
        stamp[k] = mark;
        dot[k] = 0;
        ideas[k] = 0;
        anchors[k] = 0;
        learned[k] = 0;
        touched[count++] = k;
      }
      const fl = flags[id]!;
      dot[k]! += weight[id]! * w;
      // mechanismFlag, anchorFlag, learnedFlag (review-index.ts), as literals for the same reason.
      if (fl & 1) ideas[k]! += idea[id]!;
      if (fl & 2) anchors[k]!++;
      if (fl & 4) learned[k]!++;
    }
  }
  return count;
}

/** The batch's terms mapped into the profiles' index once: postings and stem id by term id. */
function lookups(
  bix: BatchIndex,
  ix: ReviewIndex,
): { single: Array<number[] | undefined>; stemOf: Int32Array } {
  const V = bix.vocab.length;
  const single = new Array<number[] | undefined>(V);
  const stemOf = new Int32Array(V).fill(-1);
  for (let t = 0; t < V; t++) {
    const term = bix.vocab[t]!;
    stemOf[t] = ix.stemIds.get(term) ?? -1;
    const list = postingsOf(ix, term);
    if (list.length > 0) single[t] = list;
  }
  return { single, stemOf };
}

/** Item i's terms and pairs as strings, each at its best field's weight (for likeness to examples). */
function batchVector(bix: BatchIndex, i: number): Map<string, number> {
  const v = new Map<string, number>();
  const put = (term: string, w: number): void => {
    if ((v.get(term) ?? 0) < w) v.set(term, w);
  };
  for (let f = 0; f < fieldCount; f++) {
    const slot = i * fieldCount + f;
    let prev = -1;
    for (let k = bix.slotStart[slot]!; k < bix.slotStart[slot + 1]!; k++) {
      if (bix.tokenClass![k] !== keptWord) {
        prev = -1;
        continue;
      }
      const t = bix.terms[k]!;
      put(bix.vocab[t]!, fieldWeights[f]!);
      if (prev >= 0 && prev !== t) put(`${bix.vocab[prev]} ${bix.vocab[t]}`, fieldWeights[f]!);
      prev = t;
    }
  }
  return v;
}

/** An item's terms, each at the weight of the best field it is in (the same view as the batch's). */
export function itemVector(item: MatchableItem): Map<string, number> {
  const v = new Map<string, number>();
  const add = (text: string | undefined, w: number): void => {
    if (!text) return;
    for (const t of textTerms(text)) if ((v.get(t.term) ?? 0) < w) v.set(t.term, w);
  };
  add(item.title, fieldWeights[0]);
  add(item.summary, fieldWeights[1]);
  add(item.body, fieldWeights[2]);
  return v;
}
