// A fake GOV.UK on 127.0.0.1 (port 0) for every test that polls: it serves the fixtures at their
// real paths, answers conditional GETs like the CDN (strong ETag, Last-Modified, max-age=300), pages
// and filters the Search API (422 on unknown parameters), generates Atom in the style of either
// GOV.UK generator, and fails on request in each way a poller meets in the wild.
//
//   const govuk = await startFakeGovuk();
//   const url = govuk.url + govukPaths.organisationFeed;
//   govuk.addAtomEntries(govukPaths.organisationFeed, [{ path: '/government/news/x', title: 'X', updated: '2025-09-02T09:00:00Z' }]);
//   govuk.fail(govukPaths.organisationFeed, { kind: '503', retryAfter: '120' }, { times: 1 });
//   ...
//   await govuk.close();

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decode } from 'html-entities';

/** The fixture-backed paths, as GOV.UK serves them. */
export const govukPaths = {
  /** home-office.atom: collections app, `#timestamp` ids, prefixed titles, UTC. */
  organisationFeed: '/government/organisations/home-office.atom',
  /** news-and-communications-home-office.atom, whatever the query: finder-frontend, `tag:` ids, London offsets. */
  finderFeed: '/search/news-and-communications.atom',
  /** search-home-office.json results, paged and filtered. */
  search: '/api/search.json',
  /** feed-ended.atom. */
  endedFeed: '/government/policies/reducing-illegal-migration.atom',
  /** content-calais-group-press-release.json. */
  content: '/api/content/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group',
} as const;

export type AtomStyle = 'organisation' | 'finder';

/** One page in a generated feed. */
export interface AtomEntry {
  /** `/government/news/slug` */
  path: string;
  /** Without the display-type prefix; the organisation style adds it. */
  title: string;
  /** Organisation style only (title prefix and `<category>`). Default `Press release`. */
  displayType?: string;
  /** Organisation style: plain text. Finder style: HTML (`<mark>` allowed), cut at 225 characters when it has no tags. */
  summary?: string;
  /** The public timestamp, any instant `Date.parse` reads; rendered in UTC or London time per style. */
  updated: string;
}

/** A Search API result; extra fields are served as given. */
export interface SearchResult {
  title: string;
  link: string;
  description?: string;
  public_timestamp: string;
  display_type?: string;
  content_store_document_type?: string;
  organisations?: { slug: string; title?: string }[];
  world_locations?: { slug: string; title?: string }[];
  [field: string]: unknown;
}

/** A page as the Content API describes it (GOVUK.md, "Content API"). */
export interface ContentPage {
  title: string;
  description?: string;
  /** `details.body`, HTML. */
  body: string;
  firstPublishedAt?: string;
  organisation?: string;
  documentType?: string;
}

/** Scripted misbehaviour for one path. */
export type Failure =
  | { kind: '500' }
  /** `retryAfter` is sent verbatim (seconds or an HTTP-date); default `60`. */
  | { kind: '429'; retryAfter?: string }
  | { kind: '503'; retryAfter?: string }
  /** Accept the request and never answer (until `close()`). */
  | { kind: 'hang' }
  /** Send the headers and the start of the body, then nothing more. */
  | { kind: 'hang-body' }
  /** Stream `bytes` (default 50 MiB) with backpressure, without Content-Length unless `declareLength`. */
  | { kind: 'huge'; bytes?: number; declareLength?: boolean }
  /** The path's feed cut in half: broken XML. */
  | { kind: 'malformed' }
  /** The path's feed with entry `entry` (default 0) given `<updated>not-a-date</updated>`. */
  | { kind: 'bad-date'; entry?: number }
  /** The retired-feed answer (feed-ended.atom). */
  | { kind: 'feed-ended' }
  /** Redirect to `to` (a path or an absolute URL), default status 302. */
  | { kind: 'redirect'; to: string; status?: 301 | 302 | 303 | 307 | 308 }
  /** Destroy the connection without answering. */
  | { kind: 'reset' }
  /** Answer as usual, after `ms` milliseconds. */
  | { kind: 'delay'; ms: number }
  /** Anything else. */
  | { kind: 'respond'; status: number; body?: string; headers?: Record<string, string> };

