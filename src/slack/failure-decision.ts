// What to do after a Slack call failed while delivering an outbox row (pure: facts in, a decision
// out; the delivery job applies it to the store). The rules:
// - 429: try again at Retry-After. The message was not posted.
// - Transient (5xx, timeout, network): back off 1 min doubling to 1 h. A timeout or a 5xx after the
//   post left may have reached Slack, so the row stays `sending` and the next try looks for it first.
// - Slack refused the message itself (its blocks, its metadata): send the plain-text fallback, once;
//   if that is refused too, or nothing else can be sent, cancel with the reason.
// - The channel or the whole workspace cannot take posts (not_in_channel, invalid_auth, …): block it,
//   hold its rows, and probe with one post an hour later.
// https://api.slack.com/methods/chat.postMessage#errors

import type { SlackErrorClass } from './classify-slack-error.ts';

/** Where the failure happened: the duplicate check, the status card, or the post itself. */
export type DeliveryStage = 'check' | 'card' | 'post';

export interface FailureFacts {
  error: SlackErrorClass;
  stage: DeliveryStage;
  /** Attempts already recorded for the row (a post counts itself when it is marked `sending`). */
  attempts: number;
  now: Date;
  /** The failed post carried Block Kit blocks, so a plain-text fallback is still possible. */
  hadBlocks: boolean;
}

export type FailureDecision =
  | {
      action: 'retry';
      at: Date;
      /** The row stays `sending`: the next try checks Slack before posting again. */
      maybeDelivered: boolean;
      /** Count an attempt that never reached the post (the check or the card failed). */
      countAttempt: boolean;
      error: string;
      reason: 'rate-limited' | 'transient';
      /** For logs: seconds until the next try. */
      waitSeconds: number;
    }
  | {
      action: 'block';
      scope: 'channel' | 'workspace';
      /** When one probe post is tried again. */
      retryAt: Date;
      error: string;
      fix: string;
      maybeDelivered: boolean;
      countAttempt: boolean;
    }
  | { action: 'plain-text'; dropMetadata: boolean; error: string }
  | { action: 'cancel'; error: string; fix: string };

export const firstBackoffMs = 60_000;
export const maxBackoffMs = 3_600_000;
/** A blocked channel is probed with one post this long after the block. */
export const probeAfterMs = 3_600_000;

export function decideAfterFailure(f: FailureFacts): FailureDecision {
  const c = f.error;
  // Whether the row itself may be in Slack: unknown while the check failed; after a post, as classified.
  const maybe = (surely: boolean): boolean => f.stage === 'check' || (f.stage === 'post' && surely);
  const countAttempt = f.stage !== 'post';
  const at = (ms: number): Date => new Date(f.now.getTime() + ms);
  switch (c.type) {
    case 'rate-limited':
      return {
        action: 'retry',
        at: at(c.retryAfterSeconds * 1000),
        maybeDelivered: maybe(false),
        countAttempt,
        error: `rate limited by Slack (${f.stage}); retry after ${c.retryAfterSeconds} s`,
        reason: 'rate-limited',
        waitSeconds: c.retryAfterSeconds,
      };
    case 'transient': {
      const attempts = f.attempts + (countAttempt ? 1 : 0);
      const delay = Math.min(maxBackoffMs, firstBackoffMs * 2 ** Math.max(0, attempts - 1));
      return {
        action: 'retry',
        at: at(delay),
        maybeDelivered: maybe(c.maybeDelivered),
        countAttempt,
        error: `${f.stage}: ${c.error}`,
        reason: 'transient',
        waitSeconds: delay / 1000,
      };
    }
    case 'permanent':
      if (c.scope === 'message') {
        if (f.stage === 'post' && f.hadBlocks) {
          return { action: 'plain-text', dropMetadata: c.error.includes('metadata'), error: c.error };
        }
        return { action: 'cancel', error: c.error, fix: c.fix };
      }
      return {
        action: 'block',
        scope: c.scope,
        retryAt: at(probeAfterMs),
        error: c.error,
        fix: c.fix,
        maybeDelivered: maybe(false),
        countAttempt,
      };
  }
}
