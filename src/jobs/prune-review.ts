// A review message waits in the outbox (a blocked channel, Retry-After, an outage) while people judge
// items elsewhere: from another message, the CLI, the digest. At delivery it drops every line a person
// has judged since (marked not related, or confirmed as evidence: either way no longer a question) and
// records what it will show; with no line left the row is cancelled, saying why.

import { cancelAlert, type OutboxRow, replacePayload } from '../store/outbox-table.ts';
import type { Db } from '../store/open-store.ts';
import { judgementsFor } from '../store/review-queries.ts';

/** The row to send (itself when nothing was judged), or undefined once it is cancelled. */
export function pruneReview(db: Db, row: OutboxRow): OutboxRow | undefined {
  const lines = row.payload.reviewItems ?? [];
  if (row.kind !== 'review' || lines.length === 0) return row;
  const judged = judgementsFor(
    db,
    row.commitmentId,
    lines.map((l) => l.item.url),
  );
  if (judged.size === 0) return row;
  const left = lines.filter((l) => !judged.has(l.item.url));
  if (left.length === 0) {
    cancelAlert(db, row.id, `withdrawn: every item in it was judged before it was sent (${judged.size})`);
    return undefined;
  }
  const payload = { ...row.payload, reviewItems: left };
  replacePayload(db, row.id, payload);
  return { ...row, payload };
}
