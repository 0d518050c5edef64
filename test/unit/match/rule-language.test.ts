import { describe, expect, it } from 'vitest';
import { parseRule, type RuleNode } from '../../../src/match/rule-language.ts';

// A compact form of the tree: [phrase] with `~` for quoted words and `*` for prefixes.
function show(n: RuleNode): string {
  if (n.type === 'phrase')
    return `[${n.words.map((w) => `${w.quoted ? '~' : ''}${w.text}${w.prefix ? '*' : ''}`).join(' ')}]`;
  return `(${n.type} ${n.children.map(show).join(' ')})`;
}

function parsed(expr: string): string {
  const r = parseRule(expr);
  if (!r.ok) throw new Error(`did not parse: ${expr}: ${r.error}`);
  return show(r.rule);
}

describe('parseRule: what parses, and into what', () => {
  it.each([
    ['customs partnership', '[customs partnership]'],
    ['  customs \t  partnership  ', '[customs partnership]'],
    ['"Border Force"', '[~Border ~Force]'],
    ['"AND"', '[~AND]'],
    ['"Border Force" officers', '[~Border ~Force officers]'],
    ['"say ""no"""', '[~say ~"no"]'],
    ['smuggl*', '[smuggl*]'],
    ['people smuggl* gangs', '[people smuggl* gangs]'],
    ['smuggl**', '[smuggl*]'],
    ['customs AND small boat', '(and [customs] [small boat])'],
    ['France OR French', '(or [France] [French])'],
    ['a OR b AND c', '(or [a] (and [b] [c]))'],
    ['a AND b OR c', '(or (and [a] [b]) [c])'],
    ['(a OR b) AND c', '(and (or [a] [b]) [c])'],
    ['a AND b AND c', '(and [a] [b] [c])'],
    ['a OR (b OR c)', '(or [a] [b] [c])'],
    ['((a))', '[a]'],
    ['Border and Coast Guard', '[Border and Coast Guard]'],
    ['France or French', '[France or French]'],
    ['And Or', '[And Or]'],
    ['net-zero', '[net-zero]'],
    ['col:x', '[col:x]'],
    ['a^b', '[a^b]'],
    ['NEAR a b', '[NEAR a b]'],
    ['O"Brien', '[O"Brien]'],
    ['a*b', '[a*b]'],
    ['{title} : x', '[{title} : x]'],
    ['+x -y', '[+x -y]'],
    ['small 🚤 boat', '[small 🚤 boat]'],
    ['Côte d’Azur', '[Côte d’Azur]'],
    ['"(a OR b)"', '[~(a ~OR ~b)]'],
  ])('%s → %s', (expr, tree) => {
    expect(parsed(expr)).toBe(tree);
  });

  it('keeps each phrase as the analyst wrote it', () => {
    const r = parseRule('(people  smuggl* OR "Border Force") AND net-zero');
    expect(
      r.ok &&
        r.rule.type === 'and' &&
        r.rule.children[0]!.type === 'or' &&
        r.rule.children[0]!.children.map((c) => c.type === 'phrase' && c.text),
    ).toEqual(['people smuggl*', '"Border Force"']);
  });
});

describe('parseRule: errors a person understands, at 1-based columns', () => {
  it.each([
    ['', 'empty expression', 1],
    ['   ', 'empty expression', 1],
    ['NHS AND (', 'unbalanced parenthesis at 9: this ( is never closed', 9],
    ['(a OR b', 'unbalanced parenthesis at 1: this ( is never closed', 1],
    ['a OR b)', 'unbalanced parenthesis at 7: this ) has no ( before it', 7],
    ['customs AND', 'AND with nothing after it at 9', 9],
    ['customs OR', 'OR with nothing after it at 9', 9],
    ['AND customs', 'AND with nothing before it at 1', 1],
    ['(OR a)', 'OR with nothing before it at 2', 2],
    ['a AND OR b', 'AND with nothing after it at 3', 3],
    ['(a AND) b', 'AND with nothing after it at 4', 4],
    ['a ()', 'missing AND or OR before ( at 3', 3],
    ['a AND ()', 'empty parentheses at 7', 7],
    ['()', 'empty parentheses at 1', 1],
    ['NEAR(a b)', 'missing AND or OR before ( at 5', 5],
    ['customs (a OR b)', 'missing AND or OR before ( at 9', 9],
    ['(a OR b) customs', 'missing AND or OR after ) at 10', 10],
    ['"Border Force', 'unclosed quote at 1', 1],
    ['a "', 'unclosed quote at 3', 3],
    ['"', 'unclosed quote at 1', 1],
    ['"Border"*', '* after a quoted phrase at 9', 9],
    ['"Border"s', 'text straight after a closing quote at 9', 9],
    ['""', 'empty quotes at 1', 1],
    ['*', '* with no word before it at 1', 1],
    ['a AND -*', '* with no word before it at 7', 7],
    ['🚤', 'nothing to search for in 🚤 at 1: it has no letters or digits', 1],
    ['🚤 AND (', 'unbalanced parenthesis at 7: this ( is never closed', 7],
    ['a AND : -', 'nothing to search for in : - at 7: it has no letters or digits', 7],
    ['((((((((((( a )))))))))))', 'more than 10 levels of parentheses at 11', 11],
  ])('%j → %s', (expr, error, position) => {
    const r = parseRule(expr);
    expect(r).toMatchObject({ ok: false, error, position });
    expect(r.ok === false && r.fix.length).toBeGreaterThan(20);
  });

  it('says how to search for an operator word', () => {
    const r = parseRule('customs OR');
    expect(r.ok === false && r.fix).toContain('put it in quotes: "OR"');
  });

  it('allows ten levels of parentheses', () => {
    expect(parsed('(((((((((( a ))))))))))')).toBe('[a]');
  });
});
