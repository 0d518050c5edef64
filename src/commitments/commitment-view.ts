// One view of a watched commitment for everything that shows it to people: alerts, status
// cards, the digest, the CLI. Built from the commitments file and the status in the store.

import type { Commitment, CommitmentStatus } from './commitment.ts';

export interface CommitmentView {
  id: string;
  title: string;
  status: CommitmentStatus;
  /** As written in the commitments file, e.g. `2024-04`. */
  due?: string;
  /** Last on-time day, `YYYY-MM-DD`. */
  dueLastDay?: string;
  owners: string[];
  sourceUrl: string;
  /** `YYYY-MM-DD`, the announcement's date (absent in alerts queued by older versions). */
  sourcePublished?: string;
}

export function commitmentView(c: Commitment, status: CommitmentStatus): CommitmentView {
  return {
    id: c.id,
    title: c.title,
    status,
    owners: c.owners,
    sourceUrl: c.source.url,
    sourcePublished: c.source.published,
    ...(c.due ? { due: c.due.text, dueLastDay: c.due.lastDay } : {}),
  };
}
