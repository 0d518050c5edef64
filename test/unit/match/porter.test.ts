// The porter stemmer as FTS5 runs it (expected stems read from SQLite 3.53.2's porter tokenizer).

import { describe, expect, it } from 'vitest';
import { porterStem } from '../../../src/match/porter.ts';

describe('porterStem', () => {
  it.each([
    // step 1a
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['ties', 'ti'],
    ['caress', 'caress'],
    ['cats', 'cat'],
    // step 1b, and its clean-up
    ['feed', 'feed'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['bled', 'bled'],
    ['motoring', 'motor'],
    ['sing', 'sing'],
    ['conflated', 'conflat'],
    ['troubled', 'troubl'],
    ['sized', 'size'],
    ['hopping', 'hop'],
    ['tanned', 'tan'],
    ['falling', 'fall'],
    ['hissing', 'hiss'],
    ['fizzed', 'fizz'],
    ['failing', 'fail'],
    ['filing', 'file'],
    // step 1c
    ['happy', 'happi'],
    ['sky', 'sky'],
    // steps 2 to 4
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['rational', 'ration'],
    ['digitizer', 'digit'],
    ['vietnamization', 'vietnam'],
    ['operator', 'oper'],
    ['decisiveness', 'decis'],
    ['hopefulness', 'hope'],
    ['sensibiliti', 'sensibl'],
    ['formative', 'form'],
    ['electrical', 'electr'],
    ['allowance', 'allow'],
    ['airliner', 'airlin'],
    ['replacement', 'replac'],
    ['adjustment', 'adjust'],
    ['dependent', 'depend'],
    ['adoption', 'adopt'],
    ['communism', 'commun'],
    ['effective', 'effect'],
    ['bowdlerize', 'bowdler'],
    // step 5
    ['probate', 'probat'],
    ['rate', 'rate'],
    ['cease', 'ceas'],
    ['controll', 'control'],
    ['roll', 'roll'],
    // the words rules are about
    ['generalization', 'gener'],
    ['operational', 'oper'],
    ['smugglers', 'smuggler'],
    ['smuggling', 'smuggl'],
    ['trafficker', 'traffick'],
    ['trafficking', 'traffick'],
    ['partnerships', 'partnership'],
  ])('%s → %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it('passes tokens under 3 or over 64 bytes through, as FTS5_PORTER_MAX_TOKEN says', () => {
    expect(porterStem('is')).toBe('is');
    expect(porterStem('ies')).toBe('ie');
    // 64 bytes: stemmed (-ing, then the doubled b); 65: passed through.
    expect(porterStem(`${'ba'.repeat(30)}bing`)).toBe(`${'ba'.repeat(30)}b`);
    expect(porterStem(`${'ba'.repeat(30)}bbing`)).toBe(`${'ba'.repeat(30)}bbing`);
  });

  it('works on UTF-8 bytes: a non-ASCII byte is a consonant, and a doubled byte can be dropped', () => {
    const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
    expect(porterStem(bytes('москвы'))).toBe(bytes('москвы'));
    // 丸 is E4 B8 B8: removing -ing leaves a "double consonant" B8 B8, and SQLite drops one byte.
    expect(porterStem(bytes('a丸ing'))).toBe('a\xE4\xB8');
  });
});
