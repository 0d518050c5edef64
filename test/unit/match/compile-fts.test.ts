import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { compileRule, ruleLeaves } from '../../../src/match/compile-fts.ts';
import { parseRule, type RuleNode } from '../../../src/match/rule-language.ts';
import { wordVariants } from '../../../src/match/word-variants.ts';
import { ftsTokenizer } from '../../../src/match/tokenize.ts';

function rule(expr: string): RuleNode {
  const r = parseRule(expr);
  if (!r.ok) throw new Error(`did not parse: ${expr}: ${r.error}`);
  return r.rule;
}

// A bare FTS5 table with the product's tokenizer: the compiled strings must mean what the rule says.
const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE t USING fts5(title, summary, tokenize = '${ftsTokenizer}')`);
const docs: Record<string, [string, string]> = {
  partnerships: ['Customs partnerships launched', ''],
  partnership: ['A new customs partnership', ''],
  gangs: ['People-smuggling gangs disrupted', 'NCA operation'],
  smugglers: ['Smugglers jailed', ''],
  smuggler: ['A people smuggler was caught', ''],
  smuggled: ['Cigarettes smuggled in lorries', ''],
  netzero: ['Net zero strategy', 'the net-zero target'],
  nhs: ['NHS AND social care', ''],
  frontex: ['Frontex', 'the European Border and Coast Guard Agency'],
  force: ['Border Force officers', ''],
  colx: ['col x', ''],
  near: ['near a b', ''],
  traffickers: ['Traffickers sentenced', ''],
  trafficking: ['Human trafficking', ''],
  obrien: ["O'Brien speaks", ''],
  cote: ['Côte d’Ivoire', ''],
  boat: ['small boat 🚤 crossings', ''],
  caret: ['a b c', ''],
  braces: ['{title}: x', ''],
};
const keyOf = new Map<number, string>();
for (const [key, [title, summary]] of Object.entries(docs)) {
  const r = db.prepare('INSERT INTO t (title, summary) VALUES (?, ?)').run(title, summary);
  keyOf.set(Number(r.lastInsertRowid), key);
}
afterAll(() => db.close());

function run(expr: string): string[] {
  const rows = db
    .prepare('SELECT rowid AS id FROM t WHERE t MATCH ? ORDER BY rowid')
    .all(compileRule(rule(expr))) as Array<{ id: number }>;
  return rows.map((r) => keyOf.get(r.id)!).sort();
}

describe('compileRule: every term reaches FTS5 quoted', () => {
  it.each([
    ['customs partnership', '"customs partnership"'],
    ['"Border Force"', '"Border Force"'],
    ['smuggl*', '"smuggl"*'],
    ['people smuggl* gangs', '"people smuggl"* + "gangs"'],
    ['smugglers', '("smugglers" OR "smuggling")'],
    ['"smugglers"', '"smugglers"'],
    ['people smuggling', '("people smuggling" OR "people smuggler")'],
    ['a OR b AND c', '"a" OR ("b" AND "c")'],
    ['(a OR b) AND c', '("a" OR "b") AND "c"'],
    ['net-zero', '"net-zero"'],
    ['O"Brien', '"O""Brien"'],
    ['"say ""no"""', '"say ""no"""'],
    ['col:x', '"col:x"'],
    ['NEAR a b', '"NEAR a b"'],
    ['a^b', '"a^b"'],
    ['"AND" OR "NOT"', '"AND" OR "NOT"'],
    ['{title} : x', '"{title} : x"'],
    ['+x -y', '"+x -y"'],
    ['small 🚤 boat', '"small 🚤 boat"'],
    ['"NEAR(a b)"', '"NEAR(a b)"'],
  ])('%s → %s', (expr, fts) => {
    expect(compileRule(rule(expr))).toBe(fts);
  });

  it('lists each distinct leaf as written, with its compiled form', () => {
    expect(
      ruleLeaves(rule('(customs partnership OR smugglers) AND "Border Force" AND customs partnership')),
    ).toEqual([
      { term: 'customs partnership', fts: '"customs partnership"' },
      { term: 'smugglers', fts: '("smugglers" OR "smuggling")' },
      { term: '"Border Force"', fts: '"Border Force"' },
    ]);
  });
});

describe('compiled queries run in SQLite and match what they should', () => {
  it.each([
    ['customs partnership', ['partnership', 'partnerships']],
    ['customs partnerships', ['partnership', 'partnerships']],
    ['smuggler', ['gangs', 'smuggled', 'smuggler', 'smugglers']],
    ['smugglers', ['gangs', 'smuggled', 'smuggler', 'smugglers']],
    ['smuggling', ['gangs', 'smuggled', 'smuggler', 'smugglers']],
    ['people smugglers', ['gangs', 'smuggler']],
    ['people-smugglers', ['gangs', 'smuggler']],
    ['"smugglers"', ['smuggler', 'smugglers']],
    ['"people smuggling"', ['gangs']],
    ['smuggl*', ['gangs', 'smuggled', 'smuggler', 'smugglers']],
    ['trafficker', ['traffickers', 'trafficking']],
    ['trafficking', ['traffickers', 'trafficking']],
    ['net-zero', ['netzero']],
    ['net zero target', ['netzero']],
    ['NHS AND social care', ['nhs']],
    ['"AND"', ['frontex', 'nhs']],
    ['Border and Coast Guard', ['frontex']],
    ['Border Force', ['force']],
    ['col:x', ['colx']],
    ['{title} : x', ['braces']],
    ['NEAR a b', ['near']],
    ['"NEAR(a b)"', ['near']],
    ['a^b', ['caret', 'near']],
    ['O"Brien', ['obrien']],
    ['cote', ['cote']],
    ['Côte', ['cote']],
    ['small 🚤 boat', ['boat']],
    ['+x -y', []],
    ['Frontex AND Coast Guard', ['frontex']],
    ['Frontex AND Border Force', []],
    ['Frontex OR Border Force', ['force', 'frontex']],
    ['(smugglers OR traffickers) AND (jailed OR sentenced)', ['smugglers', 'traffickers']],
  ])('%s', (expr, expected) => {
    expect(run(expr)).toEqual(expected);
  });

  // Whatever an analyst types either fails to parse (with a message) or runs: never an SQL error.
  it('never sends SQLite a query it rejects, for 3,000 generated hostile expressions', () => {
    const pieces = [
      'a',
      'b',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      'and',
      '(',
      ')',
      '"',
      '""',
      '*',
      ':',
      '^',
      '-',
      '+',
      '{',
      '}',
      'col:x',
      'net-zero',
      '🚤',
      'é',
      ' ',
      ' ',
      ',',
      "'",
      '\\',
      '\u0000',
      'x*',
    ];
    let seed = 42;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let parsedCount = 0;
    for (let i = 0; i < 3000; i++) {
      const expr = Array.from({ length: 1 + next(8) }, () => pieces[next(pieces.length)]!).join(
        next(2) ? ' ' : '',
      );
      const r = parseRule(expr);
      if (!r.ok) {
        expect(r.position).toBeGreaterThanOrEqual(1);
        continue;
      }
      parsedCount++;
      expect(
        () => db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(compileRule(r.rule)),
        expr,
      ).not.toThrow();
    }
    expect(parsedCount).toBeGreaterThan(500);
  });
});

describe('wordVariants: agent nouns meet their verbs', () => {
  it.each([
    ['smuggler', ['smuggler', 'smuggling']],
    ['smugglers', ['smugglers', 'smuggling']],
    ['Smuggling', ['Smuggling', 'smuggler']],
    ['trafficker', ['trafficker', 'trafficking']],
    ['people-smugglers', ['people-smugglers', 'people-smuggling']],
    ['others', ['others']],
    ['powers', ['powers']],
    ['thing', ['thing']],
    ['being', ['being']],
    ['boat', ['boat']],
    ['2024', ['2024']],
    ['smuggler.', ['smuggler.']],
  ])('%s → %j', (word, variants) => {
    expect(wordVariants(word)).toEqual(variants);
  });
});
