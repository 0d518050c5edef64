// matchHistory over a fake store: the candidates items_fts gives may be a superset; matchItems decides.

import { describe, expect, it } from 'vitest';
import { compileCommitment } from '../../../src/match/compile-commitment.ts';
import { type HistoryQueries, matchHistory } from '../../../src/match/match-history.ts';

const stored = [
  {
    id: 1,
    path: '/a',
    title: 'Customs partnership announced',
    summary: '',
    updatedAt: '2024-03-05T09:00:00Z',
  },
  { id: 2, path: '/b', title: 'Customs partnership talks', summary: '', updatedAt: '2024-04-01T09:00:00Z' },
  { id: 3, path: '/c', title: 'Fishing quotas', summary: '', updatedAt: '2024-05-01T09:00:00Z' },
  {
    id: 4,
    path: '/d',
    title: 'Customs partnership launched',
    summary: '',
    updatedAt: '2024-05-01T09:00:00Z',
  },
  { id: 5, path: '/e', title: 'Customs partnership, before', summary: '', updatedAt: '2024-03-04T09:00:00Z' },
];

function fakeStore(): HistoryQueries & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    candidateIds: (fts) => (asked.push(fts), stored.map((s) => s.id)),
    itemsByIds: (ids) => stored.filter((s) => ids.includes(s.id)).map((s) => ({ ...s, key: s.path })),
  };
}

const c = compileCommitment({
  id: 'customs',
  source: { published: '2024-03-05' },
  match: { any: ['customs partnership'], exclude: [] },
  fulfilment: ['launched'],
  sourceKey: '/a',
});
const tz = 'Europe/London';

describe('matchHistory', () => {
  it('asks items_fts with the compiled rules, keeps real hits only, newest first (then highest id)', () => {
    const q = fakeStore();
    const hits = matchHistory(q, c, { timeZone: tz });
    expect(q.asked).toEqual(['("customs partnership")']);
    expect(hits.map((h) => [h.itemId, h.path, h.kind])).toEqual([
      [4, '/d', 'possible-fulfilment'],
      [2, '/b', 'progress'],
    ]);
    expect(hits[0]).toMatchObject({
      title: 'Customs partnership launched',
      updatedAt: '2024-05-01T09:00:00Z',
    });
  });

  it('honours since (a day or an instant) and limit, and refuses a since it cannot read', () => {
    expect(matchHistory(fakeStore(), c, { timeZone: tz, since: '2024-04-02' }).map((h) => h.itemId)).toEqual([
      4,
    ]);
    expect(matchHistory(fakeStore(), c, { timeZone: tz, since: '2024-04-01T08:00:00Z' }).length).toBe(2);
    expect(matchHistory(fakeStore(), c, { timeZone: tz, limit: 1 }).map((h) => h.itemId)).toEqual([4]);
    expect(() => matchHistory(fakeStore(), c, { timeZone: tz, since: 'soon' })).toThrow(
      /since must be a day/,
    );
  });

  it('asks nothing for a commitment with no match expressions', () => {
    const q = fakeStore();
    expect(matchHistory(q, { ...c, any: [] }, { timeZone: tz })).toEqual([]);
    expect(q.asked).toEqual([]);
  });
});
