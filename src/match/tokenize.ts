// Text → tokens exactly as items_fts sees them (pure): FTS5's `porter unicode61 remove_diacritics 2`,
// ported from SQLite 3.53.2 (fts5UnicodeTokenize in ext/fts5/fts5_tokenize.c, public domain). A token
// is a run of token characters (categories L*, N*, Co, unicode-category.ts); a combining diacritic
// inside a token is kept and folded away; everything else separates. Tokens are case-folded without
// diacritics, then porter-stemmed (porter.ts). A term is the token's UTF-8 bytes as a byte string (one
// char per byte), because SQLite stems and compares bytes; for ASCII words that is the word itself.
// Offsets are UTF-16 indexes into the text, for contexts.

import { porterStem } from './porter.ts';
import { isTokenCodePoint } from './unicode-category.ts';
import { foldCodePoint, isDiacritic } from './unicode-fold.ts';

/** The FTS5 tokenizer of items_fts (migrations.ts): what this module mirrors. */
export const ftsTokenizer = 'porter unicode61 remove_diacritics 2';

/** FTS5 truncates longer tokens, when indexing and in queries alike (FTS5_MAX_TOKEN_SIZE). */
const maxTokenBytes = 32768;

export type TokenSink = (term: string, start: number, end: number) => void;

export interface TextToken {
  term: string;
  start: number;
  end: number;
}

// Stems of folded tokens, shared between batches: the words of feed text repeat. Bounded, not an LRU:
// when full it starts again, which costs one re-stem per word.
const stems = new Map<string, string>();
const maxStems = 200_000;

/** The term FTS5 indexes for a folded token (as forEachFoldedToken gives it): its porter stem. */
export function termOf(folded: string): string {
  let s = stems.get(folded);
  if (s === undefined) {
    s = porterStem(folded);
    if (s.length > maxTokenBytes) s = s.slice(0, maxTokenBytes);
    if (stems.size >= maxStems) stems.clear();
    stems.set(folded, s);
  }
  return s;
}

// Reads the code point at `i` as SQLite reads the string's UTF-8 (READ_UTF8): a lone surrogate is
// written to SQLite as U+FFFD, and U+FFFE/U+FFFF are read as U+FFFD.
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c === 0xfffe || c === 0xffff ? 0xfffd : c;
  if (c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return 0xfffd;
}

function pushUtf8(bytes: number[], c: number): void {
  if (c < 0x80) bytes.push(c);
  else if (c < 0x800) bytes.push(0xc0 + ((c >> 6) & 0x1f), 0x80 + (c & 0x3f));
  else if (c < 0x10000) bytes.push(0xe0 + ((c >> 12) & 0x0f), 0x80 + ((c >> 6) & 0x3f), 0x80 + (c & 0x3f));
  else
    bytes.push(
      0xf0 + ((c >> 18) & 0x07),
      0x80 + ((c >> 12) & 0x3f),
      0x80 + ((c >> 6) & 0x3f),
      0x80 + (c & 0x3f),
    );
}

function byteString(bytes: number[]): string {
  if (bytes.length <= 4096) return String.fromCharCode(...bytes);
  let out = '';
  for (let k = 0; k < bytes.length; k += 4096) out += String.fromCharCode(...bytes.slice(k, k + 4096));
  return out;
}

function isAsciiTokenChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Calls `sink(term, start, end)` for each token of `text`, in order. */
export function forEachToken(text: string, sink: TokenSink): void {
  forEachFoldedToken(text, (folded, start, end) => sink(termOf(folded), start, end));
}

/** The unicode61 half: calls `sink(folded, start, end)` with each token case-folded, not yet stemmed. */
export function forEachFoldedToken(text: string, sink: TokenSink): void {
  const n = text.length;
  let i = 0;
  let bytes: number[] | undefined;
  while (i < n) {
    // Skip separators; a diacritic cannot start a token.
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      if (!isAsciiTokenChar(c)) {
        i++;
        continue;
      }
    } else {
      c = codePointAt(text, i);
      if (!isTokenCodePoint(c)) {
        i += c > 0xffff ? 2 : 1;
        continue;
      }
    }
    const start = i;
    let ascii = true;
    let end = i;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 0x80) {
        if (!isAsciiTokenChar(c)) break;
        if (!ascii) bytes!.push(c >= 0x41 && c <= 0x5a ? c + 32 : c);
        i++;
      } else {
        c = codePointAt(text, i);
        const width = c > 0xffff ? 2 : 1;
        if (!isTokenCodePoint(c) && !isDiacritic(c)) break;
        if (ascii) {
          ascii = false;
          bytes = [];
          for (let k = start; k < i; k++) {
            const b = text.charCodeAt(k);
            bytes.push(b >= 0x41 && b <= 0x5a ? b + 32 : b);
          }
        }
        const folded = foldCodePoint(c, 2);
        if (folded) pushUtf8(bytes!, folded);
        i += width;
      }
      end = i;
    }
    sink(ascii ? text.slice(start, end).toLowerCase() : byteString(bytes!), start, end);
  }
}

/** The tokens of `text`, in order. */
export function tokenize(text: string): TextToken[] {
  const out: TextToken[] = [];
  forEachToken(text, (term, start, end) => out.push({ term, start, end }));
  return out;
}

/** The terms of `text`, in order (a rule's words go through this, as FTS5 tokenizes a query). */
export function terms(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, (term) => out.push(term));
  return out;
}
