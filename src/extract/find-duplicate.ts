// Whether a proposal is a commitment already watched (pure): the same committing sentence, or
// the same announcement and a sentence that contains the other. Quotes are compared as words,
// so a re-wrapped or re-punctuated quote in the file still counts as the same.

import type { ProposedCommitment } from './extract-commitments.ts';

export interface WatchedSource {
  id: string;
  source?: { url?: string; quote?: string };
}

export interface Duplicate {
  id: string;
  /** In words: `same quote` or `same announcement and quote`. */
  why: string;
}

function words(text: string | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

function sameAddress(a: string | undefined, b: string | undefined): boolean {
  const clean = (u: string | undefined) =>
    (u ?? '')
      .trim()
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .toLowerCase();
  return clean(a) !== '' && clean(a) === clean(b);
}

export function findDuplicate(
  p: ProposedCommitment,
  watched: readonly WatchedSource[],
): Duplicate | undefined {
  const quote = words(p.source.quote);
  if (!quote) return undefined;
  for (const w of watched) {
    const theirs = words(w.source?.quote);
    if (!theirs) continue;
    if (theirs === quote) return { id: w.id, why: 'same quote' };
    if (sameAddress(w.source?.url, p.source.url) && (theirs.includes(quote) || quote.includes(theirs)))
      return { id: w.id, why: 'same announcement and quote' };
  }
  return undefined;
}
