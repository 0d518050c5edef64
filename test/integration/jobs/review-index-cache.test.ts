// The review tier's profiles are kept between polls and rebuilt only when what they are built from
// changes: a commitment's words or rules, a verdict, its announcement being stored, or the history
// growing by more than docsDrift.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Commitment } from '../../../src/commitments/commitment.ts';
import type { FeedItem } from '../../../src/feeds/feed-item.ts';
import { recordVerdict } from '../../../src/jobs/record-verdict.ts';
import { docsDrift, reviewIndexFor } from '../../../src/jobs/review-index-cache.ts';
import { upsertItems } from '../../../src/store/items-table.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';

const customs: Commitment = {
  id: 'customs-partnership',
  title: 'UK and France lead a new customs partnership',
  source: {
    url: 'https://www.gov.uk/government/news/calais-group',
    published: '2024-03-05',
    quote: 'The UK and France will lead a new customs partnership.',
  },
  owners: ['UK'],
  graceDays: 7,
  staleDays: 90,
  match: { any: ['customs partnership'], exclude: [] },
  fulfilment: [],
};

const items = (from: number, n: number): FeedItem[] =>
  Array.from({ length: n }, (_, k) => ({
    path: `/government/news/item-${from + k}`,
    url: `https://www.gov.uk/government/news/item-${from + k}`,
    title: `Item ${from + k} about boats`,
    displayType: 'Press release',
    summary: 'A summary.',
    updatedAt: '2024-05-07T09:30:00.000Z',
  }));

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  upsertItems(t.db, 'home-office', items(0, 100), '2024-05-07T10:00:00Z', 'live');
});
afterEach(() => t.cleanup());

describe('reviewIndexFor', () => {
  it('reuses the profiles until a commitment, a verdict, the announcement or the history changes', () => {
    const first = reviewIndexFor(t.db, [customs]);
    expect(first.rebuilt).toBe(true);
    const again = reviewIndexFor(t.db, [customs]);
    expect(again).toEqual({ index: first.index, rebuilt: false });

    // A little more history: the weights barely move, the index stays.
    upsertItems(t.db, 'home-office', items(100, Math.floor(100 * docsDrift)), '2024-05-07T11:00:00Z', 'live');
    expect(reviewIndexFor(t.db, [customs]).rebuilt).toBe(false);
    // More than docsDrift: rebuilt, then kept again.
    upsertItems(t.db, 'home-office', items(200, 5), '2024-05-07T12:00:00Z', 'live');
    expect(reviewIndexFor(t.db, [customs]).rebuilt).toBe(true);
    expect(reviewIndexFor(t.db, [customs]).rebuilt).toBe(false);

    // A commitment's words or rules.
    const edited = { ...customs, match: { ...customs.match, any: ['customs partnership', 'shipments'] } };
    expect(reviewIndexFor(t.db, [edited]).rebuilt).toBe(true);
    expect(reviewIndexFor(t.db, [edited]).rebuilt).toBe(false);

    // A verdict.
    recordVerdict(t.db, {
      commitmentId: customs.id,
      itemUrl: 'https://www.gov.uk/government/news/item-3',
      verdict: 'not-related',
      actor: 'ana',
      at: new Date('2024-05-07T13:00:00Z'),
      via: 'cli',
    });
    const taught = reviewIndexFor(t.db, [edited]);
    expect(taught.rebuilt).toBe(true);
    expect(taught.index.profiles[0]!.rejected.map((e) => e.itemId)).toHaveLength(1);

    // The announcement stored: its title says what the whole announcement is about.
    upsertItems(
      t.db,
      'home-office',
      [{ ...items(0, 1)[0]!, path: '/government/news/calais-group', url: customs.source.url }],
      '2024-05-07T14:00:00Z',
      'live',
    );
    expect(reviewIndexFor(t.db, [edited]).rebuilt).toBe(true);
  });
});
