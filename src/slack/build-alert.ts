// Alert messages (pure): payload facts → Block Kit with a plain `text` fallback and metadata
// that carries the alert's stable id, which is how a re-send after a crash is recognised.
// Alerts are replies in their commitment's thread, under the status card that names it, so they
// carry no header: they say what happened in words, put the rule in the small print, and end with
// buttons when the Slack app answers them (else the command to type).
// Feed text is cut before any markup is composed, then escaped (see feed-text.ts); fitMessage
// is the last guard on Slack's limits.

import { addDays, dayOfInstant, formatCalendarDay, formatDay } from '../calendar.ts';
import type { AlertItem, AlertKind, AlertPayload, MessageContext, SlackMessage } from './alert.ts';
import { replyLine, replyText } from './build-reply.ts';
import { commitmentActionsBlock, snoozeDays } from './commitment-actions.ts';
import { feedLink, feedText, ownText } from './feed-text.ts';
import {
  contextBlock,
  fieldsBlock,
  fitMessage,
  headerBlock,
  sectionBlock,
  type Block,
} from './fit-message.ts';
import { itemSourceLine } from './item-source.ts';
import { itemControls } from './item-actions.ts';
import { limits } from './limits.ts';
import { fulfilmentInWords, matchedInWords } from './match-words.ts';
import { codeSpan, reasonContext } from './render-reason.ts';
import { buildReviewMessage } from './build-review.ts';
import { resolveCommand, snoozeCommand } from './resolve-command.ts';
import { dueLabel, statusLabel } from './status-label.ts';

export const alertEventType = 'followthrough_alert';

/** Items listed in a summary before "and N more". */
export const summaryListMax = 10;

const titleChars = 250;
const summaryChars = 400;
/** Characters of JSON for a summary's list, leaving room for the rest under limits.messageTotal. */
const summaryBudget = 8000;

const headings: Record<AlertKind, string> = {
  digest: 'Weekly digest',
  progress: 'Progress',
  'possible-fulfilment': 'Possible fulfilment',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  reminder: 'Still overdue',
  summary: 'Earlier matches',
  notice: 'followthrough',
  reply: 'followthrough',
  review: 'For review',
};

export function buildAlertMessage(p: AlertPayload, ctx: MessageContext): SlackMessage {
  if (p.kind === 'notice') return buildNotice(p);
  if (p.kind === 'digest' && p.digestPart) return p.digestPart.message;
  if (p.kind === 'review') return buildReviewMessage(p, ctx);
  if (p.kind === 'reply' && p.reply)
    return fitMessage({
      text: replyText(p.reply),
      blocks: [sectionBlock(replyLine(p.reply, ctx))],
      metadata: alertMetadata(p),
    });
  if (p.kind === 'summary') {
    // A summary presents several items, as a review message does: each one it lists is named.
    const { blocks, shown } = summaryBlocks(p, ctx);
    const meta = alertMetadata(p);
    meta.event_payload.item_urls = shown.map((e) => e.item.url);
    return fitMessage({ text: fallbackText(p), blocks, metadata: meta });
  }
  return fitMessage({ text: fallbackText(p), blocks: bodyBlocks(p, ctx), metadata: alertMetadata(p) });
}

export function alertMetadata(p: AlertPayload): NonNullable<SlackMessage['metadata']> {
  return {
    event_type: alertEventType,
    event_payload: {
      alert_id: p.alertId,
      commitment_id: p.commitment.id,
      kind: p.kind,
      ...(p.item ? { item_url: p.item.url } : {}),
    },
  };
}

function bodyBlocks(p: AlertPayload, ctx: MessageContext): Block[] {
  switch (p.kind) {
    case 'progress':
    case 'possible-fulfilment':
      return itemBlocks(p, ctx);
    case 'summary':
      return summaryBlocks(p, ctx).blocks;
    default:
      return dueBlocks(p, ctx);
  }
}

function itemBlocks(p: AlertPayload, ctx: MessageContext): Block[] {
  const blocks: Block[] = [];
  if (p.item) blocks.push(sectionBlock(itemSection(p, p.item, ctx)));
  if (p.item) blocks.push(...itemControls({ commitmentId: p.commitment.id, itemUrl: p.item.url }, ctx));
  blocks.push(
    contextBlock([
      statusLine(p),
      ...(p.why ? reasonContext(p.why) : []),
      ...(ctx.interactive
        ? []
        : [`To resolve: ${codeSpan(resolveCommand(p.commitment.id, p.item?.url), 600)}`]),
    ]),
  );
  return blocks;
}

