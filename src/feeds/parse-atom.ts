// GOV.UK Atom (both generators: organisation feeds and finder feeds) → FeedItems.
// One bad entry costs only itself: rss-parser throws for the whole feed on one invalid <updated>
// (`RangeError: Invalid time value`) or one <link> without attributes, so both are neutralised in
// the text first and the entries they belonged to are skipped with a reason.

import Parser from 'rss-parser';
import { decode } from 'html-entities';
import { FollowthroughError, errorMessage } from '../errors.ts';
import type { FeedItem, ParsedFeed, SkippedEntry } from './feed-item.ts';
import {
  decodeText,
  htmlToText,
  isUsableLink,
  itemAddress,
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
  invalidUpdated?: unknown;
  titleNodes?: unknown[];
  summaryNodes?: unknown[];
  categoryNodes?: unknown[];
}

/** Renamed by `neutralise` so rss-parser never calls `new Date()` on it; read back for the skip reason. */
const invalidUpdatedTag = 'followthrough-invalid-updated';

export async function parseAtomFeed(xml: string): Promise<ParsedFeed> {
  const text = xml.replace(/^\uFEFF/, '');
  const notAtom = whyNotAtom(text);
  if (notAtom) throw unparseable(notAtom);

  const parser = new Parser<Record<string, unknown>, AtomEntryFields>({
    customFields: {
      item: [
        ['title', 'titleNodes', { keepArray: true }],
        ['summary', 'summaryNodes', { keepArray: true }],
        ['category', 'categoryNodes', { keepArray: true }],
        'updated',
        [invalidUpdatedTag, 'invalidUpdated'],
      ],
    },
  });
  let entries: AtomEntryFields[];
  try {
    entries = (await parser.parseString(neutralise(text))).items;
  } catch (err) {
    throw unparseable(`the XML does not parse (${firstLine(errorMessage(err))})`, err);
  }

  const items: FeedItem[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [index, entry] of entries.entries()) {
    const id = stringOf(entry.id);
    const title = plainText(entry.title, entry.titleNodes);
    const summary = plainText(entry.summary, entry.summaryNodes);
    // A retired finder feed answers 200 with this one entry (GOVUK.md).
    if (/^this feed has ended$/i.test(title) || id.endsWith('/feed-ended')) {
      return { items: [], skipped: [], ended: true, ...(summary ? { endedDetail: summary } : {}) };
    }
    const ref = id || stringOf(entry.link) || title || `entry ${index + 1}`;
    const link = [stringOf(entry.link), id].find(isUsableLink);
    const updatedAt = typeof entry.updated === 'string' ? parseInstant(entry.updated) : null;
    if (!link || !updatedAt || !title) {
      const reasons = [
        link ? null : 'no link and no usable id',
        updatedAt ? null : updatedProblem(entry.invalidUpdated),
        title ? null : 'empty title',
      ];
      skipped.push({ ref, reason: reasons.filter(Boolean).join('; ') });
      continue;
    }
    const split = splitDisplayType(title, categoryLabel(entry.categoryNodes));
    items.push({
      ...itemAddress(link),
      title: split.title,
      displayType: split.displayType,
      summary,
      updatedAt,
    });
  }
  return { items: keepNewestPerPath(items), skipped, ended: false };
}

/** A short reason when the body is plainly not an Atom feed, before handing it to the XML parser. */
function whyNotAtom(text: string): string | null {
  const head = text.trimStart();
  if (head === '') return 'the body is empty';
  if (head.startsWith('{') || head.startsWith('[')) return 'the body is JSON';
  const root = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*>)*<([A-Za-z_][\w.:-]*)/i.exec(
    head,
  )?.[1];
  if (!root) return /^<!DOCTYPE\s+html/i.test(head) ? 'the body is an HTML page' : 'the body is not XML';
  if (root.toLowerCase() === 'html') return 'the body is an HTML page';
  if (root !== 'feed') return `the root element is <${root}>, not <feed>`;
  return null;
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

/** Entry text as plain text: HTML for `type="html"`, else text that GOV.UK may still entity-encode. */
function plainText(value: unknown, nodes: unknown[] | undefined): string {
  if (typeof value !== 'string') return '';
  const type = attributesOf(nodes?.[0])?.type;
  return type === 'html' || type === 'xhtml' ? htmlToText(value) : decodeText(value);
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

function attributesOf(node: unknown): Record<string, string> | undefined {
  if (typeof node !== 'object' || node === null || !('$' in node)) return undefined;
  return (node as { $: Record<string, string> }).$;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

function unparseable(reason: string, cause?: unknown): FollowthroughError {
  return new FollowthroughError(
    'feed_unparseable',
    `not an Atom feed: ${reason}`,
    cause === undefined ? undefined : { cause },
  );
}
