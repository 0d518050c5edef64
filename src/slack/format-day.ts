// Dates in messages, as readers in the UK write them (`5 March 2024`). GOV.UK publishes in
// London time, so a 00:30 BST press release belongs to that day, not the UTC day before.

const day = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** `2024-03-05T09:30:00Z` → `5 March 2024`; a plain `YYYY-MM-DD` is that calendar day; anything unparseable is returned as given. */
export function formatDay(isoOrDay: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoOrDay)) {
    const [y, m, d] = isoOrDay.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(Date.UTC(y, m - 1, d));
  }
  const t = Date.parse(isoOrDay);
  return Number.isNaN(t) ? isoOrDay : day.format(t);
}

/** `YYYY-MM-DD` of `iso` plus `days`, in UTC. */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(iso);
  return new Date((Number.isNaN(t) ? 0 : t) + days * 86_400_000).toISOString().slice(0, 10);
}
