// Answers to `/followthrough` (pure), shown only to the person who asked: `status` (every watched
// commitment, its status and last evidence), `show <id>` (one commitment), `help`.

import { formatDay } from '../calendar.ts';
import type { CommitmentView } from '../commitments/commitment-view.ts';
import type { MessageContext, SlackMessage } from './alert.ts';
import { escapeSlack, slackLink } from './escape.ts';
import { feedLink, feedText, ownText } from './feed-text.ts';
import { contextBlock, fitMessage, headerBlock, sectionBlock, type Block } from './fit-message.ts';
import { limits } from './limits.ts';
import { dueLabel, statusLabel } from './status-label.ts';

export interface CommandCommitment {
  commitment: CommitmentView;
  daysOverdue?: number;
  threadUrl?: string;
  evidenceCount: number;
  lastEvidence?: { title: string; url: string; updatedAt: string };
  snoozedUntil?: string;
}

export interface CommandDetail extends CommandCommitment {
  quote?: string;
  /** Newest last: `at` ISO instant, `text` plain. */
  history: Array<{ at: string; text: string }>;
}

export interface CommandReply {
  response_type: 'ephemeral';
  text: string;
  blocks: SlackMessage['blocks'];
}

const linesPerSection = 12;
const helpText = [
  '`/followthrough status` — every watched commitment, its status and last evidence',
  '`/followthrough show <id>` — one commitment: due date, evidence and what was decided',
  '`/followthrough help` — this list',
  'On the messages themselves: *Counts as evidence* / *Not related* on an item, *Resolve…*, *Snooze 2 weeks* and *Reopen* on a commitment.',
].join('\n');

function reply(text: string, blocks: Block[]): CommandReply {
  const fitted = fitMessage({ text, blocks });
  return { response_type: 'ephemeral', text: fitted.text, blocks: fitted.blocks };
}

function titleOf(c: CommandCommitment, max = 200): string {
  const title =
    c.commitment.title.length > max ? `${c.commitment.title.slice(0, max - 1)}…` : c.commitment.title;
  return c.threadUrl ? slackLink(c.threadUrl, title) : escapeSlack(title);
}

function lastEvidence(c: CommandCommitment, ctx: MessageContext): string {
  const e = c.lastEvidence;
  return e
    ? `last ${feedLink(e.url, e.title, 120)} (${formatDay(e.updatedAt, ctx.timeZone)})`
    : 'no evidence yet';
}

export function statusReply(list: CommandCommitment[], ctx: MessageContext): CommandReply {
  if (list.length === 0)
    return reply('No commitments are watched yet.', [sectionBlock('No commitments are watched yet.')]);
  const lines = list.map(
    (c) =>
      `• *${titleOf(c)}* — ${statusLabel(c.commitment.status, c.daysOverdue)} · ` +
      `${c.evidenceCount} evidence, ${lastEvidence(c, ctx)}`,
  );
  const blocks: Block[] = [headerBlock(`Watched commitments (${list.length})`)];
  // Within the block count and the message budget: the rest are counted, not cut mid-line.
  let size = 0;
  let shown = 0;
  for (let i = 0; i < lines.length; i += linesPerSection) {
    const text = lines.slice(i, i + linesPerSection).join('\n');
    if (blocks.length >= limits.blocksPerMessage - 2 || size + text.length > limits.messageTotal - 2000)
      break;
    blocks.push(sectionBlock(text));
    size += text.length;
    shown = Math.min(lines.length, i + linesPerSection);
  }
  if (shown < lines.length) blocks.push(contextBlock([`_and ${lines.length - shown} more_`]));
  blocks.push(contextBlock(['`/followthrough show <id>` for one of them · `/followthrough help`']));
  return reply(`${list.length} watched commitment${list.length === 1 ? '' : 's'}`, blocks);
}

export function showReply(c: CommandDetail, ctx: MessageContext): CommandReply {
  const v = c.commitment;
  const facts = [
    `*Status:* ${statusLabel(v.status, c.daysOverdue)}`,
    `*Due:* ${dueLabel(v)}`,
    `*Owners:* ${v.owners.length ? ownText(v.owners.join(', '), 300) : 'not stated'}`,
    `*Evidence:* ${c.evidenceCount} item${c.evidenceCount === 1 ? '' : 's'}, ${lastEvidence(c, ctx)}`,
    ...(c.snoozedUntil ? [`*Reminders:* snoozed until ${formatDay(c.snoozedUntil, ctx.timeZone)}`] : []),
    `*Source:* ${feedLink(v.sourceUrl, 'the announcement', 40)}${c.threadUrl ? ` · ${slackLink(c.threadUrl, 'thread')}` : ''}`,
  ];
  const blocks: Block[] = [headerBlock(ownText(v.title, limits.headerText)), sectionBlock(facts.join('\n'))];
  if (c.quote) blocks.push(sectionBlock(`> ${ownText(c.quote.replace(/\s+/g, ' ').trim(), 600)}`));
  const recent = c.history
    .slice(-8)
    .map((h) => `${formatDay(h.at, ctx.timeZone, 'short')}: ${feedText(h.text, 300)}`);
  if (recent.length) blocks.push(contextBlock([recent.join('\n')]));
  return reply(`${ownText(v.title, 200)}: ${v.status}`, blocks);
}

export function helpReply(): CommandReply {
  return reply('followthrough commands', [sectionBlock(helpText)]);
}

export function unknownReply(said: string, known: string[]): CommandReply {
  const hint = known.length
    ? ` Watched: ${known
        .slice(0, 20)
        .map((id) => `\`${ownText(id, 80)}\``)
        .join(', ')}.`
    : '';
  return reply('Unknown command', [
    sectionBlock(`I don't know \`${ownText(said, 200)}\`.${hint}\n\n${helpText}`),
  ]);
}
