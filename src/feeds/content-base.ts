// Where a feed's GOV.UK items have their Content API record (GOVUK.md, "Content API").

import type { FeedConfig } from '../config/config.ts';

/** `content:` when the feed says, else the origin of the feed's own address (so a local test server serves both). */
export function contentBase(feed: Pick<FeedConfig, 'url' | 'content'>): string {
  return feed.content ?? new URL(feed.url).origin;
}
