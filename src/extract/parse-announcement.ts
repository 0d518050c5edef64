// Turns the three stored forms of an announcement into one shape (pure): a GOV.UK Content API
// document, a saved GOV.UK HTML page, or plain text in the seed's format
// (` date YYYY-MM-DD <publisher>`, then the title, then the body, `- ` for list items).

import { decode } from 'html-entities';
import { localDay, monthNumber } from '../calendar.ts';
import { defaults } from '../config/config.ts';
import { FollowthroughError } from '../errors.ts';
import { announcementFromBlocks, type Announcement, type Block } from './announcement.ts';
import { htmlToBlocks, normaliseSpace, sliceElement } from './html-to-blocks.ts';

export type AnnouncementFormat = 'content-api' | 'html' | 'text';

const govukOrigin = 'https://www.gov.uk';
// GOV.UK shows dates as London calendar days (GOVUK.md: finder feeds write London time).

export function detectFormat(body: string): AnnouncementFormat {
  const head = body.trimStart().slice(0, 2000);
  if (head.startsWith('{')) return 'content-api';
  if (head.startsWith('<') || /<(html|body|p|div|main)\b/i.test(head)) return 'html';
  return 'text';
}

/** `timeZone`: the configured zone, in which a publication instant becomes its day. */
export function parseAnnouncement(
  body: string,
  source: string,
  timeZone: string = defaults.timezone,
): Announcement {
  const format = detectFormat(body);
  if (format === 'content-api') {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (err) {
      throw new FollowthroughError(
        'announcement_unreadable',
        `${source} looks like JSON but does not parse (${(err as Error).message}): ` +
          'give a Content API document, an HTML page or a text file',
      );
    }
    return fromContentApi(json, source, timeZone);
  }
  return format === 'html' ? fromHtmlPage(body, source, timeZone) : fromPlainText(body, source);
}

interface ContentItem {
  base_path?: unknown;
  title?: unknown;
  schema_name?: unknown;
  first_published_at?: unknown;
  public_updated_at?: unknown;
  details?: { body?: unknown; first_public_at?: unknown };
  links?: {
    organisations?: Array<{ title?: unknown }>;
    primary_publishing_organisation?: Array<{ title?: unknown }>;
  };
}

export function fromContentApi(
  json: unknown,
  source: string,
  timeZone: string = defaults.timezone,
): Announcement {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new FollowthroughError(
      'announcement_unreadable',
      `${source} is JSON but not a Content API document (expected an object with title and details.body)`,
    );
  }
  const item = json as ContentItem;
  const body = item.details?.body;
  if (typeof body !== 'string' || !body.trim()) {
    const schema = typeof item.schema_name === 'string' ? ` (schema ${item.schema_name})` : '';
    throw new FollowthroughError(
      'announcement_unreadable',
      `${source} has no details.body${schema}: only pages with body text (news articles, press releases, speeches, guidance) can be read`,
    );
  }
  const title = typeof item.title === 'string' ? normaliseSpace(item.title) : '';
  // first_published_at is the public date; details.first_public_at is kept for documents imported with an older date.
  const when = [item.details?.first_public_at, item.first_published_at, item.public_updated_at].find(
    (v): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  );
  if (!when)
    throw new FollowthroughError(
      'announcement_no_date',
      `${source} has no first_published_at: cannot resolve due dates without the publication date`,
    );
  const organisations = item.links?.primary_publishing_organisation ?? item.links?.organisations ?? [];
  const publisher = organisations.map((o) => o.title).find((t): t is string => typeof t === 'string');
  const path = typeof item.base_path === 'string' ? item.base_path : undefined;
  return announcementFromBlocks(
    {
      title,
      published: localDay(new Date(when), timeZone),
      ...(path ? { url: govukOrigin + path } : {}),
      ...(publisher ? { publisher } : {}),
    },
    htmlToBlocks(body),
  );
}

