// Which week a digest covers (pure: `now` comes in). A digest week runs from Monday 00:00 to the
// next Monday 00:00 in the configured time zone, so a week that spans a clock change is 167 or
// 169 hours long. It is labelled with the ISO 8601 week of its Monday (`2024-W19`): week 1 is the
// week holding the year's first Thursday, so 2024-W01 starts 2024-01-01 and 2026 has a W53.

import {
  addDays,
  isoWeekLabel,
  isoWeekOneMonday,
  isoWeeksInYear,
  isValidTimeZone,
  localDay,
  mondayOf,
  startOfDay,
} from '../calendar.ts';
import { UsageError } from '../errors.ts';
import type { DigestWeek } from './digest-facts.ts';

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

function weekStartingOn(monday: string, timeZone: string): DigestWeek {
  return {
    label: isoWeekLabel(monday),
    start: startOfDay(monday, timeZone).toISOString(),
    end: startOfDay(addDays(monday, 7), timeZone).toISOString(),
  };
}

function checkZone(timeZone: string): string {
  if (!isValidTimeZone(timeZone)) {
    throw new UsageError(`digest: unknown time zone "${timeZone}"; use an IANA name such as Europe/London`);
  }
  return timeZone;
}
