// When to ask a GOV.UK endpoint again (pure: `now` comes in). After a success: not before the CDN
// would serve fresh bytes (`max-age=300`, GOVUK.md "Caching and politeness"). After a failure:
// deterministic exponential backoff, 5 min doubling to 24 h, or longer when `Retry-After` says so.

/** GOV.UK's CDN serves the same bytes for 5 minutes: polling faster gains nothing. */
export const minPollSeconds = 300;
export const firstBackoffSeconds = 300;
export const maxBackoffSeconds = 24 * 60 * 60;
/** A `Retry-After` beyond this is taken as a server mistake rather than honoured to the letter. */
export const maxRetryAfterSeconds = 7 * 24 * 60 * 60;

export function nextPollAfterSuccess(now: Date, maxAgeSeconds: number | null, intervalSeconds: number): Date {
  return addSeconds(now, Math.max(intervalSeconds, maxAgeSeconds ?? 0, minPollSeconds));
}

/** `consecutiveFailures` counts this one: 1 → 5 min, 2 → 10 min, 3 → 20 min, … capped at 24 h. */
export function nextPollAfterFailure(
  now: Date,
  consecutiveFailures: number,
  retryAfterSeconds?: number | null,
): Date {
  const doublings = Math.max(0, Math.floor(consecutiveFailures) - 1);
  // 2^9 × 5 min already passes 24 h; clamping the exponent keeps the arithmetic finite.
  const backoff = Math.min(firstBackoffSeconds * 2 ** Math.min(doublings, 20), maxBackoffSeconds);
  const retryAfter = Math.min(Math.max(retryAfterSeconds ?? 0, 0), maxRetryAfterSeconds);
  return addSeconds(now, Math.max(backoff, retryAfter));
}

/** `Retry-After` as seconds from `now`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  const v = value?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return Number(v);
  // An HTTP-date always names the weekday or month in letters; this keeps bare numbers like `1.5` out.
  if (!/[A-Za-z]{3}/.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}
