// How a commitment's status and due date read in messages: an emoji a reader can scan for,
// then the word.

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

/** `:red_circle: overdue` */
export function statusLabel(status: string): string {
  return `${statusEmoji(status)} ${ownText(status, 40)}`;
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
