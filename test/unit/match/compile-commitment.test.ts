import { describe, expect, it } from 'vitest';
import {
  anyOf,
  compileCommitment,
  RuleError,
  validateRules,
  type CommitmentRules,
} from '../../../src/match/compile-commitment.ts';
import { dayOfInstant, isOnOrAfterDay } from '../../../src/calendar.ts';
import { scoreHits } from '../../../src/match/score.ts';

const base: CommitmentRules = {
  id: 'customs-partnership',
  source: { published: '2024-03-05' },
  match: { any: ['customs partnership', 'customs AND small boat'], exclude: ['tobacco'] },
  fulfilment: ['customs partnership AND launched'],
};

describe('compileCommitment', () => {
  it('parses and compiles every expression, keeping the source date', () => {
    const c = compileCommitment(base);
    expect(c.id).toBe('customs-partnership');
    expect(c.sinceDate).toBe('2024-03-05');
    expect(c.any.map((e) => [e.text, e.fts])).toEqual([
      ['customs partnership', '"customs partnership"'],
      ['customs AND small boat', '"customs" AND "small boat"'],
    ]);
    expect(c.exclude.map((e) => e.fts)).toEqual(['"tobacco"']);
    expect(c.fulfilment[0]!.leaves.map((l) => l.term)).toEqual(['customs partnership', 'launched']);
    expect(anyOf(c.any)).toBe('("customs partnership") OR ("customs" AND "small boat")');
    expect(anyOf([])).toBeUndefined();
  });

  it('refuses invalid rules with a RuleError naming each field', () => {
    const bad = { ...base, match: { any: ['customs', 'NHS AND ('], exclude: [] }, fulfilment: ['OR'] };
    expect(() => compileCommitment(bad)).toThrow(RuleError);
    try {
      compileCommitment(bad);
    } catch (err) {
      expect((err as RuleError).code).toBe('rule_invalid');
      expect((err as RuleError).problems.map((p) => p.field)).toEqual(['match.any[1]', 'fulfilment[0]']);
    }
  });
});

describe('validateRules', () => {
  it('is empty for good rules', () => {
    expect(validateRules(base)).toEqual([]);
  });

  it('reports field, message with the expression, position and fix', () => {
    const problems = validateRules({
      id: 'x',
      match: { any: ['ok', 'NHS AND ('], exclude: ['a OR'] },
      fulfilment: ['', 'fine'],
    });
    expect(problems).toEqual([
      {
        field: 'match.any[1]',
        message: 'unbalanced parenthesis at 9: this ( is never closed in `NHS AND (`',
        position: 9,
        fix: expect.stringContaining('add a )'),
      },
      {
        field: 'match.exclude[0]',
        message: 'OR with nothing after it at 3 in `a OR`',
        position: 3,
        fix: expect.stringContaining('"OR"'),
      },
      {
        field: 'fulfilment[0]',
        message: 'empty expression in ``',
        position: 1,
        fix: expect.stringContaining('delete the line'),
      },
    ]);
  });
});

describe('source dates are London days', () => {
  it.each([
    ['2024-03-05T00:00:00Z', '2024-03-05'],
    ['2024-03-04T23:59:59Z', '2024-03-04'],
    ['2024-07-04T23:30:00Z', '2024-07-05'], // 00:30 BST
    ['2024-07-05T00:30:00+01:00', '2024-07-05'],
    ['2024-03-05', '2024-03-05'],
    ['not a date', undefined],
  ])('%s → %s', (instant, day) => {
    expect(dayOfInstant(instant, 'Europe/London')).toBe(day);
  });

  it.each([
    ['2024-03-05T09:00:00Z', '2024-03-05', true],
    ['2024-03-04T23:00:00Z', '2024-03-05', false],
    ['2024-07-04T23:30:00Z', '2024-07-05', true],
    ['2024-07-04T22:30:00Z', '2024-07-05', false],
    ['garbage', '2024-03-05', false],
  ])('%s on or after %s: %s', (instant, day, expected) => {
    expect(isOnOrAfterDay(instant, day, 'Europe/London')).toBe(expected);
  });
});

describe('scoreHits', () => {
  it.each([
    [[], 0],
    [[{ term: 'a', fields: ['title'] }], 2],
    [[{ term: 'a', fields: ['summary'] }], 1],
    [[{ term: 'a', fields: ['title', 'summary'] }], 3],
    [
      [
        { term: 'a', fields: ['title'] },
        { term: 'b', fields: ['summary'] },
      ],
      3,
    ],
    [
      [
        { term: 'a', fields: ['title'] },
        { term: 'a', fields: ['title'] },
      ],
      2,
    ],
  ] as const)('%j → %i', (hits, score) => {
    expect(scoreHits(hits.map((h) => ({ ...h, fields: [...h.fields], context: '' })))).toBe(score);
  });
});
