// Looks in Slack for a message we may already have posted, by the metadata we attach to every
// message (`alert_id`, or the card's `commitment_id`). This is the check that makes a re-send
// after a timeout or a crash safe: if the message is there, it is not posted again.
// https://api.slack.com/methods/conversations.history (include_all_metadata)

import type { HistoryMessage, HistoryResult, SlackApi } from './slack-client.ts';

/** Pages read per conversation at most; 200 messages a page. */
const maxPages = 10;
const pageSize = 200;
/** Slack's clock and ours may differ: look a little before the instant the message was queued. */
const skewSeconds = 300;

export type MessagePredicate = (m: HistoryMessage) => boolean;

export interface Conversation {
  channel: string;
  /** A thread's parent ts: search its replies instead of the channel's top level. */
  threadTs?: string;
}

/** The ts of the first message matching `match`, posted since `sinceIso`, or undefined. */
export async function findPosted(
  slack: SlackApi,
  where: Conversation,
  sinceIso: string,
  match: MessagePredicate,
): Promise<string | undefined> {
  const since = Date.parse(sinceIso);
  const oldest = Number.isNaN(since)
    ? undefined
    : String(Math.max(0, Math.floor(since / 1000) - skewSeconds));
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const args = {
      channel: where.channel,
      limit: pageSize,
      include_all_metadata: true,
      ...(oldest ? { oldest } : {}),
      ...(cursor ? { cursor } : {}),
    };
    const res: HistoryResult = where.threadTs
      ? await slack.conversations.replies({ ...args, ts: where.threadTs })
      : await slack.conversations.history(args);
    const hit = (res.messages ?? []).find((m) => m.ts && match(m));
    if (hit?.ts) return hit.ts;
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more && !cursor) return undefined;
    if (!cursor) return undefined;
  }
  return undefined;
}

export function hasMetadata(eventType: string, key: string, value: string): MessagePredicate {
  return (m) => m.metadata?.event_type === eventType && m.metadata.event_payload?.[key] === value;
}
