// The digest as Slack messages (pure): the parent holds the headline and as many whole sections as
// fit; the rest goes into thread replies. Every message stays within Block Kit's limits (50 blocks,
// 3,000 characters a section, our 12k budget a message), so a long digest is split across messages,
// never cut: the only text ever shortened is a single over-long feed title or context, with an ellipsis.

import type { SlackMessage } from '../slack/alert.ts';
import { escapeSlack, slackLink } from '../slack/escape.ts';
import { limits, truncate } from '../slack/limits.ts';
import type { Digest, DigestEntry, DigestEvidenceLine, DigestLink } from './build-digest.ts';
import type { DigestReview } from './digest-review.ts';
import { headlineParts, nothingNewText } from './digest-summary.ts';
import type { TextPart } from './digest-text.ts';

type Block = Record<string, unknown>;

/** Longest feed title shown; longer ones end in an ellipsis. */
const maxTitle = 300;
/** Longest context snippet shown around a hit. */
const maxContext = 300;
/** Room kept in the parent for the "continued in the thread" note. */
const continuationReserve = 600;

interface Part {
  heading: string;
  lines: string[];
}

export function renderDigestSlack(d: Digest): SlackMessage[] {
  const parts: Part[] = d.sections.map((s) => ({
    heading: `*${escapeSlack(s.title)}* (${s.entries.length})`,
    lines: s.entries.flatMap(entryLines),
  }));
  if (d.forReview)
    parts.push({
      heading: `*${escapeSlack(d.forReview.title)}* (${d.forReview.entries.length})`,
      lines: reviewLines(d.forReview),
    });
  parts.push({ heading: '*Feeds and delivery*', lines: footerLines(d) });

  // The parent: headline, then whole parts in order while they fit.
  const parentText = fallbackText(d);
  const parent = headBlocks(d);
  let next = 0;
  for (; next < parts.length; next++) {
    const blocks = [...parent, ...partBlocks(parts[next] as Part)];
    const last = next === parts.length - 1;
    if (!fits(blocks, parentText, last ? 0 : continuationReserve, last ? 0 : 1)) break;
    parent.splice(0, parent.length, ...blocks);
  }

  const replies = packReplies(parts.slice(next), d.week.label);
  const total = 1 + replies.length;
  if (replies.length > 0) {
    const names = parts
      .slice(next)
      .map((p) => p.heading)
      .join(', ');
    const note = `Continued in the thread (${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}): ${names}`;
    parent.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(note, limits.sectionText) }],
    });
  }

  const meta = (part: number): SlackMessage['metadata'] => ({
    event_type: 'followthrough_digest',
    event_payload: { week: d.week.label, channel: d.channel, part, parts: total },
  });
  return [
    { text: parentText, blocks: parent, metadata: meta(1) },
    ...replies.map((blocks, i) => ({
      text: replyText(d.week.label, i + 2, total),
      blocks: withPartLabel(blocks, d.week.label, i + 2, total),
      metadata: meta(i + 2),
    })),
  ];
}

function headBlocks(d: Digest): Block[] {
  const headline = headlineParts(d.headline)
    .map((p) => `*${p.count}* ${escapeSlack(p.label)}`)
    .join(' · ');
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(`Weekly digest · ${d.week.label}`, limits.headerText) },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(`${d.weekText} · ${d.timezone}`) }] },
    { type: 'section', text: { type: 'mrkdwn', text: headline } },
  ];
  if (d.nothingNew)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `_${escapeSlack(nothingNewText)}_` } });
  return blocks;
}

function fallbackText(d: Digest): string {
  const h = d.headline;
  return truncate(
    `Weekly digest ${d.week.label}: ${h.overdue} overdue, ${h.dueSoon} due soon, ` +
      `${h.withNewEvidence} with new evidence, ${h.metThisWeek} met this week, ${h.stale} stale.`,
    limits.messageText,
  );
}

function replyText(week: string, part: number, total: number): string {
  return `Weekly digest ${week}, part ${part} of ${total}`;
}

function withPartLabel(blocks: Block[], week: string, part: number, total: number): Block[] {
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: replyText(week, part, total) }] }, ...blocks];
}

// Each reply begins with a part label added once the total is known; keep room for it.
const partLabelBlocks = 1;
const partLabelChars = 150;

/** Lines into replies: a section block takes lines while it stays under 3,000 characters, a message
 *  takes blocks while it stays within budget; a section split across messages says "(continued)". */
