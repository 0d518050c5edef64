// Due dates are calendar days in the configured time zone. `2024-04` means "by the end of April":
// its last on-time day is 2024-04-30, and it is late from 00:00 local time on 1 May.

import { daysInMonth, isCalendarDay } from '../calendar.ts';
import type { DueDate } from './commitment.ts';

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthPattern = /^(\d{4})-(\d{2})$/;

export function parseDue(text: string): DueDate | { error: string } {
  const t = text.trim();
  const month = monthPattern.exec(t);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    if (m < 1 || m > 12) return { error: `month ${m} does not exist` };
    return { text: t, lastDay: `${month[1]}-${month[2]}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
  }
  const day = dayPattern.exec(t);
  if (day) {
    if (!isCalendarDay(t)) return { error: `${t} is not a calendar date` };
    return { text: t, lastDay: t };
  }
  return { error: `"${t}" is neither a date (2024-04-30) nor a month (2024-04)` };
}
