// "For review" in the weekly digest, from a real store: the items the poll raised for review in the
// week, per commitment, with the reason recorded when they were raised; an item a person has judged
// (evidence or not related) leaves it, and a later week does not list them again.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestWeekByLabel } from '../../../src/digest/digest-week.ts';
import { renderDigestMarkdown } from '../../../src/digest/render-markdown.ts';
import type { FeedItem } from '../../../src/feeds/feed-item.ts';
import { fixedClock } from '../../../src/jobs/clock.ts';
import { matchPending } from '../../../src/jobs/match-pending.ts';
import { recordVerdict } from '../../../src/jobs/record-verdict.ts';
import { buildWeekDigest } from '../../../src/jobs/send-digest.ts';
import { syncCommitments } from '../../../src/jobs/sync-commitments.ts';
import { silentLogger } from '../../../src/log.ts';
import { upsertItems } from '../../../src/store/items-table.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';
import { customs, pressRelease } from '../../support/review-fixtures.ts';

const item = pressRelease;

let t: TempDb;
const config = testConfig();
beforeEach(() => {
  t = tempDb();
  syncCommitments(config, [customs], {
    db: t.db,
    log: silentLogger,
    clock: fixedClock(new Date('2024-05-01')),
  });
});
afterEach(() => t.cleanup());

const poll = (items: FeedItem[], now: string) => {
  upsertItems(t.db, 'home-office', items, now, 'live');
  matchPending(config, [customs], { db: t.db, log: silentLogger, clock: fixedClock(new Date(now)) });
};
const digest = (label: string, now: string) =>
  buildWeekDigest(
    config,
    [customs],
    t.db,
    digestWeekByLabel(label, config.timezone),
    config.slack.channel,
    new Date(now),
  );

describe('For review in the weekly digest', () => {
  it('lists what was raised in the week and not judged; a verdict takes an item out', () => {
    const seized = item('seized', 'Shipments of boat materials seized at the port', '2024-05-07');
    const stopped = item('stopped', 'Shipments of small boat materials stopped', '2024-05-08');
    poll([seized], '2024-05-07T10:00:00Z');
    poll([stopped], '2024-05-08T10:00:00Z');

    const before = digest('2024-W19', '2024-05-13T08:00:00Z');
    const entry = before.forReview?.entries[0];
    expect(entry?.id).toBe(customs.id);
    expect(entry?.items.map((i) => i.url).sort()).toEqual([seized.url, stopped.url].sort());
    for (const i of entry!.items)
      expect(i.reason.filter((p) => p.hit).map((p) => p.text)).toContain('shipments');
    expect(renderDigestMarkdown(before)).toContain('## For review (1)');

    recordVerdict(t.db, {
      commitmentId: customs.id,
      itemUrl: seized.url,
      verdict: 'not-related',
      actor: 'ana',
      at: new Date('2024-05-10T12:00:00Z'),
      via: 'cli',
    });
    expect(digest('2024-W19', '2024-05-13T08:00:00Z').forReview?.entries[0]?.items.map((i) => i.url)).toEqual(
      [stopped.url],
    );
    recordVerdict(t.db, {
      commitmentId: customs.id,
      itemUrl: stopped.url,
      verdict: 'evidence',
      actor: 'ana',
      at: new Date('2024-05-10T12:05:00Z'),
      via: 'cli',
    });
    const after = digest('2024-W19', '2024-05-13T08:00:00Z');
    expect(after.forReview).toBeUndefined();
    expect(renderDigestMarkdown(after)).not.toContain('For review');
    // Confirmed, it is evidence of the week instead.
    expect(
      after.sections.find((s) => s.id === 'new-evidence')?.entries[0]?.evidence.map((e) => e.url),
    ).toEqual([stopped.url]);
  });

  it('a later week does not list the items of an earlier one', () => {
    poll(
      [item('seized', 'Shipments of boat materials seized at the port', '2024-05-07')],
      '2024-05-07T10:00:00Z',
    );
    expect(digest('2024-W19', '2024-05-13T08:00:00Z').forReview?.entries).toHaveLength(1);
    expect(digest('2024-W20', '2024-05-20T08:00:00Z').forReview).toBeUndefined();
  });
});
