// What every source (Atom feed, Search API page, replayed JSONL) is normalised into.

export interface FeedItem {
  /** Canonical key: the GOV.UK path (`/government/news/slug`): no host, query, `#timestamp` or
   *  trailing slash. An item whose link is off GOV.UK keeps its absolute URL (without fragment) as key. */
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
}

export interface ParsedSearchPage extends ParsedFeed {
  total: number;
  start: number;
}
