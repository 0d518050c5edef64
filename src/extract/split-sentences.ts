// Splits a paragraph into sentences (pure). A full stop ends a sentence when the next word starts
// with a capital, a digit or a quotation mark, unless the word before it is an abbreviation
// ("No. 2", "Mr. Smith", "e.g. the") or a single initial ("J. Smith").

import { wordSet } from './word-set.ts';

const abbreviations = wordSet(
  'mr mrs ms dr prof sir st rt hon no nos vol art para paras sec ch cl e.g i.e etc vs v cf ' +
    'approx inc ltd co corp plc jan feb mar apr jun jul aug sep sept oct nov dec gov dept govt ' +
    'est fig op u.k u.s p pp',
);

export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  const out: string[] = [];
  let start = 0;
  const boundary = /([.!?]+)(["'”’)\]]*)(\s+)(?=["'“‘(]?[A-Z0-9£$€])/g;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[1]!.length + m[2]!.length;
    const before = text.slice(start, m.index);
    const lastWord = /([A-Za-z][A-Za-z.]*)$/.exec(before)?.[1] ?? '';
    if (m[1] === '.' && !m[2] && (abbreviations.has(lastWord.toLowerCase()) || /^[A-Z]$/.test(lastWord)))
      continue;
    out.push(text.slice(start, end).trim());
    start = end + m[3]!.length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