function packReplies(parts: Part[], week: string): Block[][] {
  const messages: Block[][] = [];
  let current: Block[] = [];
  const fallback = replyText(week, 99, 99);
  const roomFor = (blocks: Block[]): boolean => fits(blocks, fallback, partLabelChars, partLabelBlocks);

  for (const part of parts) {
    const lines: Array<string | undefined> = part.lines.length > 0 ? part.lines : [undefined];
    lines.forEach((line, i) => {
      const first = i === 0;
      const last = current[current.length - 1];
      if (!first && line !== undefined && last) {
        const lastText = blockText(last);
        if (lastText.length + 1 + line.length <= limits.sectionText) {
          const grown = [...current.slice(0, -1), textBlock(`${lastText}\n${line}`)];
          if (roomFor(grown)) {
            current = grown;
            return;
          }
        }
      }
      const blocks = (first ? headed(part.heading, line) : [line as string]).map(textBlock);
      if (roomFor([...current, ...blocks])) {
        current = [...current, ...blocks];
        return;
      }
      if (current.length > 0) messages.push(current);
      current = headed(first ? part.heading : `${part.heading} (continued)`, line).map(textBlock);
    });
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/** All of a part's lines in section blocks, the heading leading the first. */
function partBlocks(part: Part): Block[] {
  const texts = headed(part.heading, part.lines[0]);
  for (const line of part.lines.slice(1)) {
    const last = texts[texts.length - 1] as string;
    if (last.length + 1 + line.length <= limits.sectionText) texts[texts.length - 1] = `${last}\n${line}`;
    else texts.push(line);
  }
  return texts.map(textBlock);
}

/** A heading and the line under it, in one block when they fit one. */
function headed(heading: string, line: string | undefined): string[] {
  if (line === undefined) return [heading];
  return heading.length + 1 + line.length <= limits.sectionText ? [`${heading}\n${line}`] : [heading, line];
}

function blockText(block: Block): string {
  return (block.text as { text: string }).text;
}

function textBlock(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** Within the block count and our size budget, keeping `reserveChars`/`reserveBlocks` free. */
function fits(blocks: Block[], text: string, reserveChars: number, reserveBlocks: number): boolean {
  return (
    blocks.length + reserveBlocks <= limits.blocksPerMessage &&
    JSON.stringify(blocks).length + text.length + reserveChars <= limits.messageTotal
  );
}

function entryLines(e: DigestEntry): string[] {
  const title = e.threadUrl
    ? slackLink(e.threadUrl, short(e.title, maxTitle))
    : escapeSlack(short(e.title, maxTitle));
  const parts = [...e.facts.map(escapeSlack), ...e.links.map(linkText)];
  if (e.sourceUrl) parts.push(slackLink(e.sourceUrl, 'announcement'));
  const first = fitLine(`• *${title}* (${escapeSlack(e.statusLabel)})`, `: ${parts.join(' · ')}`);
  const lines = [first];
  if (e.note) lines.push(fitLine('> ', escapeSlack(e.note)));
  for (const ev of e.evidence) lines.push(evidenceLine(ev));
  return lines;
}

function evidenceLine(ev: DigestEvidenceLine): string {
  const title = short(ev.title, maxTitle);
  const shown = ev.url ? slackLink(ev.url, title) : escapeSlack(title);
  const about = [ev.displayType, ev.day]
    .filter((x): x is string => Boolean(x))
    .map(escapeSlack)
    .join(', ');
  const flag = ev.possibleFulfilment
    ? ` · *possible fulfilment*${ev.fulfilment ? ` (${escapeSlack(ev.fulfilment)})` : ''}`
    : '';
  const terms = ev.terms.map((t) => `*${escapeSlack(t)}*`).join(', ');
  const why = ` · matched ${escapeSlack(ev.rule)}${terms ? ` on ${terms}` : ''}`;
  const contexts = ev.contexts.map((c) => ` “${context(c)}”`).join('');
  const named = (ev.alsoFor ?? []).map((c) => {
    const title = short(c.title, maxTitle);
    return `*${c.threadUrl ? slackLink(c.threadUrl, title) : escapeSlack(title)}*`;
  });
  const also = named.length ? ` · also evidence for ${named.join(', ')}` : '';
  return fitLine(`      ◦ ${shown}${also}`, ` (${about})${flag}${why}${contexts}`);
}

function reviewLines(r: DigestReview): string[] {
  return r.entries.flatMap((e) => {
    const title = short(e.title, maxTitle);
    const name = e.threadUrl ? slackLink(e.threadUrl, title) : escapeSlack(title);
    return [
      fitLine(`• *${name}*`, `: ${escapeSlack(e.fact)}`),
      ...e.items.map((i) => {
        const t = short(i.title, maxTitle);
        const shown = i.url ? slackLink(i.url, t) : escapeSlack(t);
        return fitLine(
          `      ◦ ${shown}`,
          ` (${escapeSlack(`${i.publisher}, ${i.day}`)}) · ${context(i.reason)}`,
        );
      }),
    ];
  });
}

/** A line's head (which holds the link) is kept whole; its tail is cut if the line would exceed a section. */
function fitLine(head: string, tail: string): string {
  const line = head + tail;
  if (line.length <= limits.sectionText) return line;
  return head + truncate(tail, Math.max(0, limits.sectionText - head.length));
}

function linkText(l: DigestLink): string {
  const text = short(l.text, maxTitle);
  const shown = l.url ? slackLink(l.url, text) : escapeSlack(text);
  return l.label ? `${escapeSlack(l.label)}: ${shown}` : shown;
}

/** Context with hit words in bold; a long snippet keeps its start. */
function context(parts: TextPart[]): string {
  let budget = maxContext;
  const out: string[] = [];
  for (const p of parts) {
    if (budget <= 0) {
      out.push('…');
      break;
    }
    const text = p.text.length > budget ? truncate(p.text, budget) : p.text;
    out.push(p.hit ? `*${escapeSlack(text)}*` : escapeSlack(text));
    if (text !== p.text) break;
    budget -= text.length;
  }
  return out.join('');
}

function short(text: string, max: number): string {
  return text.length > max ? truncate(text, max) : text;
}

function footerLines(d: Digest): string[] {
  const f = d.footer;
  const lines = f.feeds.map((p) =>
    fitLine(`• *${escapeSlack(p.id)}* ${p.dead ? '(dead)' : '(failing)'}`, `: ${escapeSlack(p.summary)}`),
  );
  lines.push(`Items seen this week: ${f.itemsSeen} · Alerts delivered: ${f.alertsDelivered}`);
  return lines;
}
