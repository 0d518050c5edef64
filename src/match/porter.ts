// The porter stemmer exactly as FTS5 runs it (pure): a port of fts5PorterCb and its steps from SQLite
// 3.53.2 (ext/fts5/fts5_tokenize.c, public domain; the steps are generated there by mkportersteps.tcl).
// It works on the token's UTF-8 bytes, so a token is a byte string here (one char per byte, 0–255):
// a byte that is not an ASCII vowel is a consonant, and a token under 3 or over 64 bytes passes through
// unstemmed, as in SQLite. Readable rule tables replace the generated switch statements: within a step
// the first suffix that matches (in SQLite's order) is the only one tried.

/** Tokens longer than this (in bytes) are passed through without stemming (FTS5_PORTER_MAX_TOKEN). */
const maxToken = 64;

type Condition = (buf: Uint8Array, n: number) => boolean;
/** suffix, condition on the stem before it (none: always), replacement. */
type Rule = [string, Condition | null, string];

const a = 0x61;
const e = 0x65;
const i = 0x69;
const l = 0x6c;
const o = 0x6f;
const s = 0x73;
const t = 0x74;
const u = 0x75;
const w = 0x77;
const x = 0x78;
const y = 0x79;
const z = 0x7a;

function isVowel(c: number, yIsVowel: boolean): boolean {
  return c === a || c === e || c === i || c === o || c === u || (yIsVowel && c === y);
}

// Skips one vowel-consonant sequence from `from`; the offset after it, or 0 when there is none.
function gobbleVC(buf: Uint8Array, from: number, n: number, prevCons: boolean): number {
  let cons = prevCons;
  let k = from;
  for (; k < n; k++) {
    cons = !isVowel(buf[k]!, cons);
    if (!cons) break;
  }
  for (k++; k < n; k++) {
    cons = !isVowel(buf[k]!, cons);
    if (cons) return k + 1 - from;
  }
  return 0;
}

/** m > 0 */
const mGt0: Condition = (buf, n) => gobbleVC(buf, 0, n, false) !== 0;

/** m > 1 */
const mGt1: Condition = (buf, n) => {
  const k = gobbleVC(buf, 0, n, false);
  return k !== 0 && gobbleVC(buf, k, n, true) !== 0;
};

/** m = 1 */
const mEq1: Condition = (buf, n) => {
  const k = gobbleVC(buf, 0, n, false);
  return k !== 0 && gobbleVC(buf, k, n, true) === 0;
};

/** *o: ends consonant-vowel-consonant, the last not w, x or y. */
function oStar(buf: Uint8Array, n: number): boolean {
  const last = buf[n - 1];
  if (last === w || last === x || last === y) return false;
  let mask = 0;
  let cons = false;
  for (let k = 0; k < n; k++) {
    cons = !isVowel(buf[k]!, cons);
    mask = (mask << 1) + (cons ? 1 : 0);
  }
  return (mask & 0x0007) === 0x0005;
}

/** m > 1 and (*S or *T) */
const mGt1AndSOrT: Condition = (buf, n) => (buf[n - 1] === s || buf[n - 1] === t) && mGt1(buf, n);

/** *v*: the stem contains a vowel. */
const hasVowel: Condition = (buf, n) => {
  for (let k = 0; k < n; k++) if (isVowel(buf[k]!, k > 0)) return true;
  return false;
};

const step1B2: Rule[] = [
  ['at', null, 'ate'],
  ['bl', null, 'ble'],
  ['iz', null, 'ize'],
];

const step2: Rule[] = [
  ['ational', mGt0, 'ate'],
  ['tional', mGt0, 'tion'],
  ['enci', mGt0, 'ence'],
  ['anci', mGt0, 'ance'],
  ['izer', mGt0, 'ize'],
  ['logi', mGt0, 'log'],
  ['bli', mGt0, 'ble'],
  ['alli', mGt0, 'al'],
  ['entli', mGt0, 'ent'],
  ['eli', mGt0, 'e'],
  ['ousli', mGt0, 'ous'],
  ['ization', mGt0, 'ize'],
  ['ation', mGt0, 'ate'],
  ['ator', mGt0, 'ate'],
  ['alism', mGt0, 'al'],
  ['iveness', mGt0, 'ive'],
  ['fulness', mGt0, 'ful'],
  ['ousness', mGt0, 'ous'],
  ['aliti', mGt0, 'al'],
  ['iviti', mGt0, 'ive'],
  ['biliti', mGt0, 'ble'],
];