function itemSection(p: AlertPayload, item: AlertItem, ctx: MessageContext): string {
  const lines: string[] = [];
  if (p.kind === 'possible-fulfilment') {
    const words = p.why ? fulfilmentInWords(p.why) : '';
    lines.push(`:eyes: *Possible fulfilment — a person should check*${words ? ` (${words})` : ''}`);
  }
  lines.push(`*${feedLink(item.url, item.title, titleChars)}*`, itemMeta(item, ctx));
  if (item.majorUpdate) lines.push(':arrows_counterclockwise: _An update of an item that matched earlier._');
  const summary = feedText(item.summary, summaryChars);
  if (summary) lines.push(`> ${summary}`);
  if (p.why) lines.push(`${matchedInWords(p.why)}.`);
  return lines.join('\n');
}

function itemMeta(item: AlertItem, ctx: MessageContext): string {
  return feedText(itemSourceLine(item, ctx.timeZone, 'GOV.UK'), 160);
}

/** `:large_blue_circle: Open · due April 2024 (by 30 April 2024)`, or the status alone when no date was given. */
function statusLine(p: AlertPayload): string {
  const status = statusLabel(p.commitment.status, p.daysOverdue);
  // A commitment with no date says so on its card; each reply need not repeat "due none stated".
  return p.commitment.dueLastDay ? `${status} · due ${dueLabel(p.commitment)}` : status;
}

function dueBlocks(p: AlertPayload, ctx: MessageContext): Block[] {
  const c = p.commitment;
  const due = dueLabel(c);
  const days = p.daysOverdue ?? 0;
  const title = `*${ownText(c.title, 300)}*`;
  const intro =
    p.kind === 'due-soon'
      ? `${title} is due ${due}.`
      : p.overdueSince
        ? `${title} was due ${due} and has been *overdue since ${formatCalendarDay(p.overdueSince)}*. ` +
          'No resolution has been recorded.'
        : `${title} was due ${due} and is *${days} day${days === 1 ? '' : 's'} overdue*.` +
          `${p.kind === 'reminder' ? ' No resolution has been recorded yet.' : ''}`;
  const source = feedLink(c.sourceUrl, 'the announcement', 40);
  const last = p.lastEvidence
    ? `${feedLink(p.lastEvidence.url, p.lastEvidence.title, titleChars)} (${formatDay(p.lastEvidence.updatedAt, ctx.timeZone)})`
    : 'none yet';
  const fields = [
    `*Status*\n${statusLabel(c.status, p.daysOverdue)}`,
    `*Due*\n${due}`,
    ...(p.kind === 'due-soon'
      ? []
      : p.overdueSince
        ? [`*Overdue since*\n${formatCalendarDay(p.overdueSince)}`]
        : [`*Days overdue*\n${days}`]),
    `*Evidence*\n${p.evidenceCount ?? 0} item${p.evidenceCount === 1 ? '' : 's'}`,
    `*Last evidence*\n${last}`,
    `*Owners*\n${c.owners.length ? ownText(c.owners.join(', '), 300) : 'not stated'}`,
  ];
  const blocks = [sectionBlock(`${intro}\nSource: ${source}`), fieldsBlock(fields)];
  if (ctx.interactive) return [...blocks, commitmentActionsBlock(c)];
  const until = addDays(dayOfInstant(p.raisedAt, ctx.timeZone) ?? p.raisedAt.slice(0, 10), snoozeDays);
  return [
    ...blocks,
    contextBlock([
      `If it has been met or dropped: ${codeSpan(resolveCommand(c.id, p.lastEvidence?.url), 600)}`,
      `To pause reminders: ${codeSpan(snoozeCommand(c.id, until), 300)}`,
    ]),
  ];
}

const origins: Record<NonNullable<AlertPayload['summaryOrigin']>, string> = {
  baseline: 'Found on the first poll of the feeds',
  backfill: 'Found by a backfill from the GOV.UK Search API',
  history: 'Found in stored history when this commitment was added',
};

