// A batch of items indexed once for matching (pure): every field tokenized (tokenize.ts) into interned
// term ids with token offsets, and for each term where it occurs (field slot, position). All in flat
// typed arrays: a batch of a thousand items is some 50,000 tokens, and small arrays per field or per
// term would cost more to allocate and collect than matching itself. Items are kept in ascending id,
// so a set of item indexes in ascending order is a list of hits in ascending id.

import type { ItemField, MatchableItem } from './match-types.ts';
import { forEachFoldedToken, termOf } from './tokenize.ts';

/** The fields in the order TermHit.fields lists them; a field's index is its position here. */
export const itemFields: readonly ItemField[] = ['title', 'summary', 'body'];
export const fieldCount = 3;

export interface BatchIndex {
  /** One per id, ascending id. */
  items: MatchableItem[];
  /** Text of each slot: field f of item i is slot i * fieldCount + f. */
  texts: string[];
  /** Slot s's tokens are tokens slotStart[s] … slotStart[s + 1] - 1 (one more entry than slots). */
  slotStart: Int32Array;
  /** Per token: its term id and its UTF-16 offsets in the slot's text. */
  terms: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  termIds: Map<string, number>;
  /** Term of each id. */
  vocab: string[];
  /** Term t occurs at entries postStart[t] … postStart[t + 1] - 1 of postSlot and postPos, in token order. */
  postStart: Int32Array;
  postSlot: Int32Array;
  /** Position of the occurrence within its slot. */
  postPos: Int32Array;
  /** Per token, what `classify` said of its folded form (indexItems' second argument), when given. */
  tokenClass?: Uint8Array;
}

/** `items`: one per id, in ascending id (match-items.ts sorts them). `classify` (the review tier's: is
 *  this folded token one of its words?) is asked once per distinct folded token, its answer kept per token. */
export function indexItems(items: MatchableItem[], classify?: (folded: string) => number): BatchIndex {
  const slots = items.length * fieldCount;
  const texts: string[] = new Array(slots);
  const slotStart = new Int32Array(slots + 1);
  const termIds = new Map<string, number>();
  const vocab: string[] = [];
  // Folded token → term id for this batch: most tokens repeat, so porter and the term map are asked once.
  const folded = new Map<string, number>();
  // Room for a token per four characters (English averages one per six); grown if the text is denser.
  let chars = 0;
  for (const item of items) chars += item.title.length + item.summary.length + (item.body?.length ?? 0);
  let terms = new Int32Array(1024 + (chars >> 2));
  let starts = new Int32Array(terms.length);
  let ends = new Int32Array(terms.length);
  let classes = classify ? new Uint8Array(terms.length) : undefined;
  const classOf = classify ? new Map<string, number>() : undefined;
  let count = 0;
  const sink = (token: string, start: number, end: number): void => {
    if (classes) {
      let c = classOf!.get(token);
      if (c === undefined) {
        c = classify!(token);
        classOf!.set(token, c);
      }
      if (count === classes.length) classes = growBytes(classes);
      classes[count] = c;
    }
    let id = folded.get(token);
    if (id === undefined) {
      const term = termOf(token);
      id = termIds.get(term);
      if (id === undefined) {
        id = vocab.length;
        termIds.set(term, id);
        vocab.push(term);
      }
      folded.set(token, id);
    }
    if (count === terms.length) [terms, starts, ends] = [grow(terms), grow(starts), grow(ends)];
    terms[count] = id;
    starts[count] = start;
    ends[count] = end;
    count++;
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const fields = [item.title, item.summary, item.body ?? ''];
    for (let f = 0; f < fieldCount; f++) {
      const slot = i * fieldCount + f;
      texts[slot] = fields[f]!;
      slotStart[slot] = count;
      forEachFoldedToken(fields[f]!, sink);
    }
  }
  slotStart[slots] = count;

  // Postings by counting sort: tokens are visited in slot and position order, so each list is sorted.
  const postStart = new Int32Array(vocab.length + 1);
  for (let k = 0; k < count; k++) postStart[terms[k]! + 1]!++;
  for (let t = 0; t < vocab.length; t++) postStart[t + 1]! += postStart[t]!;
  const fill = postStart.slice(0, vocab.length);
  const postSlot = new Int32Array(count);
  const postPos = new Int32Array(count);
  for (let slot = 0; slot < slots; slot++) {
    for (let k = slotStart[slot]!; k < slotStart[slot + 1]!; k++) {
      const at = fill[terms[k]!]!++;
      postSlot[at] = slot;
      postPos[at] = k - slotStart[slot]!;
    }
  }
  return {
    items,
    texts,
    slotStart,
    terms: terms.subarray(0, count),
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
    termIds,
    vocab,
    postStart,
    postSlot,
    postPos,
    ...(classes ? { tokenClass: classes.subarray(0, count) } : {}),
  };
}

function growBytes(a: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const bigger = new Uint8Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}
