// The rule language's tokens (pure): words, quoted phrases, AND/OR, parentheses, with their positions,
// and the syntax errors a person sees (each with where it is and how to fix it). rule-language.ts parses them.

import { FollowthroughError } from '../errors.ts';

/** FTS5's own parser overflows near 24 alternating levels; no real rule needs more than a few. */
export const maxNesting = 10;

export type TokenKind = 'word' | 'quoted' | 'and' | 'or' | 'open' | 'close';

export interface Token {
  kind: TokenKind;
  /** Raw text for words; the unescaped inside for quoted phrases. */
  text: string;
  start: number;
  end: number;
}

/** Thrown inside the parser only; parseRule turns it into a ParseFailure. */
export class RuleSyntaxError extends FollowthroughError {
  readonly at: number;
  readonly fix: string;

  constructor(message: string, at: number, fix: string) {
    super('rule_syntax', message);
    this.name = 'RuleSyntaxError';
    this.at = at;
    this.fix = fix;
  }
}

export const quoteOperatorFix = (op: string): string =>
  `to search for the word itself, put it in quotes: "${op}"`;

export function problem(error: string, at: number, fix: string): RuleSyntaxError {
  return new RuleSyntaxError(error, at, fix);
}

// Control characters count as spaces: they are never part of a word in feed text either.
export function isSpace(ch: string): boolean {
  return /[\s\u0000-\u001f\u007f]/u.test(ch);
}

export function isBoundary(ch: string): boolean {
  return isSpace(ch) || ch === '(' || ch === ')';
}

export function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i]!;
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'open' : 'close', text: ch, start: i, end: i + 1 });
      i++;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= expr.length) {
          throw problem(
            'unclosed quote at {at}',
            i,
            'end the phrase with another ", or write "" for a quote mark inside quotes',
          );
        }
        if (expr[j] === '"') {
          if (expr[j + 1] !== '"') break;
          text += '"';
          j += 2;
          continue;
        }
        text += expr[j];
        j++;
      }
      const end = j + 1;
      const next = expr[end];
      if (next === '*') {
        throw problem(
          '* after a quoted phrase at {at}',
          end,
          'quoted phrases match as written; for any ending, leave the word unquoted: smuggl*',
        );
      }
      if (next !== undefined && !isBoundary(next)) {
        throw problem(
          'text straight after a closing quote at {at}',
          end,
          'put a space after the closing quote',
        );
      }
      tokens.push({ kind: 'quoted', text, start: i, end });
      i = end;
    } else {
      let j = i;
      while (j < expr.length && !isBoundary(expr[j]!)) j++;
      const text = expr.slice(i, j);
      const kind: TokenKind = text === 'AND' ? 'and' : text === 'OR' ? 'or' : 'word';
      tokens.push({ kind, text, start: i, end: j });
      i = j;
    }
  }
  return tokens;
}

// Checked before parsing, so `NHS AND (` reports the bracket, the real mistake.
export function checkParentheses(tokens: Token[]): void {
  const open: Token[] = [];
  for (const t of tokens) {
    if (t.kind === 'open') {
      open.push(t);
      if (open.length > maxNesting) {
        throw problem(
          `more than ${maxNesting} levels of parentheses at {at}`,
          t.start,
          'split the expression into several lines under any: (one matching line is enough)',
        );
      }
    } else if (t.kind === 'close') {
      if (!open.pop())
        throw problem(
          'unbalanced parenthesis at {at}: this ) has no ( before it',
          t.start,
          'remove the ), or add the missing ( where the group starts',
        );
    }
  }
  const unclosed = open[open.length - 1];
  if (unclosed)
    throw problem(
      'unbalanced parenthesis at {at}: this ( is never closed',
      unclosed.start,
      'add a ) where the group ends, or remove the (',
    );
}
