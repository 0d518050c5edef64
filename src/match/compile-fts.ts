// Rule AST → FTS5 query string (pure). Every term becomes a quoted FTS5 string (`"` doubled), so
// user text is always data: `net-zero`, `col:x`, `NEAR(a b)` or `a^b` can never act as FTS5 syntax.
// A phrase is its words in order; an unquoted word also matches its agent-noun partner
// (word-variants.ts), which expands a phrase into alternatives joined by OR. items_fts runs these
// strings (the history prefilter); match-plan.ts runs the same alternatives in memory.

import type { PhraseNode, RuleNode } from './rule-language.ts';
import { wordVariants } from './word-variants.ts';

/** A term or phrase of a rule, as the analyst wrote it and as FTS5 runs it (for explanations). */
export interface Leaf {
  term: string;
  fts: string;
}

/** A phrase of several conflatable words could multiply; beyond this, later words stay as written. */
const maxAlternatives = 16;

export function compileRule(node: RuleNode): string {
  switch (node.type) {
    case 'phrase':
      return compilePhrase(node);
    // FTS5 also binds AND tighter than OR; the brackets make the grouping explicit rather than relied on.
    case 'and':
      return node.children
        .map((c) => (c.type === 'or' ? `(${compileRule(c)})` : compileRule(c)))
        .join(' AND ');
    case 'or':
      return node.children
        .map((c) => (c.type === 'and' ? `(${compileRule(c)})` : compileRule(c)))
        .join(' OR ');
  }
}

/** Each distinct term or phrase of the rule, in the order written. */
export function ruleLeaves(node: RuleNode): Leaf[] {
  const seen = new Map<string, Leaf>();
  const walk = (n: RuleNode): void => {
    if (n.type === 'phrase') {
      if (!seen.has(n.text)) seen.set(n.text, { term: n.text, fts: compilePhrase(n) });
    } else {
      n.children.forEach(walk);
    }
  };
  walk(node);
  return [...seen.values()];
}

/** A string FTS5 reads as data only: wrapped in quotes, quotes inside doubled. */
export function quoteFts(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** One quoted FTS5 string of a phrase, and whether `*` follows it (its last token is then a prefix). */
export interface FtsPart {
  text: string;
  prefix: boolean;
}

function compilePhrase(p: PhraseNode): string {
  const alternatives = phraseAlternatives(p).map((parts) =>
    parts.map((part) => `${quoteFts(part.text)}${part.prefix ? '*' : ''}`).join(' + '),
  );
  return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
}

/**
 * The phrase as FTS5 runs it: alternatives (joined by OR), each a list of parts joined by `+`.
 * The in-memory matcher (match-plan.ts) reads this same structure, so both mean the same.
 */
export function phraseAlternatives(p: PhraseNode): FtsPart[][] {
  let combos: string[][] = [[]];
  for (const w of p.words) {
    const forms = w.quoted || w.prefix ? [w.text] : wordVariants(w.text);
    const usable = combos.length * forms.length > maxAlternatives ? forms.slice(0, 1) : forms;
    combos = combos.flatMap((c) => usable.map((f) => [...c, f]));
  }
  const prefixes = p.words.map((w) => w.prefix);
  return combos.map((texts) => phraseParts(texts, prefixes));
}

// Adjacent words share one quoted string; a prefix word closes its string with `*` (FTS5 marks the
// last token of a string followed by * as a prefix) and the phrase continues with `+`.
function phraseParts(texts: string[], prefixes: boolean[]): FtsPart[] {
  const parts: FtsPart[] = [];
  let run: string[] = [];
  texts.forEach((text, i) => {
    run.push(text);
    if (prefixes[i]) {
      parts.push({ text: run.join(' '), prefix: true });
      run = [];
    }
  });
  if (run.length) parts.push({ text: run.join(' '), prefix: false });
  return parts;
}
