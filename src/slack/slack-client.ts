// The Slack Web API as delivery uses it. `createSlackClients` configures the real WebClient,
// whose defaults are wrong for a bot (STACK.md): no timeout, and ten retries over half an hour,
// HTTP 500 included. Posts are never retried by the SDK — a retry after a 5xx that Slack had in
// fact processed would post twice; the outbox retries instead, after checking for a duplicate.
// Reads and edits are idempotent and get a short retry policy.

import {
  LogLevel,
  WebClient,
  type ChatPostEphemeralArguments,
  type ChatPostMessageArguments,
  type ChatUpdateArguments,
  type Logger as SdkLogger,
  type ViewsOpenArguments,
} from '@slack/web-api';
import type { Logger } from '../log.ts';
import type { SlackMessage } from './alert.ts';

export interface PostMessageArgs {
  channel: string;
  text: string;
  blocks?: SlackMessage['blocks'];
  metadata?: SlackMessage['metadata'];
  thread_ts?: string;
  reply_broadcast?: boolean;
  unfurl_links?: boolean;
  unfurl_media?: boolean;
}

export interface PostMessageResult {
  ok?: boolean;
  /** The channel ID, even when the post named `#channel`. */
  channel?: string;
  ts?: string;
}

export interface UpdateArgs {
  channel: string;
  ts: string;
  text: string;
  blocks?: SlackMessage['blocks'];
  metadata?: SlackMessage['metadata'];
}

export interface HistoryArgs {
  channel: string;
  oldest?: string;
  latest?: string;
  limit?: number;
  cursor?: string;
  inclusive?: boolean;
  include_all_metadata?: boolean;
}

export interface RepliesArgs extends HistoryArgs {
  ts: string;
}

export interface HistoryMessage {
  ts?: string;
  thread_ts?: string;
  text?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

export interface HistoryResult {
  ok?: boolean;
  messages?: HistoryMessage[];
  has_more?: boolean;
  response_metadata?: { next_cursor?: string };
}

/** The few Web API methods followthrough calls; the real client and test doubles both fit. */
export interface SlackApi {
  chat: {
    postMessage(args: PostMessageArgs): Promise<PostMessageResult>;
    update(args: UpdateArgs): Promise<{ ok?: boolean; ts?: string }>;
    getPermalink(args: {
      channel: string;
      message_ts: string;
    }): Promise<{ ok?: boolean; permalink?: string }>;
  };
  conversations: {
    history(args: HistoryArgs): Promise<HistoryResult>;
    replies(args: RepliesArgs): Promise<HistoryResult>;
    list(args: ListArgs): Promise<ListResult>;
  };
}

/** What the Slack app adds: modals and messages only one person sees. */
export interface SlackAppApi {
  views: {
    open(args: { trigger_id: string; view: Record<string, unknown> }): Promise<{ ok?: boolean }>;
  };
  chat: {
    postEphemeral(args: {
      channel: string;
      user: string;
      text: string;
      blocks?: SlackMessage['blocks'];
      thread_ts?: string;
    }): Promise<{ ok?: boolean }>;
  };
}

export type SlackClients = SlackApi & SlackAppApi;

export interface ListArgs {
  types?: string;
  exclude_archived?: boolean;
  limit?: number;
  cursor?: string;
}

export interface ListResult {
  ok?: boolean;
  channels?: Array<{ id?: string; name?: string }>;
  response_metadata?: { next_cursor?: string };
}

export interface SlackClientOptions {
  token: string;
  /** Base URL of the Web API (tests, proxies); Slack's own by default. The caller reads SLACK_API_URL. */
  slackApiUrl?: string;
  /** Per request; the SDK has none by default and would wait forever on a hung connection. */
  timeoutMs?: number;
  logger?: Logger;
}

export const defaultTimeoutMs = 10_000;

// Two retries, quickly: a read that fails three times in a few seconds is left to the next run.
const readRetries = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000, randomize: false };

export function createSlackClients(o: SlackClientOptions): SlackClients {
  const common = {
    timeout: o.timeoutMs ?? defaultTimeoutMs,
    rejectRateLimitedCalls: true,
    logger: bridgeLogger(o.logger),
    ...(o.slackApiUrl ? { slackApiUrl: o.slackApiUrl } : {}),
  };
  const post = new WebClient(o.token, { ...common, retryConfig: { retries: 0 } });
  const read = new WebClient(o.token, { ...common, retryConfig: readRetries });
  // The SDK's argument types are unions our plain shapes cannot be checked against; the wire format is the same.
  return {
    chat: {
      postMessage: (args) =>
        post.chat.postMessage(args as unknown as ChatPostMessageArguments) as Promise<PostMessageResult>,
      update: (args) => read.chat.update(args as unknown as ChatUpdateArguments),
      getPermalink: (args) => read.chat.getPermalink(args),
      // Not retried: an ephemeral note shown twice is worse than one a person can ask for again.
      postEphemeral: (args) => post.chat.postEphemeral(args as unknown as ChatPostEphemeralArguments),
    },
    // A trigger id is good for three seconds: a retry would come too late.
    views: { open: (args) => post.views.open(args as unknown as ViewsOpenArguments) },
    conversations: {
      history: (args) => read.conversations.history(args) as Promise<HistoryResult>,
      replies: (args) => read.conversations.replies(args) as Promise<HistoryResult>,
      list: (args) => read.conversations.list(args) as Promise<ListResult>,
    },
  };
}

// The SDK logs every failed request at warn and its own chatter at debug/info; our delivery
// logs each failure once with its meaning, so the SDK's lines go to debug (its own level is kept
// as `sdk_level`, never as the line's `level`).
function bridgeLogger(log: Logger | undefined): SdkLogger {
  let level = LogLevel.WARN;
  const emit =
    (sdkLevel: string) =>
    (...msgs: unknown[]): void =>
      log?.debug('slack.sdk', { sdk_level: sdkLevel, message: msgs.map(String).join(' ') });
  return {
    debug: () => {},
    info: () => {},
    warn: emit('warn'),
    error: emit('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
