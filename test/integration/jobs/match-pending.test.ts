// Matching stored items against commitments in a temp database: recorded once, revised (not
// duplicated) after a major update, alerted once, summaries for history, the announcement itself
// never evidence.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Commitment } from '../../../src/commitments/commitment.ts';
import type { FeedItem } from '../../../src/feeds/feed-item.ts';
import { fixedClock } from '../../../src/jobs/clock.ts';
import { matchPending } from '../../../src/jobs/match-pending.ts';
import { recordVerdict } from '../../../src/jobs/record-verdict.ts';
import { syncCommitments } from '../../../src/jobs/sync-commitments.ts';
import { silentLogger } from '../../../src/log.ts';
import { getCommitmentState } from '../../../src/store/commitment-state-table.ts';
import { upsertItems, type ItemOrigin } from '../../../src/store/items-table.ts';
import { allMatches } from '../../../src/store/matches-table.ts';
import { listOutbox } from '../../../src/store/outbox-table.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { testConfig } from '../../support/test-config.ts';

const customs: Commitment = {
  id: 'customs-partnership',
  title: 'Customs partnership',
  source: {
    url: 'https://www.gov.uk/government/news/calais-group',
    published: '2024-03-05',
    quote: 'will lead a new customs partnership',
  },
  owners: ['UK', 'France'],
  due: { text: '2024-04', lastDay: '2024-04-30' },
  graceDays: 7,
  staleDays: 90,
  match: { any: ['customs partnership', 'customs AND small boat'], exclude: ['statistics'] },
  fulfilment: ['customs partnership AND launched'],
};

const item = (slug: string, title: string, summary: string, updatedAt: string): FeedItem => ({
  path: `/government/news/${slug}`,
  url: `https://www.gov.uk/government/news/${slug}`,
  title,
  displayType: 'Press release',
  summary,
  updatedAt,
});

let t: TempDb;
const config = testConfig();
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const at = (iso: string) => new Date(iso);
const store = (items: FeedItem[], now: string, origin: ItemOrigin = 'live') =>
  upsertItems(t.db, 'home-office', items, now, origin);
const match = (now: string) =>
  matchPending(config, [customs], { db: t.db, log: silentLogger, clock: fixedClock(at(now)) });

