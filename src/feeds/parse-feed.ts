// Any syndication feed → FeedItems: the body says whether it is Atom or RSS (a feed's config gives no
// type), and each reader applies GOV.UK's rules to GOV.UK entries and keys every other entry by link.

import type { ParsedFeed } from './feed-item.ts';
import { rootElement, unparseable, whyNotFeed } from './feed-xml.ts';
import { parseAtomFeed } from './parse-atom.ts';
import { parseRssFeed, rssRoots } from './parse-rss.ts';

export async function parseFeed(xml: string): Promise<ParsedFeed> {
  const text = xml.replace(/^\uFEFF/, '');
  const notFeed = whyNotFeed(text, ['feed', ...rssRoots]);
  if (notFeed) throw unparseable('an RSS or Atom feed', notFeed);
  return rootElement(text.trimStart()) === 'feed' ? parseAtomFeed(text) : parseRssFeed(text);
}

/**
 * The part of a feed that holds its items (from the first `<item>`/`<entry>`), to fingerprint: NCA's
 * RSS changes `lastBuildDate` on every request, so its whole body always differs, but its items do not.
 */
export function itemsRegion(body: string): string {
  const start = body.search(/<(?:item|entry)[\s>]/);
  return start === -1 ? body : body.slice(start);
}
