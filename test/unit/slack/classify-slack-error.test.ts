import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { classifySlackError } from '../../../src/slack/classify-slack-error.ts';

const platform = (error: string, extra: Record<string, unknown> = {}) =>
  new WebAPIPlatformError({ ok: false, error, ...extra });
const refused = Object.assign(new TypeError('fetch failed'), {
  cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
});
const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');

describe('classifySlackError', () => {
  it.each([
    {
      name: '429',
      err: new WebAPIRateLimitedError(30),
      want: { type: 'rate-limited', retryAfterSeconds: 30 },
    },
    {
      name: 'ok:false ratelimited',
      err: platform('ratelimited'),
      want: { type: 'rate-limited', retryAfterSeconds: 60 },
    },
    {
      name: 'invalid_auth',
      err: platform('invalid_auth'),
      want: { type: 'permanent', error: 'invalid_auth', scope: 'workspace' },
    },
    {
      name: 'not_authed',
      err: platform('not_authed'),
      want: { type: 'permanent', error: 'not_authed', scope: 'workspace' },
    },
    {
      name: 'token_revoked',
      err: platform('token_revoked'),
      want: { type: 'permanent', error: 'token_revoked', scope: 'workspace' },
    },
    {
      name: 'account_inactive',
      err: platform('account_inactive'),
      want: { type: 'permanent', error: 'account_inactive', scope: 'workspace' },
    },
    {
      name: 'missing_scope',
      err: platform('missing_scope', { needed: 'channels:history' }),
      want: { type: 'permanent', error: 'missing_scope', scope: 'workspace' },
    },
    {
      name: 'channel_not_found',
      err: platform('channel_not_found'),
      want: { type: 'permanent', error: 'channel_not_found', scope: 'channel' },
    },
    {
      name: 'not_in_channel',
      err: platform('not_in_channel'),
      want: { type: 'permanent', error: 'not_in_channel', scope: 'channel' },
    },
    {
      name: 'is_archived',
      err: platform('is_archived'),
      want: { type: 'permanent', error: 'is_archived', scope: 'channel' },
    },
    {
      name: 'invalid_blocks',
      err: platform('invalid_blocks'),
      want: { type: 'permanent', error: 'invalid_blocks', scope: 'message' },
    },
    {
      name: 'HTTP 500',
      err: new WebAPIHTTPError(500, 'Internal Server Error', {}, ''),
      want: { type: 'transient', maybeDelivered: true, error: 'HTTP 500' },
    },
    {
      name: 'HTTP 503',
      err: new WebAPIHTTPError(503, 'Service Unavailable', {}, ''),
      want: { type: 'transient', maybeDelivered: true },
    },
    {
      name: 'timeout',
      err: new WebAPIRequestError(timeout as unknown as Error),
      want: { type: 'transient', maybeDelivered: true, error: 'timed out' },
    },
    {
      name: 'connection reset',
      err: new WebAPIRequestError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
      want: { type: 'transient', maybeDelivered: true },
    },
    {
      name: 'connection refused',
      err: new WebAPIRequestError(refused),
      want: { type: 'transient', maybeDelivered: false },
    },
    {
      name: 'ok:false internal_error',
      err: platform('internal_error'),
      want: { type: 'transient', maybeDelivered: true, error: 'internal_error' },
    },
    {
      name: 'other ok:false',
      err: platform('something_new'),
      want: { type: 'transient', maybeDelivered: false, error: 'something_new' },
    },
    {
      name: 'not a Slack error',
      err: new Error('boom'),
      want: { type: 'transient', maybeDelivered: true, error: 'boom' },
    },
  ])('$name', ({ err, want }) => {
    expect(classifySlackError(err, '#followthrough')).toMatchObject(want);
  });

  it.each([
    ['not_in_channel', 'invite the bot to #followthrough with /invite @followthrough'],
    ['invalid_auth', 'set SLACK_BOT_TOKEN to a valid bot token (xoxb-…)'],
    ['channel_not_found', 'check that #followthrough exists'],
    ['is_archived', 'unarchive #followthrough'],
  ])('%s has a fix a person can act on', (error, fix) => {
    const c = classifySlackError(platform(error), '#followthrough');
    expect(c.type === 'permanent' && c.fix).toContain(fix);
  });

  it('missing_scope names the scope Slack says is needed', () => {
    const c = classifySlackError(platform('missing_scope', { needed: 'channels:history' }));
    expect(c.type === 'permanent' && c.fix).toContain('add the bot scope(s) channels:history');
  });
});