describe('matchPending', () => {
  beforeEach(() =>
    syncCommitments(config, [customs], {
      db: t.db,
      log: silentLogger,
      clock: fixedClock(at('2024-03-05T10:00:00Z')),
    }),
  );

  it('records a live match with its reason and enqueues one progress alert', () => {
    store(
      [
        item(
          'talks',
          'Customs partnership talks begin',
          'UK and France met partners.',
          '2024-04-10T08:30:00.000Z',
        ),
      ],
      '2024-04-10T09:00:00.000Z',
    );
    expect(match('2024-04-10T09:00:00Z')).toEqual({ items: 1, matches: 1, alerts: 1 });
    const [m] = allMatches(t.db);
    expect(m).toMatchObject({
      commitmentId: 'customs-partnership',
      kind: 'progress',
      origin: 'live',
      updateCount: 0,
    });
    expect(m!.why.rule).toBe('customs partnership');
    expect(m!.why.hits).toEqual([
      expect.objectContaining({ term: 'customs partnership', fields: ['title'] }),
    ]);
    const [a] = listOutbox(t.db);
    expect(a).toMatchObject({
      kind: 'progress',
      commitmentId: 'customs-partnership',
      channel: '#followthrough',
      alertKey: 'customs-partnership|item:/government/news/talks|progress',
    });
    expect(a!.payload.item).toMatchObject({
      title: 'Customs partnership talks begin',
      url: 'https://www.gov.uk/government/news/talks',
    });
    expect(getCommitmentState(t.db, 'customs-partnership')!.lastEvidenceAt).toBe('2024-04-10T08:30:00.000Z');
    // nothing pending: a second run does nothing
    expect(match('2024-04-10T09:15:00Z')).toEqual({ items: 0, matches: 0, alerts: 0 });
  });

  it('an item a person marked not related is not raised again, even when a major update turns it into a possible fulfilment', () => {
    store(
      [item('talks', 'Customs partnership talks begin', '', '2024-04-10T08:30:00.000Z')],
      '2024-04-10T09:00:00.000Z',
    );
    match('2024-04-10T09:00:00Z');
    recordVerdict(t.db, {
      commitmentId: 'customs-partnership',
      itemUrl: 'https://www.gov.uk/government/news/talks',
      verdict: 'not-related',
      actor: 'ana',
      at: at('2024-04-10T10:00:00Z'),
      via: 'cli',
    });
    store(
      [item('talks', 'Customs partnership launched', 'It was launched.', '2024-04-11T08:30:00.000Z')],
      '2024-04-11T09:00:00.000Z',
    );
    expect(match('2024-04-11T09:00:00Z')).toEqual({ items: 1, matches: 0, alerts: 0 });
    expect(listOutbox(t.db).map((a) => a.kind)).toEqual(['progress']);
    expect(allMatches(t.db)[0]).toMatchObject({ kind: 'progress', verdict: 'not-related' });
  });

  it('a major update re-matches as an update of the same match; a new alert only when it becomes possible fulfilment', () => {
    store(
      [item('talks', 'Customs partnership talks begin', '', '2024-04-10T08:30:00.000Z')],
      '2024-04-10T09:00:00.000Z',
    );
    match('2024-04-10T09:00:00Z');
    store(
      [
        item(
          'talks',
          'Customs partnership talks: update',
          'More countries joined.',
          '2024-04-11T08:30:00.000Z',
        ),
      ],
      '2024-04-11T09:00:00.000Z',
    );
    expect(match('2024-04-11T09:00:00Z')).toEqual({ items: 1, matches: 1, alerts: 0 });
    expect(allMatches(t.db)).toHaveLength(1);
    expect(allMatches(t.db)[0]).toMatchObject({ updateCount: 1, updatedAt: '2024-04-11T09:00:00.000Z' });
    expect(listOutbox(t.db)).toHaveLength(1);

    store(
      [item('talks', 'Customs partnership launched', '', '2024-04-20T08:30:00.000Z')],
      '2024-04-20T09:00:00.000Z',
    );
    expect(match('2024-04-20T09:00:00Z')).toMatchObject({ matches: 1, alerts: 1 });
    expect(allMatches(t.db)).toHaveLength(1);
    expect(allMatches(t.db)[0]).toMatchObject({ kind: 'possible-fulfilment', updateCount: 2 });
    expect(listOutbox(t.db).map((a) => a.kind)).toEqual(['progress', 'possible-fulfilment']);
    expect(listOutbox(t.db)[1]!.payload.item!.majorUpdate).toBe(true);
  });

  it('items before the announcement, excluded items and the announcement itself are not evidence', () => {
    store(
      [
        item('old', 'Customs partnership history', '', '2024-03-01T08:30:00.000Z'),
        item('stats', 'Customs partnership statistics', '', '2024-04-01T08:30:00.000Z'),
        { ...item('calais-group', 'Calais Group: customs partnership', '', '2024-03-05T09:30:00.000Z') },
      ],
      '2024-04-02T09:00:00.000Z',
    );
    expect(match('2024-04-02T09:00:00Z')).toEqual({ items: 3, matches: 0, alerts: 0 });
  });

  it('baseline items are reported as one summary, not a burst', () => {
    store(
      [
        item('a', 'Customs partnership meeting', '', '2024-04-10T08:30:00.000Z'),
        item('b', 'Customs officers stop small boat engines', '', '2024-04-11T08:30:00.000Z'),
      ],
      '2024-04-12T09:00:00.000Z',
      'baseline',
    );
    expect(match('2024-04-12T09:00:00Z')).toEqual({ items: 2, matches: 2, alerts: 1 });
    const [summary] = listOutbox(t.db);
    expect(summary!.kind).toBe('summary');
    expect(summary!.payload.summaryOrigin).toBe('baseline');
    expect(summary!.payload.summaryItems!.map((s) => s.item.title)).toEqual([
      'Customs officers stop small boat engines',
      'Customs partnership meeting',
    ]);
  });
});

describe('syncCommitments', () => {
  it('a new commitment is matched against stored history at once, as one summary', () => {
    store(
      [item('a', 'Customs partnership meeting', '', '2024-04-10T08:30:00.000Z')],
      '2024-04-10T09:00:00.000Z',
    );
    matchPending(config, [], { db: t.db, log: silentLogger, clock: fixedClock(at('2024-04-10T09:00:00Z')) }); // not yet watched: nothing
    const report = syncCommitments(config, [customs], {
      db: t.db,
      log: silentLogger,
      clock: fixedClock(at('2024-04-15T10:00:00Z')),
    });
    expect(report).toMatchObject({ added: ['customs-partnership'], historyMatches: 1 });
    expect(listOutbox(t.db).map((a) => [a.kind, a.payload.summaryOrigin])).toEqual([['summary', 'history']]);
    // unchanged rules: nothing more; changed rules: caught up again
    expect(
      syncCommitments(config, [customs], {
        db: t.db,
        log: silentLogger,
        clock: fixedClock(at('2024-04-16T10:00:00Z')),
      }).historyMatches,
    ).toBe(0);
    store(
      [item('b', 'Small boat customs checks', '', '2024-04-11T08:30:00.000Z')],
      '2024-04-11T09:00:00.000Z',
    );
    const widened = {
      ...customs,
      match: { ...customs.match, any: [...customs.match.any, 'customs checks'] },
    };
    expect(
      syncCommitments(config, [widened], {
        db: t.db,
        log: silentLogger,
        clock: fixedClock(at('2024-04-17T10:00:00Z')),
      }),
    ).toMatchObject({ rulesChanged: ['customs-partnership'], historyMatches: 1 });
  });
});
