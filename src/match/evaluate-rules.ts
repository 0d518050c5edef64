// Rules evaluated over a batch index by set operations (pure). A phrase is found from the postings of
// its rarest token and checked token by token in the field (a phrase never spans fields, as in FTS5); a
// leaf is the union of its phrases; AND / OR work on item sets, so an AND may be met across fields.
// Every distinct phrase, leaf and expression is evaluated once per batch and shared by all commitments.

import type { BatchIndex } from './batch-index.ts';
import { fieldCount } from './batch-index.ts';
import { andInto, orInto, setBit, wordsFor } from './bitset.ts';
import type { ExpressionPlan, LeafPlan, NodePlan, QueryPhrase } from './match-plan.ts';

/** A query token resolved against the batch: a term id (-1: absent), or marks of the ids a prefix matches. */
type Spec = number | Uint8Array;

export interface RuleEvaluator {
  /** Words in one item set. */
  words: number;
  /** The items each field of which the leaf hits: field f's set at offset f * words. */
  leafFields(leaf: LeafPlan): Uint32Array;
  /** The items the expression matches. */
  expression(plan: ExpressionPlan): Uint32Array;
  /** Where the leaf's phrases start in field f of item i: pairs (position, phrase), in FTS5's xInst order. */
  instances(leaf: LeafPlan, i: number, f: number): number[];
}

export function ruleEvaluator(ix: BatchIndex): RuleEvaluator {
  const words = wordsFor(ix.items.length);
  const specsMemo = new Map<QueryPhrase, Spec[]>();
  const prefixMemo = new Map<string, Uint8Array>();
  const leafMemo = new Map<string, Uint32Array>();
  const leafAnyMemo = new Map<string, Uint32Array>();
  const expressionMemo = new Map<string, Uint32Array>();
  let sortedIds: number[] | undefined;

  // Ids of the batch's terms starting with `prefix`, by binary search over the sorted vocabulary.
  const prefixMarks = (prefix: string): Uint8Array => {
    let marks = prefixMemo.get(prefix);
    if (marks) return marks;
    marks = new Uint8Array(ix.vocab.length);
    sortedIds ??= ix.vocab.map((_, id) => id).sort((a, b) => (ix.vocab[a]! < ix.vocab[b]! ? -1 : 1));
    let lo = 0;
    let hi = sortedIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ix.vocab[sortedIds[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < sortedIds.length && ix.vocab[sortedIds[k]!]!.startsWith(prefix); k++)
      marks[sortedIds[k]!] = 1;
    prefixMemo.set(prefix, marks);
    return marks;
  };

  const specs = (phrase: QueryPhrase): Spec[] => {
    let s = specsMemo.get(phrase);
    if (!s) {
      s = phrase.map((t) => (t.prefix ? prefixMarks(t.term) : (ix.termIds.get(t.term) ?? -1)));
      specsMemo.set(phrase, s);
    }
    return s;
  };

  const matchesAt = (s: Spec[], terms: number[], start: number, skip: number): boolean => {
    if (start < 0 || start + s.length > terms.length) return false;
    for (let m = 0; m < s.length; m++) {
      if (m === skip) continue;
      const spec = s[m]!;
      const id = terms[start + m]!;
      if (typeof spec === 'number' ? spec !== id : spec[id] !== 1) return false;
    }
    return true;
  };

  const occurrences = (spec: Spec): number => {
    if (typeof spec === 'number') return spec < 0 ? 0 : ix.postings[spec]!.length;
    let n = 0;
    for (let id = 0; id < spec.length; id++) if (spec[id] === 1) n += ix.postings[id]!.length;
    return n;
  };

  const addPhrase = (phrase: QueryPhrase, out: Uint32Array): void => {
    const s = specs(phrase);
    if (s.length === 0 || s.some((spec) => spec === -1)) return;
    let anchor = 0;
    let fewest = Infinity;
    s.forEach((spec, m) => {
      const n = occurrences(spec);
      if (n < fewest) [anchor, fewest] = [m, n];
    });
    const a = s[anchor]!;
    const ids = typeof a === 'number' ? [a] : markedIds(a);
    for (const id of ids) {
      const post = ix.postings[id]!;
      for (let k = 0; k < post.length; k += 2) {
        const slot = post[k]!;
        if (s.length > 1 && !matchesAt(s, ix.fields[slot]!.terms, post[k + 1]! - anchor, anchor)) continue;
        const i = (slot / fieldCount) | 0;
        setBit(out, (slot - i * fieldCount) * words, i);
      }
    }
  };

  const leafFields = (leaf: LeafPlan): Uint32Array => {
    let bits = leafMemo.get(leaf.key);
    if (!bits) {
      bits = new Uint32Array(words * fieldCount);
      for (const phrase of leaf.phrases) addPhrase(phrase, bits);
      leafMemo.set(leaf.key, bits);
    }
    return bits;
  };

  const leafAny = (leaf: LeafPlan): Uint32Array => {
    let bits = leafAnyMemo.get(leaf.key);
    if (!bits) {
      const fields = leafFields(leaf);
      bits = new Uint32Array(words);
      for (let f = 0; f < fieldCount; f++) orInto(bits, fields, f * words);
      leafAnyMemo.set(leaf.key, bits);
    }
    return bits;
  };

  const node = (n: NodePlan): Uint32Array => {
    if (n.type === 'leaf') return leafAny(n.leaf);
    const [first, ...rest] = n.children.map(node);
    const out = Uint32Array.from(first!);
    for (const child of rest) (n.type === 'and' ? andInto : orInto)(out, child);
    return out;
  };

  const expression = (plan: ExpressionPlan): Uint32Array => {
    let bits = expressionMemo.get(plan.key);
    if (!bits) {
      bits = node(plan.root);
      expressionMemo.set(plan.key, bits);
    }
    return bits;
  };

  const instances = (leaf: LeafPlan, i: number, f: number): number[] => {
    const terms = ix.fields[i * fieldCount + f]!.terms;
    const found: number[] = [];
    leaf.phrases.forEach((phrase, p) => {
      const s = specs(phrase);
      if (s.length === 0) return;
      for (let start = 0; start + s.length <= terms.length; start++)
        if (matchesAt(s, terms, start, -1)) found.push(start, p);
    });
    return sortPairs(found);
  };

  return { words, leafFields, expression, instances };
}

function markedIds(marks: Uint8Array): number[] {
  const ids: number[] = [];
  for (let id = 0; id < marks.length; id++) if (marks[id] === 1) ids.push(id);
  return ids;
}

// By position, then phrase: the order in which fts5CacheInstArray merges the phrases' position lists.
function sortPairs(flat: number[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < flat.length; k += 2) pairs.push([flat[k]!, flat[k + 1]!]);
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return pairs.flat();
}
