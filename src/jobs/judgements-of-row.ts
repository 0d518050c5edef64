// The verdicts in force on the items an outbox row presents: what its message shows under each item.

import type { Judgement } from '../slack/alert.ts';
import type { Db } from '../store/open-store.ts';
import type { OutboxRow } from '../store/outbox-table.ts';
import { judgementsFor } from '../store/review-queries.ts';

export function judgementsOfRow(db: Db, row: OutboxRow): Map<string, Judgement> {
  const p = row.payload;
  const urls = [
    ...(p.item ? [p.item.url] : []),
    ...(p.reviewItems ?? []).map((e) => e.item.url),
    ...(p.summaryItems ?? []).map((e) => e.item.url),
  ];
  return judgementsFor(db, row.commitmentId, urls);
}
