// SQL for `item_counts` and `feed_item_counts`: the item totals `status` shows, kept as items,
// sources and updates are written (new items and sources per batch by upsertItems, migration 008;
// the rest by triggers, migration 004), so reading them costs the same at 500,000 items as at 5,000.

import type { ItemCounts } from './items-table.ts';
import type { Db } from './open-store.ts';

export function readItemCounts(db: Db): ItemCounts {
  const totals = db
    .prepare<[], { total: number; pending: number; updates: number }>(
      'SELECT total, pending, updates FROM item_counts WHERE id = 1',
    )
    .get() ?? { total: 0, pending: 0, updates: 0 };
  const byFeed: Record<string, number> = {};
  for (const r of db
    .prepare<[], { feed_id: string; n: number }>('SELECT feed_id, n FROM feed_item_counts WHERE n > 0')
    .all())
    byFeed[r.feed_id] = r.n;
  return { total: totals.total, pending: totals.pending, majorUpdates: totals.updates, byFeed };
}
