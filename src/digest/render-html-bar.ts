// The HTML digest's timeline bar (pure): announcement → due date, a marker for today, an overrun in red.

import { daysBetween, formatCalendarDay } from '../calendar.ts';
import type { CommitmentStatus } from '../commitments/commitment.ts';
import type { DigestBar } from './build-digest.ts';
import { colour, esc } from './html-theme.ts';

const cellStyle = 'height:10px;font-size:0;line-height:0;mso-line-height-rule:exactly;';

/** Announcement → due date as a bar; a marker for today; an overrun in red once past the last on-time day. */
export function bar(id: string, b: DigestBar, statusC: string, status: CommitmentStatus): string {
  const open =
    `<table role="presentation" class="bar" data-commitment="${esc(id)}" width="100%" cellpadding="0" cellspacing="0" ` +
    'border="0" style="width:100%;margin:8px 0 2px;border-collapse:collapse;"><tr>';
  const close = '</tr></table>';
  if (!b.due) {
    const label = `no due date · announced ${formatCalendarDay(b.start, 'short')}`;
    return (
      open +
      '<td class="bar-none" width="100%" style="width:100%;height:14px;padding:0 6px;font-size:11px;line-height:14px;' +
      `color:${colour.secondary};background-color:${colour.track};">${esc(label)}</td>` +
      close
    );
  }
  const today = b.today < b.start ? b.start : b.today;
  const span = Math.max(1, daysBetween(b.start, today > b.due ? today : b.due));
  const cells: string[] = [];
  const segment = (cls: string, days: number, bg: string, title: string): void => {
    if (days <= 0) return;
    const pct = Math.max(0.5, Math.round((days / span) * 1000) / 10);
    cells.push(
      `<td class="${cls}" width="${pct}%" title="${esc(title)}" style="width:${pct}%;${cellStyle}background-color:${bg};">&nbsp;</td>`,
    );
  };
  const marker =
    `<td class="bar-today" width="3" title="today, ${esc(formatCalendarDay(b.today, 'short'))}" ` +
    `style="width:3px;${cellStyle}background-color:${colour.text};">&nbsp;</td>`;
  const resolved =
    status === 'met' || status === 'partly-met' || status === 'dropped' || status === 'superseded';
  if (today <= b.due) {
    segment(
      'bar-elapsed',
      daysBetween(b.start, today),
      statusC,
      `${daysBetween(b.start, today)} days since the announcement`,
    );
    cells.push(marker);
    segment(
      'bar-remaining',
      daysBetween(today, b.due),
      colour.track,
      `${daysBetween(today, b.due)} days to the due date`,
    );
  } else {
    segment(
      'bar-planned',
      daysBetween(b.start, b.due),
      resolved ? statusC : colour.border,
      'announcement to due date',
    );
    segment(
      'bar-overrun',
      daysBetween(b.due, today),
      resolved ? colour.track : colour.red,
      `${daysBetween(b.due, today)} days past the due date`,
    );
    cells.push(marker);
  }
  const scale =
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ' +
    `style="width:100%;font-size:11px;line-height:1.3;color:${colour.secondary};"><tr>` +
    `<td align="left">announced ${esc(formatCalendarDay(b.start, 'short'))}</td>` +
    `<td align="right">due ${esc(formatCalendarDay(b.due, 'short'))} · ${esc(dueDistance(b.today, b.due))}</td></tr></table>`;
  return open + cells.join('') + close + scale;
}

function dueDistance(today: string, due: string): string {
  const left = daysBetween(today, due);
  if (left === 0) return 'today';
  return left > 0
    ? `${left} ${left === 1 ? 'day' : 'days'} left`
    : `${-left} ${left === -1 ? 'day' : 'days'} past`;
}
