// A batch of items indexed once for matching (pure): every field tokenized (tokenize.ts) into interned
// term ids with token offsets, and for each term where it occurs (item, field, position). Items are kept
// in ascending id, so a set of items in ascending index is a set of hits in ascending id.

import type { ItemField, MatchableItem } from './match-types.ts';
import { forEachToken } from './tokenize.ts';

/** The fields in the order TermHit.fields lists them; a field's index is its position here. */
export const itemFields: readonly ItemField[] = ['title', 'summary', 'body'];
export const fieldCount = 3;

export interface IndexedField {
  text: string;
  /** Term id of each token, in order. */
  terms: number[];
  /** UTF-16 offsets of each token in `text`. */
  starts: number[];
  ends: number[];
}

export interface BatchIndex {
  /** One per id, ascending id. */
  items: MatchableItem[];
  /** Field f of item i is fields[i * fieldCount + f]. */
  fields: IndexedField[];
  termIds: Map<string, number>;
  /** Term of each id. */
  vocab: string[];
  /** Per term id, its occurrences as pairs: i * fieldCount + f, then the token position. */
  postings: number[][];
}

/** `items`: one per id, in ascending id (match-items.ts sorts them). */
export function indexItems(sorted: MatchableItem[]): BatchIndex {
  const termIds = new Map<string, number>();
  const vocab: string[] = [];
  const postings: number[][] = [];
  const fields: IndexedField[] = [];
  sorted.forEach((item, i) => {
    const texts = [item.title, item.summary, item.body ?? ''];
    for (let f = 0; f < fieldCount; f++) {
      const field: IndexedField = { text: texts[f]!, terms: [], starts: [], ends: [] };
      const slot = i * fieldCount + f;
      forEachToken(field.text, (term, start, end) => {
        let id = termIds.get(term);
        if (id === undefined) {
          id = vocab.length;
          termIds.set(term, id);
          vocab.push(term);
          postings.push([]);
        }
        postings[id]!.push(slot, field.terms.length);
        field.terms.push(id);
        field.starts.push(start);
        field.ends.push(end);
      });
      fields.push(field);
    }
  });
  return { items: sorted, fields, termIds, vocab, postings };
}
