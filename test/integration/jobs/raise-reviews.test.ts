// The review tier inside the poll's matching, on a real database: an item no rule matched but that
// shares the commitment's mechanism is recorded as `related`, presented once in one review message
// (kind review, one line and two buttons per item, item_urls in metadata), never counted as evidence
// until a person says so, never raised again once marked not related, and kept to the weekly cap.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Commitment } from '../../../src/commitments/commitment.ts';
import type { FeedItem } from '../../../src/feeds/feed-item.ts';
import { fixedClock } from '../../../src/jobs/clock.ts';
import { matchPending } from '../../../src/jobs/match-pending.ts';
import { localWeekOf, maxPerWeek } from '../../../src/jobs/raise-reviews.ts';
import { recordVerdict } from '../../../src/jobs/record-verdict.ts';
import { syncCommitments } from '../../../src/jobs/sync-commitments.ts';
import { silentLogger } from '../../../src/log.ts';
import { buildAlertMessage } from '../../../src/slack/build-alert.ts';
import { upsertItems } from '../../../src/store/items-table.ts';
import { allMatches, countEvidence } from '../../../src/store/matches-table.ts';
import { listOutbox } from '../../../src/store/outbox-table.ts';
import { reviewsRaisedBetween } from '../../../src/store/review-queries.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';
import { customs as reviewCommitment, pressRelease } from '../../support/review-fixtures.ts';

const customs: Commitment = {
  ...reviewCommitment,
  match: { any: ['customs partnership', 'engines AND small boat*'], exclude: ['statistics'] },
};

const item = (slug: string, title: string, summary: string, day: string): FeedItem =>
  pressRelease(slug, title, day, summary);

// No rule line matches it: no "customs partnership", no "engines".
const seizure = item(
  'seizure',
  'Shipments of boat materials seized on their way to the Channel',
  'Officers disrupted shipments of small boat materials bound for people smugglers.',
  '2024-05-07',
);
const statistics = item(
  'stats',
  'Small boat arrivals statistics',
  'Statistics on shipments of small boat materials and crossings of the English Channel.',
  '2024-05-07',
);
const crossing = item(
  'crossing',
  'Migrants cross the English Channel',
  'Small boats crossed the Channel.',
  '2024-05-07',
);

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
  return matchPending(config, [customs], { db: t.db, log: silentLogger, clock: fixedClock(new Date(now)) });
};