export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased names, as Node gives them. */
  headers: IncomingHttpHeaders;
  /** Status sent, or null while unanswered (hang). */
  status: number | null;
  /** Body bytes written so far (grows while `huge` streams). */
  bodyBytes: number;
  /** The response has ended or its connection closed. */
  done: boolean;
}

export interface FakeGovuk {
  /** Base URL, `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request, oldest first. */
  requests: RecordedRequest[];
  requestsTo(path: string): RecordedRequest[];
  /** Replace a feed with these entries (newest 20 kept, newest first) in one generator's style. */
  setAtomEntries(
    path: string,
    entries: AtomEntry[],
    style: AtomStyle,
    opts?: { limit?: number; title?: string },
  ): void;
  /** Add entries to a feed (fixture feeds included); an entry with a known path replaces it: a major update. */
  addAtomEntries(path: string, entries: AtomEntry[]): void;
  /** The entries a feed currently holds. */
  atomEntries(path: string): AtomEntry[];
  /** Replace the Search API's results (served newest first when `order=-public_timestamp`). */
  setSearchResults(results: SearchResult[]): void;
  searchResults(): SearchResult[];
  /** Serve a fixed answer at a path, with conditional GET honoured for 200s. */
  setResponse(
    path: string,
    response: { status?: number; body: string; contentType?: string; headers?: Record<string, string> },
  ): void;
  /** Serve a Content API record for a page at `/api/content<path>` (conditional GET honoured). */
  setContent(path: string, page: ContentPage): void;
  /** Misbehave at a path for the next `times` requests (default: until `clearFailures`). Queued in order. */
  fail(path: string, failure: Failure, opts?: { times?: number }): void;
  clearFailures(path?: string): void;
  /** Ends hung and streaming connections too. */
  close(): Promise<void>;
}

const fixtureDir = new URL('../fixtures/govuk/', import.meta.url);
const atomType = 'application/atom+xml; charset=utf-8';
const jsonType = 'application/json; charset=utf-8';
const cacheControl = 'max-age=300, public';
const feedLimit = 20;

export function govukFixture(name: string): string {
  return readFileSync(new URL(name, fixtureDir), 'utf8');
}

interface Route {
  status: number;
  body: string;
  contentType: string;
  headers: Record<string, string>;
  lastModified: Date;
  atom?: { style: AtomStyle; entries: AtomEntry[]; limit: number; title: string };
}

interface Script {
  failure: Failure;
  remaining: number;
}

