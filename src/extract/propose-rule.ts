// A starting `match.any` for a proposed commitment (pure), in the rule language of
// config/commitments.yaml: a distinctive name on its own ("Frontex"), a phrase when it is the
// only topic ("customs partnership"), otherwise the two best topics joined by AND
// ("social media AND smuggl*"). Output uses only words, spaces, a trailing `*` and AND — no
// quotes, parentheses or lower-case operators — so it always parses.

import { keyPhrases, stems, type KeyPhrase } from './key-phrases.ts';

export interface RuleProposal {
  any: string[];
  /** The phrases the rule uses, in the order they appear. */
  used: KeyPhrase[];
  /** All key phrases found, best first. */
  phrases: KeyPhrase[];
}

/** `exclude`: names that are not topics (owners, the publisher); `favour`: partners the promise is made with. */
export function proposeRule(text: string, exclude: string[] = [], favour: string[] = []): RuleProposal {
  const phrases = keyPhrases(text, exclude, favour).filter((p) => term(p, false) !== '');
  const best = phrases[0];
  // The second topic must add something: not a variant of the first ("breakfast clubs" / "free breakfast club").
  const second =
    best &&
    phrases
      .slice(1)
      .find((p) =>
        !p.proper || !best.proper ? !stems(p.words).some((w) => stems(best.words).includes(w)) : false,
      );
  if (!best) return { any: [], used: [], phrases };
  if (best.proper || !second) return { any: [term(best, false)], used: [best], phrases };
  const pair = [best, second].sort((a, b) => a.index - b.index);
  return { any: [`${term(pair[0]!, true)} AND ${term(pair[1]!, true)}`], used: pair, phrases };
}

/** One phrase as rule text; a lone "-ing" word becomes a prefix (smuggling → smuggl*) so smugglers match too. */
export function term(p: KeyPhrase, allowPrefix: boolean): string {
  const words = p.words
    .map((w) => w.replace(/[^A-Za-z0-9]+/g, ' ').trim())
    .filter((w) => w && !/^(?:AND|OR|NOT|NEAR)$/.test(w));
  if (allowPrefix && words.length === 1 && !p.proper) {
    const w = words[0]!;
    const stem = w.replace(/ing$/, '');
    if (stem !== w && stem.length >= 6) return `${stem}*`;
  }
  return words.join(' ');
}

/** True when `expr` has the shape proposeRule writes: words (a trailing * allowed) joined by spaces and AND. */
export function isPlainRule(expr: string): boolean {
  return (
    /^[A-Za-z0-9]+\*?(?: [A-Za-z0-9]+\*?)*(?: AND [A-Za-z0-9]+\*?(?: [A-Za-z0-9]+\*?)*)*$/.test(expr) &&
    !expr.split(' AND ').some((part) => part.split(' ').some((w) => /^(?:AND|OR|NOT|NEAR)$/.test(w)))
  );
}
