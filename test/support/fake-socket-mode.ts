// Slack's Socket Mode, faked on the fake Slack's own port, for the real @slack/socket-mode client:
// `apps.connections.open` (app-level token only) answers a ws:// URL with a one-time ticket; the
// WebSocket says `hello`, carries envelopes (`interactive`, `slash_commands`) that the client must
// ack with their `envelope_id`, can re-send one as Slack does (a new envelope id, `retry_attempt`,
// `retry_reason`), and can ask the client to reconnect (`disconnect`). Also `views.open` and
// `chat.postEphemeral`, recorded like every call. Built from the client's source
// (node-slack-sdk packages/socket-mode: SocketModeClient.ts, SlackWebSocket.ts).

import { randomUUID } from 'node:crypto';
import type { FakeMessage, FakeSlack } from './fake-slack.ts';
import { type WebSocket, WebSocketServer } from 'ws';

export interface Ack {
  envelopeId: string;
  payload: Record<string, unknown>;
  /** Milliseconds from sending the envelope to its ack. */
  ms: number;
}

export interface EnvelopeOptions {
  envelopeId?: string;
  retryAttempt?: number;
  retryReason?: string;
  acceptsResponsePayload?: boolean;
}

export interface FakeSocketMode {
  /** Resolves once a client is connected and has been sent `hello`. */
  connected(timeoutMs?: number): Promise<void>;
  connections(): number;
  /** Connections greeted with `hello` so far (a reconnect adds one). */
  hellos(): number;
  /** Sends an envelope and resolves with the ack (rejects when none comes within `timeoutMs`). */
  send(
    type: string,
    payload: Record<string, unknown>,
    o?: EnvelopeOptions & { timeoutMs?: number },
  ): Promise<Ack>;
  /** Asks the client to reconnect, as Slack does when it recycles a connection. */
  disconnect(reason?: string): void;
  acks: Ack[];
}

export const fakeTeam = 'TFAKE0001';

export function attachSocketMode(fake: FakeSlack): FakeSocketMode {
  const tickets = new Set<string>();
  const wss = new WebSocketServer({ noServer: true });
  const clients = new Set<WebSocket>();
  const waiting = new Map<string, { sentAt: number; resolve: (a: Ack) => void }>();
  const acks: Ack[] = [];
  let onConnect: Array<() => void> = [];
  let hellos = 0;
  const base = fake.url.replace(/^http/, 'ws').replace(/\/api\/$/, '');

  fake.handle('apps.connections.open', () => {
    const ticket = randomUUID();
    tickets.add(ticket);
    return { ok: true, url: `${base}/link/?ticket=${ticket}&app_id=AFAKE0001` };
  });
  fake.handle('views.open', (b) => ({
    ok: true,
    view: { id: `V${randomUUID().slice(0, 8).toUpperCase()}`, ...(b.view as object) },
  }));
  fake.handle('chat.postEphemeral', () => ({ ok: true, message_ts: `${Date.now() / 1000}` }));

  fake.server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (url.pathname !== '/link/' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (!msg.envelope_id) return;
        const w = waiting.get(msg.envelope_id);
        const ack = {
          envelopeId: msg.envelope_id,
          payload: msg.payload ?? {},
          ms: w ? Date.now() - w.sentAt : -1,
        };
        acks.push(ack);
        waiting.delete(msg.envelope_id);
        w?.resolve(ack);
      });
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: clients.size,
          debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: 'AFAKE0001' },
        }),
      );
      hellos++;
      for (const f of onConnect) f();
      onConnect = [];
    });
  });

  const close = fake.close;
  fake.close = async () => {
    for (const ws of clients) ws.terminate();
    wss.close();
    await close();
  };

  return {
    acks,
    connections: () => clients.size,
    hellos: () => hellos,
    connected: (timeoutMs = 20_000) =>
      clients.size > 0
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no Socket Mode client connected')), timeoutMs);
            onConnect.push(() => {
              clearTimeout(timer);
              resolve();
            });
          }),
    send(type, payload, o = {}) {
      const ws = [...clients].at(-1);
      if (!ws) return Promise.reject(new Error('no Socket Mode client is connected'));
      const envelopeId = o.envelopeId ?? randomUUID();
      const envelope = {
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: o.acceptsResponsePayload ?? type === 'slash_commands',
        ...(o.retryAttempt !== undefined
          ? { retry_attempt: o.retryAttempt, retry_reason: o.retryReason ?? 'timeout' }
          : {}),
      };
      return new Promise<Ack>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(envelopeId);
          reject(new Error(`no ack for envelope ${envelopeId} (${type}) within ${o.timeoutMs ?? 3000} ms`));
        }, o.timeoutMs ?? 3000);
        waiting.set(envelopeId, {
          sentAt: Date.now(),
          resolve: (a) => {
            clearTimeout(timer);
            resolve(a);
          },
        });
        ws.send(JSON.stringify(envelope));
      });
    },
    disconnect(reason = 'refresh_requested') {
      for (const ws of clients)
        ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } }));
    },
  };
}

