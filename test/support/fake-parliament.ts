// A fake UK Parliament written statements API on 127.0.0.1 (port 0), in the shapes of SOURCES.md §1:
// a list filtered by day window and answering body, paged with skip/take and counted by totalResults,
// whose `text` is a 255-character plain-text preview; a detail call per statement with the full HTML
// and its linked statements; `cache-control: public,max-age=30` and no ETag; `links[].href` that
// changes on every call; 400 for parameters the real API does not take; scripted 500/429 answers.
//
//   const parliament = await startFakeParliament();
//   parliament.setStatements([{ id: 1, uin: 'HCWS1', day: '2024-04-18', title: 'T', html: '<p>…</p>', house: 'Commons' }]);
//   parliament.fail('list', { status: 429, retryAfter: '120' }, { times: 1 });

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const statementsPath = '/api/writtenstatements/statements';

export interface FakeStatement {
  id: number;
  uin: string;
  /** `YYYY-MM-DD` */
  day: string;
  title: string;
  /** The full text, HTML. */
  html: string;
  house: 'Commons' | 'Lords' | 'Bicameral';
  answeringBodyId?: number;
  answeringBodyName?: string;
  memberName?: string;
  linked?: Array<{ id: number; type: string }>;
}

export interface ParliamentRequest {
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  status: number | null;
}

export type ParliamentFailure =
  | { status: 500 | 502 | 503; retryAfter?: string }
  | { status: 429; retryAfter?: string }
  | { status: 'hang' };

export interface FakeParliament {
  url: string;
  /** The list address with the given filters, as a config's `url:` would be. */
  listUrl(query?: string): string;
  requests: ParliamentRequest[];
  /** Requests for one statement's detail, or for the list. */
  requestsFor(target: 'list' | number): ParliamentRequest[];
  setStatements(statements: FakeStatement[]): void;
  addStatements(statements: FakeStatement[]): void;
  /** Misbehave on the list or on one statement's detail for the next `times` requests (default: always). */
  fail(target: 'list' | number, failure: ParliamentFailure, opts?: { times?: number }): void;
  clearFailures(): void;
  close(): Promise<void>;
}

const listParams = new Set([
  'madeWhenFrom',
  'madeWhenTo',
  'answeringBodies',
  'house',
  'searchTerm',
  'skip',
  'take',
  'expandMember',
]);

export async function startFakeParliament(): Promise<FakeParliament> {
  let statements: FakeStatement[] = [];
  const requests: ParliamentRequest[] = [];
  const scripts = new Map<string, Array<{ failure: ParliamentFailure; remaining: number }>>();
  let hrefs = 4_400_000;

  const server = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://fake.invalid');
    const rec: ParliamentRequest = {
      path: target.pathname,
      query: target.searchParams,
      headers: req.headers,
      status: null,
    };
    requests.push(rec);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      rec.status = status;
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'public,max-age=30',
        'content-length': String(Buffer.byteLength(text)),
        ...headers,
      });
      res.end(text);
    };
    const detailId = new RegExp(`^${statementsPath}/(\\d+)$`).exec(rec.path)?.[1];
    const key = detailId ?? (rec.path === statementsPath ? 'list' : null);
    if (key === null) return send(404, { title: 'Not Found', status: 404 });
    const queue = scripts.get(key);
    const script = queue?.[0];
    if (queue && script) {
      script.remaining -= 1;
      if (script.remaining <= 0) queue.shift();
      if (script.failure.status === 'hang') return;
      const retry = 'retryAfter' in script.failure && script.failure.retryAfter;
      return send(
        script.failure.status,
        { title: 'Error', status: script.failure.status },
        retry ? { 'retry-after': retry } : {},
      );
    }
    if (detailId) {
      const s = statements.find((x) => x.id === Number(detailId));
      if (!s) return send(404, { title: 'Not Found', status: 404 });
      return send(200, { value: value(s, 'full'), links: links(hrefs++) });
    }
    const unknown = [...target.searchParams.keys()].filter((k) => !listParams.has(k));
    if (unknown.length) return send(400, { title: `Unknown parameters: ${unknown.join(', ')}`, status: 400 });
    const q = target.searchParams;
    const take = Number(q.get('take') ?? 20);
    const skip = Number(q.get('skip') ?? 0);
    if (!Number.isInteger(take) || take < 1 || take > 100 || !Number.isInteger(skip) || skip < 0)
      return send(400, { title: 'Invalid skip or take', status: 400 });
    const bodies = q.getAll('answeringBodies').map(Number);
    const from = q.get('madeWhenFrom');
    const to = q.get('madeWhenTo');
    const house = q.get('house');
    const matching = statements
      .filter((s) => (!from || s.day >= from) && (!to || s.day <= to))
      .filter((s) => bodies.length === 0 || bodies.includes(s.answeringBodyId ?? 1))
      .filter((s) => !house || s.house === house)
      .sort((a, b) => b.day.localeCompare(a.day) || b.id - a.id);
    send(200, {
      totalResults: matching.length,
      results: matching
        .slice(skip, skip + take)
        .map((s) => ({ value: value(s, 'preview'), links: links(hrefs++) })),
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    listUrl: (query = 'answeringBodies=1') => `${url}${statementsPath}${query ? `?${query}` : ''}`,
    requests,
    requestsFor: (t) =>
      requests.filter((r) =>
        t === 'list' ? r.path === statementsPath : r.path === `${statementsPath}/${t}`,
      ),
    setStatements(list) {
      statements = [...list];
    },
    addStatements(list) {
      statements = [...statements.filter((s) => !list.some((n) => n.id === s.id)), ...list];
    },
    fail(target, failure, opts = {}) {
      const k = String(target);
      scripts.set(k, [...(scripts.get(k) ?? []), { failure, remaining: opts.times ?? Infinity }]);
    },
    clearFailures: () => scripts.clear(),
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The API's `value`: the list carries a plain-text preview cut at 255 characters, the detail the HTML. */
function value(s: FakeStatement, text: 'preview' | 'full'): Record<string, unknown> {
  const plain = s.html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    id: s.id,
    memberId: 9900 + (s.id % 100),
    member: s.memberName ? { name: s.memberName } : null,
    memberRole: 'Minister',
    uin: s.uin,
    dateMade: `${s.day}T00:00:00`,
    answeringBodyId: s.answeringBodyId ?? 1,
    answeringBodyName: s.answeringBodyName ?? 'Home Office',
    title: s.title,
    text: text === 'full' ? s.html : plain.length > 255 ? `${plain.slice(0, 252)}...` : plain,
    house: s.house,
    noticeNumber: 0,
    hasAttachments: false,
    hasLinkedStatements: (s.linked ?? []).length > 0,
    // The list leaves linked statements empty; the detail fills them.
    linkedStatements:
      text === 'full'
        ? (s.linked ?? []).map((l) => ({
            linkedStatementId: l.id,
            linkType: l.type,
            linkDate: `${s.day}T00:00:00`,
          }))
        : [],
    attachments: [],
  };
}

function links(n: number) {
  return [{ rel: 'self', href: `/Statements/${n}`, method: 'GET' }];
}
