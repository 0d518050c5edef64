// What every source (RSS or Atom feed, Search API page, Parliament statement, replayed JSONL) is
// normalised into.

export interface FeedItem {
  /** Canonical key: the GOV.UK path (`/government/news/slug`): no host, query, `#timestamp` or
   *  trailing slash. An item off GOV.UK is keyed by its canonical link (normalise.ts `canonicalLink`),
   *  its guid when it has no link, a written statement by `wms:<id>`. */
  path: string;
  /** Absolute link to the page. */
  url: string;
  /** Plain text, entities decoded, without the display-type prefix (`Press release: `). */
  title: string;
  /** GOV.UK display type (`Press release`, `Policy paper`, …) when the source says. */
  displayType: string | null;
  /** Plain text: HTML stripped, entities decoded, whitespace collapsed. */
  summary: string;
  /** GOV.UK public_timestamp as an ISO-8601 UTC instant (`Date#toISOString()`); moves only on a major update. */
  updatedAt: string;
  /** Plain text of the whole page or statement, when the source carries it (absent: not known yet). */
  body?: string | null;
  /** Who published it (`Home Office`, `National Crime Agency`), when known. */
  publisher?: string | null;
  /** First publication, ISO instant, when the source says (a statement's day; GOV.UK's first_published_at). */
  publishedAt?: string | null;
  /** Other keys the item is known by (`guid:…`, a Lords repeat's `wms:<id>`): an entry with any of them is this item. */
  aliases?: string[];
  /** The key of an item this one corrects: stored as a major update of that item, not as a new one. */
  corrects?: string;
}

/** An entry that could not be used, kept so `status` and the logs can say why. */
export interface SkippedEntry {
  /** Something a person can find the entry by: its id, link or title. */
  ref: string;
  reason: string;
}

export interface ParsedFeed {
  items: FeedItem[];
  skipped: SkippedEntry[];
  /** GOV.UK retired the feed: it answers with a single "This feed has ended" entry. */
  ended: boolean;
  endedDetail?: string;
  /** The feed's own title (`Home Office in the media`), plain text. */
  title?: string;
}

export interface ParsedSearchPage extends ParsedFeed {
  total: number;
  start: number;
}
