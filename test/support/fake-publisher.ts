// A fake publisher off GOV.UK on 127.0.0.1 (port 0), in the shapes of SOURCES.md §2–3:
// - an RSS 2.0 news feed like NCA's (Joomla): permalink guids, CDATA HTML descriptions, pubDate with
//   a UK offset, and a `lastBuildDate` that changes on every request, with no ETag: the body always
//   differs even when the items do not;
// - a WordPress Atom blog like *.blog.gov.uk: `/feed/atom/` (and `/feed/` answering 302 to it),
//   `?p=` ids, `published` and an `updated` that moves when a post is edited, summary and content,
//   ETag and Last-Modified honoured.
//
//   const pub = await startFakePublisher();
//   pub.setRssItems([{ link: pub.url + '/news/a', title: 'A', description: '<p>…</p>', pubDate: 'Fri, 19 Apr 2024 14:30:00 +0100' }]);
//   pub.setBlogEntries([{ id: 90001, slug: '2024/04/19/a', title: 'A', published: '…', updated: '…', content: '<p>…</p>' }]);

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const rssPath = '/news';
export const blogPath = '/feed/atom/';

export interface RssItem {
  link: string;
  title: string;
  /** HTML, served in CDATA. */
  description: string;
  pubDate: string;
  /** Default: the link (a permalink). */
  guid?: string;
  contentEncoded?: string;
}

export interface BlogEntry {
  id: number;
  /** The path after the host, e.g. `2024/04/19/example-factsheet/`. */
  slug: string;
  title: string;
  published: string;
  updated: string;
  summary?: string;
  content?: string;
}

export interface FakePublisher {
  url: string;
  rssUrl: string;
  blogUrl: string;
  requests: Array<{ path: string; status: number }>;
  requestsTo(path: string): Array<{ path: string; status: number }>;
  setRssItems(items: RssItem[]): void;
  setBlogEntries(entries: BlogEntry[]): void;
  /** Change one post (an edit moves its `updated`). */
  editBlogEntry(id: number, change: Partial<Omit<BlogEntry, 'id'>>): void;
  close(): Promise<void>;
}

export async function startFakePublisher(): Promise<FakePublisher> {
  let rss: RssItem[] = [];
  let blog: BlogEntry[] = [];
  let builds = 0;
  const requests: Array<{ path: string; status: number }> = [];
  let base = '';

  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://fake.invalid');
    const send = (status: number, body: string, headers: Record<string, string>): void => {
      requests.push({ path: target.pathname, status });
      res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
      res.end(body);
    };
    if (target.pathname === rssPath && target.searchParams.get('format') === 'feed') {
      builds += 1;
      return send(200, renderRss(rss, new Date(Date.UTC(2024, 3, 22, 8, 15, builds))), {
        'content-type': 'application/rss+xml; charset=utf-8',
      });
    }
    if (target.pathname === '/feed/' || target.pathname === '/feed')
      return send(302, '', { location: `${base}${blogPath}` });
    if (target.pathname === blogPath) {
      const body = renderAtom(base, blog);
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) return send(304, '', { etag });
      return send(200, body, { 'content-type': 'application/atom+xml; charset=UTF-8', etag });
    }
    send(404, '<html><body>Not found</body></html>', { 'content-type': 'text/html' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    rssUrl: `${base}${rssPath}?format=feed&type=rss`,
    blogUrl: `${base}${blogPath}`,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    setRssItems(items) {
      rss = [...items];
    },
    setBlogEntries(entries) {
      blog = [...entries];
    },
    editBlogEntry(id, change) {
      blog = blog.map((e) => (e.id === id ? { ...e, ...change } : e));
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function renderRss(items: RssItem[], built: Date): string {
  const body = items.map((i) =>
    [
      '\t\t<item>',
      `\t\t\t<title>${xml(i.title)}</title>`,
      `\t\t\t<link>${xml(i.link)}</link>`,
      `\t\t\t<guid isPermaLink="${i.guid ? 'false' : 'true'}">${xml(i.guid ?? i.link)}</guid>`,
      `\t\t\t<description><![CDATA[${i.description}]]></description>`,
      ...(i.contentEncoded
        ? [`\t\t\t<content:encoded><![CDATA[${i.contentEncoded}]]></content:encoded>`]
        : []),
      '\t\t\t<category>News</category>',
      `\t\t\t<pubDate>${xml(i.pubDate)}</pubDate>`,
      '\t\t</item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- generator="Joomla! - Open Source Content Management" -->',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '\t<channel>',
    '\t\t<title>News</title>',
    '\t\t<link>https://www.nationalcrimeagency.gov.uk/news</link>',
    // Joomla writes the time of the request: the body differs on every request.
    `\t\t<lastBuildDate>${built.toUTCString().replace('GMT', '+0000')}</lastBuildDate>`,
    ...body,
    '\t</channel>',
    '</rss>',
    '',
  ].join('\n');
}

function renderAtom(base: string, entries: BlogEntry[]): string {
  const newest =
    entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? '2024-01-01T00:00:00Z';
  const body = entries.map((e) =>
    [
      '\t<entry>',
      '\t\t<author><name>Example Press Officer</name></author>',
      `\t\t<title type="html"><![CDATA[${e.title}]]></title>`,
      `\t\t<link rel="alternate" type="text/html" href="${xml(`${base}/${e.slug}`)}" />`,
      `\t\t<id>${xml(`${base}/?p=${e.id}`)}</id>`,
      `\t\t<updated>${e.updated}</updated>`,
      `\t\t<published>${e.published}</published>`,
      ...(e.summary ? [`\t\t<summary type="html"><![CDATA[${e.summary}]]></summary>`] : []),
      ...(e.content ? [`\t\t<content type="html"><![CDATA[${e.content}]]></content>`] : []),
      '\t</entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    '\t<title type="text">Home Office in the media</title>',
    `\t<updated>${newest}</updated>`,
    `\t<link rel="alternate" type="text/html" href="${xml(base)}" />`,
    `\t<id>${xml(`${base}/feed/atom/`)}</id>`,
    ...body,
    '</feed>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
