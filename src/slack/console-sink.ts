// Without SLACK_BOT_TOKEN, alerts are printed as readable plain text (no Slack markup) so a
// person trying followthrough locally sees what would have been posted. Feed text is stripped
// of control characters: a title must not be able to move the cursor or recolour a terminal.

import { decode } from 'html-entities';
import { HIT_END, HIT_START, type MatchReason } from '../match/match-types.ts';
import type { AlertItem, AlertPayload, MessageContext } from './alert.ts';
import { addDays, dayOfInstant, formatCalendarDay, formatDay } from '../calendar.ts';
import { resolveCommand, snoozeCommand } from './resolve-command.ts';
import { formatConsoleReview } from './console-review.ts';
import { truncate } from './limits.ts';

const labels: Record<AlertPayload['kind'], string> = {
  digest: 'weekly digest',
  progress: 'progress',
  'possible-fulfilment': 'POSSIBLE FULFILMENT — a person should check',
  'due-soon': 'due soon',
  overdue: 'OVERDUE',
  reminder: 'still overdue (reminder)',
  summary: 'earlier matches',
  notice: 'NOTICE',
  reply: 'done from Slack',
  review: 'for review',
};

/** The console text for a row; empty for a digest part after the first (part 1 carries the whole digest). */
export function formatConsoleAlert(p: AlertPayload, ctx: MessageContext): string {
  if (p.kind === 'digest') return p.digestPart?.markdown ?? '';
  if (p.kind === 'review') return formatConsoleReview(p, ctx, clean);
  if (p.kind === 'notice' && p.notice) {
    return [
      `[followthrough] NOTICE — ${clean(p.notice.title, 300)}`,
      ...p.notice.lines.map((l) => `  - ${clean(l, 500)}`),
      `  ${clean(p.notice.fix, 500)}`,
    ].join('\n');
  }
  const c = p.commitment;
  if (p.kind === 'reply' && p.reply) {
    const item = p.reply.item ? ` — ${clean(p.reply.item.title, 200)}` : '';
    return `[followthrough] ${c.id}: ${p.reply.action} by ${clean(p.reply.actor, 80)}${item}`;
  }
  const out = [`[followthrough] ${labels[p.kind]} — ${clean(c.title, 300)} (${c.id})`];
  if (p.item) out.push(...itemLines(p.item, ctx));
  if (p.why) out.push(...whyLines(p.why));
  if (p.kind === 'summary') {
    const entries = p.summaryItems ?? [];
    out.push(
      `  ${entries.length} earlier item${entries.length === 1 ? '' : 's'} match${p.summaryOrigin ? ` (${p.summaryOrigin})` : ''}:`,
    );
    for (const e of entries.slice(0, 20))
      out.push(
        `   - ${clean(e.item.title, 200)}${e.kind === 'possible-fulfilment' ? ' [possible fulfilment]' : ''}`,
        `     ${clean(e.item.url, 500)}`,
      );
    if (entries.length > 20) out.push(`   … and ${entries.length - 20} more`);
  }
  const due = c.dueLastDay ? `due ${c.due ?? c.dueLastDay} (last day ${c.dueLastDay})` : 'no due date';
  const overdue = p.overdueSince
    ? ` · overdue since ${formatCalendarDay(p.overdueSince)}`
    : p.daysOverdue !== undefined && p.kind !== 'due-soon'
      ? ` · ${p.daysOverdue} days overdue`
      : '';
  out.push(
    `  status: ${c.status} · ${due}${overdue}${p.evidenceCount !== undefined ? ` · ${p.evidenceCount} evidence` : ''}`,
  );
  if (p.lastEvidence)
    out.push(
      `  last evidence: ${clean(p.lastEvidence.title, 200)} ` +
        `(${formatDay(p.lastEvidence.updatedAt, ctx.timeZone)}) ${clean(p.lastEvidence.url, 500)}`,
    );
  out.push(`  resolve: ${resolveCommand(c.id, p.item?.url ?? p.lastEvidence?.url)}`);
  if (p.kind === 'due-soon' || p.kind === 'overdue' || p.kind === 'reminder')
    out.push(
      `  snooze:  ${snoozeCommand(c.id, addDays(dayOfInstant(p.raisedAt, ctx.timeZone) ?? p.raisedAt.slice(0, 10), 14))}`,
    );
  return out.join('\n');
}

function itemLines(item: AlertItem, ctx: MessageContext): string[] {
  const type = item.displayType ? `${clean(item.displayType, 60)}, ` : '';
  return [
    `  item: ${clean(item.title, 300)} (${type}${formatDay(item.updatedAt, ctx.timeZone)})` +
      `${item.majorUpdate ? ' — an update of an item that matched earlier' : ''}`,
    `        ${clean(item.url, 500)}`,
  ];
}

function whyLines(why: MatchReason): string[] {
  const hits = [...why.hits, ...(why.fulfilmentHits ?? [])];
  return [
    `  why: rule "${clean(why.rule, 200)}"${why.fulfilment ? `, fulfilment rule "${clean(why.fulfilment, 200)}"` : ''}`,
    ...hits
      .slice(0, 5)
      .map(
        (h) =>
          `    - "${clean(h.term, 80)}" in ${h.fields.join(', ') || 'text'}: ` +
          `${clean(h.context, 240).replaceAll(HIT_START, '*').replaceAll(HIT_END, '*')}`,
      ),
    ...(hits.length > 5 ? [`    … and ${hits.length - 5} more terms`] : []),
  ];
}

function clean(text: string, max: number): string {
  return truncate(
    decode(text)
      .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
      .trim(),
    max,
  );
}
