// What a failed Slack call means for the outbox. A 429 or an ok:false answer proves the message
// was not posted; a timeout, a dropped connection or an HTTP 5xx does not (Slack may have
// processed it before the answer was lost), so the next try must look for it first.
// Errors: https://api.slack.com/methods/chat.postMessage#errors

import { ErrorCode } from '@slack/web-api';

export type SlackErrorClass =
  | { type: 'rate-limited'; retryAfterSeconds: number }
  /** A person must fix something. `message`: Slack refuses this message itself (its blocks, its size). */
  | { type: 'permanent'; error: string; fix: string; scope: 'channel' | 'workspace' | 'message' }
  | { type: 'transient'; maybeDelivered: boolean; error: string };

const tokenFix =
  'set SLACK_BOT_TOKEN to a valid bot token (xoxb-…) from the Slack app\'s "OAuth & Permissions" page, then restart followthrough';

const workspaceErrors: Record<string, string> = {
  invalid_auth: tokenFix,
  not_authed: tokenFix,
  token_revoked: `the token was revoked (the app was removed or reinstalled): ${tokenFix}`,
  token_expired: `the token has expired: ${tokenFix}`,
  account_inactive: `the bot's account is deactivated: reinstall the Slack app to the workspace, then ${tokenFix}`,
  team_access_not_granted: `the token has no access to this workspace: ${tokenFix}`,
  no_permission: `the token may not post here: ${tokenFix}`,
  ekm_access_denied: 'the workspace administrators have suspended the ability to post: ask a Slack admin',
};

const channelErrors: Record<string, (channel: string) => string> = {
  channel_not_found: (ch) =>
    `check that ${ch} exists and, if it is private, invite the bot with /invite @followthrough; ` +
    "or set slack.channel in config/followthrough.yaml (or the commitment's channel) to the right channel",
  not_in_channel: (ch) => `invite the bot to ${ch} with /invite @followthrough`,
  is_archived: (ch) =>
    `unarchive ${ch}, or set slack.channel in config/followthrough.yaml (or the commitment's channel) to another channel`,
  restricted_action: (ch) =>
    `a workspace setting stops the bot posting in ${ch}: ask a Slack admin to allow it, or choose another channel`,
  restricted_action_read_only_channel: (ch) =>
    `${ch} is read-only: let the bot post there, or choose another channel`,
  restricted_action_thread_only_channel: (ch) =>
    `${ch} allows posts only in threads: choose another channel for followthrough`,
  restricted_action_non_threadable_channel: (ch) =>
    `${ch} does not allow threads: choose another channel for followthrough`,
};

// Slack rejected this message, not the channel: retrying it unchanged can never work.
const messageErrors = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_arguments',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
  'metadata_must_be_sent_from_app',
  'markdown_text_conflict',
  'invalid_attachments',
  'message_limit_exceeded',
  'invalid_form_data',
  'invalid_post_type',
]);

// ok:false answers after which Slack may have done part of the work.
// https://api.slack.com/methods/chat.postMessage#errors (internal_error, fatal_error)
const maybeDoneErrors = new Set(['internal_error', 'fatal_error', 'request_timeout', 'service_unavailable']);

// The connection never opened: nothing can have reached Slack.
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_INVALID_URL',
]);

export function classifySlackError(err: unknown, channel = 'the channel'): SlackErrorClass {
  const e = err as {
    code?: unknown;
    retryAfter?: unknown;
    data?: { error?: unknown; needed?: unknown };
    statusCode?: unknown;
    original?: unknown;
  } | null;
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return { type: 'rate-limited', retryAfterSeconds: positive(e.retryAfter) ?? 60 };
    case ErrorCode.PlatformError:
      return platform(String(e.data?.error ?? 'unknown_error'), channel, e.data?.needed);
    case ErrorCode.HTTPError: {
      const status = Number(e.statusCode);
      return { type: 'transient', maybeDelivered: !(status >= 400 && status < 500), error: `HTTP ${status}` };
    }
    case ErrorCode.RequestError: {
      const cause = networkCode(e.original);
      return {
        type: 'transient',
        maybeDelivered: !(cause && notSentCodes.has(cause)),
        error: describe(e.original),
      };
    }
    default:
      // Anything else (a bug, an unknown failure) may have happened after the request left.
      return { type: 'transient', maybeDelivered: true, error: describe(err) };
  }
}

function platform(error: string, channel: string, needed: unknown): SlackErrorClass {
  if (error === 'ratelimited') return { type: 'rate-limited', retryAfterSeconds: 60 };
  if (error === 'missing_scope') {
    const scopes =
      typeof needed === 'string' && needed ? needed : 'chat:write, channels:history, groups:history';
    return {
      type: 'permanent',
      error,
      scope: 'workspace',
      fix: `add the bot scope(s) ${scopes} to the Slack app, reinstall it to the workspace, and set SLACK_BOT_TOKEN to the new token`,
    };
  }
  const ws = workspaceErrors[error];
  if (ws) return { type: 'permanent', error, scope: 'workspace', fix: ws };
  const ch = channelErrors[error];
  if (ch) return { type: 'permanent', error, scope: 'channel', fix: ch(channel) };
  if (messageErrors.has(error))
    return {
      type: 'permanent',
      error,
      scope: 'message',
      fix: 'Slack refused this message as built: report it as a followthrough bug with the alert id',
    };
  return { type: 'transient', maybeDelivered: maybeDoneErrors.has(error), error };
}

function positive(v: unknown): number | undefined {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function networkCode(err: unknown): string | undefined {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timed out';
  const code = networkCode(err);
  return code ? `${err.message} (${code})` : err.message;
}
