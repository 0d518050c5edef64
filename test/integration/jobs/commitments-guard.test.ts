// An emptied commitments file is not an edit: a file that would stop watching every commitment,
// or more than half at once, is refused like a broken one (the last valid set stays in force,
// one notice, status shows it) until the change is confirmed — `commitments remove` or an explicit
// `commitments: []`. Items polled meanwhile are matched against the set in force, and nothing is
// ever marked matched against a set that was not validated.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../src/feeds/feed-item.ts';
import { collectStatus } from '../../../src/jobs/collect-status.ts';
import { confirmRemoval, loadWatched } from '../../../src/jobs/load-watched.ts';
import { runCycle } from '../../../src/jobs/run-cycle.ts';
import { createMemoryLogger } from '../../../src/log.ts';
import { upsertItems } from '../../../src/store/items-table.ts';
import { allMatches } from '../../../src/store/matches-table.ts';
import { listOutbox } from '../../../src/store/outbox-table.ts';
import { repoRoot } from '../../support/run-cli.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';

let t: TempDb;
let file: string;
let log: ReturnType<typeof createMemoryLogger>;
const shipped = readFileSync(join(repoRoot, 'config/commitments.yaml'), 'utf8');

beforeEach(() => {
  t = tempDb();
  file = join(t.dir, 'commitments.yaml');
  copyFileSync(join(repoRoot, 'config/commitments.yaml'), file);
  log = createMemoryLogger();
});
afterEach(() => t.cleanup());

const config = () => testConfig({ commitmentsFile: file });
const cycle = (now: string) =>
  runCycle(
    config(),
    {
      db: t.db,
      log,
      clock: () => new Date(now),
      fetchFeed: async () => {
        throw new Error('no feeds in this test');
      },
      slack: null,
      sleep: async () => {},
      console: () => {},
    },
    { poll: false, status: true, deliver: false },
  );
const customsItem = (n: number, at: string): FeedItem => ({
  path: `/government/news/customs-partnership-talks-${n}`,
  url: `https://www.gov.uk/government/news/customs-partnership-talks-${n}`,
  title: `UK and France hold customs partnership talks, round ${n}`,
  displayType: 'Press release',
  summary: 'Calais Group customs agencies met to disrupt small boat supply chains.',
  updatedAt: at,
});
const poll = (n: number, at: string) => upsertItems(t.db, 'home-office', [customsItem(n, at)], at, 'live');
const evidence = () => allMatches(t.db).filter((m) => m.commitmentId === 'customs-partnership').length;
const notices = () => listOutbox(t.db).filter((r) => r.kind === 'notice');

