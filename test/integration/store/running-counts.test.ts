// Migration 004: the counts `status` reads are kept by triggers and always equal a full count of
// the tables; matches.item_updated_at always equals its item's timestamp, so the newest evidence
// is read from an index. Checked against the whole-table queries, on a fresh database and on one
// migrated with rows already in it.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../src/feeds/feed-item.ts';
import { readItemCounts } from '../../../src/store/item-counts.ts';
import { countItems, markItemsMatched, upsertItems } from '../../../src/store/items-table.ts';
import {
  countEvidence,
  countEvidenceRows,
  evidenceFor,
  recordMatch,
  setMatchVerdict,
} from '../../../src/store/matches-table.ts';
import { migrations } from '../../../src/store/migrations.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';

let t: TempDb;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const item = (n: number, updatedAt = '2024-03-05T10:00:00.000Z'): FeedItem => ({
  path: `/government/news/item-${n}`,
  url: `https://www.gov.uk/government/news/item-${n}`,
  title: `Item ${n}`,
  displayType: 'News story',
  summary: 'A summary.',
  updatedAt,
});
const hit = (commitmentId: string, itemId: number) => ({
  commitmentId,
  itemId,
  kind: 'progress' as const,
  score: 1,
  why: { rule: 'item', hits: [] },
});

describe('running item counts', () => {
  it('equal whole-table counts through inserts, a second feed, major updates and matching', () => {
    const now = '2024-03-05T10:00:00.000Z';
    const first = upsertItems(
      t.db,
      'home-office',
      [1, 2, 3, 4].map((n) => item(n)),
      now,
      'live',
    );
    expect(readItemCounts(t.db)).toEqual(countItems(t.db));
    upsertItems(t.db, 'nca', [item(3), item(4), item(5)], now, 'live'); // 3 and 4 are the same items
    upsertItems(t.db, 'home-office', [item(1, '2024-03-06T10:00:00.000Z')], now, 'live'); // major update
    expect(readItemCounts(t.db)).toEqual(countItems(t.db));
    markItemsMatched(t.db, first.inserted);
    expect(readItemCounts(t.db)).toEqual(countItems(t.db));
    expect(readItemCounts(t.db)).toEqual({
      total: 5,
      pending: 1,
      majorUpdates: 1,
      byFeed: { 'home-office': 4, nca: 3 },
    });
  });

  it('are filled from the rows already there when a version-2 database is migrated', () => {
    const path = `${t.dir}/old.db`;
    // A database from before the running counts (version 3), its rows written as the code of then did.
    const old = openStore(path, { migrations: migrations.filter((m) => m.version <= 3) });
    const ids = [1, 2, 3].map((n) => {
      const id = Number(
        old
          .prepare(`INSERT INTO items (path, url, title, summary, updated_at, first_seen_at, last_seen_at, origin)
            VALUES (?, ?, ?, 'A summary.', '2024-03-05T10:00:00.000Z', ?, ?, 'live')`)
          .run(
            item(n).path,
            item(n).url,
            item(n).title,
            '2024-03-05T10:00:00.000Z',
            '2024-03-05T10:00:00.000Z',
          ).lastInsertRowid,
      );
      old
        .prepare(
          `INSERT INTO item_sources (item_id, feed_id, first_seen_at) VALUES (?, 'f', '2024-03-05T10:00:00.000Z')`,
        )
        .run(id);
      return id;
    });
    markItemsMatched(old, [ids[0]!]);
    recordMatch(old, hit('c', ids[1]!), '2024-03-05T11:00:00.000Z', 'live');
    old.close();
    const db = openStore(path);
    try {
      expect(readItemCounts(db)).toEqual(countItems(db));
      expect(readItemCounts(db).pending).toBe(2);
      expect(countEvidence(db, 'c')).toBe(1);
      const [newest] = evidenceFor(db, 'c', 1);
      expect(newest?.itemUpdatedAt).toBe('2024-03-05T10:00:00.000Z');
    } finally {
      db.close();
    }
  });
});

describe('running evidence counts', () => {
  it('equal a count of the rows through matches, revisions, the review tier and verdicts both ways', () => {
    const now = '2024-03-05T10:00:00.000Z';
    const ids = upsertItems(
      t.db,
      'f',
      [1, 2, 3, 4].map((n) => item(n)),
      now,
      'live',
    ).inserted;
    const check = () => {
      for (const c of ['a', 'b']) expect(countEvidence(t.db, c)).toBe(countEvidenceRows(t.db, c));
    };
    recordMatch(t.db, hit('a', ids[0]!), now, 'live');
    recordMatch(t.db, hit('a', ids[1]!), now, 'live');
    recordMatch(t.db, { ...hit('b', ids[2]!), kind: 'related' as never }, now, 'live');
    check();
    expect(countEvidence(t.db, 'b')).toBe(0);
    recordMatch(t.db, { ...hit('a', ids[1]!), kind: 'possible-fulfilment' }, now, 'live', true);
    setMatchVerdict(t.db, { commitmentId: 'a', itemId: ids[0]!, verdict: 'not-related', at: now, by: 'x' });
    setMatchVerdict(t.db, { commitmentId: 'b', itemId: ids[2]!, verdict: 'evidence', at: now, by: 'x' });
    setMatchVerdict(t.db, { commitmentId: 'b', itemId: ids[3]!, verdict: 'evidence', at: now, by: 'x' });
    check();
    expect([countEvidence(t.db, 'a'), countEvidence(t.db, 'b'), countEvidence(t.db, 'none')]).toEqual([
      1, 2, 0,
    ]);
    setMatchVerdict(t.db, { commitmentId: 'a', itemId: ids[0]!, verdict: 'evidence', at: now, by: 'x' });
    check();
  });
});

describe('newest evidence by index', () => {
  it('follows an item’s major update, newest publication first, ties by the later match', () => {
    const now = '2024-03-05T10:00:00.000Z';
    const ids = upsertItems(
      t.db,
      'f',
      [
        item(1, '2024-03-01T10:00:00.000Z'),
        item(2, '2024-03-02T10:00:00.000Z'),
        item(3, '2024-03-02T10:00:00.000Z'),
      ],
      now,
      'live',
    ).inserted;
    for (const id of ids) recordMatch(t.db, hit('c', id), now, 'live');
    expect(evidenceFor(t.db, 'c').map((e) => e.title)).toEqual(['Item 3', 'Item 2', 'Item 1']);
    // item 1 is republished later: it is now the newest evidence
    upsertItems(t.db, 'f', [item(1, '2024-03-09T10:00:00.000Z')], now, 'live');
    expect(evidenceFor(t.db, 'c', 1)[0]).toMatchObject({
      title: 'Item 1',
      itemUpdatedAt: '2024-03-09T10:00:00.000Z',
    });
    const plan = t.db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT m.id FROM matches m JOIN items i ON i.id = m.item_id WHERE m.commitment_id = 'c' ORDER BY m.item_updated_at DESC, m.id DESC LIMIT 1",
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
