// Contexts as FTS5's snippet(…, '…', 12) makes them (the port in src/match/snippet.ts); the same
// contexts come out of SQLite itself (these were read from it; many more in matcher-oracle.test.ts).

import { describe, expect, it } from 'vitest';
import { snippet, snippetField } from '../../../src/match/snippet.ts';
import { tokenize } from '../../../src/match/tokenize.ts';

const marks = { open: '[', close: ']', ellipsis: '…', size: 12 };

/** The snippet of `text` with hits at the given token positions (phrase index, size). */
function cut(text: string, hits: Array<[position: number, phrase: number]>, sizes: number[] = [1]): string {
  const tokens = tokenize(text);
  const field = snippetField(
    text,
    tokens.map((t) => t.start),
    tokens.map((t) => t.end),
  );
  return snippet(field, hits.flat(), sizes, marks);
}

const count = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('snippet', () => {
  it('keeps a short text whole, punctuation and all', () => {
    expect(cut('  “Customs” partnership, launched!  ', [[0, 0]])).toBe(
      '  “[Customs]” partnership, launched!  ',
    );
  });

  it('centres about 12 tokens on the hit, with … where it cuts', () => {
    expect(cut(count(40), [[20, 0]])).toBe('…w15 w16 w17 w18 w19 [w20] w21 w22 w23 w24 w25 w26…');
    expect(cut(count(40), [[38, 0]])).toBe('…w28 w29 w30 w31 w32 w33 w34 w35 w36 w37 [w38] w39');
  });

  it('marks a phrase as one span, and overlapping hits as one', () => {
    expect(cut(count(8), [[2, 0]], [3])).toBe('w0 w1 [w2 w3 w4] w5 w6 w7');
    expect(
      cut(
        count(8),
        [
          [2, 0],
          [3, 1],
        ],
        [2, 2],
      ),
    ).toBe('w0 w1 [w2 w3 w4] w5 w6 w7');
    expect(
      cut(
        count(8),
        [
          [2, 0],
          [3, 0],
        ],
        [1],
      ),
    ).toBe('w0 w1 [w2] [w3] w4 w5 w6 w7');
  });

  it('prefers a window holding more distinct phrases', () => {
    const text = count(60);
    expect(
      cut(
        text,
        [
          [5, 0],
          [40, 0],
          [44, 1],
        ],
        [1, 1],
      ),
    ).toBe('…w37 w38 w39 [w40] w41 w42 w43 [w44] w45 w46 w47 w48…');
  });

  it('starts at the sentence when the hit is near its start', () => {
    const text = `${count(20)}. Customs partnership was launched today in Brussels by ministers ${count(20)}`;
    expect(cut(text, [[22, 0]], [1])).toBe(
      '…Customs partnership [was] launched today in Brussels by ministers w0 w1 w2…',
    );
  });

  it('drops the matcher’s own marker characters that came with the text', () => {
    expect(cut('a \uE000b\uE001 c', [[1, 0]])).toBe('a [b] c');
  });
});
