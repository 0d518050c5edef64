// A fake Slack Web API on 127.0.0.1 for the real WebClient to talk to (through `slackApiUrl`).
// It answers like Slack for the methods followthrough uses, keeps every message, and can be
// scripted to fail in each way Slack does — including "accepted the message, but the answer
// never arrived", the window that exactly-once delivery has to survive.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCall {
  method: string;
  /** Form or JSON body; `blocks` and `metadata` parsed from their JSON strings. */
  body: Record<string, unknown>;
  /** The Authorization header as sent. */
  auth: string | undefined;
  /** What the fake did: `ok`, an error code, or the scripted behaviour. */
  outcome: string;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  reply_broadcast?: boolean;
  unfurl_links?: boolean;
  unfurl_media?: boolean;
  edited?: boolean;
}

export type FakeBehaviour =
  | { kind: 'rate-limited'; retryAfter: number }
  | { kind: 'http-error'; status: number }
  | { kind: 'hang' }
  | { kind: 'error'; error: string; extra?: Record<string, unknown> }
  /** Slack processed the call (the message is stored) but the answer never comes. */
  | { kind: 'store-then-hang' }
  /** Slack processed the call but answered with an HTTP error. */
  | { kind: 'store-then-http-error'; status: number };

export interface FakeSlackOptions {
  /** When set, every call must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** When set, `apps.connections.open` must carry this app-level token (and refuses the bot token, as Slack does). */
  appToken?: string;
  /** Milliseconds since the epoch, for message ts; real time by default. */
  clock?: () => number;
}

export interface FakeSlack {
  /** Base URL to give the WebClient as `slackApiUrl`. */
  url: string;
  calls: FakeCall[];
  callsTo(method: string): FakeCall[];
  /** Messages in a channel (`#name` or ID), oldest first, thread replies included. */
  messages(channel: string): FakeMessage[];
  /** The ID the fake gives a `#name`. */
  channelId(name: string): string;
  /** The next `times` calls to `method` behave so (Infinity: until cleared). Scripts queue in order. */
  script(method: string, behaviour: FakeBehaviour, times?: number): void;
  clearScripts(method?: string): void;
  /** Answer another method (the Socket Mode fake adds apps.connections.open, views.open, …). */
  handle(method: string, handler: (body: Record<string, unknown>) => Record<string, unknown>): void;
  /** The HTTP server, for a WebSocket upgrade on the same port. */
  server: Server;
  close(): Promise<void>;
}

export function fakeChannelId(name: string): string {
  return `C${createHash('sha1').update(name.replace(/^#/, '')).digest('hex').slice(0, 10).toUpperCase()}`;
}

interface Script {
  behaviour: FakeBehaviour;
  left: number;
}

