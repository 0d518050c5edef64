// RSS 2.0 (and 0.9x / 1.0) → FeedItems, for publishers off GOV.UK such as the National Crime Agency
// (SOURCES.md §2): keyed by canonical link, or by a permalink guid when the link is missing; the
// description is the summary, `content:encoded` the body; `pubDate` is RFC 822 (NCA writes local time
// with its offset). rss-parser ignores an unreadable pubDate itself, so no tolerant pass is needed.

import Parser from 'rss-parser';
import { errorMessage } from '../errors.ts';
import type { FeedItem, ParsedFeed, SkippedEntry } from './feed-item.ts';
import { firstLine, plainText, stringOf, unparseable, whyNotFeed } from './feed-xml.ts';
import {
  canonicalLink,
  htmlToText,
  isGovukLink,
  isUsableLink,
  itemAddress,
  keepNewestPerPath,
  parseRssDate,
  splitDisplayType,
} from './normalise.ts';

interface RssItemFields {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  pubDate?: unknown;
  content?: unknown;
  'content:encoded'?: unknown;
  'dc:date'?: unknown;
}

const parser = new Parser<Record<string, unknown>, RssItemFields>({
  customFields: { item: ['content:encoded', 'dc:date'] },
});

export const rssRoots = ['rss', 'rdf:RDF'];

export async function parseRssFeed(xml: string): Promise<ParsedFeed> {
  const text = xml.replace(/^\uFEFF/, '');
  const notRss = whyNotFeed(text, rssRoots);
  if (notRss) throw unparseable('an RSS feed', notRss);
  let feed: { title?: string; items: RssItemFields[] };
  try {
    feed = await parser.parseString(text);
  } catch (err) {
    throw unparseable('an RSS feed', `the XML does not parse (${firstLine(errorMessage(err))})`, err);
  }
  const items: FeedItem[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [index, entry] of feed.items.entries()) {
    const title = plainText(entry.title, []);
    const guid = stringOf(entry.guid);
    const link = [stringOf(entry.link), guid].find(isUsableLink);
    const stamp = stringOf(entry.pubDate) || stringOf(entry['dc:date']);
    const updatedAt = stamp ? parseRssDate(stamp) : null;
    if (!link || !updatedAt || !title) {
      const reasons = [
        link ? null : 'no link and no permalink guid',
        updatedAt ? null : stamp ? `invalid <pubDate> ${JSON.stringify(stamp)}` : 'missing <pubDate>',
        title ? null : 'empty title',
      ];
      skipped.push({
        ref: guid || stringOf(entry.link) || title || `item ${index + 1}`,
        reason: reasons.filter(Boolean).join('; '),
      });
      continue;
    }
    const summary = typeof entry.content === 'string' ? htmlToText(entry.content) : '';
    const encoded = typeof entry['content:encoded'] === 'string' ? htmlToText(entry['content:encoded']) : '';
    if (isGovukLink(link)) {
      const split = splitDisplayType(title);
      items.push({ ...itemAddress(link), ...split, summary, updatedAt });
      continue;
    }
    const key = canonicalLink(link);
    items.push({
      path: key,
      url: key,
      title,
      displayType: null,
      summary,
      updatedAt,
      ...(encoded ? { body: encoded } : {}),
      ...(guid && guid !== link ? { aliases: [`guid:${guid}`] } : {}),
    });
  }
  const title = typeof feed.title === 'string' ? plainText(feed.title, []) : '';
  return { items: keepNewestPerPath(items), skipped, ended: false, ...(title ? { title } : {}) };
}