const step3: Rule[] = [
  ['ical', mGt0, 'ic'],
  ['ness', mGt0, ''],
  ['icate', mGt0, 'ic'],
  ['iciti', mGt0, 'ic'],
  ['ful', mGt0, ''],
  ['ative', mGt0, ''],
  ['alize', mGt0, 'al'],
];

const step4: Rule[] = [
  ['al', mGt1, ''],
  ['ance', mGt1, ''],
  ['ence', mGt1, ''],
  ['er', mGt1, ''],
  ['ic', mGt1, ''],
  ['able', mGt1, ''],
  ['ible', mGt1, ''],
  ['ant', mGt1, ''],
  ['ement', mGt1, ''],
  ['ment', mGt1, ''],
  ['ent', mGt1, ''],
  ['ion', mGt1AndSOrT, ''],
  ['ou', mGt1, ''],
  ['ism', mGt1, ''],
  ['ate', mGt1, ''],
  ['iti', mGt1, ''],
  ['ous', mGt1, ''],
  ['ive', mGt1, ''],
  ['ize', mGt1, ''],
];

function endsWith(buf: Uint8Array, n: number, suffix: string): boolean {
  // SQLite's generated steps require the word to be longer than the suffix, not just as long.
  if (n <= suffix.length) return false;
  for (let k = 0; k < suffix.length; k++)
    if (buf[n - suffix.length + k] !== suffix.charCodeAt(k)) return false;
  return true;
}

/** Applies the first rule whose suffix matches; the new length and whether a rule fired. */
function applyStep(buf: Uint8Array, n: number, rules: Rule[]): [number, boolean] {
  for (const [suffix, cond, out] of rules) {
    if (!endsWith(buf, n, suffix)) continue;
    const stem = n - suffix.length;
    if (cond && !cond(buf, stem)) return [n, false];
    for (let k = 0; k < out.length; k++) buf[stem + k] = out.charCodeAt(k);
    return [stem + out.length, true];
  }
  return [n, false];
}

/** fts5PorterStep1B: true when -ed or -ing was removed (then 1B2 and the cleanup run; not for -eed). */
function step1B(buf: Uint8Array, n: number): [number, boolean] {
  if (endsWith(buf, n, 'eed')) {
    if (!mGt0(buf, n - 3)) return [n, false];
    return [n - 1, false];
  }
  if (endsWith(buf, n, 'ed')) return hasVowel(buf, n - 2) ? [n - 2, true] : [n, false];
  if (endsWith(buf, n, 'ing')) return hasVowel(buf, n - 3) ? [n - 3, true] : [n, false];
  return [n, false];
}

function step1A(buf: Uint8Array, n: number): number {
  if (buf[n - 1] !== s) return n;
  if (buf[n - 2] === e) {
    if ((n > 4 && buf[n - 4] === s && buf[n - 3] === s) || (n > 3 && buf[n - 3] === i)) return n - 2;
    return n - 1;
  }
  return buf[n - 2] !== s ? n - 1 : n;
}

const buffer = new Uint8Array(maxToken + 64);

/** The porter stem of a token given as a byte string (char codes 0–255), as FTS5 computes it. */
export function porterStem(token: string): string {
  const len = token.length;
  if (len > maxToken || len < 3) return token;
  const buf = buffer;
  for (let k = 0; k < len; k++) buf[k] = token.charCodeAt(k);
  const [afterB, fired] = step1B(buf, step1A(buf, len));
  let n = afterB;
  if (fired) {
    const [afterB2, again] = applyStep(buf, n, step1B2);
    n = afterB2;
    if (!again) {
      const c = buf[n - 1]!;
      if (!isVowel(c, false) && c !== l && c !== s && c !== z && c === buf[n - 2]) {
        n--;
      } else if (mEq1(buf, n) && oStar(buf, n)) {
        buf[n++] = e;
      }
    }
  }
  if (buf[n - 1] === y && hasVowel(buf, n - 1)) buf[n - 1] = i;
  n = applyStep(buf, n, step2)[0];
  n = applyStep(buf, n, step3)[0];
  n = applyStep(buf, n, step4)[0];
  if (buf[n - 1] === e && (mGt1(buf, n - 1) || (mEq1(buf, n - 1) && !oStar(buf, n - 1)))) n--;
  if (n > 1 && buf[n - 1] === l && buf[n - 2] === l && mGt1(buf, n - 1)) n--;
  return String.fromCharCode(...buf.subarray(0, n));
}
