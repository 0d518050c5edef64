// Shutting down within a container's grace period (docker gives 10 s before SIGKILL): once the
// stop signal fires, in-flight feed requests are aborted (their sockets closed) and a job waiting
// on any outside call is abandoned where it waits, rather than waiting out a 20 s timeout.
// Abandoning there is safe by design: every store step is its own transaction, and a Slack post
// is marked `sending` before it leaves, so the next start checks Slack before posting it again.

import type { FetchOutcome, FetchRequest } from '../feeds/fetch-feed.ts';
import type { SlackApi } from '../slack/slack-client.ts';

/** The promise's outcome, unless `signal` fires first: then it never settles (the caller is abandoned). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return new Promise<T>(() => {});
  }
  return new Promise<T>((resolve, reject) => {
    promise.then(
      (v) => {
        if (!signal.aborted) resolve(v);
      },
      (err: unknown) => {
        if (!signal.aborted) reject(err);
      },
    );
  });
}

export function abortableFetch(
  fetchFeed: (req: FetchRequest) => Promise<FetchOutcome>,
  signal: AbortSignal,
): (req: FetchRequest) => Promise<FetchOutcome> {
  return (req) => {
    const both = req.signal ? AbortSignal.any([req.signal, signal]) : signal;
    return untilAborted(fetchFeed({ ...req, signal: both }), signal);
  };
}

export function abortableSlack(slack: SlackApi, signal: AbortSignal): SlackApi {
  const wrap =
    <A, R>(call: (args: A) => Promise<R>) =>
    (args: A): Promise<R> =>
      untilAborted(call(args), signal);
  return {
    chat: {
      postMessage: wrap((a) => slack.chat.postMessage(a)),
      update: wrap((a) => slack.chat.update(a)),
      getPermalink: wrap((a) => slack.chat.getPermalink(a)),
    },
    conversations: {
      history: wrap((a) => slack.conversations.history(a)),
      replies: wrap((a) => slack.conversations.replies(a)),
      list: wrap((a) => slack.conversations.list(a)),
    },
  };
}
