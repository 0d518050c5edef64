// Why a fetch failed, with the URL and what a person can do about it. `status` and
// `retryAfterSeconds` feed the poller's backoff (politeness.ts).

import { type ErrorCode, FollowthroughError } from '../errors.ts';

export type FetchErrorCode = Extract<ErrorCode, `fetch_${string}`>;

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
