// Pure helpers that turn what GOV.UK sends (links, ids, titles, HTML summaries, timestamps) into
// the stable values a FeedItem holds. Items are keyed by path because org feed ids change on every
// major update (GOVUK.md, "two kinds of entry id").

import { decode } from 'html-entities';
import type { FeedItem } from './feed-item.ts';

const govukOrigin = 'https://www.gov.uk';

/** `https://www.gov.uk/x`, `http://gov.uk/x`, `//www.gov.uk/x`; the host must end there (not `gov.uk.example`). */
const govukUrl = /^(?:https?:)?\/\/(?:www\.)?gov\.uk(?::\d+)?(?=[/?#]|$)/i;
/** Finder feed ids: `tag:www.gov.uk,2005:/government/news/x` (RFC 4151 tag URI). */
const govukTag = /^tag:(?:www\.)?gov\.uk,\d{4}(?:-\d{2}){0,2}:/i;

/** The item key: the GOV.UK path without host, query, fragment or trailing slash; other links canonical (`canonicalLink`). */
export function canonicalPath(link: string): string {
  const s = link.trim();
  const rest = pathPart(s);
  return rest === null ? canonicalLink(s) : govukKey(rest);
}

function govukKey(rest: string): string {
  const path = cutAt(cutAt(rest, '#'), '?').replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

/** The key and address of a GOV.UK link or id (`https://www.gov.uk<path>`), or null for a link off GOV.UK. */
export function govukAddress(link: string): { path: string; url: string } | null {
  const rest = pathPart(link.trim());
  if (rest === null) return null;
  const path = govukKey(rest);
  return { path, url: govukOrigin + path };
}

/** Query parameters that only say where a reader came from: the same page with or without them is one item. */
const trackingParam =
  /^(?:utm_[a-z_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|igshid|ref_src)$/i;

/**
 * A link off GOV.UK as an item key: scheme and host lower-cased (RFC 3986 §6.2.2.1: they are
 * case-insensitive), fragment and tracking parameters removed; the path and other parameters kept
 * byte for byte, since servers may tell them apart.
 */
export function canonicalLink(link: string): string {
  const s = cutAt(link.trim(), '#');
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?]*)(?:\?(.*))?$/i.exec(s);
  if (!m) return s;
  const [, scheme = '', host = '', path = '', query] = m;
  const kept = (query ?? '')
    .split('&')
    .filter((pair) => pair !== '' && !trackingParam.test(decodeSafe(pair.split('=')[0] ?? '')));
  return `${scheme.toLowerCase()}://${host.toLowerCase()}${path}${kept.length ? `?${kept.join('&')}` : ''}`;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True when a link or id names a page we can key and open: a GOV.UK path, URL or tag id, or any http(s) URL. */
export function isUsableLink(link: string): boolean {
  const s = link.trim();
  return pathPart(s) !== null || /^https?:\/\/[^/?#\s]+/i.test(s);
}

/** True for the key of a GOV.UK item (a path); other publishers' items are keyed by URL, guid or id. */
export function isGovukPath(key: string): boolean {
  return key.startsWith('/');
}

/** True when the link is on GOV.UK itself (path, gov.uk URL or GOV.UK tag id). */
export function isGovukLink(link: string): boolean {
  return pathPart(link.trim()) !== null;
}

/** `https://www.gov.uk` + path for paths; absolute URLs unchanged. */
export function absoluteUrl(pathOrUrl: string): string {
  const s = pathOrUrl.trim();
  if (s.startsWith('//')) return `https:${s}`;
  if (s.startsWith('/')) return govukOrigin + s;
  return s;
}

/** The canonical key and an absolute URL for a link or id; GOV.UK links all become `https://www.gov.uk<path>`. */
export function itemAddress(link: string): { path: string; url: string } {
  const govuk = govukAddress(link);
  if (govuk) return govuk;
  const key = canonicalLink(link);
  return { path: key, url: key };
}

/** GOV.UK display types, for titles that carry `Type: ` without a `<category>` to confirm it. */
const knownDisplayTypes = [
  'Press release',
  'News story',
  'Policy paper',
  'Speech',
  'Guidance',
  'Corporate report',
  'Official Statistics',
  'Accredited official statistics',
  'National statistics',
  'Statistical data set',
  'Research and analysis',
  'Transparency data',
  'Correspondence',
  'Written statement to Parliament',
  'Oral statement to Parliament',
  'Notice',
  'Form',
  'Consultation outcome',
  'Open consultation',
  'Closed consultation',
  'Consultation',
  'Collection',
  'Independent report',
  'Impact assessment',
  'Promotional material',
  'FOI release',
  'Decision',
  'Statutory guidance',
  'Detailed guide',
  'Government response',
  'Authored article',
  'Speaking notes',
  'Statement to Parliament',
  'World news story',
  'Fatality notice',
  'Case study',
  'Call for evidence',
  'Open call for evidence',
  'Closed call for evidence',
  'International treaty',
  'Statistics announcement',
  'Official statistics announcement',
];
const displayTypeByLowerCase = new Map(knownDisplayTypes.map((t) => [t.toLowerCase(), t]));

/**
 * Org feed titles read `Press release: New measures…` beside `<category label="Press release">`.
 * The prefix goes only when it is the category (or, with no category, a known display type), so
 * `Borders: a review` keeps its text.
 */
export function splitDisplayType(
  title: string,
  category?: string | null,
): { title: string; displayType: string | null } {
  const label = category?.trim() || null;
  const colon = title.indexOf(': ');
  const prefix = colon > 0 ? title.slice(0, colon).trim() : null;
  const remainder = colon > 0 ? title.slice(colon + 2).trim() : '';
  if (label) {
    return prefix === label && remainder
      ? { title: remainder, displayType: label }
      : { title, displayType: label };
  }
  const known = prefix ? displayTypeByLowerCase.get(prefix.toLowerCase()) : undefined;
  return known && remainder ? { title: remainder, displayType: known } : { title, displayType: null };
}

/** Tags after which words must not run together (`<p>a</p><p>b</p>` is `a b`; `<mark>boat</mark>s` is `boats`). */
const blockTag = new RegExp(
  String.raw`<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tr|td|th|blockquote|` +
    String.raw`section|article|header|footer|pre|figure|figcaption)\b[^>]*>`,
  'gi',
);

/** Plain text from an HTML fragment: tags stripped (block tags become spaces), entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  if (!html.includes('<')) return decodeText(html);
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(blockTag, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return collapseWhitespace(decode(stripped, { level: 'html5' }));
}

/** Text that may hold HTML entities (`&#x27;`, `&amp;`): decoded, whitespace collapsed. Tags are left alone. */
export function decodeText(text: string): string {
  // Most feed text has no entity at all; decoding is the costly part of reading a large feed.
  return collapseWhitespace(text.includes('&') ? decode(text, { level: 'html5' }) : text);
}

export function collapseWhitespace(text: string): string {
  return /\s\s|[^\S ]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

const rfc3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * An RFC 3339 date-time as an ISO-8601 UTC instant (`toISOString()`), or null when it is not one.
 * Strict on purpose: `Date.parse` accepts `2024-02-30` (as 1 March) and many non-RFC forms.
 */
export function parseInstant(text: string): string | null {
  const m = rfc3339.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (!m[8]) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 822 zones besides numeric offsets (RFC 822 §5.1; military letters are too ambiguous to trust). */
const zoneHours: Record<string, number> = {
  ...{ UT: 0, UTC: 0, GMT: 0, Z: 0, BST: 1 },
  ...{ EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7 },
};
const rfc822 =
  /^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?$/;

/**
 * An RSS `pubDate` (RFC 822 with four-digit years, as RSS 2.0 asks; NCA writes `+0100` in summer) as an
 * ISO-8601 UTC instant, or null. Some publishers put RFC 3339 there instead: that is read too.
 */
export function parseRssDate(text: string): string | null {
  const t = text.trim();
  const m = rfc822.exec(t);
  if (!m) return parseInstant(t);
  const day = Number(m[1]);
  const month = months.indexOf((m[2] ?? '').toLowerCase()) + 1;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (month < 1 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
    return null;
  const zone = m[7] ?? 'GMT';
  let offsetMinutes: number;
  if (/^[+-]\d{4}$/.test(zone)) {
    const hours = Number(zone.slice(1, 3));
    const mins = Number(zone.slice(3));
    if (hours > 23 || mins > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + mins);
  } else {
    const hours = zoneHours[zone.toUpperCase()];
    if (hours === undefined) return null;
    offsetMinutes = hours * 60;
  }
  return new Date(
    Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000,
  ).toISOString();
}

/** One item per path, the newest `updatedAt` winning (a feed may list a page twice around a major update). */
export function keepNewestPerPath(items: FeedItem[]): FeedItem[] {
  const byPath = new Map<string, FeedItem>();
  for (const item of items) {
    const seen = byPath.get(item.path);
    // updatedAt is always `toISOString()` form, which orders as text.
    if (!seen || item.updatedAt > seen.updatedAt) byPath.set(item.path, item);
  }
  return [...byPath.values()];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What follows the host for GOV.UK links and ids, or null when the link is not on GOV.UK. */
function pathPart(s: string): string | null {
  if (s.startsWith('/') && !s.startsWith('//')) return s;
  const url = govukUrl.exec(s);
  if (url) return s.slice(url[0].length);
  const tag = govukTag.exec(s);
  if (tag) return s.slice(tag[0].length);
  return null;
}

function cutAt(s: string, marker: string): string {
  const i = s.indexOf(marker);
  return i === -1 ? s : s.slice(0, i);
}
