// The real @slack/socket-mode client against the fake Socket Mode: it opens the connection with the
// app-level token at SLACK_API_URL, acks every envelope with its envelope_id inside three seconds,
// sends what the handler answers as the ack payload, and reconnects when Slack asks it to.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/log.ts';
import {
  connectSocketMode,
  type SocketConnection,
  type SocketHandlers,
} from '../../../src/slack/socket-mode.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { attachSocketMode, type FakeSocketMode } from '../../support/fake-socket-mode.ts';

const appToken = 'xapp-1-AFAKE0001-0000-secret';
let fake: FakeSlack;
let socket: FakeSocketMode;
let conn: SocketConnection | undefined;
let log: ReturnType<typeof createMemoryLogger>;
const seen: Array<Record<string, unknown>> = [];

const handlers: SocketHandlers = {
  interactive: (body) => {
    seen.push(body);
    return { ack: {}, after: async () => void seen.push({ after: body.type }) };
  },
  slashCommand: (body) => ({ ack: { response_type: 'ephemeral', text: `you said ${String(body.text)}` } }),
};

beforeEach(async () => {
  seen.length = 0;
  log = createMemoryLogger();
  fake = await startFakeSlack({ token: 'xoxb-bot', appToken });
  socket = attachSocketMode(fake);
});
afterEach(async () => {
  await conn?.stop();
  conn = undefined;
  await fake.close();
});

describe('Socket Mode with the real client', () => {
  it('connects with the app token at the configured API URL and acks each envelope with its payload', async () => {
    conn = await connectSocketMode({ appToken, slackApiUrl: fake.url, log, handlers });
    expect(conn.connected).toBe(true);
    await socket.connected();
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.auth).toBe(`Bearer ${appToken}`);
    const ack = await socket.send('interactive', { type: 'block_actions', actions: [] });
    expect(ack.payload).toEqual({});
    expect(ack.ms).toBeLessThan(3000);
    const answer = await socket.send('slash_commands', {
      command: '/followthrough',
      text: 'help',
      user_id: 'U1',
    });
    expect(answer.payload).toEqual({ response_type: 'ephemeral', text: 'you said help' });
    // Envelopes of a kind the app does not handle are acked too, so Slack does not resend them.
    expect((await socket.send('events_api', { event: { type: 'app_mention' } })).payload).toEqual({});
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([{ type: 'block_actions', actions: [] }, { after: 'block_actions' }]);
    expect(JSON.stringify(log.records)).not.toContain(appToken);
  });

  it('a retried envelope (new envelope id, retry_attempt) reaches the handler again, acked again', async () => {
    conn = await connectSocketMode({ appToken, slackApiUrl: fake.url, log, handlers });
    await socket.connected();
    const body = { type: 'block_actions', actions: [{ action_id: 'x', action_ts: '1.2' }] };
    const first = await socket.send('interactive', body);
    const again = await socket.send('interactive', body, { retryAttempt: 1, retryReason: 'timeout' });
    expect(first.envelopeId).not.toBe(again.envelopeId);
    expect(seen.filter((b) => b.type === 'block_actions')).toHaveLength(2);
    expect(log.records.some((r) => r.event === 'slack.envelope_retried' && r.retry === 1)).toBe(true);
  });

  it('reconnects when Slack sends disconnect, with a fresh apps.connections.open', async () => {
    conn = await connectSocketMode({ appToken, slackApiUrl: fake.url, log, handlers });
    await socket.connected();
    socket.disconnect('refresh_requested');
    const deadline = Date.now() + 15_000;
    while ((socket.hellos() < 2 || socket.connections() !== 1) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(fake.callsTo('apps.connections.open')).toHaveLength(2);
    expect(socket.connections()).toBe(1);
    const ack = await socket.send('interactive', { type: 'block_actions', actions: [] });
    expect(ack.payload).toEqual({});
  });

  it.each([
    ['a bot token where the app token belongs', 'xoxb-bot', 'not an app-level token'],
    ['an app token Slack does not know', 'xapp-1-AFAKE0001-0000-wrong', 'invalid_auth'],
  ])('%s is refused: it says how to fix it and carries on without buttons', async (_name, token, error) => {
    conn = await connectSocketMode({ appToken: token, slackApiUrl: fake.url, log, handlers });
    expect(conn.connected).toBe(false);
    const refused = log.records.find((r) => r.event === 'slack.socket_refused');
    expect(String(refused?.error)).toContain(error);
    expect(String(refused?.fix)).toContain('connections:write');
    expect(socket.connections()).toBe(0);
  });
});
