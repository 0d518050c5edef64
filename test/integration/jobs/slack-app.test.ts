// The Slack app's jobs on a real store, with the real WebClient talking to the fake Slack: snooze
// and reopen from their buttons, a resolution that withdraws the reminders still waiting, repeated
// deliveries applied once, and every refusal or mistake answered in words.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { slackAppHandlers, type SlackAppDeps } from '../../../src/jobs/slack-app.ts';
import { createMemoryLogger } from '../../../src/log.ts';
import { encodeCommitmentAction } from '../../../src/slack/commitment-actions.ts';
import { encodeItemAction } from '../../../src/slack/item-actions.ts';
import { createSlackClients } from '../../../src/slack/slack-client.ts';
import type { Answer } from '../../../src/slack/socket-mode.ts';
import { changeStatus, getCommitmentState, listEvents } from '../../../src/store/commitment-state-table.ts';
import { enqueueAlert, listOutbox } from '../../../src/store/outbox-table.ts';
import { listSlackActions } from '../../../src/store/slack-actions-table.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { attachSocketMode, viewSubmission } from '../../support/fake-socket-mode.ts';
import { repoRoot } from '../../support/run-cli.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';

const cid = 'customs-partnership';
const reviewer = 'U0REVIEW1';
const now = new Date('2024-05-20T10:00:00.000Z');
let t: TempDb;
let fake: FakeSlack;
let deliveries: number;
let log: ReturnType<typeof createMemoryLogger>;

const config = (reviewers: string[] = []) =>
  testConfig({
    commitmentsFile: join(repoRoot, 'config', 'commitments.yaml'),
    slack: { channel: 'C0FOLLOW01', reminderDays: 7, reminderMaxDays: 112, reviewers },
  });

function app(reviewers: string[] = []) {
  const deps: SlackAppDeps = {
    db: t.db,
    log,
    clock: () => now,
    slack: createSlackClients({ token: 'xoxb-t', slackApiUrl: fake.url, timeoutMs: 2000 }),
    deliverSoon: () => {
      deliveries++;
    },
  };
  return slackAppHandlers(config(reviewers), deps);
}

const press = (actionId: string, value: string, user = reviewer, actionTs = '1716199200.000100') => ({
  type: 'block_actions',
  user: { id: user },
  trigger_id: 'trigger-1',
  container: { type: 'message', channel_id: 'C0FOLLOW01', message_ts: '1716199100.000100' },
  actions: [{ action_id: actionId, value, action_ts: actionTs, type: 'button' }],
});

async function settle(a: Answer | Promise<Answer>): Promise<Answer> {
  const answer = await a;
  await answer.after?.();
  return answer;
}

const replies = () => listOutbox(t.db).filter((r) => r.kind === 'reply');

beforeEach(async () => {
  t = tempDb();
  log = createMemoryLogger();
  deliveries = 0;
  fake = await startFakeSlack({ token: 'xoxb-t' });
  attachSocketMode(fake);
});
afterEach(async () => {
  await fake.close();
  t.cleanup();
});

