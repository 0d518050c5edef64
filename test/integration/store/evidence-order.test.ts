// A commitment's newest evidence is read from one index: each match keeps its item's public
// timestamp, kept by triggers through major updates. (What they cost: test/bench/bench-history.ts.)

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../src/feeds/feed-item.ts';
import { markItemsMatched, pendingItems, upsertItems } from '../../../src/store/items-table.ts';
import { countEvidence, evidenceFor, recordMatch } from '../../../src/store/matches-table.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';

let t: TempDb;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const item = (slug: string, updatedAt: string): FeedItem => ({
  path: `/government/news/${slug}`,
  url: `https://www.gov.uk/government/news/${slug}`,
  title: slug,
  displayType: null,
  summary: '',
  updatedAt,
});
const hit = (itemId: number) => ({
  commitmentId: 'c',
  itemId,
  kind: 'progress' as const,
  score: 1,
  why: { rule: 'x', hits: [] },
});

describe('evidence order', () => {
  it('follows each item’s public timestamp, through a major update', () => {
    const { inserted } = upsertItems(
      t.db,
      'f',
      [item('a', '2024-04-01T09:00:00.000Z'), item('b', '2024-04-02T09:00:00.000Z')],
      '2024-04-03T00:00:00.000Z',
      'live',
    );
    for (const id of inserted) recordMatch(t.db, hit(id), '2024-04-03T00:00:00.000Z', 'live');
    expect(evidenceFor(t.db, 'c').map((e) => e.title)).toEqual(['b', 'a']);
    upsertItems(t.db, 'f', [item('a', '2024-04-05T09:00:00.000Z')], '2024-04-05T10:00:00.000Z', 'live');
    expect(evidenceFor(t.db, 'c').map((e) => [e.title, e.itemUpdatedAt])).toEqual([
      ['a', '2024-04-05T09:00:00.000Z'],
      ['b', '2024-04-02T09:00:00.000Z'],
    ]);
    expect(evidenceFor(t.db, 'c', 1).map((e) => e.title)).toEqual(['a']);
    expect(countEvidence(t.db, 'c')).toBe(2);
  });

  it('hands out pending items, and none once they are matched', () => {
    const { inserted } = upsertItems(
      t.db,
      'f',
      [item('c', '2024-04-01T09:00:00.000Z')],
      '2024-04-03T00:00:00.000Z',
      'live',
    );
    expect(pendingItems(t.db, 10).map((i) => i.id)).toEqual(inserted);
    markItemsMatched(t.db, inserted);
    expect(pendingItems(t.db, 10)).toEqual([]);
  });
});