const bot = { user: 'UFOLLOW01', bot_id: 'BFOLLOW01', team: 'TFAKE0001' };

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const clock = options.clock ?? Date.now;
  const calls: FakeCall[] = [];
  const store: FakeMessage[] = [];
  const scripts = new Map<string, Script[]>();
  const hung = new Set<ServerResponse>();
  let lastTs = 0;

  const nextTs = (): string => {
    // Slack ts: seconds.microseconds, unique and increasing within a channel.
    const micros = Math.max(Math.floor(clock() * 1000), lastTs + 1);
    lastTs = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  };

  // Channel names seen, for conversations.list (as if each channel existed with the bot in it).
  const names = new Set<string>();
  const resolveChannel = (ch: unknown): string | undefined => {
    if (typeof ch !== 'string' || !ch) return undefined;
    if (ch.startsWith('#')) {
      names.add(ch.slice(1));
      return fakeChannelId(ch);
    }
    return /^[CGD][A-Z0-9]{6,}$/.test(ch) ? ch : undefined;
  };

  const handlers: Record<string, (b: Record<string, unknown>) => Record<string, unknown>> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://fake.slack.com/',
      team: 'Fake',
      user: 'followthrough',
      team_id: bot.team,
      user_id: bot.user,
      bot_id: bot.bot_id,
    }),
    'chat.postMessage': (b) => {
      const channel = resolveChannel(b.channel);
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const invalid = checkLimits(b);
      if (invalid) return { ok: false, error: invalid };
      const m: FakeMessage = {
        channel,
        ts: nextTs(),
        text: String(b.text ?? ''),
        ...(b.blocks !== undefined ? { blocks: b.blocks } : {}),
        ...(b.metadata !== undefined ? { metadata: b.metadata as FakeMessage['metadata'] } : {}),
        ...(b.thread_ts ? { thread_ts: String(b.thread_ts) } : {}),
        ...(flag(b.reply_broadcast) ? { reply_broadcast: true } : {}),
        ...(b.unfurl_links !== undefined ? { unfurl_links: flag(b.unfurl_links) } : {}),
        ...(b.unfurl_media !== undefined ? { unfurl_media: flag(b.unfurl_media) } : {}),
      };
      store.push(m);
      return { ok: true, channel, ts: m.ts, message: view(m, true) };
    },
    'chat.update': (b) => {
      const channel = resolveChannel(b.channel);
      const m = store.find((x) => x.channel === channel && x.ts === b.ts);
      if (!m) return { ok: false, error: 'message_not_found' };
      const invalid = checkLimits(b);
      if (invalid) return { ok: false, error: invalid };
      m.text = String(b.text ?? m.text);
      if (b.blocks !== undefined) m.blocks = b.blocks;
      if (b.metadata !== undefined) m.metadata = b.metadata as FakeMessage['metadata'];
      m.edited = true;
      return { ok: true, channel: m.channel, ts: m.ts, text: m.text, message: view(m, true) };
    },
    'chat.getPermalink': (b) => {
      const channel = resolveChannel(b.channel);
      const m = store.find((x) => x.channel === channel && x.ts === b.message_ts);
      if (!m) return { ok: false, error: 'message_not_found' };
      const thread = m.thread_ts ? `?thread_ts=${m.thread_ts}&cid=${m.channel}` : '';
      return {
        ok: true,
        channel: m.channel,
        permalink: `https://fake.slack.com/archives/${m.channel}/p${m.ts.replace('.', '')}${thread}`,
      };
    },
    // Takes IDs only, as Slack does: conversations.* answer channel_not_found for a #name.
    'conversations.list': () => ({
      ok: true,
      channels: [...names].map((name) => ({ id: fakeChannelId(name), name, is_channel: true })),
      response_metadata: { next_cursor: '' },
    }),
    'conversations.history': (b) => {
      const channel =
        typeof b.channel === 'string' && !b.channel.startsWith('#') ? resolveChannel(b.channel) : undefined;
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const top = store.filter((m) => m.channel === channel && (!m.thread_ts || m.reply_broadcast)).reverse();
      return page(inRange(top, b), b);
    },
    'conversations.replies': (b) => {
      const channel =
        typeof b.channel === 'string' && !b.channel.startsWith('#') ? resolveChannel(b.channel) : undefined;
      if (!channel) return { ok: false, error: 'channel_not_found' };
      const parent = store.find((m) => m.channel === channel && m.ts === b.ts);
      if (!parent) return { ok: false, error: 'thread_not_found' };
      const replies = store.filter(
        (m) => m.channel === channel && m.thread_ts === parent.ts && m.ts !== parent.ts,
      );
      return page([parent, ...inRange(replies, b)], b);
    },
  };

  const page = (list: FakeMessage[], b: Record<string, unknown>): Record<string, unknown> => {
    const limit = Math.min(Math.max(Number(b.limit) || 100, 1), 1000);
    const offset = b.cursor
      ? Number(Buffer.from(String(b.cursor), 'base64').toString().replace('offset:', '')) || 0
      : 0;
    const slice = list.slice(offset, offset + limit);
    const more = offset + limit < list.length;
    const withMeta = flag(b.include_all_metadata);
    return {
      ok: true,
      messages: slice.map((m) => view(m, withMeta)),
      has_more: more,
      response_metadata: {
        next_cursor: more ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '',
      },
    };
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const body = parseBody(await readBody(req), req.headers['content-type']);
    const auth = req.headers.authorization;
    const call: FakeCall = { method, body, auth, outcome: 'ok' };
    calls.push(call);
    const queue = scripts.get(method);
    const script = queue?.[0];
    if (script) {
      if (--script.left <= 0) queue.shift();
      const b = script.behaviour;
      call.outcome = b.kind === 'error' ? b.error : b.kind;
      if (b.kind === 'rate-limited')
        return send(res, 429, { ok: false, error: 'ratelimited' }, { 'Retry-After': String(b.retryAfter) });
      if (b.kind === 'http-error')
        return sendRaw(res, b.status, '<html><body>upstream error</body></html>', 'text/html');
      if (b.kind === 'hang') return void hung.add(res);
      if (b.kind === 'error') return send(res, 200, { ok: false, error: b.error, ...b.extra });
      handlers[method]?.(body);
      if (b.kind === 'store-then-hang') return void hung.add(res);
      return sendRaw(res, b.status, '<html><body>upstream error</body></html>', 'text/html');
    }
    const expected = method === 'apps.connections.open' ? options.appToken : options.token;
    if (expected !== undefined) {
      const bearer = auth?.replace(/^Bearer /, '');
      if (!bearer) return send(res, 200, { ok: false, error: (call.outcome = 'not_authed') });
      if (method === 'apps.connections.open' && bearer === options.token)
        return send(res, 200, { ok: false, error: (call.outcome = 'not_allowed_token_type') });
      if (bearer !== expected) return send(res, 200, { ok: false, error: (call.outcome = 'invalid_auth') });
    }
    const handler = handlers[method];
    if (!handler) return send(res, 200, { ok: false, error: (call.outcome = 'unknown_method') });
    const answer = handler(body);
    if (answer.ok === false) call.outcome = String(answer.error);
    send(res, 200, answer);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    messages: (channel) => store.filter((m) => m.channel === (resolveChannel(channel) ?? channel)),
    channelId: fakeChannelId,
    script(method, behaviour, times = 1) {
      const queue = scripts.get(method) ?? [];
      queue.push({ behaviour, left: times });
      scripts.set(method, queue);
    },
    clearScripts(method) {
      if (method) scripts.delete(method);
      else scripts.clear();
    },
    handle(method, handler) {
      handlers[method] = handler;
    },
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.destroy();
        hung.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function view(m: FakeMessage, withMetadata: boolean): Record<string, unknown> {
  return {
    type: 'message',
    ...(m.reply_broadcast ? { subtype: 'thread_broadcast' } : {}),
    text: m.text,
    user: bot.user,
    bot_id: bot.bot_id,
    ts: m.ts,
    ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    ...(m.blocks !== undefined ? { blocks: m.blocks } : {}),
    ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
    ...(m.edited ? { edited: { user: bot.user, ts: m.ts } } : {}),
  };
}

// oldest/latest are exclusive unless `inclusive`, as in Slack.
function inRange(list: FakeMessage[], b: Record<string, unknown>): FakeMessage[] {
  const inclusive = flag(b.inclusive);
  const oldest = b.oldest !== undefined ? Number(b.oldest) : -Infinity;
  const latest = b.latest !== undefined ? Number(b.latest) : Infinity;
  return list.filter((m) => {
    const t = Number(m.ts);
    return (inclusive ? t >= oldest : t > oldest) && (inclusive ? t <= latest : t < latest);
  });
}

// The limits Slack enforces, so a builder that breaks one fails here as it would in production.
function checkLimits(b: Record<string, unknown>): string | undefined {
  if (!b.text && !b.blocks) return 'no_text';
  if (b.blocks === undefined) return String(b.text ?? '').length > 40_000 ? 'msg_too_long' : undefined;
  if (!Array.isArray(b.blocks)) return 'invalid_blocks_format';
  if (b.blocks.length > 50) return 'invalid_blocks';
  for (const block of b.blocks as Array<Record<string, any>>) {
    if (
      block.type === 'header' &&
      (block.text?.type !== 'plain_text' || String(block.text?.text ?? '').length > 150)
    )
      return 'invalid_blocks';
    if (block.type === 'section') {
      if (block.text && String(block.text.text ?? '').length > 3000) return 'invalid_blocks';
      if (
        block.fields &&
        (block.fields.length > 10 || block.fields.some((f: any) => String(f.text ?? '').length > 2000))
      )
        return 'invalid_blocks';
      if (!block.text && !block.fields) return 'invalid_blocks';
    }
    if (block.type === 'context' && (!Array.isArray(block.elements) || block.elements.length > 10))
      return 'invalid_blocks';
  }
  if (JSON.stringify(b.blocks).length + String(b.text ?? '').length > 13_000) return 'msg_too_long';
  return undefined;
}

function flag(v: unknown): boolean {
  return v === true || v === 'true' || v === '1' || v === 1;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  let body: Record<string, unknown> = {};
  if (contentType?.includes('application/json')) {
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      body = {};
    }
  } else {
    body = Object.fromEntries(new URLSearchParams(raw));
  }
  for (const key of ['blocks', 'metadata', 'attachments', 'view']) {
    const v = body[key];
    if (typeof v === 'string') {
      try {
        body[key] = JSON.parse(v);
      } catch {
        /* left as sent */
      }
    }
  }
  return body;
}

function send(
  res: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  sendRaw(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

function sendRaw(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': type, ...headers });
  res.end(body);
}
