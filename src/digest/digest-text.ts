// Text helpers the digest renderers share (pure). Feed text is untrusted: it is decoded to plain
// text here once, and each renderer escapes it for its own target (Slack, Markdown, HTML).

import { decode } from 'html-entities';
import { HIT_END, HIT_START } from '../match/match-types.ts';

const markers = new RegExp(`[${HIT_START}${HIT_END}]`, 'g');

/** Feed or person text as one plain line: entities decoded once, whitespace runs (newlines too) to one space. */
export function plainText(text: string): string {
  return decode(text).replace(markers, '').replace(/\s+/g, ' ').trim();
}

export interface TextPart {
  text: string;
  hit: boolean;
}

/** Split matcher context (`…the new \uE000customs partnership\uE001 will…`) into plain parts, hits marked. */
export function splitHits(context: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = decode(context).replace(/\s+/g, ' ').trim();
  while (rest.length > 0) {
    const open = rest.indexOf(HIT_START);
    if (open === -1) break;
    const close = rest.indexOf(HIT_END, open + 1);
    if (close === -1) break;
    pushPart(parts, rest.slice(0, open), false);
    pushPart(parts, rest.slice(open + 1, close), true);
    rest = rest.slice(close + 1);
  }
  pushPart(parts, rest, false);
  return parts;
}

function pushPart(parts: TextPart[], text: string, hit: boolean): void {
  const clean = text.replace(markers, '');
  if (clean.length === 0) return;
  if (!hit) {
    parts.push({ text: clean, hit });
    return;
  }
  // Keep spaces outside the emphasis: Slack and Markdown only bold `*word*`, not `* word *`.
  const lead = /^\s*/.exec(clean)?.[0] ?? '';
  const trail = /\s*$/.exec(clean)?.[0] ?? '';
  const core = clean.trim();
  if (lead) parts.push({ text: lead, hit: false });
  if (core) parts.push({ text: core, hit: true });
  if (trail) parts.push({ text: trail, hit: false });
}

/** The URL when it is an absolute http(s) URL, else undefined: a `javascript:` link from a feed never becomes a link. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
