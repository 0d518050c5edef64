// The review message (pure): items that are probably about a commitment though no rule matched, posted
// in the commitment's thread as one compact reply per poll — no header, no broadcast. Each item is a
// line (title link, publisher, date, the words that tied it to the commitment) with the two item
// buttons under it, so a person's answer teaches the review tier. A `related` row from a rule that hit
// only the page body is shown the same way, with the rule's words. Metadata names every item.

import { itemSourceLine } from './item-source.ts';
import type { MatchReason } from '../match/match-types.ts';
import type { AlertPayload, MessageContext, SlackMessage } from './alert.ts';
import { alertEventType } from './build-alert.ts';
import { feedLink, feedText, ownText } from './feed-text.ts';
import { contextBlock, fitMessage, sectionBlock, type Block } from './fit-message.ts';
import { itemControls } from './item-actions.ts';
import { codeSpan } from './render-reason.ts';
import { reviewCommand } from './resolve-command.ts';

/** Lines a review message shows; the job raises at most a few a poll, this only guards the limits. */
export const reviewListMax = 10;

export function buildReviewMessage(p: AlertPayload, ctx: MessageContext): SlackMessage {
  const entries = (p.reviewItems ?? []).slice(0, reviewListMax);
  const n = entries.length;
  const blocks: Block[] = [
    contextBlock([
      `For review: ${n === 1 ? 'an item' : `${n} items`} no rule matched that may be about this commitment. ` +
        'Does it count?',
    ]),
  ];
  for (const e of entries) {
    blocks.push(
      sectionBlock(
        `• *${feedLink(e.item.url, e.item.title, 200)}*\n` +
          `${feedText(itemSourceLine(e.item, ctx.timeZone, 'GOV.UK'), 160)}\n` +
          `_${reviewReasonText(e.why)}_`,
      ),
      ...itemControls({ commitmentId: p.commitment.id, itemUrl: e.item.url }, ctx),
    );
  }
  if (!ctx.interactive) {
    const one = entries.length === 1 ? entries[0]!.item.url : undefined;
    const command = codeSpan(reviewCommand(p.commitment.id, one, 'evidence'), 600);
    blocks.push(contextBlock([`To answer: ${command} (or \`--verdict not-related\`)`]));
  }
  return fitMessage({
    text: `For review on “${ownText(p.commitment.title, 200)}”: ${entries.map((e) => feedText(e.item.title, 120)).join('; ')}`,
    blocks,
    metadata: {
      event_type: alertEventType,
      event_payload: {
        alert_id: p.alertId,
        commitment_id: p.commitment.id,
        kind: 'review',
        item_urls: entries.map((e) => e.item.url),
      },
    },
  });
}

/** Why it was raised, in words (escaped mrkdwn; the shared words in bold). */
export function reviewReasonText(why: MatchReason): string {
  const r = why.review;
  const bold = (words: string[]): string => words.map((w) => `*${feedText(w, 40)}*`).join(', ');
  if (!r) {
    // A rule that matched only the page body: its words, found in the body.
    const terms = [...new Set(why.hits.map((h) => h.term))].slice(0, 4);
    return `the rule ${ownText(why.rule, 120)} matched only the page body${terms.length ? ` (${bold(terms)})` : ''}`;
  }
  if (r.basis === 'evidence' && r.like)
    return `shares ${bold(r.like.words)} with evidence you confirmed: “${feedText(r.like.title, 120)}”`;
  const topic = r.topic.length ? `, about ${bold(r.topic.slice(0, 2))}` : '';
  return `shares ${bold(r.mechanism.slice(0, 4))} with the commitment${topic}`;
}

/** The same reason as plain text, for the console and the digest. */
export function reviewReasonPlain(why: MatchReason): string {
  const r = why.review;
  if (!r) return `the rule "${why.rule}" matched only the page body`;
  if (r.basis === 'evidence' && r.like)
    return `shares ${r.like.words.join(', ')} with evidence you confirmed: "${r.like.title}"`;
  const topic = r.topic.length ? `, about ${r.topic.slice(0, 2).join(', ')}` : '';
  return `shares ${r.mechanism.slice(0, 4).join(', ')} with the commitment${topic}`;
}
