// A compiled expression as the in-memory matcher runs it (pure): its tree over distinct leaves, and each
// leaf as FTS5 would run its query string (compile-fts.ts): alternatives, each a phrase of query tokens.
// Query text goes through the same tokenizer as feed text; the parts of a phrase joined by `+` are one
// phrase, and FTS5 sets the prefix flag of the phrase's last token after each part
// (sqlite3Fts5ParseTerm), so `smuggl* 🚤` — whose second part has no token — asks for `smuggl` exactly.

import type { CompiledExpression } from './compile-commitment.ts';
import { type FtsPart, phraseAlternatives } from './compile-fts.ts';
import type { PhraseNode, RuleNode } from './rule-language.ts';
import { terms } from './tokenize.ts';

export interface QueryToken {
  term: string;
  /** Matches every term that starts with `term` (a `word*`). */
  prefix: boolean;
}

/** Consecutive tokens in one field; an empty phrase matches nothing (FTS5's EOF node). */
export type QueryPhrase = QueryToken[];

export interface LeafPlan {
  /** The term or phrase as written (TermHit.term). */
  term: string;
  /** Its FTS5 query: what it means, so a batch evaluates each distinct leaf once. */
  key: string;
  /** The alternatives in FTS5's phrase order (OR). */
  phrases: QueryPhrase[];
  /** Tokens in each phrase. */
  sizes: number[];
}

export type NodePlan = { type: 'leaf'; leaf: LeafPlan } | { type: 'and' | 'or'; children: NodePlan[] };

export interface ExpressionPlan {
  /** The expression's FTS5 query: evaluated once per batch however many commitments share it. */
  key: string;
  root: NodePlan;
  /** Distinct leaves in the order written (CompiledExpression.leaves). */
  leaves: LeafPlan[];
}

// A plan follows from the expression's text alone, and jobs compile the same commitments for every
// poll: plans are kept by text, so each is built once per process. Bounded: when full it starts again.
const plans = new Map<string, ExpressionPlan>();
const maxPlans = 20_000;

export function planExpression(e: CompiledExpression): ExpressionPlan {
  let plan = plans.get(e.text);
  if (!plan) {
    const byTerm = new Map<string, LeafPlan>();
    for (const leaf of e.leaves)
      byTerm.set(leaf.term, { term: leaf.term, key: leaf.fts, phrases: [], sizes: [] });
    const root = planNode(e.rule, byTerm);
    plan = { key: e.fts, root, leaves: [...byTerm.values()] };
    if (plans.size >= maxPlans) plans.clear();
    plans.set(e.text, plan);
  }
  return plan;
}

function planNode(node: RuleNode, leaves: Map<string, LeafPlan>): NodePlan {
  if (node.type !== 'phrase')
    return { type: node.type, children: node.children.map((c) => planNode(c, leaves)) };
  const leaf = leaves.get(node.text)!;
  if (leaf.phrases.length === 0) {
    leaf.phrases = planPhrase(node);
    leaf.sizes = leaf.phrases.map((p) => p.length);
  }
  return { type: 'leaf', leaf };
}

function planPhrase(node: PhraseNode): QueryPhrase[] {
  return phraseAlternatives(node).map(queryPhrase);
}

/** The tokens FTS5 builds from `"a b"* + "c"`: every part tokenized, the last token's prefix flag per part. */
export function queryPhrase(parts: FtsPart[]): QueryPhrase {
  const tokens: QueryToken[] = [];
  for (const part of parts) {
    for (const term of terms(part.text)) tokens.push({ term, prefix: false });
    const last = tokens[tokens.length - 1];
    if (last) last.prefix = part.prefix;
  }
  return tokens;
}
