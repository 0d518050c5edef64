// Turns stored records into the facts an alert or status card is built from.

import type { Commitment } from '../commitments/commitment.ts';
import { commitmentView } from '../commitments/commitment-view.ts';
import type { Config } from '../config/config.ts';
import type { AlertItem, StatusCardFacts } from '../slack/alert.ts';
import { getCommitmentState } from '../store/commitment-state-table.ts';
import type { StoredItem } from '../store/items-table.ts';
import { countEvidence, newestEvidence } from '../store/matches-table.ts';
import type { Db } from '../store/open-store.ts';

export function alertItem(item: StoredItem, majorUpdate = false): AlertItem {
  return {
    url: item.url,
    title: item.title,
    displayType: item.displayType,
    ...(item.publisher ? { publisher: item.publisher } : {}),
    summary: item.summary,
    updatedAt: item.updatedAt,
    ...(majorUpdate ? { majorUpdate } : {}),
  };
}

export function channelFor(c: Commitment, config: Config): string {
  return c.channel ?? config.slack.channel;
}

export function lastEvidenceOf(
  db: Db,
  commitmentId: string,
): { title: string; url: string; updatedAt: string; displayType?: string; publisher?: string } | undefined {
  return newestEvidence(db, commitmentId);
}

export function statusCardFacts(db: Db, c: Commitment, now: Date): StatusCardFacts | null {
  const state = getCommitmentState(db, c.id);
  if (!state) return null;
  const last = lastEvidenceOf(db, c.id);
  return {
    commitment: commitmentView(c, state.status),
    evidenceCount: countEvidence(db, c.id),
    asOf: now.toISOString(),
    quote: c.source.quote,
    ...(last ? { lastEvidence: last } : {}),
    ...(state.snoozedUntil && Date.parse(state.snoozedUntil) > now.getTime()
      ? { snoozedUntil: state.snoozedUntil }
      : {}),
  };
}
