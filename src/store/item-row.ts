// A row of `items` as the code sees it.

import type { FeedItem } from '../feeds/feed-item.ts';

export type ItemOrigin = 'live' | 'baseline' | 'backfill' | 'replay';

export interface StoredItem extends FeedItem {
  id: number;
  body: string | null;
  publisher: string | null;
  publishedAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  origin: ItemOrigin;
  majorUpdates: number;
}

export interface ItemRow {
  id: number;
  path: string;
  url: string;
  title: string;
  display_type: string | null;
  summary: string;
  body: string | null;
  publisher: string | null;
  published_at: string | null;
  updated_at: string;
  first_seen_at: string;
  last_seen_at: string;
  origin: ItemOrigin;
  major_updates: number;
}

export function toStoredItem(r: ItemRow): StoredItem {
  return {
    id: r.id,
    path: r.path,
    url: r.url,
    title: r.title,
    displayType: r.display_type,
    summary: r.summary,
    body: r.body,
    publisher: r.publisher,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    origin: r.origin,
    majorUpdates: r.major_updates,
  };
}
