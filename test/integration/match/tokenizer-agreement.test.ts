// The JavaScript tokenizer (src/match/tokenize.ts) against SQLite's own FTS5 tokenizer, token for
// token: every word of the test fixtures, hand-picked hard cases, generated words for each porter
// rule, and every Unicode code point. Terms are compared as bytes (hex), as FTS5 stores them.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { forEachToken, ftsTokenizer } from '../../../src/match/tokenize.ts';

const fixtures = fileURLToPath(new URL('../../fixtures', import.meta.url));

function fixtureWords(): string[] {
  const files = readdirSync(fixtures, { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.(jsonl|txt|json|atom|html)$/.test(f),
  );
  const words = new Set<string>();
  for (const f of files)
    for (const w of readFileSync(join(fixtures, f), 'utf8').split(/\s+/u)) if (w) words.add(w);
  return [...words];
}

// biome-ignore format: a word list, kept compact
const hardCases = [
  // diacritics, composed and combining; letters remove_diacritics 2 keeps or folds
  'Côte', 'd’Ivoire', 'naïve', 'façade', 'Zürich', 'São', 'Łódź', 'Ærø', 'Øresund', 'Straße', 'ǅemal',
  'e\u0301te\u0301', '\u0301abc', 'a\u0308\u0304b', 'İstanbul', 'ΣΊΣΥΦΟΣ', 'ﬁnance', 'Ǆ', 'ẞ',
  // digits, apostrophes, hyphens, other punctuation
  '2024', '2024/25', '£1.5bn', '1,000', '3.14', '10:30', '½', '²', '٣٤', '१२३', "O'Brien", 'O’Neill',
  "don't", 'net-zero', 'people-smuggling', 'co‑operation', 'well—known', 'a_b', 'x@y.gov.uk', '#tag', 'C++',
  // non-Latin scripts
  'Москва', 'Україна', 'Ελλάδα', 'עברית', 'العربية', 'हिन्दी', '東京都', '中华人民共和国', 'ひらがな', 'カタカナ',
  '한국어', 'ไทย', 'ქართული', 'Հայերեն', 'ᚠᚢᚦ', '𐐀𐐁', '𝐀𝐁𝐂', '𠀀', 'a丸ing',
  // symbols, private use, odd spaces and controls
  'small🚤boat', '👍🏽', '\uE000marker\uE001', '\uF8FF', 'a\u00a0b', 'a\u2003b', 'a\u200bb', 'a\u00adb', 'tab\tx',
  'a\u0000b', 'a\u0007b', 'a\uFFFEb', 'a\uFFFDb', 'a\uD800b', 'c\uDC00d',
  // very short, and around the 64-byte porter limit
  'a', 'I', 'is', 'as', 'ies', 'eed', 'ing', 'sing', 'ed', 'bed',
  `${'ba'.repeat(30)}bing`, `${'ba'.repeat(30)}bbing`, `${'ab'.repeat(31)}ed`, `${'é'.repeat(31)}ing`,
  'x'.repeat(200), 'Ω'.repeat(40),
];

// Roots × suffixes: every porter rule, with stems of measure 0, 1 and 2 and the y/e/l/s/z cases.
function porterWords(): string[] {
  // biome-ignore format: word lists, kept compact
  const roots = ['b', 'tr', 'hop', 'fil', 'sky', 'agr', 'oper', 'relat', 'generaliz', 'contr', 'happ', 'bowdler',
    'ceas', 'fizz', 'hiss', 'tann', 'caress', 'pon', 'adjust', 'effect', 'com', 'sensib', 'formal', 'électr'];
  const suffixes = [
    '',
    's',
    'es',
    'sses',
    'ies',
    'ed',
    'eed',
    'ing',
    'at',
    'bl',
    'iz',
    'y',
    'ational',
    'tional',
    'enci',
    'anci',
    'izer',
    'logi',
    'bli',
    'alli',
    'entli',
    'eli',
    'ousli',
    'ization',
    'ation',
    'ator',
    'alism',
    'iveness',
    'fulness',
    'ousness',
    'aliti',
    'iviti',
    'biliti',
    'ical',
    'ness',
    'icate',
    'iciti',
    'ful',
    'ative',
    'alize',
    'al',
    'ance',
    'ence',
    'er',
    'ers',
    'ic',
    'able',
    'ible',
    'ant',
    'ement',
    'ment',
    'ent',
    'ion',
    'sion',
    'tion',
    'ou',
    'ism',
    'ate',
    'iti',
    'ous',
    'ive',
    'ize',
    'e',
    'll',
    'lled',
    'ated',
    'izing',
    'ations',
  ];
  return roots.flatMap((r) => suffixes.flatMap((s) => [r + s, `${r}${s}s`, `${r}${s}ed`, `${r}${s}ing`]));
}

/** Each text's terms as FTS5 indexes them, in hex, read back through an fts5vocab instance table. */
function ftsTerms(texts: string[]): string[][] {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '${ftsTokenizer}')`);
    db.exec(`CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')`);
    const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
    db.transaction(() => {
      texts.forEach((t, i) => {
        insert.run(i + 1, t);
      });
    })();
    const out: string[][] = texts.map(() => []);
    const rows = db.prepare('SELECT doc, hex(term) FROM v ORDER BY doc, offset').raw().iterate() as Iterable<
      [number, string]
    >;
    for (const [doc, hex] of rows) out[doc - 1]!.push(hex);
    return out;
  } finally {
    db.close();
  }
}

function jsTerms(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, (term) => out.push(Buffer.from(term, 'latin1').toString('hex').toUpperCase()));
  return out;
}

function disagreements(texts: string[]): Array<{ text: string; fts: string[]; js: string[] }> {
  const fts = ftsTerms(texts);
  return texts
    .map((text, i) => ({ text, fts: fts[i]!, js: jsTerms(text) }))
    .filter((d) => d.fts.join(' ') !== d.js.join(' '));
}

describe('the JavaScript tokenizer agrees with FTS5', () => {
  it('on every word of the fixtures, hard cases and generated porter words', () => {
    const words = [...new Set([...fixtureWords(), ...hardCases, ...porterWords()])];
    expect(words.length).toBeGreaterThan(9000);
    expect(disagreements(words)).toEqual([]);
  });

  it('on whole fixture lines', () => {
    const lines = readdirSync(fixtures, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(jsonl|txt|atom|html)$/.test(f))
      .flatMap((f) => readFileSync(join(fixtures, f), 'utf8').split('\n'));
    expect(disagreements([...hardCases.join(' ').split('\n'), ...lines])).toEqual([]);
  });

  it('on every Unicode code point, between two letters', () => {
    // `q…q` cannot stem (no porter rule ends in q), so this checks categories, folding and diacritics.
    const texts: string[] = [];
    let row: string[] = [];
    for (let cp = 1; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      row.push(`q${String.fromCodePoint(cp)}q`);
      if (row.length === 2048) [texts[texts.length], row] = [row.join(' '), []];
    }
    texts.push(row.join(' '));
    expect(disagreements(texts).map((d) => d.text.slice(0, 40))).toEqual([]);
  });
});
