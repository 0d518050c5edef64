// The review tier (pure): items no rule matched that are probably about a commitment, each with the
// words that tie it to it. One pass over the batch: every profile term is in one inverted index, so
// each item is compared with only the commitments it shares a word with.
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
import type { MatchableItem, ReviewReason } from './match-types.ts';
import type { ExampleVector, ReviewProfile } from './review-profile.ts';
import { isPair, sameFamily, textTerms } from './review-terms.ts';

export interface ReviewCandidate {
  commitmentId: string;
  itemId: number;
  score: number;
  reason: ReviewReason;
}

export interface ReviewOptions {
  timeZone: string;
  minScore?: number;
  minLikeness?: number;
}

const defaults = { minScore: 0.25, minLikeness: 0.4 };
const itemFields = { title: 1, summary: 0.7, body: 0.35 } as const;
const familyDiscount = 0.7;
const familyEndings = ['er', 'ur', 'ure', 'ship', 'ion', 'ation', 'ive', 'ment'];

interface Posting {
  profile: number;
  weight: number;
  mechanism: boolean;
  anchor: boolean;
  idea: number;
  word: string;
  learnedFrom?: string[];
}

export interface ReviewIndex {
  profiles: ReviewProfile[];
  postings: Map<string, Posting[]>;
  /** Postings of `word*` terms, by the stem before the `*`. */
  prefixes: Map<string, Posting[]>;
  longestPrefix: number;
}

/** Index profiles once; reuse for every batch until the profiles change. */
export function indexProfiles(profiles: ReviewProfile[]): ReviewIndex {
  const postings = new Map<string, Posting[]>();
  const prefixes = new Map<string, Posting[]>();
  let longestPrefix = 0;
  const add = (map: Map<string, Posting[]>, term: string, p: Posting): void => {
    const list = map.get(term);
    if (list) list.push(p);
    else map.set(term, [p]);
  };
  profiles.forEach((profile, k) => {
    for (const t of profile.terms.values()) {
      const p = {
        profile: k,
        weight: t.weight,
        mechanism: t.role === 'mechanism',
        anchor: t.anchor === true,
        idea: t.idea,
        word: t.word,
        ...(t.learnedFrom ? { learnedFrom: t.learnedFrom } : {}),
      };
      if (!t.prefix) add(postings, t.term, p);
      else {
        const stem = t.term.slice(0, -1);
        add(prefixes, stem, p);
        longestPrefix = Math.max(longestPrefix, stem.length);
      }
    }
    // A family member of a mechanism stem is looked up under that member's own stem.
    for (const stem of profile.mechanismStems) {
      const t = profile.terms.get(stem)!;
      const p = {
        profile: k,
        weight: t.weight * familyDiscount,
        mechanism: true,
        anchor: t.anchor === true,
        idea: t.idea,
        word: t.word,
      };
      for (const variant of familyOf(stem)) if (!profile.terms.has(variant)) add(postings, variant, p);
    }
  });
  return { profiles, postings, prefixes, longestPrefix };
}

/** Postings an item term hits: its own, and those of every `word*` it starts with. */
function postingsOf(ix: ReviewIndex, term: string): Posting[] {
  const exact = ix.postings.get(term);
  if (ix.prefixes.size === 0 || isPair(term)) return exact ?? [];
  let out = exact ?? [];
  for (let n = 3; n <= Math.min(term.length, ix.longestPrefix); n++) {
    const more = ix.prefixes.get(term.slice(0, n));
    if (more) out = out === exact ? [...out, ...more] : out.concat(more);
  }
  return out;
}

/** Stems that sameFamily() relates to `stem`, one ending added or removed. */
function familyOf(stem: string): string[] {
  const out: string[] = [];
  for (const e of familyEndings) {
    if (sameFamily(stem, stem + e)) out.push(stem + e);
    if (stem.endsWith(e) && sameFamily(stem.slice(0, -e.length), stem)) out.push(stem.slice(0, -e.length));
  }
  return out;
}

interface Acc {
  dot: number;
  anchors: number;
  /** Mechanism words hit: their weight and how much each counts as an idea. */
  mechanism: Map<string, number>;
  ideas: Map<string, number>;
  topic: Map<string, number>;
  /** Learned words hit, and the confirmed items they came from. */
  learned: Map<string, string[]>;
}

/** Candidates per item, in item order; several commitments may raise one item. */
export function scoreReviews(
  items: MatchableItem[],
  ix: ReviewIndex,
  opts: ReviewOptions,
): ReviewCandidate[] {
  const minScore = opts.minScore ?? defaults.minScore;
  const minLikeness = opts.minLikeness ?? defaults.minLikeness;
  const out: ReviewCandidate[] = [];
  for (const item of items) {
    const day = dayOfInstant(item.updatedAt, opts.timeZone) ?? '';
    const vector = itemVector(item);
    const accs = new Map<number, Acc>();
    for (const [term, weight] of vector) {
      for (const p of postingsOf(ix, term)) {
        let acc = accs.get(p.profile);
        if (!acc) {
          acc = {
            dot: 0,
            anchors: 0,
            mechanism: new Map(),
            ideas: new Map(),
            topic: new Map(),
            learned: new Map(),
          };
          accs.set(p.profile, acc);
        }
        acc.dot += p.weight * weight;
        if (p.anchor) acc.anchors++;
        if (p.learnedFrom) acc.learned.set(p.word, p.learnedFrom);
        const bucket = p.mechanism ? acc.mechanism : acc.topic;
        bucket.set(p.word, Math.max(bucket.get(p.word) ?? 0, p.weight * weight));
        if (p.mechanism) acc.ideas.set(p.word, Math.max(acc.ideas.get(p.word) ?? 0, p.idea));
      }
    }
    for (const [k, acc] of accs) {
      const profile = ix.profiles[k]!;
      if (day < profile.sinceDate || (item.key !== undefined && item.key === profile.sourceKey)) continue;
      const candidate = judge(item, vector, profile, acc, minScore, minLikeness);
      if (candidate) out.push(candidate);
    }
  }
  return out;
}

function judge(
  item: MatchableItem,
  vector: Map<string, number>,
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
  return { commitmentId: profile.id, itemId: item.id, score: Math.round(score * 1000) / 1000, reason };
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

/** An item's terms, each at the weight of the best field it is in. */
export function itemVector(item: MatchableItem): Map<string, number> {
  const v = new Map<string, number>();
  const add = (text: string | undefined, w: number): void => {
    if (!text) return;
    for (const t of textTerms(text)) if ((v.get(t.term) ?? 0) < w) v.set(t.term, w);
  };
  add(item.title, itemFields.title);
  add(item.summary, itemFields.summary);
  add(item.body, itemFields.body);
  return v;
}
