import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertPayload } from '../../../src/slack/alert.ts';
import { getCommitmentState } from '../../../src/store/commitment-state-table.ts';
import { recentErrors } from '../../../src/store/outbox-stuck.ts';
import {
  alertIdFor,
  enqueueAlert,
  getAlert,
  holdChannel,
  listDueAlerts,
  listOutbox,
  markSending,
  markSent,
  outboxCounts,
  releaseChannel,
  rescheduleAlert,
} from '../../../src/store/outbox-table.ts';
import {
  blockChannel,
  getBlock,
  lastPostAt,
  listBlockedChannels,
  notePost,
  unblockChannel,
} from '../../../src/store/slack-channels-table.ts';
import {
  getThread,
  listThreads,
  markCardPosting,
  saveThread,
  setCardStatus,
} from '../../../src/store/threads-table.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';

const payload = (kind: AlertPayload['kind'] = 'overdue'): Omit<AlertPayload, 'alertId'> => ({
  kind,
  raisedAt: '2024-05-08T09:00:00.000Z',
  commitment: {
    id: 'customs-partnership',
    title: 'Customs partnership',
    status: 'overdue',
    owners: ['UK'],
    sourceUrl: 'https://www.gov.uk/a',
  },
  daysOverdue: 8,
});

const enqueue = (
  db: TempDb['db'],
  key: string,
  channel = '#followthrough',
  now = '2024-05-08T09:00:00.000Z',
) =>
  enqueueAlert(db, {
    key,
    commitmentId: 'customs-partnership',
    kind: 'overdue',
    channel,
    payload: payload(),
    now,
  });

let t: TempDb;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

describe('outbox', () => {
  it('the same cause enqueues once; the alert id is derived from the key and stored in the payload', () => {
    const first = enqueue(t.db, 'customs-partnership|overdue|2024-05-08');
    const again = enqueue(t.db, 'customs-partnership|overdue|2024-05-08');
    expect(first).toEqual({ inserted: true, alertId: alertIdFor('customs-partnership|overdue|2024-05-08') });
    expect(again).toEqual({ inserted: false, alertId: first.alertId });
    expect(first.alertId).toMatch(/^ft_[0-9a-f]{16}$/);
    const [row] = listOutbox(t.db);
    expect(listOutbox(t.db)).toHaveLength(1);
    expect(row).toMatchObject({
      state: 'pending',
      attempts: 0,
      channel: '#followthrough',
      nextAttemptAt: '2024-05-08T09:00:00.000Z',
    });
    expect(row!.payload.alertId).toBe(first.alertId);
    expect(alertIdFor('other')).not.toBe(first.alertId);
  });

  it('rolls back with the transaction that caused it', () => {
    expect(() =>
      t.db.transaction(() => {
        enqueue(t.db, 'k1');
        throw new Error('the match failed');
      })(),
    ).toThrow('the match failed');
    expect(listOutbox(t.db)).toEqual([]);
  });

  it('moves through sending, rescheduling and sent, and counts each state', () => {
    const ids = ['a', 'b', 'c', 'd'].map((k) => {
      enqueue(t.db, k);
      return listOutbox(t.db).at(-1)!.id;
    });
    markSending(t.db, ids[0]!, '2024-05-08T09:01:00.000Z');
    expect(getAlert(t.db, ids[0]!)).toMatchObject({ state: 'sending', attempts: 1 });
    rescheduleAlert(t.db, ids[0]!, {
      nextAttemptAt: '2024-05-08T09:02:00.000Z',
      error: 'post: timed out',
      maybeDelivered: true,
    });
    expect(getAlert(t.db, ids[0]!)).toMatchObject({
      state: 'sending',
      lastError: 'post: timed out',
      nextAttemptAt: '2024-05-08T09:02:00.000Z',
    });
    markSending(t.db, ids[1]!, '2024-05-08T09:01:00.000Z');
    rescheduleAlert(t.db, ids[1]!, {
      nextAttemptAt: '2024-05-08T09:05:00.000Z',
      error: 'rate limited',
      maybeDelivered: false,
    });
    expect(getAlert(t.db, ids[1]!)).toMatchObject({ state: 'pending', attempts: 1 });
    markSent(t.db, ids[2]!, { ts: '1715158800.000100', sentTo: 'slack', now: '2024-05-08T09:01:00.000Z' });
    expect(getAlert(t.db, ids[2]!)).toMatchObject({
      state: 'sent',
      slackTs: '1715158800.000100',
      sentTo: 'slack',
      sentAt: '2024-05-08T09:01:00.000Z',
    });
    expect(listDueAlerts(t.db, '2024-05-08T09:03:00.000Z').map((r) => r.id)).toEqual([ids[0], ids[3]]);
    expect(outboxCounts(t.db)).toEqual({
      pending: 2,
      sending: 1,
      held: 0,
      sent: 1,
      cancelled: 0,
      oldestPendingAt: '2024-05-08T09:00:00.000Z',
    });
    expect(recentErrors(t.db).map((e) => e.lastError)).toEqual(['rate limited', 'post: timed out']);
  });

  it('holds and releases by channel; a workspace hold (*) takes every channel; sending rows are never held', () => {
    enqueue(t.db, 'a', '#one');
    enqueue(t.db, 'b', '#two');
    enqueue(t.db, 'c', '#one');
    markSending(t.db, listOutbox(t.db)[2]!.id, '2024-05-08T09:00:00.000Z');
    expect(holdChannel(t.db, '#one', 'not_in_channel')).toBe(1);
    expect(listOutbox(t.db).map((r) => r.state)).toEqual(['held', 'pending', 'sending']);
    expect(holdChannel(t.db, '*', 'invalid_auth')).toBe(1);
    expect(outboxCounts(t.db)).toMatchObject({ held: 2, sending: 1 });
    expect(releaseChannel(t.db, '#two', '2024-05-08T10:00:00.000Z')).toBe(1);
    expect(releaseChannel(t.db, '*', '2024-05-08T10:00:00.000Z')).toBe(1);
    expect(listOutbox(t.db).map((r) => r.state)).toEqual(['pending', 'pending', 'sending']);
  });
});

