// The rule language analysts write in config/commitments.yaml (pure). One expression:
//   customs partnership   words side by side form a phrase (adjacent, in order)
//   "Border Force"        quotes also make a phrase, matched as written (and quote operator words: "AND");
//                         `""` inside quotes is a literal quote mark
//   a AND b, a OR b       upper case only (lower-case and/or are words); AND binds tighter than OR
//   ( … )                 parentheses group
//   smuggl*               a trailing * on an unquoted word matches any ending
// Matching ignores case and accents and is stemmed (porter, as items_fts): partnership = partnerships.
// The part before * is stemmed too, so `operational*` searches from `oper`. Unquoted words also meet
// their agent noun (smugglers ⇄ smuggling, word-variants.ts); quoted words get porter stemming only.
// Everything else (hyphens, colons, ^, NEAR, braces, +, -, emoji) is data: compile-fts.ts quotes every
// term, so nothing an analyst writes ever reaches FTS5 unquoted.

import {
  checkParentheses,
  problem,
  quoteOperatorFix,
  RuleSyntaxError,
  type Token,
  tokenize,
} from './rule-tokens.ts';

export interface RuleWord {
  /** The word as written, without a trailing `*`. */
  text: string;
  /** A trailing `*`: matches any ending. */
  prefix: boolean;
  /** Came from inside quotes: matched as written, with no agent-noun variants. */
  quoted: boolean;
}

export interface PhraseNode {
  type: 'phrase';
  /** The phrase as the analyst wrote it (quotes and `*` kept, runs of spaces collapsed). */
  text: string;
  words: RuleWord[];
}

export interface AndNode {
  type: 'and';
  children: RuleNode[];
}

export interface OrNode {
  type: 'or';
  children: RuleNode[];
}

export type RuleNode = PhraseNode | AndNode | OrNode;

export interface ParseSuccess {
  ok: true;
  rule: RuleNode;
}

export interface ParseFailure {
  ok: false;
  /** What is wrong and where, e.g. `unbalanced parenthesis at 9`. */
  error: string;
  /** 1-based character column in the expression, as an editor counts. */
  position: number;
  /** One sentence saying how to fix it. */
  fix: string;
}

export type ParseResult = ParseSuccess | ParseFailure;

export function parseRule(expr: string): ParseResult {
  try {
    const tokens = tokenize(expr);
    if (tokens.length === 0) {
      return failure(
        expr,
        problem(
          'empty expression',
          0,
          'write at least one word or phrase (e.g. customs partnership), or delete the line',
        ),
      );
    }
    checkParentheses(tokens);
    return { ok: true, rule: parseTokens(expr, tokens) };
  } catch (err) {
    if (err instanceof RuleSyntaxError) return failure(expr, err);
    throw err;
  }
}

function failure(expr: string, p: RuleSyntaxError): ParseFailure {
  const position = Array.from(expr.slice(0, p.at)).length + 1;
  return { ok: false, error: p.message.replace('{at}', String(position)), position, fix: p.fix };
}

// Recursive descent over the tokens; `i` is the cursor shared by the nested functions.
function parseTokens(expr: string, tokens: Token[]): RuleNode {
  let i = 0;
  const peek = (): Token | undefined => tokens[i];

  const parseOr = (): RuleNode => {
    const children = [parseAnd()];
    while (peek()?.kind === 'or') {
      expectOperand(tokens[i++]!);
      children.push(parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children: flatten('or', children) };
  };

  const parseAnd = (): RuleNode => {
    const children = [parsePrimary()];
    while (peek()?.kind === 'and') {
      expectOperand(tokens[i++]!);
      children.push(parsePrimary());
    }
    return children.length === 1 ? children[0]! : { type: 'and', children: flatten('and', children) };
  };

  const expectOperand = (op: Token): void => {
    const next = peek();
    if (!next || next.kind === 'close' || next.kind === 'and' || next.kind === 'or') {
      throw problem(
        `${op.text} with nothing after it at {at}`,
        op.start,
        `write a word or phrase after ${op.text}, or remove it; ${quoteOperatorFix(op.text)}`,
      );
    }
  };

  const parsePrimary = (): RuleNode => {
    const t = peek()!;
    if (t.kind === 'and' || t.kind === 'or') {
      throw problem(
        `${t.text} with nothing before it at {at}`,
        t.start,
        `write a word or phrase before ${t.text}, or remove it; ${quoteOperatorFix(t.text)}`,
      );
    }
    let node: RuleNode;
    if (t.kind === 'open') {
      i++;
      if (peek()?.kind === 'close') {
        throw problem(
          'empty parentheses at {at}',
          t.start,
          'put an expression inside, e.g. (France OR French), or remove them',
        );
      }
      node = parseOr();
      i++; // the matching ), guaranteed by checkParentheses
    } else {
      node = parsePhrase();
    }
    const after = peek();
    if (after?.kind === 'open') {
      throw problem(
        'missing AND or OR before ( at {at}',
        after.start,
        'join the parts with AND or OR, e.g. customs AND (partnership OR agency); to search for a bracket, quote the phrase',
      );
    }
    if (after?.kind === 'word' || after?.kind === 'quoted') {
      throw problem(
        'missing AND or OR after ) at {at}',
        after.start,
        'join the parts with AND or OR, e.g. (France OR French) AND customs',
      );
    }
    return node;
  };

  const parsePhrase = (): PhraseNode => {
    const first = tokens[i]!;
    let last = first;
    const words: RuleWord[] = [];
    for (let t = peek(); t && (t.kind === 'word' || t.kind === 'quoted'); t = peek()) {
      words.push(...phraseWords(t));
      last = t;
      i++;
    }
    const text = expr.slice(first.start, last.end).replace(/[\s\u0000-\u001f\u007f]+/gu, ' ');
    if (!words.some((w) => hasTokenChar(w.text))) {
      throw problem(
        `nothing to search for in ${text} at {at}: it has no letters or digits`,
        first.start,
        'use words or numbers; punctuation and symbols are ignored when matching',
      );
    }
    return { type: 'phrase', text, words };
  };

  const node = parseOr();
  const rest = peek();
  // Unreachable in practice (parsePrimary and checkParentheses catch strays), kept so nothing is silently dropped.
  if (rest) throw problem(`unexpected ${rest.text} at {at}`, rest.start, 'join the parts with AND or OR');
  return node;
}

function phraseWords(t: Token): RuleWord[] {
  if (t.kind === 'quoted') {
    const words = t.text.split(/[\s\u0000-\u001f\u007f]+/u).filter((w) => w.length > 0);
    if (words.length === 0)
      throw problem('empty quotes at {at}', t.start, 'write the phrase between the quotes, or remove them');
    return words.map((text) => ({ text, prefix: false, quoted: true }));
  }
  const m = /^(.*?)(\*+)$/su.exec(t.text);
  if (!m) return [{ text: t.text, prefix: false, quoted: false }];
  const text = m[1]!;
  if (!hasTokenChar(text)) {
    throw problem(
      `* with no word before it at {at}`,
      t.start,
      'put * at the end of a word to match any ending, e.g. smuggl*',
    );
  }
  return [{ text, prefix: true, quoted: false }];
}

// Approximates what FTS5's unicode61 tokenizer keeps: letters and digits.
function hasTokenChar(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function flatten(type: 'and' | 'or', children: RuleNode[]): RuleNode[] {
  return children.flatMap((c) => (c.type === type ? c.children : [c]));
}
