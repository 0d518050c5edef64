// The only code that talks HTTP to GOV.UK: one conditional GET per call, redirects followed by
// hand (so the conditional headers travel with them), one time limit over the whole exchange and
// a byte cap enforced while the body streams (rss-parser needs ~8× the body in memory, STACK.md).

import { errorMessage } from '../errors.ts';
import { FetchError } from './fetch-error.ts';
import { parseRetryAfter } from './politeness.ts';

export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  userAgent: string;
  /** Whole exchange, body included. Default 20 s. */
  timeoutMs?: number;
  /** Body cap. Default 5 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  accept?: string;
  signal?: AbortSignal;
}

/** What both outcomes carry for the next conditional request and for politeness. */
export interface CacheHeaders {
  etag: string | null;
  lastModified: string | null;
  /** From `Cache-Control: max-age`. */
  maxAgeSeconds: number | null;
  /** The URL that answered, after redirects. */
  finalUrl: string;
}

export interface Modified extends CacheHeaders {
  kind: 'modified';
  status: number;
  body: string;
  /** Body size in bytes as received (after any content decoding). */
  bytes: number;
}

export interface NotModified extends CacheHeaders {
  kind: 'not-modified';
  status: 304;
}

export type FetchOutcome = Modified | NotModified;

export const defaultTimeoutMs = 20_000;
export const defaultMaxBytes = 5 * 1024 * 1024;
export const defaultMaxRedirects = 5;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

export async function fetchFeed(req: FetchRequest): Promise<FetchOutcome> {
  const timeoutMs = req.timeoutMs ?? defaultTimeoutMs;
  const maxBytes = req.maxBytes ?? defaultMaxBytes;
  const maxRedirects = req.maxRedirects ?? defaultMaxRedirects;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  const headers: Record<string, string> = { 'user-agent': req.userAgent, accept: req.accept ?? '*/*' };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;

  let url = httpUrl(req.url, req.url);
  try {
    for (let redirects = 0; ; redirects++) {
      const res = await fetch(url, { headers, redirect: 'manual', signal });
      if (redirectStatuses.has(res.status)) {
        await discard(res);
        const location = res.headers.get('location');
        if (!location)
          throw new FetchError(
            'fetch_http',
            url,
            `GET ${url} answered ${res.status} without a Location header`,
            { status: res.status },
          );
        const next = httpUrl(location, url);
        if (redirects >= maxRedirects) {
          throw new FetchError(
            'fetch_redirects',
            url,
            `GET ${req.url} was redirected more than ${maxRedirects} times (next: ${next}); check the feed URL`,
          );
        }
        url = next;
        continue;
      }
      const cache: CacheHeaders = {
        etag: res.headers.get('etag'),
        lastModified: res.headers.get('last-modified'),
        maxAgeSeconds: maxAge(res.headers.get('cache-control')),
        finalUrl: url,
      };
      if (res.status === 304) {
        await discard(res);
        return { kind: 'not-modified', status: 304, ...cache };
      }
      if (res.status < 200 || res.status > 299) {
        await discard(res);
        throw httpError(res, url, req.url);
      }
      const { body, bytes } = await readCapped(res, maxBytes, url);
      return { kind: 'modified', status: res.status, body, bytes, ...cache };
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (timeout.aborted) {
      throw new FetchError('fetch_timeout', url, `GET ${url} did not complete within ${timeoutMs} ms`, {
        cause: err,
      });
    }
    if (req.signal?.aborted)
      throw new FetchError('fetch_aborted', url, `GET ${url} was cancelled`, { cause: err });
    throw new FetchError('fetch_network', url, `GET ${url} failed: ${networkDetail(err)}`, { cause: err });
  }
}

/** Reads the body chunk by chunk and stops as soon as it passes `maxBytes`. */
async function readCapped(
  res: Response,
  maxBytes: number,
  url: string,
): Promise<{ body: string; bytes: number }> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await discard(res);
    throw tooLarge(url, maxBytes, 0, `it declares Content-Length ${declared}`);
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(url, maxBytes, bytes, `stopped after ${bytes} bytes`);
      }
      chunks.push(chunk.value);
    }
  }
  return { body: decoderFor(res.headers.get('content-type')).decode(Buffer.concat(chunks)), bytes };
}

function tooLarge(url: string, maxBytes: number, bytesRead: number, detail: string): FetchError {
  return new FetchError(
    'fetch_too_large',
    url,
    `GET ${url} is larger than the ${maxBytes}-byte limit (${detail}); raise fetch.maxBytes if the feed is really this big`,
    { bytesRead },
  );
}

function httpError(res: Response, url: string, requested: string): FetchError {
  // Measured against the server's own clock when it sends one, so a skewed local clock does not distort an HTTP-date.
  const serverNow = Date.parse(res.headers.get('date') ?? '');
  const retryAfterSeconds =
    res.status === 429 || res.status === 503
      ? parseRetryAfter(
          res.headers.get('retry-after'),
          Number.isNaN(serverNow) ? new Date() : new Date(serverNow),
        )
      : null;
  const via = url === requested ? '' : ` (redirected from ${requested})`;
  const retry = retryAfterSeconds === null ? '' : `; Retry-After ${retryAfterSeconds} s`;
  const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  return new FetchError('fetch_http', url, `GET ${url}${via} answered ${status}${retry}`, {
    status: res.status,
    retryAfterSeconds,
  });
}

/** An absolute http(s) URL, resolving a relative redirect `Location` against the URL that sent it. */
function httpUrl(location: string, base: string): string {
  let resolved: URL | null = null;
  try {
    resolved = new URL(location, base);
  } catch {
    // reported below
  }
  if (!resolved || (resolved.protocol !== 'http:' && resolved.protocol !== 'https:')) {
    throw new FetchError(
      'fetch_url_invalid',
      base,
      `${JSON.stringify(location)} is not an http(s) URL${location === base ? '' : ` (redirect from ${base})`}`,
    );
  }
  return resolved.href;
}

/** `Cache-Control: max-age=N` (GOV.UK sends `max-age=300, public`). */
function maxAge(cacheControl: string | null): number | null {
  const m = /(?:^|[,\s])max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl ?? '');
  return m ? Number(m[1]) : null;
}

function decoderFor(contentType: string | null): TextDecoder {
  const charset = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

async function discard(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => undefined);
}

/** undici reports `fetch failed` with the socket error as its cause: `connect ECONNREFUSED 127.0.0.1:9`. */
function networkDetail(err: unknown): string {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? errorMessage(cause) : errorMessage(err);
}
