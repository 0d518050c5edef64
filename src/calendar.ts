// The one calendar (pure): calendar days, months, ISO weeks, "N days overdue" and display dates.
// A day is a `YYYY-MM-DD` string in the configured time zone, which every caller passes in: there
// is no default zone here. Offsets are read from Intl for each instant, never assumed, so a day
// that spans a clock change is 23 or 25 hours long and a week 167 or 169.

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/** A real calendar date written `YYYY-MM-DD` (not 2024-02-30). */
export function isCalendarDay(text: string): boolean {
  const m = dayPattern.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` plus `days` (may be negative), as a calendar date. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (`YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

// Every commitment's due instants are worked out each cycle from a handful of distinct days.
const midnights = new Map<string, number>();

/** The instant local midnight starts on `day` in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
  const key = `${timeZone}|${day}`;
  const known = midnights.get(key);
  if (known !== undefined) return new Date(known);
  const at = computeStartOfDay(day, timeZone);
  if (midnights.size > 20_000) midnights.clear();
  midnights.set(key, at.getTime());
  return at;
}

function computeStartOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // Two passes: the offset at the guessed instant, then at the corrected one (they differ only near a change).
  let instant = guess - offsetMs(new Date(guess), timeZone);
  instant = guess - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** `startOfDay` plus a local time of day given in hours (09:00 is 9), for replayed schedules. */
export function localTime(day: string, hours: number, timeZone: string): Date {
  return new Date(startOfDay(day, timeZone).getTime() + hours * 3_600_000);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f;
}

/** The calendar day `instant` falls on in `timeZone`, `YYYY-MM-DD`. */
export function localDay(instant: Date, timeZone: string): string {
  return dayFormat(timeZone).format(instant);
}

/** The local day of an ISO instant; undefined when it does not parse. */
export function dayOfInstant(instant: string, timeZone: string): string | undefined {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? undefined : dayFormat(timeZone).format(ms);
}

/** Whether `instant` falls on `day` or later, comparing local calendar days (never strings of instants). */
export function isOnOrAfterDay(instant: string, day: string, timeZone: string): boolean {
  const d = dayOfInstant(instant, timeZone);
  return d !== undefined && d >= day;
}

/** Offset of `timeZone` from UTC at `instant`, in ms (London summer: +3,600,000). */
// Building an Intl.DateTimeFormat costs far more than using one: one per zone, kept.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

export function offsetMs(instant: Date, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Whole days `now` is past `lastDay` (the last on-time day) in `timeZone`; 0 before and on it. */
export function daysPast(lastDay: string, now: Date, timeZone: string): number {
  return Math.max(0, daysBetween(lastDay, localDay(now, timeZone)));
}

// ISO 8601 weeks: Monday to Sunday; week 1 holds the year's first Thursday, so 2024-W01 starts on
// 2024-01-01 and 2026 has a W53.

/** 0 for Monday … 6 for Sunday. */
export function isoWeekday(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Monday of the ISO week holding `day`. */
export function mondayOf(day: string): string {
  return addDays(day, -isoWeekday(day));
}

export function isoWeekOf(day: string): { year: number; week: number } {
  // The ISO year and week are those of the Thursday in the same Monday-to-Sunday week.
  const thursday = addDays(day, 3 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = 1 + Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / dayMs / 7);
  return { year, week };
}

/** ISO week label of a calendar day, `YYYY-Www`. */
export function isoWeekLabel(day: string): string {
  const { year, week } = isoWeekOf(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function isoWeekOneMonday(year: number): string {
  // 4 January is always in week 1.
  return mondayOf(`${String(year).padStart(4, '0')}-01-04`);
}

export function isoWeeksInYear(year: number): number {
  // 28 December is always in the year's last week.
  return isoWeekOf(`${String(year).padStart(4, '0')}-12-28`).week;
}

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** `March` (any case) → 3; 0 for a word that is not an English month name. */
export function monthNumber(name: string): number {
  return monthNames.indexOf(name.toLowerCase()) + 1;
}

// Display dates, as readers in the UK write them: `5 March 2024` (long) or `5 Mar 2024` (short).

export type DayStyle = 'long' | 'short';

const displayFormats = new Map<DayStyle, Intl.DateTimeFormat>();

function displayFormat(style: DayStyle): Intl.DateTimeFormat {
  let f = displayFormats.get(style);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: style, year: 'numeric' });
    displayFormats.set(style, f);
  }
  return f;
}

/** `2024-03-05` → `5 March 2024`. */
export function formatCalendarDay(day: string, style: DayStyle = 'long'): string {
  return displayFormat(style).format(new Date(`${day}T00:00:00Z`));
}

/**
 * A day or an instant for people: a plain `YYYY-MM-DD` is that calendar day; an instant is shown as
 * its local day in `timeZone` (a 00:30 BST press release belongs to that day, not the UTC day before);
 * anything unparseable is returned as given.
 */
export function formatDay(isoOrDay: string, timeZone: string, style: DayStyle = 'long'): string {
  if (dayPattern.test(isoOrDay)) return formatCalendarDay(isoOrDay, style);
  const day = dayOfInstant(isoOrDay, timeZone);
  return day === undefined ? isoOrDay : formatCalendarDay(day, style);
}

/** `2024-04` → `April 2024`. */
export function formatMonth(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    Date.UTC(y, m - 1, 1),
  );
}
