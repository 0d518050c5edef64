// Why an item matched, in words (pure): "Matched *people smugglers* and *French* in the summary".
// The words are the item's own (the hit words marked in each hit's context), grouped by where they
// hit; the rule itself goes in a small context line, never the headline. Feed words are decoded
// and escaped before they are set in bold, so an item can make no markup of its own.

import { decode } from 'html-entities';
import { HIT_END, HIT_START, type ItemField, type MatchReason, type TermHit } from '../match/match-types.ts';
import { escapeSlack } from './escape.ts';
import { truncate } from './limits.ts';

/** Words shown before "and N more terms". */
const maxWords = 5;
const wordChars = 60;

/** `Matched *customs partnership* in the title and *small boats* in the summary` (lead: `Matched`). */
export function matchedInWords(why: MatchReason, lead = 'Matched'): string {
  const phrase = wordsWhere(why.hits);
  return phrase ? `${lead} ${phrase}` : `${lead} the rule`;
}

/** `*launch* in the title`, or '' when no fulfilment term hit. */
export function fulfilmentInWords(why: MatchReason): string {
  return why.fulfilment ? wordsWhere(why.fulfilmentHits ?? []) : '';
}

function wordsWhere(hits: TermHit[]): string {
  // One group per place (title, summary, both), in the order first hit; each word once.
  const groups = new Map<string, string[]>();
  const seen = new Set<string>();
  let total = 0;
  for (const h of hits) {
    const where = placeOf(h.fields);
    for (const w of hitWords(h)) {
      const key = w.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      total++;
      const list = groups.get(where) ?? [];
      if (!groups.has(where)) groups.set(where, list);
      list.push(w);
    }
  }
  let shown = 0;
  const parts: string[] = [];
  for (const [where, list] of groups) {
    const room = maxWords - shown;
    if (room <= 0) break;
    const words = list.slice(0, room);
    shown += words.length;
    parts.push(`${andList(words.map((w) => `*${escapeSlack(truncate(w, wordChars))}*`))}${where}`);
  }
  const rest = total - shown;
  return andList(parts) + (rest > 0 ? ` and ${rest} more term${rest === 1 ? '' : 's'}` : '');
}

/** The words the item has where the term hit (adjacent marked words as one phrase), else the term as written. */
export function hitWords(h: TermHit): string[] {
  const text = decode(h.context)
    .replace(new RegExp(`${HIT_END}(\\s+)${HIT_START}`, 'gu'), '$1')
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  const words: string[] = [];
  for (const m of text.matchAll(new RegExp(`${HIT_START}([^${HIT_END}]*)${HIT_END}`, 'gu'))) {
    const w = (m[1] ?? '').replace(/\s+/g, ' ').trim();
    if (w) words.push(w);
  }
  const term = h.term.replace(/\s+/g, ' ').trim();
  return words.length ? words : term ? [term] : [];
}

function placeOf(fields: ItemField[]): string {
  if (fields.includes('title') && fields.includes('summary')) return ' in the title and summary';
  if (fields.includes('title')) return ' in the title';
  if (fields.includes('summary')) return ' in the summary';
  return '';
}

function andList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
