// Block Kit building blocks and the last guard on every message: whatever the builders made,
// the result keeps within Slack's limits (src/slack/limits.ts), because Slack rejects a whole
// message when one limit is exceeded. Text is cut, never inside a `<url|label>` link.

import type { SlackMessage } from './alert.ts';
import { limits, truncate } from './limits.ts';

export type Block = Record<string, unknown>;

/** Cut mrkdwn to `max` characters without leaving half a link: a raw `<` is always our own markup, since feed text has it escaped. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const body = truncate(text, max).slice(0, -1);
  const open = body.lastIndexOf('<');
  return `${open > body.lastIndexOf('>') ? body.slice(0, open).trimEnd() : body}…`;
}

/** Join lines while they fit in `max`; the rest become one `more(n)` line. */
export function linesWithin(lines: string[], max: number, more: (n: number) => string): string {
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const tail = i < lines.length - 1 ? more(lines.length - i - 1).length + 1 : 0;
    if (used + line.length + 1 + tail > max) {
      kept.push(more(lines.length - i));
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join('\n');
}

/** `plain` is already escaped own text (a header shows no markup, but Slack still decodes `&amp;`). */
export function headerBlock(plain: string): Block {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncate(plain, limits.headerText), emoji: true },
  };
}

export function sectionBlock(mrkdwn: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(mrkdwn, limits.sectionText) } };
}

export function fieldsBlock(fields: string[]): Block {
  return {
    type: 'section',
    fields: fields
      .slice(0, limits.fieldsPerSection)
      .map((f) => ({ type: 'mrkdwn', text: truncateMrkdwn(f, limits.fieldText) })),
  };
}

export function contextBlock(elements: string[]): Block {
  return {
    type: 'context',
    elements: elements
      .slice(0, limits.contextElements)
      .map((e) => ({ type: 'mrkdwn', text: truncateMrkdwn(e, limits.fieldText) })),
  };
}

export function dividerBlock(): Block {
  return { type: 'divider' };
}

/** Enforce the message-wide limits: block count, fallback text length, and the total size. */
export function fitMessage(msg: SlackMessage): SlackMessage {
  let blocks = msg.blocks;
  if (blocks.length > limits.blocksPerMessage) {
    const left = blocks.length - (limits.blocksPerMessage - 1);
    blocks = [
      ...blocks.slice(0, limits.blocksPerMessage - 1),
      contextBlock([`_${left} more parts left out: the message was too long for Slack_`]),
    ];
  }
  const text = truncateMrkdwn(msg.text, limits.messageText);
  blocks = shrinkToTotal(
    blocks.map((b) => structuredClone(b)),
    limits.messageTotal - text.length,
  );
  return { ...msg, text, blocks };
}

// Shorten the longest text (by the excess, at most by half) until the whole fits; each pass
// shortens something or drops the last block, so it ends.
function shrinkToTotal(blocks: Block[], budget: number): Block[] {
  for (let size = JSON.stringify(blocks).length; size > budget; size = JSON.stringify(blocks).length) {
    const texts = blocks.flatMap(textObjects);
    const longest = texts.reduce<{ text: string } | undefined>(
      (a, t) => (!a || t.text.length > a.text.length ? t : a),
      undefined,
    );
    if (!longest || longest.text.length < 40) {
      blocks = blocks.slice(0, -1);
      continue;
    }
    const target = Math.max(Math.floor(longest.text.length / 2), longest.text.length - (size - budget) - 8);
    longest.text = truncateMrkdwn(longest.text, target);
  }
  return blocks;
}

function textObjects(block: Block): Array<{ text: string }> {
  const out: Array<{ text: string }> = [];
  const text = block.text as { text?: unknown } | undefined;
  if (text && typeof text.text === 'string') out.push(text as { text: string });
  for (const key of ['fields', 'elements'] as const) {
    const list = block[key];
    if (Array.isArray(list))
      for (const f of list as Array<{ text?: unknown }>)
        if (typeof f.text === 'string') out.push(f as { text: string });
  }
  return out;
}
