import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../src/feeds/feed-item.ts';
import {
  countItems,
  getItemByPath,
  itemSources,
  itemUpdates,
  markItemsMatched,
  pendingItems,
  searchItems,
  upsertItems,
} from '../../../src/store/items-table.ts';
import { migrate, openStore, schemaVersion } from '../../../src/store/open-store.ts';
import { migrations } from '../../../src/store/migrations.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';

const item = (over: Partial<FeedItem> = {}): FeedItem => ({
  path: '/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group',
  url: 'https://www.gov.uk/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group',
  title: 'New measures to tackle small boats agreed by Calais Group',
  displayType: 'Press release',
  summary: 'The UK and other northern European countries discussed new commitments.',
  updatedAt: '2024-03-05T09:30:00.000Z',
  ...over,
});

let t: TempDb;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

describe('items', () => {
  it('stores a new item once; the same path from a second feed is the same item', () => {
    const first = upsertItems(t.db, 'home-office', [item()], '2024-03-05T10:00:00.000Z', 'live');
    const second = upsertItems(
      t.db,
      'home-office-news',
      [item({ displayType: null })],
      '2024-03-05T10:15:00.000Z',
      'live',
    );
    expect(first.inserted).toHaveLength(1);
    expect(second).toEqual({ inserted: [], majorUpdates: [], unchanged: 1 });
    const stored = getItemByPath(t.db, item().path)!;
    expect(stored.displayType).toBe('Press release');
    expect(stored.firstSeenAt).toBe('2024-03-05T10:00:00.000Z');
    expect(stored.lastSeenAt).toBe('2024-03-05T10:15:00.000Z');
    expect(itemSources(t.db, stored.id)).toEqual(['home-office', 'home-office-news']);
    expect(countItems(t.db)).toMatchObject({ total: 1, majorUpdates: 0 });
  });

  it('a later public timestamp is a major update: kept with its time, matched again, never a new item', () => {
    upsertItems(t.db, 'home-office', [item()], '2024-03-05T10:00:00.000Z', 'live');
    markItemsMatched(
      t.db,
      pendingItems(t.db, 10).map((i) => i.id),
    );
    expect(pendingItems(t.db, 10)).toHaveLength(0);
    const result = upsertItems(
      t.db,
      'home-office',
      [item({ updatedAt: '2024-03-06T12:00:00.000Z', title: 'New measures (updated)' })],
      '2024-03-06T12:05:00.000Z',
      'live',
    );
    expect(result.majorUpdates).toHaveLength(1);
    const stored = getItemByPath(t.db, item().path)!;
    expect(stored).toMatchObject({
      title: 'New measures (updated)',
      updatedAt: '2024-03-06T12:00:00.000Z',
      majorUpdates: 1,
      firstSeenAt: '2024-03-05T10:00:00.000Z',
    });
    expect(itemUpdates(t.db, stored.id)).toEqual([
      {
        previousUpdatedAt: '2024-03-05T09:30:00.000Z',
        updatedAt: '2024-03-06T12:00:00.000Z',
        seenAt: '2024-03-06T12:05:00.000Z',
      },
    ]);
    expect(pendingItems(t.db, 10).map((i) => i.id)).toEqual([stored.id]);
    expect(countItems(t.db).total).toBe(1);
  });

  it('the same or an earlier timestamp (a minor edit, a stale CDN copy) changes nothing', () => {
    upsertItems(t.db, 'home-office', [item()], '2024-03-05T10:00:00.000Z', 'live');
    const r = upsertItems(
      t.db,
      'home-office',
      [item({ updatedAt: '2024-03-04T00:00:00.000Z', title: 'older' })],
      '2024-03-05T11:00:00.000Z',
      'live',
    );
    expect(r).toEqual({ inserted: [], majorUpdates: [], unchanged: 1 });
    expect(getItemByPath(t.db, item().path)!.title).toBe(item().title);
  });

  it('search is stemmed and treats user text as words, not query syntax', () => {
    upsertItems(
      t.db,
      'f',
      [item(), item({ path: '/a', url: 'https://www.gov.uk/a', title: 'Net-zero AND (boats', summary: '' })],
      '2024-03-05T10:00:00.000Z',
      'live',
    );
    expect(searchItems(t.db, 'boat measure').map((i) => i.path)).toEqual([item().path]);
    expect(searchItems(t.db, 'net-zero').map((i) => i.path)).toEqual(['/a']);
    expect(searchItems(t.db, 'AND (')).toEqual([]);
    expect(searchItems(t.db, '"')).toEqual([]);
  });
});

describe('migrations', () => {
  it('bring a new database to the newest version and are idempotent', () => {
    expect(schemaVersion(t.db)).toBe(migrations.at(-1)!.version);
    expect(migrate(t.db, migrations)).toEqual([]);
  });

  it('refuse a database newer than the code', () => {
    t.db.pragma('user_version = 999');
    t.db.close();
    expect(() => openStore(t.path)).toThrow(/schema version 999/);
  });
});