describe('slack_channels', () => {
  it('keeps a block with its error, fix and probe time, and the first blocked_at when blocked again', () => {
    blockChannel(t.db, {
      channel: '#x',
      error: 'not_in_channel',
      fix: 'invite the bot to #x',
      now: '2024-05-08T09:00:00.000Z',
      retryAt: '2024-05-08T10:00:00.000Z',
    });
    blockChannel(t.db, {
      channel: '#x',
      error: 'not_in_channel',
      fix: 'invite the bot to #x',
      now: '2024-05-08T10:00:00.000Z',
      retryAt: '2024-05-08T11:00:00.000Z',
    });
    expect(listBlockedChannels(t.db)).toEqual([
      {
        channel: '#x',
        error: 'not_in_channel',
        fix: 'invite the bot to #x',
        blockedAt: '2024-05-08T09:00:00.000Z',
        retryAt: '2024-05-08T11:00:00.000Z',
      },
    ]);
    notePost(t.db, '#x', '2024-05-08T11:00:01.000Z');
    unblockChannel(t.db, '#x');
    expect(getBlock(t.db, '#x')).toBeUndefined();
    expect(listBlockedChannels(t.db)).toEqual([]);
    expect(lastPostAt(t.db, '#x')).toBe('2024-05-08T11:00:01.000Z');
    expect(lastPostAt(t.db, '#never')).toBeNull();
  });
});

describe('threads', () => {
  it('creates the commitment_state row when missing (open, watched from now), then keeps the thread', () => {
    markCardPosting(t.db, 'customs-partnership', '2024-05-08T09:00:00.000Z');
    expect(getCommitmentState(t.db, 'customs-partnership')).toMatchObject({
      status: 'open',
      statusSince: '2024-05-08T09:00:00.000Z',
      firstWatchedAt: '2024-05-08T09:00:00.000Z',
    });
    expect(getThread(t.db, 'customs-partnership')).toMatchObject({
      cardPostingAt: '2024-05-08T09:00:00.000Z',
      ts: null,
    });
    saveThread(t.db, 'customs-partnership', {
      channel: 'C0FOLLOW01',
      ts: '1715158800.000100',
      url: 'https://x.slack.com/p1',
      cardStatus: 'open',
      now: '2024-05-08T09:00:01.000Z',
    });
    setCardStatus(t.db, 'customs-partnership', 'overdue');
    expect(listThreads(t.db)).toEqual([
      {
        commitmentId: 'customs-partnership',
        channel: 'C0FOLLOW01',
        ts: '1715158800.000100',
        url: 'https://x.slack.com/p1',
        cardStatus: 'overdue',
        cardPostingAt: null,
      },
    ]);
    expect(getCommitmentState(t.db, 'customs-partnership')).toMatchObject({
      threadChannel: 'C0FOLLOW01',
      threadTs: '1715158800.000100',
      threadUrl: 'https://x.slack.com/p1',
    });
  });
});