export function fromHtmlPage(
  html: string,
  source: string,
  timeZone: string = defaults.timezone,
): Announcement {
  const meta = (name: string): string | undefined => {
    const re = new RegExp(
      `<meta\\s[^>]*(?:name|property)=["']${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'][^>]*>`,
      'i',
    );
    const tag = re.exec(html)?.[0];
    const content = tag ? /content=(?:"([^"]*)"|'([^']*)')/i.exec(tag) : null;
    const value = content ? (content[1] ?? content[2]) : undefined;
    return value === undefined ? undefined : normaliseSpace(decode(value));
  };
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const title = textOf(h1) || meta('og:title') || textOf(titleTag).replace(/\s+-\s+GOV\.UK$/, '');

  const published = publishedFromHtml(html, meta, timeZone);
  if (!published) {
    throw new FollowthroughError(
      'announcement_no_date',
      `${source}: cannot find the publication date (no govuk:first-published-at meta tag, <time datetime>, or "Published <date>")` +
        ': save the page from GOV.UK with its metadata, or use its Content API JSON',
    );
  }
  const canonical = /<link\s[^>]*rel=["']canonical["'][^>]*>/i.exec(html)?.[0];
  const url = canonical ? /href=["']([^"']+)["']/i.exec(canonical)?.[1] : undefined;
  const fromLink = /From:\s*<\/dt>\s*<dd[^>]*>\s*<a\b[^>]*>([\s\S]*?)<\/a>/i.exec(html)?.[1];
  const publisher = meta('govuk:primary-publishing-organisation') || textOf(fromLink) || undefined;

  const body =
    sliceElement(html, /<div\b[^>]*class=["'][^"']*\bgovspeak\b[^"']*["'][^>]*>/i) ??
    sliceElement(html, /<main\b[^>]*>/i) ??
    sliceElement(html, /<body\b[^>]*>/i) ??
    html;
  const blocks = htmlToBlocks(body).filter((b) => !(b.kind === 'heading' && b.text === title));
  return announcementFromBlocks(
    {
      title,
      published,
      ...(url ? { url: decode(url) } : {}),
      ...(publisher ? { publisher } : {}),
    },
    blocks,
  );
}

function publishedFromHtml(
  html: string,
  meta: (name: string) => string | undefined,
  timeZone: string,
): string | undefined {
  const instant =
    meta('govuk:first-published-at') ??
    meta('article:published_time') ??
    /<time\b[^>]*datetime=["']([^"']+)["']/i.exec(html)?.[1];
  if (instant && !Number.isNaN(Date.parse(instant))) {
    return /^\d{4}-\d{2}-\d{2}$/.test(instant) ? instant : localDay(new Date(instant), timeZone);
  }
  // The metadata component shows "Published <dd>3 March 2025</dd>".
  const shown = /Published(?:\s|<[^>]+>|:)*(\d{1,2}\s+[A-Za-z]+\s+\d{4})/.exec(html)?.[1];
  return shown ? dayFromWords(shown) : undefined;
}

export function fromPlainText(text: string, source: string): Announcement {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ''));
  const firstAt = lines.findIndex((l) => l.trim() !== '');
  const header =
    /^\s*(?:date|published)?:?\s*(\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Za-z]+\s+\d{4})\b\s*(.*)$/i.exec(
      lines[firstAt] ?? '',
    );
  const published = header ? (/^\d{4}/.test(header[1]!) ? header[1]! : dayFromWords(header[1]!)) : undefined;
  if (!header || !published) {
    throw new FollowthroughError(
      'announcement_no_date',
      `${source}: a text announcement must start with a line " date YYYY-MM-DD <publisher>" ` +
        '(e.g. " date 2024-03-05 Home Office"), then the title, then the body',
    );
  }
  const publisher = header[2]!.trim();
  const rest = lines.slice(firstAt + 1);
  const titleAt = rest.findIndex((l) => l.trim() !== '');
  const title = normaliseSpace(rest[titleAt] ?? '');
  let url: string | undefined;
  const blocks: Block[] = [];
  for (const raw of rest.slice(titleAt + 1)) {
    const line = normaliseSpace(raw);
    if (!line) continue;
    const link = /^(?:Original article link|Source|URL):\s*(https?:\/\/\S+)$/i.exec(line);
    if (link) {
      url = link[1];
      continue;
    }
    const item = /^(?:[-*•–]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) blocks.push({ kind: 'list-item', text: item[1]! });
    // A short line with no closing punctuation is a heading ("Notes to editors", "Background").
    else if (line.split(' ').length <= 8 && !/[.:;,!?"”)]$/.test(line))
      blocks.push({ kind: 'heading', text: line });
    else blocks.push({ kind: 'paragraph', text: line });
  }
  return announcementFromBlocks(
    { title, published, ...(url ? { url } : {}), ...(publisher ? { publisher } : {}) },
    blocks,
  );
}

/** "3 March 2025" → 2025-03-03 */
function dayFromWords(text: string): string | undefined {
  const m = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(text.trim());
  const month = m ? monthNumber(m[2]!) : 0;
  if (!m || month === 0) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

function textOf(html: string | undefined): string {
  return html ? normaliseSpace(decode(html.replace(/<[^>]*>/g, ' '))) : '';
}
