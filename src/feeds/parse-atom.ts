// Atom → FeedItems: GOV.UK (both generators: organisation and finder feeds) by GOV.UK's rules, and any
// other publisher's (a *.blog.gov.uk WordPress feed, a partner government) keyed by canonical link.
// One bad entry costs only itself: rss-parser throws for the whole feed on one invalid <updated>
// (`RangeError: Invalid time value`) or one <link> without attributes, so a feed that throws is read
// again with both neutralised in the text, and the entries they belonged to are skipped with a reason.

import Parser from 'rss-parser';
import { decode } from 'html-entities';
import { errorMessage } from '../errors.ts';
import type { FeedItem, ParsedFeed, SkippedEntry } from './feed-item.ts';
import { attributesOf, firstLine, plainText, stringOf, unparseable, whyNotFeed } from './feed-xml.ts';
import {
  canonicalLink,
  govukAddress,
  isUsableLink,
  keepNewestPerPath,
  parseInstant,
  splitDisplayType,
} from './normalise.ts';

/** What rss-parser yields per entry with our custom fields (raw nodes keep their `type` attribute). */
interface AtomEntryFields {
  id?: unknown;
  link?: unknown;
  title?: unknown;
  summary?: unknown;
  updated?: unknown;
  published?: unknown;
  invalidUpdated?: unknown;
  titleNodes?: unknown[];
  summaryNodes?: unknown[];
  contentNodes?: unknown[];
  categoryNodes?: unknown[];
}

/** Renamed by `neutralise` so rss-parser never calls `new Date()` on it; read back for the skip reason. */
const invalidUpdatedTag = 'followthrough-invalid-updated';

const parser = new Parser<Record<string, unknown>, AtomEntryFields>({
  customFields: {
    item: [
      ['title', 'titleNodes', { keepArray: true }],
      ['summary', 'summaryNodes', { keepArray: true }],
      ['content', 'contentNodes', { keepArray: true }],
      ['category', 'categoryNodes', { keepArray: true }],
      'updated',
      'published',
      [invalidUpdatedTag, 'invalidUpdated'],
    ],
  },
});

export async function parseAtomFeed(xml: string): Promise<ParsedFeed> {
  const text = xml.replace(/^\uFEFF/, '');
  const notAtom = whyNotFeed(text, ['feed']);
  if (notAtom) throw unparseable('an Atom feed', notAtom);

  let feed: { title?: string; items: AtomEntryFields[] };
  try {
    // Most feeds parse as they are; the tolerant pass over the text is paid only by one that does not.
    feed = await parser.parseString(text);
  } catch {
    try {
      feed = await parser.parseString(neutralise(text));
    } catch (err) {
      throw unparseable('an Atom feed', `the XML does not parse (${firstLine(errorMessage(err))})`, err);
    }
  }

  const items: FeedItem[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [index, entry] of feed.items.entries()) {
    const id = stringOf(entry.id);
    const title = plainText(entry.title, entry.titleNodes);
    const summary = plainText(entry.summary, entry.summaryNodes);
    // A retired finder feed answers 200 with this one entry (GOVUK.md).
    if (/^this feed has ended$/i.test(title) || id.endsWith('/feed-ended')) {
      return { items: [], skipped: [], ended: true, ...(summary ? { endedDetail: summary } : {}) };
    }
    const ref = id || stringOf(entry.link) || title || `entry ${index + 1}`;
    const link = [stringOf(entry.link), id].find(isUsableLink);
    // GOV.UK writes only <updated>; WordPress writes both, and <updated> moves when a post is edited.
    const stamp = entry.updated ?? entry.invalidUpdated ?? entry.published;
    const updatedAt = typeof stamp === 'string' ? parseInstant(stamp) : null;
    if (!link || !updatedAt || !title) {
      const reasons = [
        link ? null : 'no link and no usable id',
        updatedAt ? null : updatedProblem(entry.updated ?? entry.invalidUpdated),
        title ? null : 'empty title',
      ];
      skipped.push({ ref, reason: reasons.filter(Boolean).join('; ') });
      continue;
    }
    items.push(toItem(entry, { id, link, title, summary, updatedAt }));
  }
  return {
    items: keepNewestPerPath(items),
    skipped,
    ended: false,
    ...(typeof feed.title === 'string' && feed.title.trim() ? { title: plainText(feed.title, []) } : {}),
  };
}

interface EntryBasics {
  id: string;
  link: string;
  title: string;
  summary: string;
  updatedAt: string;
}

/** GOV.UK entries follow GOV.UK's rules (path key, display type from the title); any other publisher's are keyed by link. */
function toItem(entry: AtomEntryFields, e: EntryBasics): FeedItem {
  const govuk = govukAddress(e.link);
  if (govuk) {
    const split = splitDisplayType(e.title, categoryLabel(entry.categoryNodes));
    return {
      path: govuk.path,
      url: govuk.url,
      title: split.title,
      displayType: split.displayType,
      summary: e.summary,
      updatedAt: e.updatedAt,
    };
  }
  const key = canonicalLink(e.link);
  const body = plainText(undefined, entry.contentNodes);
  const guid = e.id && e.id !== e.link ? e.id : '';
  return {
    path: key,
    url: key,
    title: e.title,
    displayType: null,
    summary: e.summary,
    updatedAt: e.updatedAt,
    ...(body ? { body } : {}),
    // A post keeps its id when its address changes: the same id is the same item.
    ...(guid ? { aliases: [`guid:${guid}`] } : {}),
  };
}

/** Matches what rss-parser would choke on; CDATA and comments are matched first so their contents stay untouched. */
const chokePoints = new RegExp(
  String.raw`<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(updated|published)(\s[^>]*)?>` +
    String.raw`((?:[^<]|<!\[CDATA\[[\s\S]*?\]\]>)*)<\/\1\s*>|<link\s*\/>|<link\s*>[\s\S]*?<\/link\s*>`,
  'g',
);

/**
 * Rewrites every valid <updated>/<published> as a canonical instant and renames invalid ones, so
 * rss-parser's `new Date(x).toISOString()` cannot throw; drops <link> elements without attributes,
 * on which its `getLink` throws.
 */
function neutralise(xml: string): string {
  return xml.replace(
    chokePoints,
    (match, tag: string | undefined, attrs: string | undefined, content: string | undefined) => {
      if (match.startsWith('<!')) return match;
      if (tag === undefined) return '';
      const value = decode(content!.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1'), { level: 'xml' });
      const instant = parseInstant(value);
      if (instant) return `<${tag}${attrs ?? ''}>${instant}</${tag}>`;
      // Only <updated> is read back; an invalid <published> is simply dropped.
      return tag === 'updated' ? `<${invalidUpdatedTag}>${content}</${invalidUpdatedTag}>` : '';
    },
  );
}

function updatedProblem(invalid: unknown): string {
  if (invalid === undefined) return 'missing <updated>';
  const value = stringOf(invalid);
  return value === '' ? 'empty <updated>' : `invalid <updated> ${JSON.stringify(value)}`;
}

function categoryLabel(nodes: unknown[] | undefined): string | null {
  const attrs = attributesOf(nodes?.[0]);
  return attrs?.label || attrs?.term || null;
}
