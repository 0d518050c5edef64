// Rules evaluated over a batch index by set operations (pure). A phrase is found from the postings of
// its rarest token and checked token by token in the field (a phrase never spans fields, as in FTS5); a
// leaf is the union of its phrases; AND / OR work on item sets, so an AND may be met across fields.
// Every distinct phrase, leaf and expression is evaluated once per batch and shared by all commitments.

import type { BatchIndex } from './batch-index.ts';
import { fieldCount } from './batch-index.ts';
import { andInto, orInto, setAllocator, setBit, wordsFor } from './bitset.ts';
import type { ExpressionPlan, LeafPlan, NodePlan, QueryPhrase } from './match-plan.ts';

/** A prefix resolved against the batch: marks of the term ids it matches, those ids, their occurrences. */
interface Prefix {
  marks: Uint8Array;
  ids: number[];
  occurrences: number;
}

/** A query token resolved against the batch: a term id (-1: not in the batch), or a prefix. */
type Spec = number | Prefix;

export interface RuleEvaluator {
  /** Words in one item set. */
  words: number;
  /** An empty item set for this batch. */
  newSet(): Uint32Array;
  /** A number for each distinct leaf (by meaning) in this batch. */
  leafId(leaf: LeafPlan): number;
  /** The items each field of which the leaf hits: field f's set at offset f * words. */
  leafFields(leaf: LeafPlan): Uint32Array;
  /** The items the expression matches. */
  expression(plan: ExpressionPlan): Uint32Array;
  /** Where the leaf's phrases start in field f of item i: pairs (position, phrase), in FTS5's xInst order. */
  instances(leaf: LeafPlan, i: number, f: number): number[];
}

export function ruleEvaluator(ix: BatchIndex): RuleEvaluator {
  const words = wordsFor(ix.items.length);
  const newSet = setAllocator(words);
  const newFieldSets = setAllocator(words * fieldCount);
  const { terms, slotStart, postStart, postSlot, postPos } = ix;
  const specsMemo = new Map<QueryPhrase, Spec[]>();
  const prefixMemo = new Map<string, Prefix>();
  const leafIds = new Map<string, number>();
  const leafBits: Uint32Array[] = [];
  const leafAnyBits: Uint32Array[] = [];
  const expressionMemo = new Map<string, Uint32Array>();
  let sortedIds: number[] | undefined;

  // The batch's terms starting with `prefix`, by binary search over the sorted vocabulary.
  const prefixOf = (prefix: string): Prefix => {
    let p = prefixMemo.get(prefix);
    if (p) return p;
    p = { marks: new Uint8Array(ix.vocab.length), ids: [], occurrences: 0 };
    sortedIds ??= ix.vocab.map((_, id) => id).sort((a, b) => (ix.vocab[a]! < ix.vocab[b]! ? -1 : 1));
    let lo = 0;
    let hi = sortedIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ix.vocab[sortedIds[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < sortedIds.length && ix.vocab[sortedIds[k]!]!.startsWith(prefix); k++) {
      const id = sortedIds[k]!;
      p.marks[id] = 1;
      p.ids.push(id);
      p.occurrences += postStart[id + 1]! - postStart[id]!;
    }
    p.ids.sort((a, b) => a - b);
    prefixMemo.set(prefix, p);
    return p;
  };

  const specs = (phrase: QueryPhrase): Spec[] => {
    let s = specsMemo.get(phrase);
    if (!s) {
      s = phrase.map((t) => (t.prefix ? prefixOf(t.term) : (ix.termIds.get(t.term) ?? -1)));
      specsMemo.set(phrase, s);
    }
    return s;
  };

  // Whether the phrase's tokens (but `skip`) are at `start` of the slot.
  const matchesAt = (s: Spec[], slot: number, start: number, skip: number): boolean => {
    const base = slotStart[slot]!;
    if (start < 0 || base + start + s.length > slotStart[slot + 1]!) return false;
    for (let m = 0; m < s.length; m++) {
      if (m === skip) continue;
      const spec = s[m]!;
      const id = terms[base + start + m]!;
      if (typeof spec === 'number' ? spec !== id : spec.marks[id] !== 1) return false;
    }
    return true;
  };

  const occurrences = (spec: Spec): number =>
    typeof spec === 'number' ? (spec < 0 ? 0 : postStart[spec + 1]! - postStart[spec]!) : spec.occurrences;

  // From the postings of the phrase's rarest token, each occurrence checked against the others.
  const addPhrase = (phrase: QueryPhrase, out: Uint32Array): void => {
    const s = specs(phrase);
    if (s.length === 0) return;
    let anchor = 0;
    for (let m = 1; m < s.length; m++) if (occurrences(s[m]!) < occurrences(s[anchor]!)) anchor = m;
    const a = s[anchor]!;
    if (a === -1) return;
    const ids = typeof a === 'number' ? [a] : a.ids;
    for (const id of ids) {
      for (let k = postStart[id]!; k < postStart[id + 1]!; k++) {
        const slot = postSlot[k]!;
        if (s.length > 1 && !matchesAt(s, slot, postPos[k]! - anchor, anchor)) continue;
        const i = (slot / fieldCount) | 0;
        setBit(out, (slot - i * fieldCount) * words, i);
      }
    }
  };

  const leafId = (leaf: LeafPlan): number => {
    let id = leafIds.get(leaf.key);
    if (id === undefined) {
      id = leafBits.length;
      const bits = newFieldSets();
      for (const phrase of leaf.phrases) addPhrase(phrase, bits);
      const any = newSet();
      for (let f = 0; f < fieldCount; f++) orInto(any, bits, f * words);
      leafIds.set(leaf.key, id);
      leafBits.push(bits);
      leafAnyBits.push(any);
    }
    return id;
  };

  const node = (n: NodePlan): Uint32Array => {
    if (n.type === 'leaf') return leafAnyBits[leafId(n.leaf)]!;
    const out = newSet();
    out.set(node(n.children[0]!));
    for (let c = 1; c < n.children.length; c++) {
      if (n.type === 'and') andInto(out, node(n.children[c]!));
      else orInto(out, node(n.children[c]!));
    }
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

  // Position by position, phrase by phrase: the order in which fts5CacheInstArray merges position lists.
  const instances = (leaf: LeafPlan, i: number, f: number): number[] => {
    const slot = i * fieldCount + f;
    const length = slotStart[slot + 1]! - slotStart[slot]!;
    const all = leaf.phrases.map(specs);
    const found: number[] = [];
    for (let start = 0; start < length; start++)
      for (let p = 0; p < all.length; p++)
        if (all[p]!.length && matchesAt(all[p]!, slot, start, -1)) found.push(start, p);
    return found;
  };

  return { words, newSet, leafId, leafFields: (leaf) => leafBits[leafId(leaf)]!, expression, instances };
}
