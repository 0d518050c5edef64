// One way to say where an item comes from — “Written statement · Home Office · 10 December 2024” —
// used by alerts, status cards and the digest. Plain text: callers escape it as feed text.

import { formatDay } from '../calendar.ts';

export interface ItemSource {
  displayType?: string | null;
  publisher?: string | null;
  updatedAt: string;
}

/** What it is and who published it (`Written statement · Home Office`), or `fallback` when neither is known. */
export function itemSourceLabel(item: Omit<ItemSource, 'updatedAt'>, fallback = ''): string {
  const parts = [item.displayType, item.publisher]
    .map((p) => p?.trim())
    .filter((p): p is string => Boolean(p));
  // A feed that names its type after its publisher says it once.
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  return unique.length ? unique.join(' · ') : fallback;
}

/** The label and the item's day in the configured zone. */
export function itemSourceLine(item: ItemSource, timeZone: string, fallback = ''): string {
  const label = itemSourceLabel(item, fallback);
  const day = formatDay(item.updatedAt, timeZone);
  return label ? `${label} · ${day}` : day;
}
