// Why a fetch failed, with the URL and what a person can do about it. `status` and
// `retryAfterSeconds` feed the poller's backoff (politeness.ts).

import { FollowthroughError } from '../errors.ts';

export type FetchErrorCode =
  | 'fetch_network'
  | 'fetch_timeout'
  | 'fetch_http'
  | 'fetch_too_large'
  | 'fetch_redirects'
  | 'fetch_aborted'
  | 'fetch_url_invalid';

export interface FetchErrorDetails {
  /** HTTP status, for `fetch_http`. */
  status?: number;
  /** From `Retry-After` on 429 and 503. */
  retryAfterSeconds?: number | null;
  /** Body bytes read before giving up, for `fetch_too_large`. */
  bytesRead?: number;
  cause?: unknown;
}

export class FetchError extends FollowthroughError {
  override readonly code: FetchErrorCode;
  /** The URL of the request that failed (after any redirects). */
  readonly url: string;
  readonly status: number | null;
  readonly retryAfterSeconds: number | null;
  readonly bytesRead: number | null;

  constructor(code: FetchErrorCode, url: string, message: string, details: FetchErrorDetails = {}) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'FetchError';
    this.code = code;
    this.url = url;
    this.status = details.status ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
    this.bytesRead = details.bytesRead ?? null;
  }
}