describe('Slack app jobs', () => {
  it('Snooze 2 weeks pauses reminders until 14 days from today, once per press, with a reply', async () => {
    const h = app();
    const value = encodeCommitmentAction(cid);
    await settle(h.interactive(press('followthrough_snooze', value)));
    await settle(h.interactive(press('followthrough_snooze', value)));
    expect(getCommitmentState(t.db, cid)!.snoozedUntil).toBe('2024-06-02T23:00:00.000Z');
    expect(replies().map((r) => r.payload.reply)).toEqual([
      { action: 'snooze', actor: reviewer, until: '2024-06-02T23:00:00.000Z' },
    ]);
    expect(replies()[0]!.channel).toBe('C0FOLLOW01');
    expect(
      listEvents(t.db, cid)
        .filter((e) => e.kind === 'snooze')
        .map((e) => e.actor),
    ).toEqual([reviewer]);
    expect(listSlackActions(t.db, cid).map((a) => a.kind)).toEqual(['snooze']);
    expect(deliveries).toBe(1);
  });

  it('resolving from the modal withdraws the reminders still waiting; Reopen hands it back to the rules', async () => {
    const h = app();
    await settle(h.interactive(press('followthrough_snooze', encodeCommitmentAction(cid), reviewer, '1.1')));
    changeStatus(t.db, {
      commitmentId: cid,
      at: now.toISOString(),
      kind: 'status',
      from: 'open',
      to: 'overdue',
      reason: 'r',
    });
    const waiting = enqueueAlert(t.db, {
      key: `${cid}|reminder|2024-05-20`,
      commitmentId: cid,
      kind: 'reminder',
      channel: 'C0FOLLOW01',
      now: now.toISOString(),
      payload: {
        kind: 'reminder',
        raisedAt: now.toISOString(),
        commitment: { id: cid, title: 'C', status: 'overdue', owners: [], sourceUrl: 'https://www.gov.uk/x' },
      },
    });
    const view = {
      type: 'modal',
      callback_id: 'followthrough_resolve',
      private_metadata: JSON.stringify({ c: cid }),
    };
    const submission = viewSubmission(view, reviewer, { status: 'dropped', note: 'Abandoned' }, 'VFIXED01');
    expect((await settle(h.interactive(submission))).ack).toEqual({});
    expect((await settle(h.interactive(submission))).ack).toEqual({});
    expect(getCommitmentState(t.db, cid)!.status).toBe('dropped');
    expect(listOutbox(t.db).find((r) => r.alertId === waiting.alertId)!.state).toBe('cancelled');
    expect(listEvents(t.db, cid).filter((e) => e.kind === 'resolve')).toHaveLength(1);

    await settle(h.interactive(press('followthrough_reopen', encodeCommitmentAction(cid), reviewer, '2.2')));
    expect(getCommitmentState(t.db, cid)!.status).toBe('overdue');
    expect(replies().map((r) => r.payload.reply?.action)).toEqual(['snooze', 'resolve', 'reopen']);
    // Reopen on what is not resolved: said privately, nothing recorded.
    await settle(h.interactive(press('followthrough_reopen', encodeCommitmentAction(cid), reviewer, '3.3')));
    expect(String(fake.callsTo('chat.postEphemeral').at(-1)!.body.text)).toContain('nothing to reopen');
    expect(listSlackActions(t.db, cid).map((a) => a.kind)).toEqual(['snooze', 'resolve', 'reopen']);
  });

  it('the modal refuses a person not in slack.reviewers, and a bad form, beside the fields', async () => {
    const view = {
      type: 'modal',
      callback_id: 'followthrough_resolve',
      private_metadata: JSON.stringify({ c: cid }),
    };
    const stranger = await settle(
      app([reviewer]).interactive(viewSubmission(view, 'U0STRANGE', { status: 'met' })),
    );
    expect(stranger.ack).toMatchObject({
      response_action: 'errors',
      errors: { status: expect.stringContaining('U0REVIEW1') },
    });
    const noStatus = await settle(app().interactive(viewSubmission(view, reviewer, {})));
    expect(noStatus.ack).toEqual({ response_action: 'errors', errors: { status: 'Choose an outcome.' } });
    expect(getCommitmentState(t.db, cid)).toBeUndefined();
  });

  it('buttons naming what is not watched or not stored, and other apps’ actions, change nothing', async () => {
    const h = app();
    await settle(h.interactive(press('followthrough_snooze', encodeCommitmentAction('gone'))));
    await settle(
      h.interactive(
        press(
          'followthrough_evidence',
          encodeItemAction({ commitmentId: cid, itemUrl: 'https://www.gov.uk/nope' }),
        ),
      ),
    );
    expect((await settle(h.interactive(press('another_app_button', 'x')))).ack).toEqual({});
    const told = fake.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    expect(told).toEqual([
      expect.stringContaining('no longer watched'),
      expect.stringContaining('not in followthrough’s store'),
    ]);
    expect(listOutbox(t.db)).toEqual([]);
    expect(deliveries).toBe(0);
  });

  it('Resolve… opens the modal once for a press delivered twice', async () => {
    const h = app();
    const p = press('followthrough_resolve', encodeCommitmentAction(cid), reviewer, '9.9');
    await settle(h.interactive(p));
    await settle(h.interactive(p));
    expect(fake.callsTo('views.open')).toHaveLength(1);
    expect(fake.callsTo('views.open')[0]!.body).toMatchObject({ trigger_id: 'trigger-1' });
  });

  it('/followthrough: unknown words get the help and the ids', async () => {
    const a = await settle(
      app().slashCommand({ command: '/followthrough', text: 'show nope', user_id: 'U1', channel_id: 'C1' }),
    );
    expect(a.ack.response_type).toBe('ephemeral');
    expect(JSON.stringify(a.ack.blocks)).toContain('`customs-partnership`');
    expect(log.records.some((r) => r.event === 'slack.command')).toBe(true);
  });
});
