// A first run on a machine installed long after the seed commitment fell due: the commitment is
// reported once, plainly, as overdue ("overdue since 8 May 2024"), with no due-soon notice and
// no reminder on top; the alert builders say so in words, not as hundreds of days.

import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCycle } from '../../../src/jobs/run-cycle.ts';
import { silentLogger } from '../../../src/log.ts';
import { formatConsoleAlert } from '../../../src/slack/console-sink.ts';
import { buildAlertMessage } from '../../../src/slack/build-alert.ts';
import { listOutbox } from '../../../src/store/outbox-table.ts';
import { repoRoot } from '../../support/run-cli.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';

let t: TempDb;
let file: string;
beforeEach(() => {
  t = tempDb();
  file = join(t.dir, 'commitments.yaml');
  copyFileSync(join(repoRoot, 'config/commitments.yaml'), file);
});
afterEach(() => t.cleanup());

const cycle = (now: string) =>
  runCycle(
    testConfig({ commitmentsFile: file }),
    {
      db: t.db,
      log: silentLogger,
      clock: () => new Date(now),
      fetchFeed: async () => {
        throw new Error('no feeds');
      },
      slack: null,
      sleep: async () => {},
      console: () => {},
    },
    { poll: false, status: true, deliver: false },
  );

it('reports a commitment long past due once, as overdue since the day it became overdue', async () => {
  await cycle('2026-11-30T09:00:00Z');
  await cycle('2026-12-01T09:00:00Z');
  const rows = listOutbox(t.db).filter((r) => r.commitmentId === 'customs-partnership');
  expect(rows.map((r) => r.kind)).toEqual(['overdue']);
  const p = rows[0]!.payload;
  expect(p.overdueSince).toBe('2024-05-08');
  const message = buildAlertMessage(p, { timeZone: 'Europe/London' });
  const shown = JSON.stringify(message.blocks);
  expect(shown).toContain('overdue since 8 May 2024');
  expect(shown).not.toMatch(/\d{3} days? overdue/);
  expect(message.text).toContain('overdue since 8 May 2024');
  const printed = formatConsoleAlert(p, { timeZone: 'Europe/London' });
  expect(printed).toContain('overdue since 8 May 2024');
  expect(printed).not.toMatch(/\d{3} days overdue/);
});

it('one that falls overdue while watched still counts its days', async () => {
  await cycle('2024-04-01T09:00:00Z');
  await cycle('2024-05-10T09:00:00Z');
  const overdue = listOutbox(t.db).find(
    (r) => r.commitmentId === 'customs-partnership' && r.kind === 'overdue',
  );
  expect(overdue?.payload.overdueSince).toBeUndefined();
  expect(overdue?.payload.daysOverdue).toBe(10);
});
