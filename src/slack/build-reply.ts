// The short thread reply that says what a person did from Slack (pure): one line, no header, so the
// thread records who decided what without shouting. "Marked not related by @… : <item>".

import { formatDay } from '../calendar.ts';
import type { ActionReply, MessageContext } from './alert.ts';
import { escapeSlack } from './escape.ts';
import { feedLink, feedText, ownText } from './feed-text.ts';
import { statusWords } from './status-label.ts';

/** A Slack user id becomes a mention Slack shows as the person's name; anything else is text. */
export function actorText(actor: string): string {
  return /^[UW][A-Z0-9]{6,}$/.test(actor) ? `<@${actor}>` : ownText(actor, 80);
}

export function replyLine(r: ActionReply, ctx: MessageContext): string {
  const by = actorText(r.actor);
  const item = r.item ? `: ${feedLink(r.item.url, r.item.title, 200)}` : '';
  const note = r.note ? ` — “${feedText(r.note, 500)}”` : '';
  switch (r.action) {
    case 'evidence':
      return `:white_check_mark: Counted as evidence by ${by}${item}${note}`;
    case 'not-related':
      return `:heavy_minus_sign: Marked not related by ${by}${item}${note}`;
    case 'resolve': {
      const evidence = r.evidenceUrl ? ` · ${feedLink(r.evidenceUrl, 'evidence', 40)}` : '';
      return `:memo: Marked *${escapeSlack(statusWords(r.status ?? ''))}* by ${by}${note}${evidence}`;
    }
    case 'snooze':
      return r.until
        ? `:zzz: Reminders snoozed until ${formatDay(r.until, ctx.timeZone)} by ${by}`
        : `:bell: Reminders resumed by ${by}`;
    case 'reopen':
      return `:leftwards_arrow_with_hook: Reopened by ${by}: now *${escapeSlack(statusWords(r.status ?? 'open'))}*${note}`;
  }
}

/** The fallback text: the same line without emoji or markup. */
export function replyText(r: ActionReply): string {
  const who = r.actor;
  const what = {
    evidence: 'Counted as evidence',
    'not-related': 'Marked not related',
    resolve: `Marked ${statusWords(r.status ?? '')}`,
    snooze: r.until ? 'Reminders snoozed' : 'Reminders resumed',
    reopen: 'Reopened',
  }[r.action];
  return `${escapeSlack(what)} by ${actorText(who)}${r.item ? `: ${feedText(r.item.title, 200)}` : ''}`;
}