describe('the review tier in a poll', () => {
  it('raises what shares the mechanism, not what shares only the topic, and presents it once', () => {
    poll([seizure, statistics, crossing], '2024-05-07T10:00:00Z');
    const related = allMatches(t.db).filter((m) => m.kind === 'related');
    // The statistics release is excluded by the commitment's own rule; the crossing shares only the topic.
    expect(related.map((m) => m.path)).toEqual(['/government/news/seizure']);
    expect(related[0]!.why.review?.mechanism).toEqual(expect.arrayContaining(['shipments']));
    expect(countEvidence(t.db, customs.id)).toBe(0);

    const reviews = listOutbox(t.db).filter((r) => r.kind === 'review');
    expect(reviews).toHaveLength(1);
    const msg = buildAlertMessage(reviews[0]!.payload, { timeZone: 'Europe/London', interactive: true });
    expect(msg.blocks.some((b) => b.type === 'header')).toBe(false);
    expect(msg.blocks.filter((b) => b.type === 'actions')).toHaveLength(1);
    // Without the Slack app: no buttons that nothing answers, the command instead.
    const plain = buildAlertMessage(reviews[0]!.payload, { timeZone: 'Europe/London' });
    expect(plain.blocks.filter((b) => b.type === 'actions')).toHaveLength(0);
    expect(JSON.stringify(plain.blocks)).toContain(
      'npx followthrough commitments review customs-partnership',
    );
    expect(msg.metadata?.event_payload).toMatchObject({
      commitment_id: customs.id,
      kind: 'review',
      item_urls: [seizure.url],
    });
    expect(JSON.stringify(msg.blocks)).toContain('*shipments*');

    // The next poll presents nothing again.
    poll([], '2024-05-07T10:15:00Z');
    expect(listOutbox(t.db).filter((r) => r.kind === 'review')).toHaveLength(1);
  });

  it('a review item counts once a person says it is evidence; one marked not related is never raised again', () => {
    poll([seizure], '2024-05-07T10:00:00Z');
    recordVerdict(t.db, {
      commitmentId: customs.id,
      itemUrl: seizure.url,
      verdict: 'evidence',
      actor: 'ana',
      at: new Date('2024-05-07T11:00:00Z'),
      via: 'cli',
    });
    expect(countEvidence(t.db, customs.id)).toBe(1);
    recordVerdict(t.db, {
      commitmentId: customs.id,
      itemUrl: seizure.url,
      verdict: 'not-related',
      actor: 'ana',
      at: new Date('2024-05-07T12:00:00Z'),
      via: 'cli',
    });
    // A major update makes it pending again: it is not raised again.
    poll([{ ...seizure, updatedAt: '2024-05-08T09:30:00.000Z' }], '2024-05-08T10:00:00Z');
    expect(listOutbox(t.db).filter((r) => r.kind === 'review')).toHaveLength(1);
    expect(countEvidence(t.db, customs.id)).toBe(0);
  });

  it('keeps to the weekly cap, the best first', () => {
    const many = [1, 2, 3, 4].map((n) =>
      item(
        `s${n}`,
        `Shipments of boat materials seized ${n}`,
        'Officers disrupted shipments of materials.',
        '2024-05-07',
      ),
    );
    poll(many, '2024-05-07T10:00:00Z');
    poll(
      [item('s5', 'Shipments of boat materials seized again', 'Shipments disrupted.', '2024-05-08')],
      '2024-05-08T10:00:00Z',
    );
    expect(allMatches(t.db).filter((m) => m.kind === 'related')).toHaveLength(maxPerWeek);
    // A new week has room again.
    poll(
      [item('s6', 'Shipments of boat materials seized once more', 'Shipments disrupted.', '2024-05-14')],
      '2024-05-14T10:00:00Z',
    );
    expect(allMatches(t.db).filter((m) => m.kind === 'related')).toHaveLength(maxPerWeek + 1);
  });

  it('counts the cap over the local week of now only: rows of a later week do not fill an earlier one', () => {
    const shipments = (slug: string, day: string) =>
      item(
        slug,
        `Shipments of boat materials seized ${slug}`,
        'Officers disrupted shipments of materials.',
        day,
      );
    // A later week first (a store replayed with --now, or a clock set back): two raised on 14 May.
    poll([shipments('late-1', '2024-05-14'), shipments('late-2', '2024-05-14')], '2024-05-14T10:00:00Z');
    expect(allMatches(t.db).filter((m) => m.kind === 'related')).toHaveLength(2);
    // The week of 6 May has room of its own.
    poll([shipments('early-1', '2024-05-07')], '2024-05-08T10:00:00Z');
    const related = allMatches(t.db).filter((m) => m.kind === 'related');
    expect(related.map((m) => m.path)).toContain('/government/news/early-1');
    const w = localWeekOf(new Date('2024-05-08T10:00:00Z'), 'Europe/London');
    expect(reviewsRaisedBetween(t.db, customs.id, w.start, w.end)).toBe(1);
  });
});

describe('localWeekOf', () => {
  it('is Monday 00:00 to the next Monday 00:00 local, across a change of the clocks', () => {
    // Sunday 31 March 2024 the clocks go forward: the week of 25 March is 167 hours long.
    expect(localWeekOf(new Date('2024-03-31T22:59:00Z'), 'Europe/London')).toEqual({
      start: '2024-03-25T00:00:00.000Z',
      end: '2024-03-31T23:00:00.000Z',
    });
    expect(localWeekOf(new Date('2024-03-31T23:00:00Z'), 'Europe/London')).toEqual({
      start: '2024-03-31T23:00:00.000Z',
      end: '2024-04-07T23:00:00.000Z',
    });
  });
});
