import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FetchError } from '../../../src/feeds/fetch-error.ts';
import { fetchFeed, type FetchRequest } from '../../../src/feeds/fetch-feed.ts';
import { parseAtomFeed } from '../../../src/feeds/parse-atom.ts';
import { govukPaths, startFakeGovuk, type FakeGovuk } from '../../support/fake-govuk.ts';

const userAgent = 'followthrough-test/1 (+https://example.test/contact)';
const feedPath = govukPaths.organisationFeed;

let govuk: FakeGovuk;
beforeEach(async () => {
  govuk = await startFakeGovuk();
});
afterEach(async () => {
  await govuk.close();
});

function request(path: string, extra: Partial<FetchRequest> = {}): FetchRequest {
  return { url: govuk.url + path, userAgent, ...extra };
}

async function fetchError(req: FetchRequest): Promise<FetchError> {
  const outcome = await fetchFeed(req).then(
    () => null,
    (err: unknown) => err,
  );
  expect(outcome).toBeInstanceOf(FetchError);
  return outcome as FetchError;
}

describe('fetchFeed: conditional GET', () => {
  it('gets 200 with ETag, Last-Modified and max-age, then 304 when it sends the ETag back', async () => {
    const first = await fetchFeed(request(feedPath, { accept: 'application/atom+xml' }));
    expect(first.kind).toBe('modified');
    if (first.kind !== 'modified') return;
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.lastModified).toMatch(/GMT$/);
    expect(first.maxAgeSeconds).toBe(300);
    expect(first.finalUrl).toBe(govuk.url + feedPath);
    expect(first.bytes).toBe(Buffer.byteLength(first.body));
    expect((await parseAtomFeed(first.body)).items).toHaveLength(20);
    expect(govuk.requests[0]?.headers).toMatchObject({
      'user-agent': userAgent,
      accept: 'application/atom+xml',
    });
    expect(govuk.requests[0]?.headers['if-none-match']).toBeUndefined();

    const second = await fetchFeed(request(feedPath, { etag: first.etag }));
    expect(second).toEqual({
      kind: 'not-modified',
      status: 304,
      etag: first.etag,
      lastModified: first.lastModified,
      maxAgeSeconds: 300,
      finalUrl: govuk.url + feedPath,
    });
    expect(govuk.requests[1]?.headers['if-none-match']).toBe(first.etag);
  });

  it('gets 200 with a new ETag once the feed changes', async () => {
    const first = await fetchFeed(request(feedPath));
    govuk.addAtomEntries(feedPath, [
      { path: '/government/news/new-item', title: 'New item', updated: '2025-09-02T09:00:00Z' },
    ]);
    const second = await fetchFeed(request(feedPath, { etag: first.etag }));
    expect(second.kind).toBe('modified');
    expect(second.etag).not.toBe(first.etag);
  });

  it('uses Last-Modified alone: 304 while unchanged, 200 after a change', async () => {
    const first = await fetchFeed(request(feedPath));
    const unchanged = await fetchFeed(request(feedPath, { lastModified: first.lastModified }));
    expect(unchanged.kind).toBe('not-modified');
    expect(govuk.requests[1]?.headers['if-modified-since']).toBe(first.lastModified);
    expect(govuk.requests[1]?.headers['if-none-match']).toBeUndefined();

    govuk.addAtomEntries(feedPath, [
      { path: '/government/news/new-item', title: 'New item', updated: '2025-09-02T09:00:00Z' },
    ]);
    const changed = await fetchFeed(request(feedPath, { lastModified: first.lastModified }));
    expect(changed.kind).toBe('modified');
    expect(Date.parse(changed.lastModified!)).toBeGreaterThan(Date.parse(first.lastModified!));
  });
});

