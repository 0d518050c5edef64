// A commitment's rules, parsed and compiled once (pure): what match-items and match-history run.
// `any`: one matching expression is enough; `exclude`: an item hitting any is never evidence;
// `fulfilment`: a matching item is flagged possible fulfilment. Items dated before `sinceDate`
// (the announcement) never match, nor does the announcement itself (`sourceKey`).

import type { MatchRules } from '../commitments/commitment.ts';
import { FollowthroughError } from '../errors.ts';
import { compileRule, ruleLeaves, type Leaf } from './compile-fts.ts';
import { parseRule, type RuleNode } from './rule-language.ts';

export interface CompiledExpression {
  /** As written in the commitments file. */
  text: string;
  rule: RuleNode;
  fts: string;
  leaves: Leaf[];
}

export interface CompiledCommitment {
  id: string;
  /** The announcement's day, `YYYY-MM-DD`: items on a local day before it never match. */
  sinceDate: string;
  /** The announcement's MatchableItem.key: that item is never evidence for its own commitment. */
  sourceKey?: string;
  any: CompiledExpression[];
  exclude: CompiledExpression[];
  fulfilment: CompiledExpression[];
}

/** The parts of a commitment the matcher needs (a full Commitment fits). */
export interface CommitmentRules {
  id: string;
  source: { published: string };
  match: MatchRules;
  fulfilment: string[];
  /** The announcement's item key (jobs pass its canonical path). */
  sourceKey?: string;
}

export interface RuleProblem {
  /** Where, relative to the commitment: `match.any[2]`, `match.exclude[0]`, `fulfilment[1]`. */
  field: string;
  message: string;
  fix: string;
  /** 1-based column in the expression. */
  position: number;
}

export class RuleError extends FollowthroughError {
  readonly problems: RuleProblem[];

  constructor(commitmentId: string, problems: RuleProblem[]) {
    super(
      'rule_invalid',
      `commitment ${commitmentId}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    );
    this.name = 'RuleError';
    this.problems = problems;
  }
}

export function compileCommitment(c: CommitmentRules): CompiledCommitment {
  const problems = validateRules(c);
  if (problems.length) throw new RuleError(c.id, problems);
  return {
    id: c.id,
    sinceDate: c.source.published,
    ...(c.sourceKey !== undefined ? { sourceKey: c.sourceKey } : {}),
    any: c.match.any.map(compileExpression),
    exclude: c.match.exclude.map(compileExpression),
    fulfilment: c.fulfilment.map(compileExpression),
  };
}

/** Every expression that does not parse, with where it is and how to fix it (for the config loader). */
export function validateRules(c: { id: string; match: MatchRules; fulfilment: string[] }): RuleProblem[] {
  const lists: Array<[string, string[]]> = [
    ['match.any', c.match.any],
    ['match.exclude', c.match.exclude],
    ['fulfilment', c.fulfilment],
  ];
  const problems: RuleProblem[] = [];
  for (const [field, list] of lists) {
    list.forEach((text, i) => {
      const parsed = parseRule(text);
      if (!parsed.ok)
        problems.push({
          field: `${field}[${i}]`,
          message: `${parsed.error} in \`${text}\``,
          fix: parsed.fix,
          position: parsed.position,
        });
    });
  }
  return problems;
}

export function compileExpression(text: string): CompiledExpression {
  const parsed = parseRule(text);
  if (!parsed.ok)
    throw new FollowthroughError('rule_invalid', `${parsed.error} in \`${text}\`: ${parsed.fix}`);
  return { text, rule: parsed.rule, fts: compileRule(parsed.rule), leaves: ruleLeaves(parsed.rule) };
}

/** One FTS5 query that matches when any of the expressions does. */
export function anyOf(expressions: CompiledExpression[]): string | undefined {
  if (expressions.length === 0) return undefined;
  return expressions.map((e) => `(${e.fts})`).join(' OR ');
}
