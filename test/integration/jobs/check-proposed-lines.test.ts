// extract's check of proposed lines against the stored history: the real matcher's count over the
// whole history, and a flag on a line that catches a lot.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProposedLines, lineCheckText, minBroad } from '../../../src/jobs/check-proposed-lines.ts';
import { upsertItems } from '../../../src/store/items-table.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  const items = Array.from({ length: 60 }, (_, k) => ({
    path: `/government/news/item-${k}`,
    url: `https://www.gov.uk/government/news/item-${k}`,
    title: k === 7 ? 'Outboard motors seized' : `Small boats crossing ${k}`,
    displayType: 'Press release',
    summary: 'A summary.',
    updatedAt: '2023-05-07T09:30:00.000Z',
  }));
  upsertItems(t.db, 'home-office', items, '2024-05-07T10:00:00Z', 'live');
});
afterEach(() => t.cleanup());

describe('checkProposedLines', () => {
  it('counts what each line catches over the whole history and flags the broad ones', () => {
    const [narrow, broad, none] = checkProposedLines(
      t.db,
      ['outboard motors', 'small boat*', 'customs AND (agreement OR deal)'],
      'Europe/London',
    );
    expect(narrow).toEqual({ line: 'outboard motors', catches: 1, stored: 60, broad: false });
    expect(broad).toMatchObject({ catches: 59, broad: true });
    expect(broad!.catches).toBeGreaterThan(minBroad);
    expect(none).toMatchObject({ catches: 0, broad: false });
    expect(lineCheckText(broad!)).toBe(
      'small boat*: catches 59 of 60 stored items — a lot: narrow it before keeping it',
    );
  });
});
