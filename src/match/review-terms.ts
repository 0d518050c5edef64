// The words the review tier compares (pure): a text's stems as items_fts has them (tokenize.ts), less
// stop words and numbers, plus each pair of neighbouring kept words ("supply chain", "social media"),
// because a pair says more than its two words apart. Each term keeps the word a reader will be shown.

import { placeWords, stopWords } from './review-words.ts';
import { forEachFoldedToken, termOf } from './tokenize.ts';

export interface TextTerm {
  /** A stem, or two stems joined by a space. */
  term: string;
  /** As written (folded): what a reason shows. */
  word: string;
  /** Every word of it is a place or people (France, Channel): topic at most. */
  place: boolean;
  /** A single word inside a name of several capitalised words ("Coast" in European Border and Coast Guard). */
  namePart?: boolean;
}

/** Distinct terms of `text`, in the order they first occur (single words, then pairs, interleaved). */
export function textTerms(text: string): TextTerm[] {
  const out = new Map<string, TextTerm>();
  let prev: TextTerm | undefined;
  const tokens: Array<{ folded: string; capital: boolean }> = [];
  forEachFoldedToken(text, (folded, start) => {
    const c = text.charCodeAt(start);
    tokens.push({ folded, capital: c >= 0x41 && c <= 0x5a });
  });
  // "and" / "of" may sit inside a name (Border and Coast Guard).
  const capital = (i: number): boolean => {
    const t = tokens[i];
    if (!t) return false;
    if (t.capital) return true;
    return (
      (t.folded === 'and' || t.folded === 'of') && Boolean(tokens[i - 1]?.capital && tokens[i + 1]?.capital)
    );
  };
  tokens.forEach(({ folded }, i) => {
    if (reviewWordClass(folded) !== keptWord) {
      prev = undefined;
      return;
    }
    const namePart = capital(i) && (capital(i - 1) || capital(i + 1)) && i > 0;
    const t: TextTerm = {
      term: termOf(folded),
      word: folded,
      place: placeWords.has(folded),
      ...(namePart ? { namePart } : {}),
    };
    if (!out.has(t.term)) out.set(t.term, t);
    if (prev && prev.term !== t.term) {
      const pair = `${prev.term} ${t.term}`;
      if (!out.has(pair))
        out.set(pair, { term: pair, word: `${prev.word} ${t.word}`, place: prev.place && t.place });
    }
    prev = t;
  });
  return [...out.values()];
}

/** A token the review tier keeps (not a stop word, three letters or more, not a number). */
export const keptWord = 1;

/** What the review tier makes of a folded token: keptWord, or 0 (textTerms and the batch view agree on it). */
export function reviewWordClass(folded: string): number {
  return stopWords.has(folded) || folded.length < 3 || /^\d/.test(folded) ? 0 : keptWord;
}

/** Stems of the words of `text` written with a lower-case first letter (not names, not acronyms). */
export function lowerCaseTerms(text: string): Set<string> {
  const out = new Set<string>();
  forEachFoldedToken(text, (folded, start) => {
    const c = text.charCodeAt(start);
    if (c >= 0x61 && c <= 0x7a && reviewWordClass(folded) === keptWord) out.add(termOf(folded));
  });
  return out;
}

/** True for a pair of stems ("suppli chain"). */
export function isPair(term: string): boolean {
  return term.includes(' ');
}

// Porter leaves some families apart: supply/supplier, partnership/partner, seize/seizure. A stem that
// is another plus one of these endings is taken as the same word (at a discount, review-score.ts).
const familyEndings = ['er', 'ur', 'ure', 'ship', 'ion', 'ation', 'ive', 'ment'];

/** `shorter` is a stem of at least 5 letters (4 before -er/-ur) and `longer` is it plus a family ending. */
export function sameFamily(shorter: string, longer: string): boolean {
  if (longer.length <= shorter.length || !longer.startsWith(shorter)) return false;
  const ending = longer.slice(shorter.length);
  if (!familyEndings.includes(ending)) return false;
  return shorter.length >= 5 || ((ending === 'er' || ending === 'ur') && shorter.length >= 4);
}
