import { describe, expect, it } from 'vitest';
import type { SlackErrorClass } from '../../../src/slack/classify-slack-error.ts';
import { decideAfterFailure, type FailureFacts } from '../../../src/slack/failure-decision.ts';

const now = new Date('2024-05-08T09:00:00.000Z');
const at = (seconds: number): Date => new Date(now.getTime() + seconds * 1000);

const rateLimited: SlackErrorClass = { type: 'rate-limited', retryAfterSeconds: 8 };
const timeout: SlackErrorClass = { type: 'transient', maybeDelivered: true, error: 'timed out' };
const refused: SlackErrorClass = { type: 'transient', maybeDelivered: false, error: 'connect ECONNREFUSED' };
const invalidAuth: SlackErrorClass = {
  type: 'permanent',
  error: 'invalid_auth',
  fix: 'set the token',
  scope: 'workspace',
};
const notInChannel: SlackErrorClass = {
  type: 'permanent',
  error: 'not_in_channel',
  fix: 'invite the bot',
  scope: 'channel',
};
const badBlocks: SlackErrorClass = {
  type: 'permanent',
  error: 'invalid_blocks',
  fix: 'report it',
  scope: 'message',
};
const badMetadata: SlackErrorClass = {
  type: 'permanent',
  error: 'invalid_metadata_format',
  fix: 'report it',
  scope: 'message',
};

const facts = (over: Partial<FailureFacts>): FailureFacts => ({
  error: timeout,
  stage: 'post',
  attempts: 1,
  now,
  hadBlocks: true,
  ...over,
});

describe('decideAfterFailure', () => {
  it.each([
    {
      name: '429 on a post: retry at Retry-After, not delivered',
      f: facts({ error: rateLimited }),
      want: {
        action: 'retry',
        at: at(8),
        maybeDelivered: false,
        countAttempt: false,
        reason: 'rate-limited',
        waitSeconds: 8,
      },
    },
    {
      name: '429 while checking for a duplicate: still may be delivered, the attempt counts',
      f: facts({ error: rateLimited, stage: 'check' }),
      want: { action: 'retry', at: at(8), maybeDelivered: true, countAttempt: true },
    },
    {
      name: 'timeout on the first post: back off 1 min, may be delivered',
      f: facts({ error: timeout, attempts: 1 }),
      want: { action: 'retry', at: at(60), maybeDelivered: true, reason: 'transient' },
    },
    {
      name: 'timeout on the third post: 4 min',
      f: facts({ error: timeout, attempts: 3 }),
      want: { action: 'retry', at: at(240) },
    },
    {
      name: 'backoff is capped at an hour',
      f: facts({ error: timeout, attempts: 20 }),
      want: { action: 'retry', at: at(3600) },
    },
    {
      name: 'connection refused: nothing can have been posted',
      f: facts({ error: refused }),
      want: { action: 'retry', maybeDelivered: false },
    },
    {
      name: 'the status card failed: counted, the alert itself was never posted',
      f: facts({ error: refused, stage: 'card', attempts: 0 }),
      want: { action: 'retry', at: at(60), maybeDelivered: false, countAttempt: true },
    },
    {
      name: 'invalid_auth: block the workspace, probe in an hour',
      f: facts({ error: invalidAuth }),
      want: {
        action: 'block',
        scope: 'workspace',
        retryAt: at(3600),
        error: 'invalid_auth',
        fix: 'set the token',
      },
    },
    {
      name: 'not_in_channel: block the channel',
      f: facts({ error: notInChannel }),
      want: { action: 'block', scope: 'channel', maybeDelivered: false },
    },
    {
      name: 'blocks refused: fall back to plain text',
      f: facts({ error: badBlocks }),
      want: { action: 'plain-text', dropMetadata: false },
    },
    {
      name: 'metadata refused: plain text without metadata',
      f: facts({ error: badMetadata }),
      want: { action: 'plain-text', dropMetadata: true },
    },
    {
      name: 'refused again without blocks: cancel with the reason',
      f: facts({ error: badBlocks, hadBlocks: false }),
      want: { action: 'cancel', error: 'invalid_blocks', fix: 'report it' },
    },
    {
      name: 'a status card Slack refuses: cancel',
      f: facts({ error: badBlocks, stage: 'card' }),
      want: { action: 'cancel' },
    },
  ])('$name', ({ f, want }) => {
    expect(decideAfterFailure(f)).toMatchObject(want);
  });
});
