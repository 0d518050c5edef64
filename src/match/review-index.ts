// The review tier's profiles as one inverted index (pure), built once and kept until a profile changes
// (raise-reviews.ts caches it between polls). Every profile term is a posting under its stem; a `word*`
// term under the stem before the `*`; a pair ("suppli chain") under its two stems, so a batch can look it
// up by term ids without building a string per pair; a mechanism stem also under each member of its
// family (supply ~ supplier), at a discount.

import type { ReviewProfile } from './review-profile.ts';
import { isPair, sameFamily } from './review-terms.ts';

export interface Posting {
  profile: number;
  weight: number;
  mechanism: boolean;
  anchor: boolean;
  idea: number;
  word: string;
  learnedFrom?: string[];
}

/** Every posting once, by id, also as flat arrays: scoring a batch visits hundreds of thousands. */
export interface PostingTable {
  all: Posting[];
  profile: Int32Array;
  weight: Float64Array;
  idea: Float64Array;
  /** mechanismFlag | anchorFlag | learnedFlag. */
  flags: Uint8Array;
}

export const mechanismFlag = 1;
export const anchorFlag = 2;
export const learnedFlag = 4;

export interface ReviewIndex {
  profiles: ReviewProfile[];
  table: PostingTable;
  /** Posting ids of single stems (family members included). Plain arrays: a typed array per stem costs
   *  more to make than it saves to read. */
  postings: Map<string, number[]>;
  /** Posting ids of `word*` terms, by the stem before the `*`. */
  prefixes: Map<string, number[]>;
  longestPrefix: number;
  /** An id for every stem of a single term or of a pair, so a pair is found by two numbers. */
  stemIds: Map<string, number>;
  /** Posting ids of pairs, by the first stem's id, then the second's (small integers hash fastest). */
  pairs: Map<number, Map<number, number[]>>;
}

const familyDiscount = 0.7;
const familyEndings = ['er', 'ur', 'ure', 'ship', 'ion', 'ation', 'ive', 'ment'];

/** Index profiles once; reuse for every batch until the profiles change. */
export function indexProfiles(profiles: ReviewProfile[]): ReviewIndex {
  const postings = new Map<string, number[]>();
  const prefixes = new Map<string, number[]>();
  const pairs = new Map<string, number[]>();
  const all: Posting[] = [];
  let longestPrefix = 0;
  const file = (map: Map<string, number[]>, term: string, id: number): void => {
    const list = map.get(term);
    if (list) list.push(id);
    else map.set(term, [id]);
  };
  const add = (map: Map<string, number[]>, term: string, p: Posting): void => {
    file(map, term, all.length);
    all.push(p);
  };
  profiles.forEach((profile, k) => {
    for (const t of profile.terms.values()) {
      const p: Posting = {
        profile: k,
        weight: t.weight,
        mechanism: t.role === 'mechanism',
        anchor: t.anchor === true,
        idea: t.idea,
        word: t.word,
        ...(t.learnedFrom ? { learnedFrom: t.learnedFrom } : {}),
      };
      if (isPair(t.term)) add(pairs, t.term, p);
      else if (!t.prefix) add(postings, t.term, p);
      else {
        const stem = t.term.slice(0, -1);
        add(prefixes, stem, p);
        longestPrefix = Math.max(longestPrefix, stem.length);
      }
    }
    // A family member of a mechanism stem is looked up under that member's own stem: one posting for
    // all the members, filed under each.
    for (const stem of profile.mechanismStems) {
      const variants = familyOf(stem).filter((v) => !profile.terms.has(v));
      if (variants.length === 0) continue;
      const t = profile.terms.get(stem)!;
      const id = all.length;
      all.push({
        profile: k,
        weight: t.weight * familyDiscount,
        mechanism: true,
        anchor: t.anchor === true,
        idea: t.idea,
        word: t.word,
      });
      for (const variant of variants) file(postings, variant, id);
    }
  });
  const stemIds = new Map<string, number>();
  const idOf = (stem: string): number => {
    let id = stemIds.get(stem);
    if (id === undefined) {
      id = stemIds.size;
      stemIds.set(stem, id);
    }
    return id;
  };
  for (const stem of postings.keys()) idOf(stem);
  const table: PostingTable = {
    all,
    profile: new Int32Array(all.length),
    weight: new Float64Array(all.length),
    idea: new Float64Array(all.length),
    flags: new Uint8Array(all.length),
  };
  all.forEach((p, id) => {
    table.profile[id] = p.profile;
    table.weight[id] = p.weight;
    table.idea[id] = p.idea;
    table.flags[id] =
      (p.mechanism ? mechanismFlag : 0) | (p.anchor ? anchorFlag : 0) | (p.learnedFrom ? learnedFlag : 0);
  });
  return {
    profiles,
    table,
    postings,
    prefixes,
    longestPrefix,
    stemIds,
    pairs: pairsById(pairs, idOf),
  };
}

function pairsById(
  pairs: Map<string, number[]>,
  idOf: (stem: string) => number,
): Map<number, Map<number, number[]>> {
  const out = new Map<number, Map<number, number[]>>();
  for (const [term, list] of pairs) {
    const [first, second] = term.split(' ').map(idOf) as [number, number];
    let inner = out.get(first);
    if (!inner) {
      inner = new Map();
      out.set(first, inner);
    }
    inner.set(second, list);
  }
  return out;
}

const none: number[] = [];

/** Posting ids a single item stem hits: its own, and those of every `word*` it starts with. */
export function postingsOf(ix: ReviewIndex, term: string): number[] {
  const exact = ix.postings.get(term) ?? none;
  if (ix.prefixes.size === 0) return exact;
  let out = exact;
  for (let n = 3; n <= Math.min(term.length, ix.longestPrefix); n++) {
    const more = ix.prefixes.get(term.slice(0, n));
    if (more) out = out.concat(more);
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