describe('a commitments file that would drop too much', () => {
  for (const [name, text] of [
    ['empty', ''],
    ['comments only', '# commitments moved elsewhere\n'],
    ['an empty key', 'commitments:\n'],
  ] as const) {
    it(`${name}: refused, the last set stays in force, and items polled meanwhile still become evidence`, async () => {
      await cycle('2024-04-01T09:00:00Z');
      writeFileSync(file, text);
      poll(1, '2024-04-02T08:00:00Z');
      poll(2, '2024-04-02T08:30:00Z');
      const refused = await cycle('2024-04-02T09:00:00Z');
      expect(refused.commitments.map((c) => c.id)).toContain('customs-partnership');
      expect(refused.commitmentsProblem).toMatch(/stop watching all 4/);
      expect(refused.match.matches).toBe(2);
      expect(evidence()).toBe(2);
      await cycle('2024-04-02T09:15:00Z');
      expect(notices()).toHaveLength(1);
      expect(JSON.stringify(notices()[0]!.payload)).toContain('commitments remove');
      const status = collectStatus(config(), t.db, new Date('2024-04-02T09:15:00Z'));
      expect(status.commitmentsFileProblem?.detail).toMatch(/stop watching all 4/);

      // the file comes back: nothing was lost, and the problem clears
      writeFileSync(file, shipped);
      const back = await cycle('2024-04-03T09:00:00Z');
      expect(back.commitmentsProblem).toBeUndefined();
      expect(evidence()).toBe(2);
      expect(
        collectStatus(config(), t.db, new Date('2024-04-03T09:00:00Z')).commitmentsFileProblem,
      ).toBeNull();
    });
  }

  it('dropping more than half at once is refused; half is an edit', async () => {
    await cycle('2024-04-01T09:00:00Z');
    const keepOnly = (ids: string[]) => {
      const blocks = shipped.split(/(?=\n {2}- id: )/);
      writeFileSync(
        file,
        blocks.filter((b, i) => i === 0 || ids.some((id) => b.includes(`- id: ${id}\n`))).join(''),
      );
    };
    keepOnly(['customs-partnership']);
    const three = await cycle('2024-04-02T09:00:00Z');
    expect(three.commitmentsProblem).toMatch(/stop watching 3 of 4 commitments/);
    expect(three.commitments).toHaveLength(4);
    keepOnly(['customs-partnership', 'frontex']);
    const two = await cycle('2024-04-03T09:00:00Z');
    expect(two.commitmentsProblem).toBeUndefined();
    expect(two.commitments.map((c) => c.id).sort()).toEqual(['customs-partnership', 'frontex']);
  });

  it('an explicit `commitments: []` is a confirmed change, and a commitment that comes back catches up', async () => {
    await cycle('2024-04-01T09:00:00Z');
    writeFileSync(file, 'commitments: []\n');
    const none = await cycle('2024-04-02T09:00:00Z');
    expect(none.commitmentsProblem).toBeUndefined();
    expect(none.commitments).toHaveLength(0);
    // polled while nothing was watched: matched against the (validated) empty set
    poll(3, '2024-04-02T10:00:00Z');
    await cycle('2024-04-02T11:00:00Z');
    writeFileSync(file, shipped);
    await cycle('2024-04-03T09:00:00Z');
    // the returning commitment was caught up over stored history: the item is evidence
    expect(evidence()).toBe(1);
  });

  it('`commitments remove` confirms a removal the worker refused', async () => {
    await cycle('2024-04-01T09:00:00Z');
    writeFileSync(file, '');
    expect((await cycle('2024-04-02T09:00:00Z')).commitmentsProblem).toBeTruthy();
    for (const id of ['customs-partnership', 'deterrent-measures', 'social-media'])
      expect(confirmRemoval(t.db, id, new Date('2024-04-02T10:00:00Z'))).toBe(true);
    // one left in force: dropping it is dropping all, so the empty file is still refused
    expect((await cycle('2024-04-02T11:00:00Z')).commitments.map((c) => c.id)).toEqual(['frontex']);
    expect(confirmRemoval(t.db, 'frontex', new Date('2024-04-02T12:00:00Z'))).toBe(true);
    const after = await cycle('2024-04-02T13:00:00Z');
    expect(after.commitmentsProblem).toBeUndefined();
    expect(after.commitments).toHaveLength(0);
  });
});

describe('a first run', () => {
  it('with an empty file matches nothing: items wait, and are matched once commitments arrive', async () => {
    writeFileSync(file, '');
    poll(4, '2024-04-02T08:00:00Z');
    const first = await cycle('2024-04-02T09:00:00Z');
    expect(first.matchSkipped).toMatch(/wait to be matched/);
    expect(first.commitmentsProblem).toMatch(/no commitments/);
    expect(collectStatus(config(), t.db, new Date('2024-04-02T09:00:00Z')).items.pending).toBe(1);
    writeFileSync(file, shipped);
    const second = await cycle('2024-04-03T09:00:00Z');
    expect(second.matchSkipped).toBeUndefined();
    expect(evidence()).toBe(1);
  });
});

describe('reloading', () => {
  it('parses the file only when its content changed, and not again after a restart', async () => {
    await cycle('2024-04-01T09:00:00Z');
    const loaded = () => log.records.filter((r) => r.event === 'commitments.loaded').length;
    expect(loaded()).toBe(1);
    await cycle('2024-04-01T09:15:00Z');
    await cycle('2024-04-01T09:30:00Z');
    expect(loaded()).toBe(1);
    // another process (a restart) with the same file: the saved set, no parse
    const again = loadWatched(config(), { db: t.db, log, clock: () => new Date('2024-04-01T10:00:00Z') });
    expect(again.commitments).toHaveLength(4);
    writeFileSync(file, shipped.replace('    due: 2024-04\n', '    due: 2024-06\n'));
    const changed = await cycle('2024-04-01T10:15:00Z');
    expect(loaded()).toBe(2);
    expect(changed.commitments.find((c) => c.id === 'customs-partnership')?.due?.text).toBe('2024-06');
  });
});
