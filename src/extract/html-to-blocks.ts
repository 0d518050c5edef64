// HTML → plain-text blocks (pure). A small tag scanner, enough for GOV.UK govspeak and page
// markup: paragraphs, list items and headings become blocks, <blockquote> marks quotations,
// script/style/head are dropped and entities are decoded.

import { decode } from 'html-entities';
import type { Block, BlockKind } from './announcement.ts';
import { wordSet } from './word-set.ts';

const blockTags = wordSet(
  'p li h1 h2 h3 h4 h5 h6 div blockquote ul ol dl dt dd tr td th table section article main ' +
    'header footer nav aside figure figcaption pre hr br form',
);
const skipTags = wordSet('script style head noscript template svg iframe button select');

export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const open: string[] = [];
  let skipping = 0;
  let skipTag = '';
  let buffer = '';

  const kindNow = (): BlockKind => {
    for (let i = open.length - 1; i >= 0; i--) {
      const t = open[i]!;
      if (t === 'li') return 'list-item';
      if (/^h[1-6]$/.test(t)) return 'heading';
      if (t === 'p' || t === 'blockquote') return 'paragraph';
    }
    return 'paragraph';
  };
  const flush = (): void => {
    const text = normaliseSpace(decode(buffer, { level: 'html5' }));
    buffer = '';
    if (!text) return;
    const block: Block = { kind: kindNow(), text };
    if (open.includes('blockquote')) block.quoted = true;
    blocks.push(block);
  };

  const token =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!?\/?([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/g;
  for (const m of html.matchAll(token)) {
    const [whole, rawName, attrs, text] = m;
    if (text !== undefined) {
      if (!skipping) buffer += text;
      continue;
    }
    if (!rawName) continue; // comment or CDATA
    const name = rawName.toLowerCase();
    const closing = whole.startsWith('</');
    const selfClosing = /\/\s*$/.test(attrs ?? '');
    if (skipping) {
      if (closing && name === skipTag && --skipping === 0) skipTag = '';
      else if (!closing && name === skipTag && !selfClosing) skipping++;
      continue;
    }
    if (skipTags.has(name) && !closing && !selfClosing) {
      skipping = 1;
      skipTag = name;
      continue;
    }
    if (!blockTags.has(name)) continue;
    flush();
    if (name === 'br' || name === 'hr' || selfClosing) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      // A list closed without its <ul> ever opened still ends its items.
      else if (name === 'ul' || name === 'ol') while (open[open.length - 1] === 'li') open.pop();
    } else {
      // HTML lets <p> and <li> close implicitly: a new one ends the previous sibling.
      if ((name === 'p' || name === 'li') && open[open.length - 1] === name) open.pop();
      open.push(name);
    }
  }
  flush();
  return blocks;
}

export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * The first element whose opening tag matches `open` (e.g. /<div[^>]*class="[^"]*\bgovspeak\b/), with its content;
 * nesting of the same tag is counted.
 */
export function sliceElement(html: string, open: RegExp): string | undefined {
  const start = open.exec(html);
  if (!start) return undefined;
  const tag = /^<([a-zA-Z0-9]+)/.exec(start[0])?.[1]?.toLowerCase();
  if (!tag) return undefined;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = start.index;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start.index, m.index + m[0].length);
  }
  return html.slice(start.index);
}