function summaryBlocks(
  p: AlertPayload,
  ctx: MessageContext,
): { blocks: Block[]; shown: NonNullable<AlertPayload['summaryItems']> } {
  const entries = p.summaryItems ?? [];
  const origin = p.summaryOrigin ? origins[p.summaryOrigin] : 'Found in earlier GOV.UK items';
  const fulfilments = entries.filter((e) => e.kind === 'possible-fulfilment').length;
  const blocks: Block[] = [
    sectionBlock(
      `${origin}: ${entries.length} item${entries.length === 1 ? '' : 's'} match this commitment` +
        (fulfilments ? `, ${fulfilments} of them a *possible fulfilment — a person should check*.` : '.'),
    ),
  ];
  // The list stops at summaryListMax items, or earlier when long titles would push the message past its budget.
  const shown: typeof entries = [];
  let size = JSON.stringify(blocks).length;
  for (const e of entries.slice(0, summaryListMax)) {
    const kind = e.kind === 'possible-fulfilment' ? ' · :eyes: *possible fulfilment*' : '';
    const line = [
      sectionBlock(
        `• *${feedLink(e.item.url, e.item.title, 200)}*\n${itemMeta(e.item, ctx)}${kind}\n${matchedInWords(e.why, 'matched')}`,
      ),
      ...itemControls({ commitmentId: p.commitment.id, itemUrl: e.item.url }, ctx),
    ];
    size += JSON.stringify(line).length;
    if (size > summaryBudget) break;
    blocks.push(...line);
    shown.push(e);
  }
  const rest = entries.length - shown.length;
  const id = ownText(p.commitment.id, 80);
  const where = ctx.interactive
    ? `\`/followthrough show ${id}\``
    : `\`npx followthrough commitments show ${id}\``;
  if (rest > 0) blocks.push(contextBlock([`_and ${rest} more — ${where} lists them all_`]));
  blocks.push(
    contextBlock([
      statusLine(p),
      ...(ctx.interactive
        ? []
        : [`If one of them fulfils it: ${codeSpan(resolveCommand(p.commitment.id), 600)}`]),
    ]),
  );
  if (ctx.interactive) blocks.push(commitmentActionsBlock(p.commitment));
  return { blocks, shown };
}

function fallbackText(p: AlertPayload): string {
  const title = ownText(p.commitment.title, 200);
  switch (p.kind) {
    case 'progress':
    case 'possible-fulfilment': {
      const item = p.item ? feedText(p.item.title, 300) : 'a GOV.UK item';
      const check = p.kind === 'possible-fulfilment' ? ' — a person should check' : '';
      return `${headings[p.kind]} on “${title}”: ${item}${p.item?.majorUpdate ? ' (updated)' : ''}${check}`;
    }
    case 'due-soon':
      return `Due soon: “${title}” is due ${dueLabel(p.commitment)}`;
    case 'overdue':
    case 'reminder':
      return p.overdueSince
        ? `${headings[p.kind]}: “${title}” was due ${dueLabel(p.commitment)}, overdue since ${formatCalendarDay(p.overdueSince)}`
        : `${headings[p.kind]}: “${title}” was due ${dueLabel(p.commitment)} (${p.daysOverdue ?? 0} days overdue)`;
    case 'summary': {
      const n = p.summaryItems?.length ?? 0;
      return `${n} earlier GOV.UK item${n === 1 ? '' : 's'} match “${title}”`;
    }
    case 'notice':
      return ownText(p.notice?.title ?? 'followthrough notice', 300);
    case 'digest':
      return p.digestPart?.message.text ?? 'Weekly digest';
    case 'reply':
      return p.reply ? replyText(p.reply) : 'followthrough';
    case 'review':
      return `For review on “${title}”`;
  }
}

/** A notice about followthrough itself, posted at the top level of the default channel.
 *  Its lines quote a person's file (ids, rule text), so they are escaped like feed text. */
function buildNotice(p: AlertPayload): SlackMessage {
  const n = p.notice ?? { title: 'followthrough notice', lines: [], fix: '' };
  const shown = n.lines.slice(0, 20).map((l) => `• ${feedText(l, 500)}`);
  if (n.lines.length > 20) shown.push(`… and ${n.lines.length - 20} more`);
  const blocks = [
    headerBlock(ownText(n.title, limits.headerText)),
    ...(shown.length ? [sectionBlock(shown.join('\n'))] : []),
    ...(n.fix ? [contextBlock([ownText(n.fix, 1000)])] : []),
  ];
  return fitMessage({
    text: `${ownText(n.title, 200)}: ${n.lines.length} problem${n.lines.length === 1 ? '' : 's'}`,
    blocks,
    metadata: alertMetadata(p),
  });
}
