// The only code that talks HTTP to the sources: one conditional GET per call, redirects followed by
// hand (so the conditional headers travel with them), one time limit over the whole exchange and
// a byte cap enforced while the body streams (rss-parser needs ~8× the body in memory, STACK.md).

import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { errorMessage } from '../errors.ts';
import { FetchError } from './fetch-error.ts';
import { type Exchange, send } from './http-get.ts';
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
  // One time limit over the whole exchange, redirects and body included: it ends the request in flight.
  // (A timer and a destroy, not an AbortController: one of those per request was a tenth of an idle poll.)
  const exchange: Exchange = { current: null, stopped: false };
  let timedOut = false;
  const stop = (): void => {
    exchange.stopped = true;
    exchange.current?.destroy(new Error('stopped'));
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, timeoutMs);
  req.signal?.addEventListener('abort', stop, { once: true });
  if (req.signal?.aborted) stop();
  const headers: Record<string, string> = {
    'user-agent': req.userAgent,
    accept: req.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;

  let url = httpUrl(req.url, req.url);
  try {
    for (let redirects = 0; ; redirects++) {
      const res = await send(url, headers, exchange);
      const status = res.statusCode ?? 0;
      if (redirectStatuses.has(status)) {
        discard(res);
        const location = header(res, 'location');
        if (!location)
          throw new FetchError('fetch_http', url, `GET ${url} answered ${status} without a Location header`, {
            status,
          });
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
        etag: header(res, 'etag'),
        lastModified: header(res, 'last-modified'),
        maxAgeSeconds: maxAge(header(res, 'cache-control')),
        finalUrl: url,
      };
      if (status === 304) {
        discard(res);
        return { kind: 'not-modified', status: 304, ...cache };
      }
      if (status < 200 || status > 299) {
        discard(res);
        throw httpError(res, url, req.url);
      }
      const { body, bytes } = await readCapped(res, maxBytes, url);
      return { kind: 'modified', status, body, bytes, ...cache };
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (timedOut) {
      throw new FetchError('fetch_timeout', url, `GET ${url} did not complete within ${timeoutMs} ms`, {
        cause: err,
      });
    }
    if (req.signal?.aborted)
      throw new FetchError('fetch_aborted', url, `GET ${url} was cancelled`, { cause: err });
    throw new FetchError('fetch_network', url, `GET ${url} failed: ${networkDetail(err)}`, { cause: err });
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', stop);
  }
}

function header(res: IncomingMessage, name: string): string | null {
  const value = res.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** Reads the body chunk by chunk (decoded) and stops as soon as it passes `maxBytes`. */
async function readCapped(
  res: IncomingMessage,
  maxBytes: number,
  url: string,
): Promise<{ body: string; bytes: number }> {
  const declared = Number(header(res, 'content-length') ?? NaN);
  if (declared > maxBytes) {
    res.destroy();
    throw tooLarge(url, maxBytes, 0, `it declares Content-Length ${declared}`);
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  const stream = decoded(res);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw tooLarge(url, maxBytes, bytes, `stopped after ${bytes} bytes`);
      chunks.push(chunk);
    }
  } finally {
    if (bytes > maxBytes || !res.complete) res.destroy();
    if (stream !== res) stream.destroy();
  }
  return { body: decoderFor(header(res, 'content-type')).decode(Buffer.concat(chunks)), bytes };
}

/** The body with its Content-Encoding undone (we ask for gzip, deflate and br, as browsers do). */
function decoded(res: IncomingMessage): Readable {
  const encoding = (header(res, 'content-encoding') ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (!decoder) return res;
  res.once('error', (err) => decoder.destroy(err));
  return res.pipe(decoder);
}

function tooLarge(url: string, maxBytes: number, bytesRead: number, detail: string): FetchError {
  return new FetchError(
    'fetch_too_large',
    url,
    `GET ${url} is larger than the ${maxBytes}-byte limit (${detail}); raise fetch.maxBytes if the feed is really this big`,
    { bytesRead },
  );
}

function httpError(res: IncomingMessage, url: string, requested: string): FetchError {
  const code = res.statusCode ?? 0;
  // Measured against the server's own clock when it sends one, so a skewed local clock does not distort an HTTP-date.
  const serverNow = Date.parse(header(res, 'date') ?? '');
  const retryAfterSeconds =
    code === 429 || code === 503
      ? parseRetryAfter(
          header(res, 'retry-after'),
          Number.isNaN(serverNow) ? new Date() : new Date(serverNow),
        )
      : null;
  const via = url === requested ? '' : ` (redirected from ${requested})`;
  const retry = retryAfterSeconds === null ? '' : `; Retry-After ${retryAfterSeconds} s`;
  const status = `${code}${res.statusMessage ? ` ${res.statusMessage}` : ''}`;
  return new FetchError('fetch_http', url, `GET ${url}${via} answered ${status}${retry}`, {
    status: code,
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

/** Drains a short answer so its socket can be kept alive; a long or unsized one is cut off instead. */
function discard(res: IncomingMessage): void {
  const length = Number(header(res, 'content-length') ?? NaN);
  if (res.statusCode === 304 || res.complete || length <= 64 * 1024) res.resume();
  else res.destroy();
}

/** undici reports `fetch failed` with the socket error as its cause: `connect ECONNREFUSED 127.0.0.1:9`. */
function networkDetail(err: unknown): string {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? errorMessage(cause) : errorMessage(err);
}