describe('fetchFeed: HTTP errors', () => {
  it.each([
    ['500', { kind: '500' } as const, 500, null],
    ['429 with Retry-After seconds', { kind: '429', retryAfter: '120' } as const, 429, 120],
    ['503 with Retry-After seconds', { kind: '503', retryAfter: '3600' } as const, 503, 3600],
    ['429 without a readable Retry-After', { kind: '429', retryAfter: 'later' } as const, 429, null],
    ['404', { kind: 'respond', status: 404, body: 'Not found' } as const, 404, null],
    [
      '500 with a Retry-After it does not honour',
      { kind: 'respond', status: 500, headers: { 'retry-after': '60' } } as const,
      500,
      null,
    ],
  ])('%s → fetch_http', async (_name, failure, status, retryAfterSeconds) => {
    govuk.fail(feedPath, failure);
    const err = await fetchError(request(feedPath));
    expect(err.code).toBe('fetch_http');
    expect(err.status).toBe(status);
    expect(err.retryAfterSeconds).toBe(retryAfterSeconds);
    expect(err.url).toBe(govuk.url + feedPath);
    expect(err.message).toMatch(new RegExp(`^GET ${govuk.url}${feedPath} answered ${status}\\b`));
  });

  it('reads an HTTP-date Retry-After against the server clock', async () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 120_000).toUTCString();
    govuk.fail(feedPath, { kind: '503', retryAfter: at });
    const err = await fetchError(request(feedPath));
    expect(err.retryAfterSeconds).toBeGreaterThanOrEqual(119);
    expect(err.retryAfterSeconds).toBeLessThanOrEqual(121);
    expect(err.message).toContain(`Retry-After ${err.retryAfterSeconds} s`);
  });

  it('fails only for the scripted number of requests', async () => {
    govuk.fail(feedPath, { kind: '500' }, { times: 1 });
    expect((await fetchError(request(feedPath))).status).toBe(500);
    expect((await fetchFeed(request(feedPath))).kind).toBe('modified');
  });
});

describe('fetchFeed: time and size limits', () => {
  it.each([
    ['never answers', 'hang'],
    ['sends headers and stalls mid-body', 'hang-body'],
  ] as const)('a server that %s fails with fetch_timeout in about timeoutMs', async (_name, kind) => {
    govuk.fail(feedPath, { kind });
    const started = performance.now();
    const err = await fetchError(request(feedPath, { timeoutMs: 300 }));
    const elapsed = performance.now() - started;
    expect(err.code).toBe('fetch_timeout');
    expect(err.message).toBe(`GET ${govuk.url}${feedPath} did not complete within 300 ms`);
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(1500);
  });

  it('stops a 50 MB body near the cap without reading it all or holding it in memory', async () => {
    const cap = 1024 * 1024;
    govuk.fail(feedPath, { kind: 'huge' });
    const baseline = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - baseline.heapUsed - baseline.arrayBuffers);
    }, 2);
    const err = await fetchError(request(feedPath, { maxBytes: cap })).finally(() => clearInterval(sampler));
    expect(err.code).toBe('fetch_too_large');
    expect(err.message).toContain(`larger than the ${cap}-byte limit`);
    expect(err.bytesRead).toBeGreaterThan(cap);
    expect(err.bytesRead).toBeLessThan(cap + 256 * 1024);
    // The server writes only as fast as the client reads: what it sent bounds what was read.
    const served = govuk.requestsTo(feedPath)[0]!;
    await vi.waitFor(() => expect(served.done).toBe(true));
    expect(served.bodyBytes).toBeLessThan(16 * 1024 * 1024);
    expect(peak).toBeLessThan(32 * 1024 * 1024);
  });

  it('fails at once when Content-Length is over the cap', async () => {
    govuk.fail(feedPath, { kind: 'huge', declareLength: true });
    const err = await fetchError(request(feedPath, { maxBytes: 1024 * 1024 }));
    expect(err.code).toBe('fetch_too_large');
    expect(err.bytesRead).toBe(0);
    expect(err.message).toContain('Content-Length 52428800');
  });

  it.each([
    [1000, 1000, 'modified'],
    [1000, 999, 'fetch_too_large'],
  ])('a %s-byte body with a %s-byte cap → %s', async (size, cap, expected) => {
    govuk.setResponse('/exact.atom', { body: 'x'.repeat(size) });
    const outcome = await fetchFeed(request('/exact.atom', { maxBytes: cap })).then(
      (o) => o.kind,
      (e: FetchError) => e.code,
    );
    expect(outcome).toBe(expected);
  });
});

