// The Slack app's connection: Socket Mode through Slack's own @slack/socket-mode client (no public
// URL needed). `apps.connections.open` is called with the app-level token at `slackApiUrl`, so tests
// point it at a fake Slack on 127.0.0.1. Each envelope is answered through `handlers`: what they
// return is sent as the ack (within Slack's 3 seconds), then their follow-up work runs.
// https://api.slack.com/apis/connections/socket

import { LogLevel, SocketModeClient, type Logger as SdkLogger } from '@slack/socket-mode';
import { errorMessage } from '../errors.ts';
import type { Logger } from '../log.ts';

/** What an envelope is answered with: the ack's payload, then (after the ack) anything slower. */
export interface Answer {
  ack: Record<string, unknown>;
  after?: () => Promise<void>;
}

export interface SocketHandlers {
  /** block_actions, view_submission and other interactive payloads. */
  interactive(body: Record<string, unknown>): Answer | Promise<Answer>;
  slashCommand(body: Record<string, unknown>): Answer | Promise<Answer>;
}

export interface SocketModeOptions {
  appToken: string;
  /** Base URL of the Web API for `apps.connections.open` (SLACK_API_URL); Slack's own by default. */
  slackApiUrl?: string;
  log: Logger;
  handlers: SocketHandlers;
  /** How long start() waits for the first connection before going on (it keeps trying after). */
  connectTimeoutMs?: number;
}

export interface SocketConnection {
  /** False when Slack refused the app token: no buttons can be answered. */
  connected: boolean;
  stop(): Promise<void>;
}

interface Envelope {
  ack: (response?: Record<string, unknown>) => Promise<void>;
  envelope_id?: string;
  type?: string;
  body?: Record<string, unknown>;
  retry_num?: number;
  retry_reason?: string;
}

const tokenFix =
  'SLACK_APP_TOKEN must be an app-level token (xapp-…) with the connections:write scope, ' +
  'of an app with Socket Mode on: see the README, "Slack app"';

export async function connectSocketMode(o: SocketModeOptions): Promise<SocketConnection> {
  const { log } = o;
  // Slack answers a bot token here with an error its client keeps retrying: say so at once instead.
  if (!o.appToken.startsWith('xapp-')) {
    log.error('slack.socket_refused', {
      error: 'SLACK_APP_TOKEN is not an app-level token (xapp-…)',
      fix: tokenFix,
    });
    return { connected: false, stop: async () => {} };
  }
  const client = new SocketModeClient({
    appToken: o.appToken,
    logger: bridgeLogger(log),
    // The SDK's own retry policy for apps.connections.open is kept: it waits out an outage.
    clientOptions: { ...(o.slackApiUrl ? { slackApiUrl: o.slackApiUrl } : {}), timeout: 10_000 },
  });
  client.on('slack_event', (e: Envelope) => {
    void answer(o, e);
  });
  client.on('connected', () => log.info('slack.socket_connected', {}));
  client.on('reconnecting', () => log.info('slack.socket_reconnecting', {}));
  let connected = true;
  const started = client.start().then(
    () => true,
    (err: unknown) => {
      connected = false;
      log.error('slack.socket_refused', { error: errorMessage(err), fix: tokenFix });
      return false;
    },
  );
  const timeout = new Promise<'waiting'>((r) =>
    setTimeout(() => r('waiting'), o.connectTimeoutMs ?? 15_000).unref(),
  );
  const first = await Promise.race([started, timeout]);
  if (first === 'waiting')
    log.warn('slack.socket_waiting', { detail: 'Slack has not answered yet; still trying' });
  return {
    get connected() {
      return connected;
    },
    stop: async () => {
      await client.disconnect().catch(() => {});
    },
  };
}

async function answer(o: SocketModeOptions, e: Envelope): Promise<void> {
  const { log } = o;
  const body = e.body ?? {};
  let reply: Answer = { ack: {} };
  try {
    if (e.type === 'interactive') reply = await o.handlers.interactive(body);
    else if (e.type === 'slash_commands') reply = await o.handlers.slashCommand(body);
  } catch (err) {
    log.error('slack.action_failed', { type: e.type, error: errorMessage(err) });
  }
  try {
    // Every envelope is acknowledged, even one we do not handle: Slack would otherwise resend it.
    await e.ack(reply.ack);
  } catch (err) {
    log.warn('slack.ack_failed', { envelope_id: e.envelope_id, error: errorMessage(err) });
  }
  if (e.retry_num)
    log.info('slack.envelope_retried', { type: e.type, retry: e.retry_num, reason: e.retry_reason });
  try {
    await reply.after?.();
  } catch (err) {
    log.error('slack.action_failed', { type: e.type, stage: 'after ack', error: errorMessage(err) });
  }
}

// The client logs whole payloads at debug level (they carry a verification token): only its
// warnings and errors reach our log.
function bridgeLogger(log: Logger): SdkLogger {
  const emit =
    (level: string) =>
    (...msgs: unknown[]) =>
      log.warn('slack.socket', { level, message: msgs.map(String).join(' ').slice(0, 500) });
  return {
    debug: () => {},
    info: () => {},
    warn: emit('warn'),
    error: emit('error'),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
