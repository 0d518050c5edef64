// How a commitment's status and due date read in messages: an emoji a reader can scan for,
// then words ("Due soon", "Overdue 10 days"), never the internal slug.

import type { CommitmentStatus } from '../commitments/commitment.ts';
import type { CommitmentView } from '../commitments/commitment-view.ts';
import { ownText } from './feed-text.ts';
import { formatCalendarDay, formatMonth } from '../calendar.ts';

const emoji: Record<CommitmentStatus, string> = {
  open: ':large_blue_circle:',
  'due-soon': ':hourglass_flowing_sand:',
  overdue: ':red_circle:',
  stale: ':zzz:',
  met: ':white_check_mark:',
  'partly-met': ':large_yellow_circle:',
  dropped: ':x:',
  superseded: ':arrows_counterclockwise:',
};

export function statusEmoji(status: string): string {
  return emoji[status as CommitmentStatus] ?? ':grey_question:';
}

const words: Record<CommitmentStatus, string> = {
  open: 'Open',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  stale: 'Stale',
  met: 'Met',
  'partly-met': 'Partly met',
  dropped: 'Dropped',
  superseded: 'Superseded',
};

/** `Due soon`, `Partly met`; an unknown status as written. */
export function statusWords(status: string): string {
  return words[status as CommitmentStatus] ?? ownText(status, 40);
}

/** `:red_circle: Overdue 10 days` (with the days when known), `:hourglass_flowing_sand: Due soon`. */
export function statusLabel(status: string, daysOverdue?: number): string {
  const days =
    status === 'overdue' && daysOverdue !== undefined && daysOverdue > 0
      ? ` ${daysOverdue} day${daysOverdue === 1 ? '' : 's'}`
      : '';
  return `${statusEmoji(status)} ${statusWords(status)}${days}`;
}

/** `April 2024 (by 30 April 2024)`, `30 April 2024`, or `none stated`. */
export function dueLabel(c: Pick<CommitmentView, 'due' | 'dueLastDay'>): string {
  if (!c.due && !c.dueLastDay) return 'none stated';
  const written = c.due
    ? /^\d{4}-\d{2}$/.test(c.due)
      ? formatMonth(c.due)
      : /^\d{4}-\d{2}-\d{2}$/.test(c.due)
        ? formatCalendarDay(c.due)
        : ownText(c.due, 60)
    : '';
  const last = c.dueLastDay ? formatCalendarDay(c.dueLastDay) : '';
  if (!written) return last;
  return last && last !== written ? `${written} (by ${last})` : written;
}
