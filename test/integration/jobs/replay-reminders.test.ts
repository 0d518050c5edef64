// Calm over a long silence: replaying March 2024 to November 2025 — eighteen months in which the
// seed commitment customs-partnership (due April 2024) stays overdue — then delivering everything it
// raised into the fake Slack through the real delivery job. Before the back-off this was 77 "Still
// overdue" posts, each broadcast to the channel; now at most 8 reminders, all in the thread, and one
// broadcast (the overdue alert).

import { afterEach, beforeEach, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCommitments } from '../../../src/config/load-commitments.ts';
import { readHistoryFile } from '../../../src/eval/history-file.ts';
import { replay } from '../../../src/eval/replay.ts';
import { fixedClock } from '../../../src/jobs/clock.ts';
import { deliver } from '../../../src/jobs/deliver.ts';
import { createMemoryLogger } from '../../../src/log.ts';
import { createSlackClients } from '../../../src/slack/slack-client.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { listOutbox } from '../../../src/store/outbox-table.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { repoRoot } from '../../support/run-cli.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';

let fake: FakeSlack;
let t: TempDb;
beforeEach(async () => {
  fake = await startFakeSlack({ token: 'xoxb-t' });
  t = tempDb();
  t.db.close();
});
afterEach(async () => {
  await fake.close();
  t.cleanup();
});

it('eighteen months overdue: at most 8 reminder posts, none broadcast, and one broadcast overdue alert', async () => {
  const config = testConfig({
    slack: { channel: 'C0FOLLOW01', reminderDays: 7, reminderMaxDays: 112, reviewers: [] },
  });
  const commitments = loadCommitments(join(repoRoot, 'config', 'commitments.yaml'), { staleDays: 90 }).filter(
    (c) => c.id === 'customs-partnership',
  );
  const items = readHistoryFile(join(repoRoot, 'test/fixtures/history/small-history.jsonl'));
  const database = join(t.dir, 'replay.db');
  const result = replay({ config, commitments, items, from: '2024-03-01', to: '2025-11-30', database });
  expect(result.commitments[0]).toMatchObject({
    id: 'customs-partnership',
    overdueOn: '2024-05-08',
    finalStatus: 'overdue',
  });

  const db = openStore(database);
  try {
    const raised = listOutbox(db);
    const reminders = raised.filter((r) => r.kind === 'reminder');
    // 7, 14, 28, 56, 112, 112, 112, 112 days apart, counted from the overdue alert on 2024-05-08.
    expect(reminders.map((r) => r.createdAt.slice(0, 10))).toEqual(
      [
        '2024-05-15',
        '2024-05-29',
        '2024-06-26',
        '2024-08-21',
        '2024-12-11',
        '2025-04-02',
        '2025-07-23',
        '2025-11-12',
      ].slice(0, reminders.length),
    );
    expect(reminders.length).toBeLessThanOrEqual(8);

    await deliver(config, commitments, {
      db,
      log: createMemoryLogger(),
      clock: fixedClock(new Date('2025-11-30T12:00:00Z')),
      slack: createSlackClients({ token: 'xoxb-t', slackApiUrl: fake.url }),
      sleep: async () => {},
    });
    const posted = fake
      .messages('C0FOLLOW01')
      .filter((m) => m.metadata?.event_type === 'followthrough_alert');
    const kind = (k: string) => posted.filter((m) => m.metadata!.event_payload.kind === k);
    expect(kind('reminder')).toHaveLength(reminders.length);
    expect(kind('reminder').every((m) => m.thread_ts && !m.reply_broadcast)).toBe(true);
    expect(kind('overdue')).toHaveLength(1);
    const broadcast = posted.filter((m) => m.reply_broadcast);
    expect(broadcast.map((m) => m.metadata!.event_payload.kind)).toEqual(['overdue']);
    expect(fake.messages('C0FOLLOW01').filter((m) => !m.thread_ts)).toHaveLength(1); // the card alone
  } finally {
    db.close();
  }
});

it('the same replay with a fixed weekly gap (reminder_max_days = reminder_days, the old behaviour) raises a reminder a week', () => {
  const config = testConfig({
    slack: { channel: 'C0FOLLOW01', reminderDays: 7, reminderMaxDays: 7, reviewers: [] },
  });
  const commitments = loadCommitments(join(repoRoot, 'config', 'commitments.yaml'), { staleDays: 90 }).filter(
    (c) => c.id === 'customs-partnership',
  );
  const result = replay({ config, commitments, items: [], from: '2024-03-01', to: '2025-11-30' });
  const reminders = result.weeks.flatMap((w) => w.alerts).filter((a) => a.kind === 'reminder');
  expect(reminders).toHaveLength(81);
});
