// The one way followthrough posts a message exactly once, for alerts, status cards and digest parts:
// 1. Write-ahead: the message's mark (`sending`, or the card's `card_posting_at`) is committed just
//    before the request leaves, so a crash or a lost answer leaves a trace.
// 2. A mark left by an earlier attempt means the message may be in Slack already: it is looked for
//    (by the metadata every message carries) in the places it could be, and posted only if absent.
// A failure is thrown as a DeliveryFailure naming the stage, so the caller can decide what it means.

import { FollowthroughError } from '../errors.ts';
import type { DeliveryStage } from '../slack/failure-decision.ts';
import { type Conversation, findPosted, type MessagePredicate } from '../slack/find-posted.ts';
import type { PostMessageArgs } from '../slack/slack-client.ts';
import { pacedPost, type Run } from './delivery-run.ts';

export class DeliveryFailure extends Error {
  readonly stage: DeliveryStage;
  override readonly cause: unknown;
  /** The post that failed, when it was a post (a fallback may be built from it). */
  readonly args: PostMessageArgs | undefined;

  constructor(stage: DeliveryStage, cause: unknown, args?: PostMessageArgs) {
    super(`${stage} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DeliveryFailure';
    this.stage = stage;
    this.cause = cause;
    this.args = args;
  }
}

/** Where an earlier attempt may have landed, and how to recognise it. */
export interface EarlierAttempt {
  /** When the earlier attempt was made (history is read from a little before). */
  since: string;
  /** The conversations to look in, in order; empty when they cannot be known (then the message is re-sent). */
  where: () => Promise<Conversation[]>;
  match: MessagePredicate;
}

/** The ts of the message an earlier attempt posted, or undefined. Errors are `check` failures. */
export async function findEarlierPost(run: Run, earlier: EarlierAttempt): Promise<string | undefined> {
  try {
    for (const conversation of await earlier.where()) {
      const ts = await findPosted(run.slack, conversation, earlier.since, earlier.match);
      if (ts) return ts;
    }
    return undefined;
  } catch (err) {
    throw new DeliveryFailure('check', err);
  }
}

export interface PostOnceTarget {
  /** Set when an earlier attempt may have reached Slack. */
  earlier?: EarlierAttempt;
  /** The write-ahead mark, committed before the request leaves. */
  markSending: () => void;
  /** The configured channel (`#name` or ID), for pacing. */
  configured: string;
  /** The stage a failed post is reported as. */
  stage: DeliveryStage;
}

export interface Posted {
  ts: string;
  /** The channel ID Slack answered with, when it said. */
  channel: string | undefined;
  /** True when an earlier attempt's message was found instead of posting. */
  found: boolean;
}

/** Check for an earlier attempt, else post with the write-ahead mark. */
export async function postOnce(run: Run, args: PostMessageArgs, target: PostOnceTarget): Promise<Posted> {
  if (target.earlier) {
    const ts = await findEarlierPost(run, target.earlier);
    if (ts) return { ts, channel: undefined, found: true };
  }
  try {
    const res = await pacedPost(run, target.configured, args, target.markSending);
    if (!res.ts)
      throw new FollowthroughError('slack_answer_invalid', 'chat.postMessage answered without a ts');
    return { ts: res.ts, channel: res.channel, found: false };
  } catch (err) {
    throw new DeliveryFailure(target.stage, err, args);
  }
}
