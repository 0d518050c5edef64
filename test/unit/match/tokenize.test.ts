// Text → tokens as items_fts's `porter unicode61 remove_diacritics 2` makes them (checked against
// SQLite itself, over far more text, in test/integration/match/tokenizer-agreement.test.ts).

import { describe, expect, it } from 'vitest';
import { terms, tokenize } from '../../../src/match/tokenize.ts';

const bytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

describe('tokenize', () => {
  it.each([
    ['Customs Partnerships', ['custom', 'partnership']],
    ['Côte d’Ivoire', ['cote', 'd', 'ivoir']],
    ["O'Brien", ['o', 'brien']],
    ['net-zero', ['net', 'zero']],
    ['2024/25', ['2024', '25']],
    ['small🚤boat', ['small', 'boat']],
    ['NHS: £1.5bn', ['nh', '1', '5bn']],
    ['e\u0301te\u0301', ['et']],
    ['\u0301abc', ['abc']],
    ['Straße ÆØÅ ǅ', ['straß', 'æøa', 'ǆ'].map(bytes)],
    ['Москва', [bytes('москва')]],
    ['東京都', [bytes('東京都')]],
    ['\uE000marker\uE001', [bytes('\uE000marker\uE001')]],
    ['tab\there\u00a0nbsp\u2003em', ['tab', 'here', 'nbsp', 'em']],
    ['a\uD800b', ['a', 'b']],
    ['', []],
  ])('%j → %j', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  it('gives UTF-16 offsets into the text', () => {
    expect(tokenize('  Côte d’Ivoire 🚤 boats.')).toEqual([
      { term: 'cote', start: 2, end: 6 },
      { term: 'd', start: 7, end: 8 },
      { term: 'ivoir', start: 9, end: 15 },
      { term: 'boat', start: 19, end: 24 },
    ]);
  });

  it('keeps a combining diacritic inside the token it follows', () => {
    expect(tokenize('cafe\u0301 x')).toEqual([
      { term: 'cafe', start: 0, end: 5 },
      { term: 'x', start: 6, end: 7 },
    ]);
  });

  it('stems only tokens of 3 to 64 bytes', () => {
    const long = `${'ba'.repeat(30)}bbing`;
    expect(terms(`is ${long}`)).toEqual(['is', long]);
  });
});
