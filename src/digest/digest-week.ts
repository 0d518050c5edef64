// Which week a digest covers (pure: `now` comes in). A digest week runs from Monday 00:00 to the
// next Monday 00:00 in the configured time zone, so a week that spans a clock change is 167 or
// 169 hours long. It is labelled with the ISO 8601 week of its Monday (`2024-W19`): week 1 is the
// week holding the year's first Thursday, so 2024-W01 starts 2024-01-01 and 2026 has a W53.

import { addDays, localDay, startOfDay } from '../commitments/due-date.ts';
import { UsageError } from '../errors.ts';
import type { DigestWeek } from './digest-facts.ts';

const dayMs = 86_400_000;
const labelPattern = /^(\d{4})-W(\d{2})$/;

/** The week that has just ended: the latest digest week whose end is at or before `now`. */
export function digestWeekEndingBefore(now: Date, timeZone: string): DigestWeek {
  const current = mondayOf(localDay(now, checkZone(timeZone)));
  return weekStartingOn(addDays(current, -7), timeZone);
}

/** The digest week that `now` falls in (it ends after `now`). */
export function weekContaining(now: Date, timeZone: string): DigestWeek {
  return weekStartingOn(mondayOf(localDay(now, checkZone(timeZone))), timeZone);
}

/** The digest week with an ISO week label such as `2024-W19`. */
export function digestWeekByLabel(label: string, timeZone: string): DigestWeek {
  checkZone(timeZone);
  const m = labelPattern.exec(label.trim());
  const year = Number(m?.[1]);
  const week = Number(m?.[2]);
  if (!m || week < 1 || week > isoWeeksInYear(year)) {
    throw new UsageError(
      `digest: "${label}" is not an ISO week; write it as 2024-W19 (weeks 01 to ${m ? isoWeeksInYear(year) : '52 or 53'})`,
    );
  }
  return weekStartingOn(addDays(isoWeekOneMonday(year), (week - 1) * 7), timeZone);
}

/** ISO week label of a calendar day, `YYYY-Www`. */
export function isoWeekLabel(day: string): string {
  const { year, week } = isoWeekOf(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function weekStartingOn(monday: string, timeZone: string): DigestWeek {
  return {
    label: isoWeekLabel(monday),
    start: startOfDay(monday, timeZone).toISOString(),
    end: startOfDay(addDays(monday, 7), timeZone).toISOString(),
  };
}

function mondayOf(day: string): string {
  return addDays(day, -isoWeekday(day));
}

/** 0 for Monday … 6 for Sunday. */
function isoWeekday(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function isoWeekOf(day: string): { year: number; week: number } {
  // The ISO year and week are those of the Thursday in the same Monday-to-Sunday week.
  const thursday = addDays(day, 3 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = 1 + Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / dayMs / 7);
  return { year, week };
}

function isoWeekOneMonday(year: number): string {
  // 4 January is always in week 1.
  return mondayOf(`${String(year).padStart(4, '0')}-01-04`);
}

function isoWeeksInYear(year: number): number {
  // 28 December is always in the year's last week.
  return isoWeekOf(`${String(year).padStart(4, '0')}-12-28`).week;
}

function checkZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new UsageError(`digest: unknown time zone "${timeZone}"; use an IANA name such as Europe/London`);
  }
  return timeZone;
}