describe('fetchFeed: redirects', () => {
  it.each([
    ['a path', feedPath],
    ['a relative reference', 'home-office.atom'],
    ['an absolute URL', 'ABSOLUTE'],
  ])('follows a Location that is %s, sending the conditional headers again', async (_name, to) => {
    const etag = (await fetchFeed(request(feedPath))).etag;
    govuk.fail('/government/organisations/old-name.atom', {
      kind: 'redirect',
      to: to === 'ABSOLUTE' ? govuk.url + feedPath : to,
      status: 301,
    });
    const outcome = await fetchFeed(request('/government/organisations/old-name.atom', { etag }));
    expect(outcome.kind).toBe('not-modified');
    expect(outcome.finalUrl).toBe(govuk.url + feedPath);
    expect(govuk.requests.map((r) => [r.path, r.headers['if-none-match']])).toEqual([
      [feedPath, undefined],
      ['/government/organisations/old-name.atom', etag],
      [feedPath, etag],
    ]);
  });

  it('follows up to maxRedirects hops and gives up after that with fetch_redirects', async () => {
    for (let i = 0; i < 3; i++)
      govuk.fail(`/hop${i}`, { kind: 'redirect', to: i === 2 ? feedPath : `/hop${i + 1}` });
    expect((await fetchFeed(request('/hop0', { maxRedirects: 3 }))).kind).toBe('modified');
    const err = await fetchError(request('/hop0', { maxRedirects: 2 }));
    expect(err.code).toBe('fetch_redirects');
    expect(err.message).toContain('redirected more than 2 times');
  });

  it('breaks a redirect loop with fetch_redirects', async () => {
    govuk.fail('/a.atom', { kind: 'redirect', to: '/b.atom' });
    govuk.fail('/b.atom', { kind: 'redirect', to: '/a.atom' });
    const err = await fetchError(request('/a.atom'));
    expect(err.code).toBe('fetch_redirects');
    expect(err.message).toMatch(/^GET .*\/a\.atom was redirected more than 5 times/);
    expect(govuk.requests).toHaveLength(6);
  });

  it.each([
    ['no Location', { kind: 'respond', status: 302 } as const, 'fetch_http'],
    ['a non-http Location', { kind: 'redirect', to: 'file:///etc/passwd' } as const, 'fetch_url_invalid'],
  ])('refuses a redirect with %s', async (_name, failure, code) => {
    govuk.fail(feedPath, failure);
    expect((await fetchError(request(feedPath))).code).toBe(code);
  });
});

describe('fetchFeed: network failures', () => {
  it('reports a refused connection as fetch_network', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const err = await fetchError({ url: `http://127.0.0.1:${port}/feed.atom`, userAgent });
    expect(err.code).toBe('fetch_network');
    expect(err.message).toBe(
      `GET http://127.0.0.1:${port}/feed.atom failed: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it('reports a connection dropped without an answer as fetch_network', async () => {
    govuk.fail(feedPath, { kind: 'reset' });
    expect((await fetchError(request(feedPath))).code).toBe('fetch_network');
  });

  it('reports the caller cancelling as fetch_aborted, not a timeout', async () => {
    govuk.fail(feedPath, { kind: 'hang' });
    const controller = new AbortController();
    const pending = fetchError(request(feedPath, { signal: controller.signal, timeoutMs: 10_000 }));
    await vi.waitFor(() => expect(govuk.requests).toHaveLength(1));
    controller.abort();
    expect((await pending).code).toBe('fetch_aborted');
  });

  it.each(['not a url', 'ftp://example.com/feed.atom', 'data:text/plain,hello'])(
    'refuses %j with fetch_url_invalid',
    async (url) => {
      expect((await fetchError({ url, userAgent })).code).toBe('fetch_url_invalid');
    },
  );
});