/** A block_actions payload as Slack sends it when `user` presses the button `actionId` on `m`. */
export function buttonPress(
  m: FakeMessage,
  actionId: string,
  user: string,
  actionTs = `${Date.now() / 1000}`,
) {
  const blocks = (m.blocks ?? []) as Array<{
    type: string;
    block_id?: string;
    elements?: Array<Record<string, unknown>>;
  }>;
  const block = blocks.find((b) => b.type === 'actions' && b.elements?.some((e) => e.action_id === actionId));
  const button = block?.elements?.find((e) => e.action_id === actionId);
  if (!block || !button) throw new Error(`message ${m.ts} has no ${actionId} button`);
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: fakeTeam },
    api_app_id: 'AFAKE0001',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: m.ts,
      channel_id: m.channel,
      is_ephemeral: false,
      ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    },
    trigger_id: `${Date.now()}.1234.${randomUUID().slice(0, 8)}`,
    team: { id: fakeTeam, domain: 'fake' },
    channel: { id: m.channel, name: 'followthrough' },
    message: {
      type: 'message',
      ts: m.ts,
      text: m.text,
      blocks: m.blocks,
      ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    },
    response_url: 'https://hooks.slack.com/actions/TFAKE0001/1/fake',
    actions: [{ ...button, block_id: block.block_id ?? 'b1', action_ts: actionTs }],
  };
}

/** A view_submission payload for a modal the app opened, with the fields as a person filled them. */
export function viewSubmission(
  view: Record<string, unknown>,
  user: string,
  fields: { status?: string; evidence?: string; note?: string },
  viewId = `V${randomUUID().slice(0, 8).toUpperCase()}`,
) {
  return {
    type: 'view_submission',
    team: { id: fakeTeam, domain: 'fake' },
    user: { id: user, username: user.toLowerCase(), team_id: fakeTeam },
    api_app_id: 'AFAKE0001',
    token: 'legacy-verification-token',
    trigger_id: `${Date.now()}.5678.abc`,
    view: {
      ...view,
      id: viewId,
      hash: `${Date.now()}.abc`,
      state: {
        values: {
          status: {
            status: {
              type: 'static_select',
              selected_option: fields.status ? { value: fields.status } : null,
            },
          },
          evidence: { evidence: { type: 'url_text_input', value: fields.evidence ?? null } },
          note: { note: { type: 'plain_text_input', value: fields.note ?? null } },
        },
      },
    },
  };
}

/** A slash command payload as Slack sends it. */
export function slashCommand(text: string, user: string, channel: string) {
  return {
    token: 'legacy-verification-token',
    team_id: fakeTeam,
    team_domain: 'fake',
    channel_id: channel,
    channel_name: 'followthrough',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/followthrough',
    text,
    api_app_id: 'AFAKE0001',
    response_url: 'https://hooks.slack.com/commands/TFAKE0001/1/fake',
    trigger_id: `${Date.now()}.9999.abc`,
  };
}
