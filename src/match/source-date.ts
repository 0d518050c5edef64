// Items published before an announcement are never evidence of it (pure). GOV.UK dates its pages in
// London time, so an instant is compared as its London calendar day (GOVUK.md: never as a string).

const londonDays = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `2024-03-05T00:30:00+01:00` → `2024-03-04`; undefined when the instant does not parse. */
export function londonDay(instant: string): string | undefined {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? undefined : londonDays.format(ms);
}

/** Whether an item dated `instant` can be evidence of an announcement made on `day` (`YYYY-MM-DD`). */
export function isOnOrAfterDay(instant: string, day: string): boolean {
  const d = londonDay(instant);
  return d !== undefined && d >= day;
}
