// The status card (pure): the top-level message of a commitment's thread. Alerts reply under it
// and refreshCards edits it whenever its facts change (status, evidence, a verdict, a snooze), so
// the channel shows one current line per commitment instead of a scroll of alerts. With the Slack
// app it carries "Resolve…" and "Snooze 2 weeks", or "Reopen" once resolved.

import { createHash } from 'node:crypto';
import type { MessageContext, SlackMessage, StatusCardFacts } from './alert.ts';
import { formatDay } from '../calendar.ts';
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
import { commitmentActionsBlock } from './commitment-actions.ts';
import { limits } from './limits.ts';
import { dueLabel, statusEmoji, statusLabel, statusWords } from './status-label.ts';

export const cardEventType = 'followthrough_card';

/** A quote longer than this is left out: the source link is there for the full text. */
const shortQuote = 300;

export function buildStatusCard(f: StatusCardFacts, ctx: MessageContext): SlackMessage {
  const c = f.commitment;
  const last = f.lastEvidence
    ? `${feedLink(f.lastEvidence.url, f.lastEvidence.title, 250)} (${feedText(itemSourceLine(f.lastEvidence, ctx.timeZone), 160)})`
    : 'none yet';
  const blocks: Block[] = [headerBlock(`${statusEmoji(c.status)} ${ownText(c.title, limits.headerText)}`)];
  if (f.quote && f.quote.length <= shortQuote)
    blocks.push(sectionBlock(`> ${ownText(f.quote.replace(/\s+/g, ' ').trim(), shortQuote)}`));
  blocks.push(
    fieldsBlock([
      `*Status*\n${statusLabel(c.status)}`,
      `*Due*\n${dueLabel(c)}`,
      `*Owners*\n${c.owners.length ? ownText(c.owners.join(', '), 300) : 'not stated'}`,
      `*Evidence*\n${f.evidenceCount} item${f.evidenceCount === 1 ? '' : 's'}`,
      `*Last evidence*\n${last}`,
      `*Source*\n${feedLink(c.sourceUrl, 'the announcement', 40)}`,
    ]),
  );
  const notes = [
    `Watched by followthrough as \`${ownText(c.id, 80)}\` · updated ${formatDay(f.asOf, ctx.timeZone)} · alerts follow in this thread`,
  ];
  if (f.snoozedUntil) notes.push(`:zzz: Reminders snoozed until ${formatDay(f.snoozedUntil, ctx.timeZone)}`);
  blocks.push(contextBlock(notes));
  if (ctx.interactive) blocks.push(commitmentActionsBlock(c));
  return fitMessage({
    text: `${ownText(c.title, 300)} — status: ${statusWords(c.status).toLowerCase()}, due ${dueLabel(c)}, ${f.evidenceCount} evidence`,
    blocks,
    metadata: { event_type: cardEventType, event_payload: { commitment_id: c.id } },
  });
}

/** A fingerprint of what the card shows, leaving out the day it was built: the card is edited when it changes. */
export function cardFingerprint(f: StatusCardFacts, ctx: MessageContext): string {
  const shown = {
    commitment: f.commitment,
    evidenceCount: f.evidenceCount,
    lastEvidence: f.lastEvidence ?? null,
    snoozedUntil: f.snoozedUntil ?? null,
    quote: f.quote ?? null,
    interactive: ctx.interactive === true,
    timeZone: ctx.timeZone,
  };
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex').slice(0, 32);
}
