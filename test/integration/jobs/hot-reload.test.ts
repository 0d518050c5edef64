// The worker picks up a changed commitments file on its next cycle without a restart; a broken
// hand edit is reported once (log, status, one Slack notice) and the last valid set stays in force.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchOutcome } from '../../../src/feeds/fetch-feed.ts';
import { collectStatus } from '../../../src/jobs/collect-status.ts';
import { runCycle } from '../../../src/jobs/run-cycle.ts';
import { createMemoryLogger } from '../../../src/log.ts';
import { createSlackClients, type SlackApi } from '../../../src/slack/slack-client.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { repoRoot } from '../../support/run-cli.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';

const token = 'xoxb-test-token';
let t: TempDb;
let fake: FakeSlack;
let slack: SlackApi;
let log: ReturnType<typeof createMemoryLogger>;
let file: string;

beforeEach(async () => {
  t = tempDb();
  file = join(t.dir, 'commitments.yaml');
  copyFileSync(join(repoRoot, 'config/commitments.yaml'), file);
  log = createMemoryLogger();
  fake = await startFakeSlack({ token });
  slack = createSlackClients({ token, slackApiUrl: fake.url, timeoutMs: 1000, logger: log });
});
afterEach(async () => {
  await fake.close();
  t.cleanup();
});

const config = () =>
  testConfig({
    commitmentsFile: file,
    slack: { channel: '#followthrough', reminderDays: 7, reminderMaxDays: 112, reviewers: [] },
  });
const noFetch = async (): Promise<FetchOutcome> => {
  throw new Error('no feeds in this test');
};
const cycle = (now: string) =>
  runCycle(
    config(),
    {
      db: t.db,
      log,
      clock: () => new Date(now),
      fetchFeed: noFetch,
      slack,
      sleep: async () => {},
    },
    { poll: false, status: true, deliver: true },
  );

const notices = () =>
  fake
    .callsTo('chat.postMessage')
    .filter(
      (c) =>
        (c.body.metadata as { event_payload?: { kind?: string } } | undefined)?.event_payload?.kind ===
        'notice',
    );
const edit = (from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

describe('a changed commitments file', () => {
  it('is in force on the next cycle, without a restart', async () => {
    const first = await cycle('2024-04-01T09:00:00Z');
    expect(first.commitments.find((c) => c.id === 'customs-partnership')?.due?.text).toBe('2024-04');
    edit('    due: 2024-04\n', '    due: 2024-06\n');
    const second = await cycle('2024-04-02T09:00:00Z');
    expect(second.commitmentsProblem).toBeUndefined();
    expect(second.commitments.find((c) => c.id === 'customs-partnership')?.due?.text).toBe('2024-06');
  });

  it('when broken by hand: one Slack notice, the problem in status, the last valid set in force', async () => {
    await cycle('2024-04-01T09:00:00Z');
    edit('    due: 2024-04\n', '    due: sometime in April\n');

    const broken = await cycle('2024-04-02T09:00:00Z');
    expect(broken.commitmentsProblem).toMatch(/due/);
    // the valid set from before is still the one matched and checked
    expect(broken.commitments.find((c) => c.id === 'customs-partnership')?.due?.text).toBe('2024-04');
    expect(log.records.some((e) => e.event === 'commitments.invalid')).toBe(true);
    expect(
      collectStatus(config(), t.db, new Date('2024-04-02T09:00:00Z')).commitmentsFileProblem?.detail,
    ).toMatch(/due/);

    // every later cycle with the same problem stays quiet in Slack
    await cycle('2024-04-02T09:15:00Z');
    await cycle('2024-04-02T09:30:00Z');
    expect(notices()).toHaveLength(1);
    const notice = notices()[0]!;
    expect(notice.body.thread_ts).toBeUndefined(); // top level, not in a commitment's thread
    const shown = JSON.stringify(notice.body.blocks);
    expect(shown).toContain('The commitments file has 1 problem');
    expect(shown).toContain('customs-partnership');
    expect(shown).toContain('stays in force');

    // a different mistake is a new notice; fixing the file clears the problem
    edit('    due: sometime in April\n', '    due: 2024-13\n');
    await cycle('2024-04-03T09:00:00Z');
    expect(notices()).toHaveLength(2);
    edit('    due: 2024-13\n', '    due: 2024-05\n');
    const fixed = await cycle('2024-04-04T09:00:00Z');
    expect(fixed.commitmentsProblem).toBeUndefined();
    expect(fixed.commitments.find((c) => c.id === 'customs-partnership')?.due?.text).toBe('2024-05');
    expect(collectStatus(config(), t.db, new Date('2024-04-04T09:00:00Z')).commitmentsFileProblem).toBeNull();

    // the first mistake made again after the fix is announced again, once
    edit('    due: 2024-05\n', '    due: sometime in April\n');
    await cycle('2024-04-05T09:00:00Z');
    await cycle('2024-04-05T09:15:00Z');
    expect(notices()).toHaveLength(3);
  });
});
