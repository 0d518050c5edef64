// The review tier's decision for one (item, commitment) pair that shares words (pure): enough of the
// commitment's mechanism ideas, on its topic, tied to it by an anchor or by words learned from confirmed
// evidence, and not more like an item a person rejected than like what raised it (review-score.ts says
// the thresholds). It also words the reason shown to people.

import type { ReviewReason } from './match-types.ts';
import type { ExampleVector, ReviewProfile } from './review-profile.ts';
import { isPair } from './review-terms.ts';

export interface ReviewCandidate {
  commitmentId: string;
  itemId: number;
  score: number;
  reason: ReviewReason;
}

/** What an item shares with one profile. */
export interface Acc {
  dot: number;
  anchors: number;
  /** Mechanism words hit: their weight and how much each counts as an idea. */
  mechanism: Map<string, number>;
  ideas: Map<string, number>;
  topic: Map<string, number>;
  /** Learned words hit, and the confirmed items they came from. */
  learned: Map<string, string[]>;
}

export function newAcc(): Acc {
  return { dot: 0, anchors: 0, mechanism: new Map(), ideas: new Map(), topic: new Map(), learned: new Map() };
}

/** `vectorOf`: the item's terms and weights, asked only when the profile has examples to compare with. */
export function judge(
  itemId: number,
  vectorOf: () => Map<string, number>,
  profile: ReviewProfile,
  acc: Acc,
  minScore: number,
  minLikeness: number,
): ReviewCandidate | undefined {
  const score = acc.dot / profile.norm;
  const ideas = distinctIdeas(acc.ideas);
  // Mechanism without the topic (a cocaine seizure for the small-boat supply chain) needs more.
  const onTopic = acc.topic.size > 0 || [...acc.ideas.keys()].some((w) => w.includes(' ')) || ideas >= 3;
  const enough = ideas >= 2 && onTopic && score >= minScore;
  // An anchor (a rule's word, a pair of the commitment's own) ties it to the commitment; learned words
  // (from confirmed evidence) may stand in for it when two of them hit.
  const byProfile = enough && acc.anchors > 0 && acc.learned.size === 0;
  const byEvidence = enough && (acc.anchors > 0 || acc.learned.size >= 2) && acc.learned.size > 0;
  if (!byProfile && !byEvidence) return undefined;
  const topicOf = (term: string): boolean => profile.terms.get(term)?.role === 'topic';
  const vector = profile.evidence.length || profile.rejected.length ? vectorOf() : new Map<string, number>();
  const like = bestLike(vector, profile.evidence, topicOf);
  const unlike = bestLike(vector, profile.rejected, topicOf);
  // Closer to an item a person rejected than to what raised it: not raised again.
  if (unlike && unlike.likeness >= minLikeness && unlike.likeness > (like?.likeness ?? 0)) return undefined;
  const words = (m: Map<string, number>): string[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([w]) => w)
      .filter((w, i, all) => !all.some((o, j) => j < i && o.includes(w)));
  const reason: ReviewReason = {
    basis: byProfile ? 'commitment' : 'evidence',
    mechanism: words(acc.mechanism).slice(0, 5),
    topic: words(acc.topic).slice(0, 3),
    ...(byEvidence ? { like: likeOf(acc.learned, like) } : {}),
  };
  return { commitmentId: profile.id, itemId, score: Math.round(score * 1000) / 1000, reason };
}

/** The confirmed item most of the learned words hit came from, and those words. */
function likeOf(
  learned: Map<string, string[]>,
  nearest: { itemId: number; title: string } | undefined,
): { itemId: number; title: string; words: string[] } {
  const count = new Map<string, number>();
  for (const titles of learned.values()) for (const t of titles) count.set(t, (count.get(t) ?? 0) + 1);
  const title = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? nearest?.title ?? '';
  return {
    itemId: nearest?.title === title ? nearest.itemId : 0,
    title,
    words: [...learned.keys()].slice(0, 4),
  };
}

/** Mechanism words hit, a pair and the words inside it counting once, as do `facilitat*` and `facilitation`. */
function distinctIdeas(ideas: Map<string, number>): number {
  const words = [...ideas.keys()];
  const root = (w: string): string => w.replace(/\*$/, '');
  let n = 0;
  words.forEach((w, i) => {
    const inPair = words.some((o) => o !== w && o.includes(' ') && o.split(' ').includes(w));
    const sameRoot =
      !w.includes(' ') &&
      words.some(
        (o, j) => j < i && !o.includes(' ') && (root(o).startsWith(root(w)) || root(w).startsWith(root(o))),
      );
    if (!inPair && !sameRoot) n += ideas.get(w)!;
  });
  return n;
}

/** `topicOf`: the commitment's topic words, which say nothing about likeness to its examples. */
function bestLike(
  vector: Map<string, number>,
  examples: ExampleVector[],
  topicOf?: (term: string) => boolean,
): { itemId: number; title: string; likeness: number; shared: string[] } | undefined {
  let best: { itemId: number; title: string; likeness: number; shared: string[] } | undefined;
  for (const e of examples) {
    let dot = 0;
    const shared: Array<[string, number]> = [];
    for (const [term, w] of vector) {
      const t = e.terms.get(term);
      if (!t || topicOf?.(term)) continue;
      dot += t.weight * w;
      if (t.role === 'mechanism' && !isPair(term)) shared.push([t.word, t.weight * w]);
    }
    const likeness = dot / e.norm;
    if (!best || likeness > best.likeness)
      best = {
        itemId: e.itemId,
        title: e.title,
        likeness,
        shared: shared.sort((a, b) => b[1] - a[1]).map(([w]) => w),
      };
  }
  return best;
}
