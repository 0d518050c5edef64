// A starting `match.any` for a proposed commitment (pure), in the rule language of
// config/commitments.yaml, one line per idea the promise holds, as an analyst writes them:
// - the mechanism first: a distinctive name on its own ("Frontex"), a phrase when it is the only
//   topic ("customs partnership"), otherwise the two best topics joined by AND ("social media AND smuggl*");
// - the same idea in the other words a follow-up may use (rule-synonyms.ts), kept on its object:
//   "(online OR platforms OR tech companies) AND smuggl*";
// - each further idea of the clause (its object, its actors), kept on the subject by the object or the
//   mechanism: "transit routes AND illegal migration";
// - how it is to be kept, when the clause says so in a word too generic for a phrase ("legislative"):
//   "(legislation OR bill OR new law) AND illegal migration".
// At most maxLines lines. Output uses only words, spaces, a trailing `*`, AND, and OR inside one level
// of parentheses — no quotes or lower-case operators — so it always parses.

import { keyPhrases, stems, type KeyPhrase } from './key-phrases.ts';
import { hints, synonymsOf } from './rule-synonyms.ts';

export const maxLines = 4;

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
  if (!best) return { any: [], used: [], phrases };
  // The second topic must add something: not a variant of the first ("breakfast clubs" / "free breakfast club").
  const distinct = (p: KeyPhrase, from: KeyPhrase[]): boolean =>
    from.every((q) =>
      !p.proper || !q.proper ? !stems(p.words).some((w) => stems(q.words).includes(w)) : p !== q,
    );
  const second = phrases.slice(1).find((p) => distinct(p, [best]));
  const used = best.proper || !second ? [best] : [best, second].sort((a, b) => a.index - b.index);
  const lines = [used.length === 1 ? term(best, false) : used.map((p) => term(p, true)).join(' AND ')];
  const add = (line: string | undefined): void => {
    if (line && lines.length < maxLines && !lines.includes(line)) lines.push(line);
  };
  // In a clause the object follows the mechanism ("social media … smuggling networks", "a deterrent
  // against … illegal migration"): the object keeps other lines on the subject, else the mechanism.
  const object = used.length === 2 ? used[1]! : undefined;
  const keep = object ? term(object, true) : best.proper ? undefined : term(best, false);
  const widened = (p: KeyPhrase): string | undefined => {
    const other = synonymsOf(term(p, false));
    return other.length ? group([term(p, true), ...other]) : undefined;
  };
  // The same idea in the other words a follow-up may use.
  if (used.length === 2) {
    const parts = used.map((p) => widened(p) ?? term(p, true));
    if (parts.some((x, i) => x !== term(used[i]!, true))) add(parts.join(' AND '));
  } else if (!best.proper) {
    const whole = synonymsOf(term(best, false));
    const head = best.words.length > 1 ? best.words.at(-1)!.toLowerCase() : '';
    if (whole.length) add(group(whole));
    else if (synonymsOf(head).length)
      add(`${term({ ...best, words: best.words.slice(0, -1) }, false)} AND ${group(synonymsOf(head))}`);
  }
  // How it is to be kept, said in a word too generic to be a phrase of its own.
  const words = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  for (const h of hints)
    if (keep && words.includes(` ${h} `) && !lines.some((l) => l.toLowerCase().includes(h)))
      add(`${group([h, ...synonymsOf(h)])} AND ${keep}`);
  // Further ideas of the clause: its object or its actors.
  const further = phrases.filter((p) => !used.includes(p) && distinct(p, used));
  if (keep) for (const p of further.slice(0, 2)) add(`${widened(p) ?? term(p, true)} AND ${keep}`);
  else if (further.length >= 2)
    add(
      further
        .slice(0, 2)
        .map((p) => widened(p) ?? term(p, true))
        .join(' AND '),
    );
  return { any: lines, used, phrases };
}

/** Terms joined by OR, in parentheses when there are several. */
function group(terms: string[]): string {
  const unique = [...new Set(terms)];
  return unique.length === 1 ? unique[0]! : `(${unique.join(' OR ')})`;
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

/** True when `expr` has the shape proposeRule writes: phrases of words (a trailing * allowed), or
 *  parenthesised groups of them joined by OR, joined by AND. */
export function isPlainRule(expr: string): boolean {
  const phrase = /^[A-Za-z0-9]+\*?(?: [A-Za-z0-9]+\*?)*$/;
  const plain = (p: string): boolean =>
    phrase.test(p) && !p.split(' ').some((w) => /^(?:AND|OR|NOT|NEAR)$/.test(w));
  return expr.split(' AND ').every((part) => {
    const inner = /^\((.+)\)$/.exec(part)?.[1];
    if (inner === undefined) return plain(part);
    const alternatives = inner.split(' OR ');
    return alternatives.length > 1 && alternatives.every(plain);
  });
}
