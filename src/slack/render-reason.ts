// Why an item matched, the small print: the rule, then the item's words around the hits, with the
// hit words in bold (the headline says it in words: match-words.ts). The context is feed text: it is decoded, cut around the first hit and
// escaped, and only then are the HIT_START/HIT_END markers turned into `*bold*`, so feed text
// can never produce markup of its own.

import { decode } from 'html-entities';
import { HIT_END, HIT_START, type MatchReason, type TermHit } from '../match/match-types.ts';
import { escapeSlack } from './escape.ts';
import { truncate } from './limits.ts';

/** Characters of context shown around each hit in the "why" line (before escaping). */
const contextChars = 200;

/**
 * The small print under an alert: the rule that matched and the item's words around the hits
 * (at most two distinct contexts), then the fulfilment rule likewise. Kept out of the headline.
 */
export function reasonContext(why: MatchReason): string[] {
  const out = [`Why: rule ${codeSpan(why.rule, 200)}${contextsOf(why.hits)}`];
  if (why.fulfilment)
    out.push(
      `Possible fulfilment: rule ${codeSpan(why.fulfilment, 200)}${contextsOf(why.fulfilmentHits ?? [])}`,
    );
  return out;
}

function contextsOf(hits: TermHit[]): string {
  const distinct = [...new Set(hits.map((h) => h.context).filter((c) => c.trim()))].slice(0, 2);
  return distinct.map((c) => ` “${renderHitContext(c, contextChars)}”`).join('');
}

/** Feed text with hit markers → escaped mrkdwn with the hit words in bold, about `max` characters around the first hit. */
export function renderHitContext(context: string, max: number): string {
  const plain = decode(context)
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
    .trim();
  return boldMarkers(escapeSlack(windowAroundHit(plain, max)));
}

// Keep the first hit in view: a long summary whose match is near the end would otherwise lose it.
function windowAroundHit(text: string, max: number): string {
  if (text.length <= max) return text;
  const hit = Math.max(0, text.indexOf(HIT_START));
  let start = Math.max(0, Math.min(hit - Math.floor(max / 3), text.length - max));
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  const body = truncate(text.slice(start), max - (start > 0 ? 1 : 0));
  return (start > 0 ? '…' : '') + body;
}

// Markers cut apart by the window are dropped; a pair becomes Slack bold.
function boldMarkers(text: string): string {
  let out = '';
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === HIT_START) {
      if (!open && text.indexOf(HIT_END, i + 1) !== -1) {
        out += '*';
        open = true;
      }
    } else if (ch === HIT_END) {
      if (open) {
        out += '*';
        open = false;
      }
    } else out += ch;
  }
  return out;
}

/** Our own or configured text (a rule, a term, a command) in a code span: escaped, backticks replaced. */
export function codeSpan(text: string, max: number): string {
  return `\`${escapeSlack(truncate(text.replace(/`/g, "'").replace(/[\u0000-\u001f]+/g, ' '), max))}\``;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
