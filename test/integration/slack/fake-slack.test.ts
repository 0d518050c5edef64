import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackClients } from '../../../src/slack/slack-client.ts';
import { fakeChannelId, startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';

const token = 'xoxb-test-token';
let fake: FakeSlack;
let clock: number;

beforeEach(async () => {
  clock = Date.parse('2024-05-08T09:00:00.000Z');
  fake = await startFakeSlack({ token, clock: () => clock });
});
afterEach(() => fake.close());

const client = (over: { token?: string; timeoutMs?: number } = {}) =>
  createSlackClients({
    token: over.token ?? token,
    slackApiUrl: fake.url,
    timeoutMs: over.timeoutMs ?? 2000,
  });

describe('fake Slack, reached by the real WebClient', () => {
  it('posts like Slack: a #name answers with a stable channel ID, unique increasing ts; the body is parsed', async () => {
    const slack = client();
    const metadata = { event_type: 'followthrough_alert', event_payload: { alert_id: 'ft_1' } };
    const a = await slack.chat.postMessage({
      channel: '#followthrough',
      text: 'one',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'one' } }],
      metadata,
    });
    const b = await slack.chat.postMessage({
      channel: '#followthrough',
      text: 'two',
      thread_ts: a.ts!,
      reply_broadcast: true,
    });
    expect(a.channel).toBe(fakeChannelId('#followthrough'));
    expect(a.channel).toMatch(/^C[0-9A-F]{10}$/);
    expect(Number(b.ts)).toBeGreaterThan(Number(a.ts));
    expect(a.ts).toBe('1715158800.000000');
    const [call] = fake.callsTo('chat.postMessage');
    expect(call!.auth).toBe(`Bearer ${token}`);
    expect(call!.body.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'one' } }]);
    expect(call!.body.metadata).toEqual(metadata);
    expect(fake.messages('#followthrough').map((m) => m.text)).toEqual(['one', 'two']);
    expect(fake.messages(a.channel!)[1]).toMatchObject({ thread_ts: a.ts, reply_broadcast: true });
  });

  it('history: IDs only, newest first, paged, metadata only with include_all_metadata; replies: parent first', async () => {
    const slack = client();
    const metadata = { event_type: 'x', event_payload: { n: 1 } };
    const posted = [];
    for (let i = 0; i < 5; i++) {
      clock += 1000;
      posted.push(await slack.chat.postMessage({ channel: '#c', text: `m${i}`, metadata }));
    }
    await slack.chat.postMessage({ channel: '#c', text: 'reply', thread_ts: posted[0]!.ts! });
    const id = fakeChannelId('#c');
    await expect(slack.conversations.history({ channel: '#c' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    const first = await slack.conversations.history({ channel: id, limit: 3 });
    expect(first.messages!.map((m) => m.text)).toEqual(['m4', 'm3', 'm2']);
    expect(first.messages![0]!.metadata).toBeUndefined();
    const second = await slack.conversations.history({
      channel: id,
      limit: 3,
      cursor: first.response_metadata!.next_cursor!,
      include_all_metadata: true,
    });
    expect(second.messages!.map((m) => m.text)).toEqual(['m1', 'm0']);
    expect(second.messages![0]!.metadata).toEqual(metadata);
    expect(second.has_more).toBe(false);
    const recent = await slack.conversations.history({ channel: id, oldest: posted[2]!.ts! });
    expect(recent.messages!.map((m) => m.text)).toEqual(['m4', 'm3']);
    const replies = await slack.conversations.replies({ channel: id, ts: posted[0]!.ts! });
    expect(replies.messages!.map((m) => m.text)).toEqual(['m0', 'reply']);
  });

  it('update and permalink find the message; unknown methods and wrong tokens fail as in Slack', async () => {
    const slack = client();
    const a = await slack.chat.postMessage({ channel: '#c', text: 'card' });
    await slack.chat.update({ channel: a.channel!, ts: a.ts!, text: 'card v2' });
    expect(fake.messages('#c')[0]).toMatchObject({ text: 'card v2', edited: true });
    const link = await slack.chat.getPermalink({ channel: a.channel!, message_ts: a.ts! });
    expect(link.permalink).toBe(`https://fake.slack.com/archives/${a.channel}/p${a.ts!.replace('.', '')}`);
    const raw = new WebClient(token, { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
    await expect(raw.apiCall('nope.method')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    await expect(
      client({ token: 'xoxb-wrong' }).chat.postMessage({ channel: '#c', text: 'x' }),
    ).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    expect((await raw.auth.test()).user_id).toBe('UFOLLOW01');
  });

  it('refuses messages over Slack limits', async () => {
    const slack = client();
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    await expect(slack.chat.postMessage({ channel: '#c', text: 'x', blocks })).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    const header = [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }];
    await expect(slack.chat.postMessage({ channel: '#c', text: 'x', blocks: header })).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    expect(fake.messages('#c')).toEqual([]);
  });

  it('scripts: 429 with Retry-After, HTTP 500, ok:false, for N calls then normal again', async () => {
    const slack = client();
    fake.script('chat.postMessage', { kind: 'rate-limited', retryAfter: 7 });
    fake.script('chat.postMessage', { kind: 'http-error', status: 500 });
    fake.script('chat.postMessage', { kind: 'error', error: 'not_in_channel' }, 2);
    await expect(slack.chat.postMessage({ channel: '#c', text: 'x' })).rejects.toMatchObject({
      retryAfter: 7,
    });
    await expect(slack.chat.postMessage({ channel: '#c', text: 'x' })).rejects.toMatchObject({
      statusCode: 500,
    });
    await expect(slack.chat.postMessage({ channel: '#c', text: 'x' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
    await expect(slack.chat.postMessage({ channel: '#c', text: 'x' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
    await slack.chat.postMessage({ channel: '#c', text: 'ok' });
    expect(fake.callsTo('chat.postMessage').map((c) => c.outcome)).toEqual([
      'rate-limited',
      'http-error',
      'not_in_channel',
      'not_in_channel',
      'ok',
    ]);
    // A post is tried once (no SDK retry after a 5xx); a read is retried.
    fake.script('conversations.history', { kind: 'http-error', status: 503 }, 2);
    const history = await slack.conversations.history({ channel: fakeChannelId('#c') });
    expect(history.messages!.map((m) => m.text)).toEqual(['ok']);
    expect(fake.callsTo('conversations.history')).toHaveLength(3);
  });

  it('hang times out; store-then-hang keeps the message although the caller saw a timeout; close ends hung requests', async () => {
    const slack = client({ timeoutMs: 200 });
    fake.script('chat.postMessage', { kind: 'hang' });
    fake.script('chat.postMessage', { kind: 'store-then-hang' });
    const started = Date.now();
    await expect(slack.chat.postMessage({ channel: '#c', text: 'lost' })).rejects.toMatchObject({
      code: 'slack_webapi_request_error',
    });
    await expect(slack.chat.postMessage({ channel: '#c', text: 'kept' })).rejects.toMatchObject({
      code: 'slack_webapi_request_error',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fake.messages('#c').map((m) => m.text)).toEqual(['kept']);
    fake.script('chat.postMessage', { kind: 'hang' }, Infinity);
    const pending = client({ timeoutMs: 60_000 }).chat.postMessage({ channel: '#c', text: 'never' });
    await new Promise((r) => setTimeout(r, 50));
    await fake.close();
    await expect(pending).rejects.toBeDefined();
  });
});