export async function startFakeGovuk(): Promise<FakeGovuk> {
  const routes = new Map<string, Route>();
  const scripts = new Map<string, Script[]>();
  const requests: RecordedRequest[] = [];
  let search = {
    results: (JSON.parse(govukFixture('search-home-office.json')) as { results: SearchResult[] }).results,
    lastModified: stamp(null),
  };

  const setRoute = (path: string, route: Omit<Route, 'lastModified'>): void => {
    const previous = routes.get(path);
    const lastModified =
      previous && previous.body === route.body
        ? previous.lastModified
        : stamp(previous?.lastModified ?? null);
    routes.set(path, { ...route, lastModified });
  };
  const setAtom = (path: string, atom: NonNullable<Route['atom']>): void => {
    setRoute(path, { status: 200, body: renderAtom(path, atom), contentType: atomType, headers: {}, atom });
  };
  const atomOf = (path: string): NonNullable<Route['atom']> => {
    const route = routes.get(path);
    if (!route?.atom) throw new Error(`fake GOV.UK: ${path} is not an Atom feed`);
    return route.atom;
  };

  for (const [path, file, style] of [
    [govukPaths.organisationFeed, 'home-office.atom', 'organisation'],
    [govukPaths.finderFeed, 'news-and-communications-home-office.atom', 'finder'],
  ] as const) {
    const body = govukFixture(file);
    // The fixture's bytes are served as they are until a test changes the entries.
    setRoute(path, {
      status: 200,
      body,
      contentType: atomType,
      headers: {},
      atom: { style, entries: readAtomEntries(body, style), limit: feedLimit, title: atomTitle(body) },
    });
  }
  setRoute(govukPaths.endedFeed, {
    status: 200,
    body: govukFixture('feed-ended.atom'),
    contentType: atomType,
    headers: {},
  });
  setRoute(govukPaths.content, {
    status: 200,
    body: govukFixture('content-calais-group-press-release.json'),
    contentType: jsonType,
    headers: {},
  });

  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://fake.invalid');
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: target.pathname,
      query: target.searchParams,
      headers: req.headers,
      status: null,
      bodyBytes: 0,
      done: false,
    };
    requests.push(rec);
    res.once('close', () => {
      rec.done = true;
    });
    const script = takeScript(scripts, rec.path);
    if (script) return misbehave(script, req, res, rec);
    if (rec.path === govukPaths.search) return answerSearch(req, res, rec);
    const route = routes.get(rec.path);
    if (!route)
      return send(res, rec, 404, '<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>', {
        'content-type': 'text/html; charset=utf-8',
      });
    answer(req, res, rec, route);
  });

  function answerSearch(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest): void {
    const page = searchPage(search.results, rec.query);
    if ('error' in page)
      return send(res, rec, 422, JSON.stringify({ error: page.error }), { 'content-type': jsonType });
    answer(req, res, rec, {
      status: 200,
      body: JSON.stringify(page),
      contentType: jsonType,
      headers: {},
      lastModified: search.lastModified,
    });
  }

  function misbehave(
    failure: Failure,
    req: IncomingMessage,
    res: ServerResponse,
    rec: RecordedRequest,
  ): void {
    const feedBody = (): string => routes.get(rec.path)?.body ?? govukFixture('home-office.atom');
    const now = stamp(null);
    switch (failure.kind) {
      case '500':
        return send(
          res,
          rec,
          500,
          '<!DOCTYPE html><html><body><h1>Sorry, we’re experiencing technical difficulties</h1></body></html>',
          { 'content-type': 'text/html; charset=utf-8' },
        );
      case '429':
      case '503':
        return send(
          res,
          rec,
          Number(failure.kind),
          `<!DOCTYPE html><html><body><h1>${failure.kind === '429' ? 'Too many requests' : 'Service unavailable'}</h1></body></html>`,
          { 'content-type': 'text/html; charset=utf-8', 'retry-after': failure.retryAfter ?? '60' },
        );
      case 'hang':
        return;
      case 'hang-body': {
        rec.status = 200;
        res.writeHead(200, { 'content-type': atomType });
        const start = feedBody().slice(0, 200);
        res.write(start);
        rec.bodyBytes += Buffer.byteLength(start);
        return;
      }
      case 'huge':
        streamHuge(res, rec, failure.bytes ?? 50 * 1024 * 1024, failure.declareLength ?? false).catch(() =>
          res.destroy(),
        );
        return;
      case 'malformed': {
        const body = feedBody();
        return answer(req, res, rec, {
          status: 200,
          body: body.slice(0, Math.floor(body.length / 2)),
          contentType: atomType,
          headers: {},
          lastModified: now,
        });
      }
      case 'bad-date':
        return answer(req, res, rec, {
          status: 200,
          body: breakDate(feedBody(), failure.entry ?? 0),
          contentType: atomType,
          headers: {},
          lastModified: now,
        });
      case 'feed-ended':
        return answer(req, res, rec, {
          status: 200,
          body: govukFixture('feed-ended.atom'),
          contentType: atomType,
          headers: {},
          lastModified: now,
        });
      case 'redirect':
        return send(res, rec, failure.status ?? 302, '', { location: failure.to });
      case 'reset':
        req.socket.destroy();
        return;
      case 'respond':
        return send(res, rec, failure.status, failure.body ?? '', failure.headers ?? {});
      case 'delay': {
        const route = routes.get(rec.path);
        setTimeout(() => {
          if (res.destroyed) return;
          if (route) answer(req, res, rec, route);
          else send(res, rec, 404, '{"error":"not found"}', { 'content-type': jsonType });
        }, failure.ms);
        return;
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    setAtomEntries(path, entries, style, opts = {}) {
      const previous = routes.get(path)?.atom;
      setAtom(path, {
        style,
        entries: entries.map(checkEntry),
        limit: opts.limit ?? feedLimit,
        title: opts.title ?? previous?.title ?? defaultTitle(path, style),
      });
    },
    addAtomEntries(path, entries) {
      const atom = atomOf(path);
      const added = entries.map(checkEntry);
      const kept = atom.entries.filter((e) => !added.some((a) => a.path === e.path));
      setAtom(path, { ...atom, entries: [...kept, ...added] });
    },
    atomEntries: (path) => [...atomOf(path).entries],
    setSearchResults(results) {
      search = { results: [...results], lastModified: stamp(search.lastModified) };
    },
    searchResults: () => [...search.results],
    setResponse(path, response) {
      setRoute(path, {
        status: response.status ?? 200,
        body: response.body,
        contentType: response.contentType ?? atomType,
        headers: response.headers ?? {},
      });
    },
    setContent(path, page) {
      setRoute(`/api/content${path}`, {
        status: 200,
        body: JSON.stringify(contentRecord(path, page)),
        contentType: jsonType,
        headers: {},
      });
    },
    fail(path, failure, opts = {}) {
      const queue = scripts.get(path) ?? [];
      queue.push({ failure, remaining: opts.times ?? Infinity });
      scripts.set(path, queue);
    },
    clearFailures(path) {
      if (path === undefined) scripts.clear();
      else scripts.delete(path);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function takeScript(scripts: Map<string, Script[]>, path: string): Failure | null {
  const queue = scripts.get(path);
  const head = queue?.[0];
  if (!queue || !head) return null;
  head.remaining -= 1;
  if (head.remaining <= 0) queue.shift();
  return head.failure;
}

/** 200 with a strong ETag and Last-Modified, or 304 when the client already has these bytes (RFC 9110 §13.1). */
function answer(req: IncomingMessage, res: ServerResponse, rec: RecordedRequest, route: Route): void {
  if (route.status !== 200)
    return send(res, rec, route.status, route.body, { 'content-type': route.contentType, ...route.headers });
  const etag = `"${createHash('sha256').update(route.body).digest('hex').slice(0, 32)}"`;
  const lastModified = route.lastModified.toUTCString();
  const cache = { etag, 'last-modified': lastModified, 'cache-control': cacheControl };
  const ifNoneMatch = req.headers['if-none-match'];
  const ifModifiedSince = Date.parse(req.headers['if-modified-since'] ?? '');
  // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2).
  const fresh =
    ifNoneMatch !== undefined
      ? ifNoneMatch
          .split(',')
          .map((t) => t.trim().replace(/^W\//, ''))
          .some((t) => t === etag || t === '*')
      : !Number.isNaN(ifModifiedSince) && route.lastModified.getTime() <= ifModifiedSince;
  if (fresh) return send(res, rec, 304, '', cache);
  send(res, rec, 200, route.body, { 'content-type': route.contentType, ...cache, ...route.headers });
}

function send(
  res: ServerResponse,
  rec: RecordedRequest,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  rec.status = status;
  rec.bodyBytes += Buffer.byteLength(body);
  // A 304 carries no body and no length of its own (RFC 9110 §15.4.5).
  res.writeHead(
    status,
    status === 304 ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers },
  );
  res.end(body);
}

async function streamHuge(
  res: ServerResponse,
  rec: RecordedRequest,
  total: number,
  declareLength: boolean,
): Promise<void> {
  rec.status = 200;
  res.writeHead(200, {
    'content-type': atomType,
    ...(declareLength ? { 'content-length': String(total) } : {}),
  });
  const chunk = Buffer.alloc(64 * 1024, ' ');
  chunk.write('<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><!--');
  let closed = false;
  let wake: (() => void) | null = null;
  res.on('drain', () => wake?.());
  res.once('close', () => {
    closed = true;
    wake?.();
  });
  while (!closed && rec.bodyBytes < total) {
    const piece = chunk.subarray(0, Math.min(chunk.length, total - rec.bodyBytes));
    rec.bodyBytes += piece.length;
    // Backpressure: write only as fast as the client reads, so bodyBytes shows how much it took.
    if (!res.write(piece))
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
  }
  if (!closed) res.end();
}

/** The Search API's answer, or the 422 it gives for parameters it does not know. */
function searchPage(
  all: SearchResult[],
  query: URLSearchParams,
):
  | {
      results: Record<string, unknown>[];
      total: number;
      start: number;
      aggregates: object;
      suggested_queries: string[];
    }
  | { error: string } {
  const known = new Set([
    'q',
    'order',
    'start',
    'count',
    'fields',
    'filter_organisations',
    'filter_content_store_document_type',
    'filter_world_locations',
    'filter_public_timestamp',
  ]);
  const unknown = [...new Set(query.keys())].filter((k) => !known.has(k));
  if (unknown.length) return { error: `Unexpected parameters: ${unknown.join(', ')}` };
  const returnable = new Set([
    'title',
    'link',
    'description',
    'public_timestamp',
    'display_type',
    'content_store_document_type',
    'organisations',
    'world_locations',
    'format',
  ]);
  const fields = query.getAll('fields');
  const badFields = fields.filter((f) => !returnable.has(f));
  if (badFields.length)
    return { error: `Some requested fields are not valid return fields: ${badFields.join(', ')}` };
  const start = wholeNumber(query.get('start') ?? '0');
  const count = wholeNumber(query.get('count') ?? '10');
  if (start === null || count === null || count > 1500) return { error: 'Invalid value for start or count' };
  const order = query.get('order');
  if (order !== null && order !== '-public_timestamp' && order !== 'public_timestamp')
    return { error: `"${order}" is not a valid sort field` };

  let results = [...all];
  const window = query.get('filter_public_timestamp');
  if (window !== null) {
    const range = timestampRange(window);
    if (!range) return { error: `Invalid filter_public_timestamp: ${window}` };
    results = results.filter((r) => {
      const at = Date.parse(r.public_timestamp);
      return at >= range.from && at <= range.to;
    });
  }
  for (const [param, field] of [
    ['filter_organisations', 'organisations'],
    ['filter_world_locations', 'world_locations'],
  ] as const) {
    const wanted = query.getAll(param);
    if (wanted.length) results = results.filter((r) => (r[field] ?? []).some((o) => wanted.includes(o.slug)));
  }
  const types = query.getAll('filter_content_store_document_type');
  if (types.length) results = results.filter((r) => types.includes(r.content_store_document_type ?? ''));
  const q = query.get('q')?.toLowerCase();
  if (q) results = results.filter((r) => `${r.title} ${r.description ?? ''}`.toLowerCase().includes(q));
  if (order) {
    const sign = order.startsWith('-') ? -1 : 1;
    results.sort((a, b) => sign * (Date.parse(a.public_timestamp) - Date.parse(b.public_timestamp)));
  }
  const pageResults = results
    .slice(start, start + count)
    .map((r) =>
      fields.length ? Object.fromEntries(fields.filter((f) => f in r).map((f) => [f, r[f]])) : { ...r },
    );
  return { results: pageResults, total: results.length, start, aggregates: {}, suggested_queries: [] };
}

function contentRecord(path: string, page: ContentPage): Record<string, unknown> {
  const org = page.organisation ?? 'Home Office';
  return {
    base_path: path,
    content_id: '00000000-0000-0000-0000-000000000001',
    document_type: page.documentType ?? 'press_release',
    schema_name: 'news_article',
    title: page.title,
    description: page.description ?? '',
    first_published_at: page.firstPublishedAt ?? '2024-04-18T09:30:00.000+01:00',
    public_updated_at: page.firstPublishedAt ?? '2024-04-18T09:30:00.000+01:00',
    links: {
      organisations: [
        { title: org, base_path: `/government/organisations/${org.toLowerCase().replace(/\W+/g, '-')}` },
      ],
    },
    details: { body: page.body, political: false, change_history: [] },
  };
}

/** `from:2024-03-05,to:2024-04-30`, both ends inclusive and optional; a bare date means that whole UTC day. */
function timestampRange(value: string): { from: number; to: number } | null {
  let from = -Infinity;
  let to = Infinity;
  for (const part of value.split(',')) {
    const m = /^(from|to):(.+)$/.exec(part.trim());
    if (!m) return null;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(m[2]!);
    const at = Date.parse(day ? `${m[2]}T00:00:00Z` : m[2]!);
    if (Number.isNaN(at)) return null;
    if (m[1] === 'from') from = at;
    else to = day ? at + 86_400_000 - 1 : at;
  }
  return { from, to };
}

function wholeNumber(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : null;
}

/** A Last-Modified that moves forward by at least a second on every change, so If-Modified-Since never misses one. */
function stamp(previous: Date | null): Date {
  const now = Math.floor(Date.now() / 1000) * 1000;
  return new Date(previous ? Math.max(now, previous.getTime() + 1000) : now);
}

function checkEntry(entry: AtomEntry): AtomEntry {
  if (Number.isNaN(Date.parse(entry.updated)))
    throw new Error(
      `fake GOV.UK: entry ${entry.path} has an unreadable updated ${JSON.stringify(entry.updated)}`,
    );
  if (!entry.path.startsWith('/'))
    throw new Error(`fake GOV.UK: entry path must start with /, not ${JSON.stringify(entry.path)}`);
  return { ...entry };
}

function defaultTitle(path: string, style: AtomStyle): string {
  if (style === 'finder') return 'News and communications';
  const slug =
    path
      .replace(/\.atom$/, '')
      .split('/')
      .pop() ?? '';
  return `${slug.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())} - Activity on GOV.UK`;
}

/** Atom as each GOV.UK generator writes it (GOVUK.md, "two generators"). */
function renderAtom(path: string, atom: NonNullable<Route['atom']>): string {
  const entries = [...atom.entries]
    .sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated))
    .slice(0, atom.limit);
  const org = atom.style === 'organisation';
  const time = org ? utcTime : londonTime;
  const page = path.replace(/\.atom$/, '');
  const newest = entries[0] ? time(entries[0].updated) : time(new Date(0).toISOString());
  const head = org
    ? [
        '<feed xml:lang="en-GB" xmlns="http://www.w3.org/2005/Atom">',
        `  <id>tag:www.gov.uk,2005:${xml(page)}</id>`,
        `  <link rel="alternate" type="text/html" href="https://www.gov.uk${xml(page)}"/>`,
        `  <link rel="self" type="application/atom+xml" href="https://www.gov.uk${xml(path)}"/>`,
        `  <title>${xml(atom.title)}</title>`,
        '  <author>\n    <name>HM Government</name>\n  </author>',
        `  <updated>${newest}</updated>`,
      ]
    : [
        '<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">',
        `  <id>tag:www.gov.uk,2005:${xml(page)}</id>`,
        '  <link rel="alternate" type="text/html" href="https://www.gov.uk"/>',
        `  <link rel="self" type="application/atom+xml" href="https://www.gov.uk${xml(path)}"/>`,
        `  <title>${xml(atom.title)}</title>`,
        `  <updated>${newest}</updated>`,
        '  <author>\n    <name>HM Government</name>\n  </author>',
      ];
  const body = entries.map((e) => {
    const updated = time(e.updated);
    const href = `https://www.gov.uk${xml(e.path)}`;
    if (org) {
      const type = e.displayType ?? 'Press release';
      return [
        '  <entry>',
        // The collections app appends the public timestamp: the id changes on every major update.
        `    <id>${href}#${updated}</id>`,
        `    <updated>${updated}</updated>`,
        `    <link rel="alternate" type="text/html" href="${href}"/>`,
        `    <title>${xml(`${type}: ${e.title}`)}</title>`,
        `    <category label="${xml(type)}" term="${xml(type)}"/>`,
        `    <summary>${xml(e.summary ?? '')}</summary>`,
        '  </entry>',
      ].join('\n');
    }
    return [
      '  <entry>',
      `    <id>tag:www.gov.uk,2005:${xml(e.path)}</id>`,
      `    <updated>${updated}</updated>`,
      `    <link rel="alternate" type="text/html" href="${href}"/>`,
      `    <title>${xml(e.title)}</title>`,
      `    <summary type="html">${xml(finderSummary(e.summary ?? ''))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', ...head, ...body, '</feed>', ''].join('\n');
}

/** finder-frontend cuts descriptions at 225 characters and adds an ellipsis. */
function finderSummary(summary: string): string {
  const chars = Array.from(summary);
  return summary.includes('<') || chars.length <= 225 ? summary : `${chars.slice(0, 225).join('')}…`;
}

function utcTime(instant: string): string {
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2025-09-01T09:30:00+01:00`: London wall time with its offset, as finder-frontend writes it. */
function londonTime(instant: string): string {
  const date = new Date(Math.floor(Date.parse(instant) / 1000) * 1000);
  const p = Object.fromEntries(londonParts.formatToParts(date).map((x) => [x.type, x.value])) as Record<
    string,
    string
  >;
  const wall = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  const offset = Math.round((wall - date.getTime()) / 60_000);
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function atomTitle(body: string): string {
  return decode(/<feed[\s\S]*?<title>([\s\S]*?)<\/title>/.exec(body)?.[1] ?? '', { level: 'xml' });
}

/** The entries of a fixture feed in GOV.UK style, so tests can add to a fixture feed. */
function readAtomEntries(body: string, style: AtomStyle): AtomEntry[] {
  return [...body.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, entry = '']) => {
    const tag = (name: string): string =>
      decode(new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(entry)?.[1] ?? '', { level: 'xml' });
    const href = /<link[^>]*href="([^"]*)"/.exec(entry)?.[1] ?? '';
    const label = /<category label="([^"]*)"/.exec(entry)?.[1];
    const displayType = label === undefined ? undefined : decode(label, { level: 'xml' });
    const title = tag('title');
    return {
      path: href.replace(/^https:\/\/www\.gov\.uk/, ''),
      title:
        style === 'organisation' && displayType && title.startsWith(`${displayType}: `)
          ? title.slice(displayType.length + 2)
          : title,
      ...(displayType === undefined ? {} : { displayType }),
      summary: tag('summary'),
      updated: tag('updated'),
    };
  });
}

/** The feed with one entry's `<updated>` made unreadable. */
function breakDate(body: string, entry: number): string {
  let seen = -1;
  return body.replace(/<entry>([\s\S]*?)<\/entry>/g, (match) => {
    seen += 1;
    return seen === entry
      ? match.replace(/<updated>[^<]*<\/updated>/, '<updated>not-a-date</updated>')
      : match;
  });
}
