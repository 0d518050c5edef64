// Why an item matched, as mrkdwn: the rule, then each term with the words around it and the
// hit words in bold. The context is feed text: it is decoded, cut around the first hit and
// escaped, and only then are the HIT_START/HIT_END markers turned into `*bold*`, so feed text
// can never produce markup of its own.

import { decode } from 'html-entities';
import { HIT_END, HIT_START, type MatchReason, type TermHit } from '../match/match-types.ts';
import { escapeSlack } from './escape.ts';
import { linesWithin } from './fit-message.ts';
import { truncate } from './limits.ts';

export interface ReasonLimits {
  /** Terms shown per rule; the rest are counted. */
  maxHits: number;
  /** Characters of context around each hit (before escaping). */
  contextChars: number;
  /** Characters for the whole rendering. */
  maxChars: number;
}

const defaults: ReasonLimits = { maxHits: 5, contextChars: 240, maxChars: 2800 };

export function renderReason(why: MatchReason, opts: Partial<ReasonLimits> = {}): string {
  const o = { ...defaults, ...opts };
  const lines = [`*Why it matched:* rule ${codeSpan(why.rule, 200)}`, ...hitLines(why.hits, o)];
  if (why.fulfilment) {
    lines.push(
      `*Possible fulfilment:* rule ${codeSpan(why.fulfilment, 200)}`,
      ...hitLines(why.fulfilmentHits ?? [], o),
    );
  }
  return linesWithin(lines, o.maxChars, (n) => `_…and ${n} more line${n === 1 ? '' : 's'}_`);
}

/** One short line: the rule and its terms, without context (for lists of many items). */
export function renderReasonBrief(why: MatchReason, maxChars = 300): string {
  const terms = [...new Set([...why.hits, ...(why.fulfilmentHits ?? [])].map((h) => h.term))];
  const shown = terms
    .slice(0, 5)
    .map((t) => codeSpan(t, 60))
    .join(', ');
  const more = terms.length > 5 ? ` and ${terms.length - 5} more` : '';
  return truncateSafe(`rule ${codeSpan(why.rule, 120)}${shown ? ` — ${shown}${more}` : ''}`, maxChars);
}

function hitLines(hits: TermHit[], o: ReasonLimits): string[] {
  const lines = hits.slice(0, o.maxHits).map((h) => {
    const where = h.fields.length ? ` (${h.fields.join(', ')})` : '';
    const context = renderHitContext(h.context, o.contextChars);
    return `• ${codeSpan(h.term, 80)}${where}${context ? `: ${context}` : ''}`;
  });
  const rest = hits.length - o.maxHits;
  if (rest > 0) lines.push(`_and ${rest} more term${rest === 1 ? '' : 's'}_`);
  return lines;
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

function truncateSafe(text: string, max: number): string {
  return text.length <= max ? text : truncate(text, max);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
