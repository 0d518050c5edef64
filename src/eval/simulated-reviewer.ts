// A simulated reviewer for replay (eval): after each day's matching it gives, for every item the day's
// Slack messages presented (alerts, summaries and review lines), the verdict its label gives — evidence
// when the item is labelled for that commitment, not related otherwise — through the same recordVerdict
// as `commitments review` and the Slack buttons, in date order.

import { recordVerdict } from '../jobs/record-verdict.ts';
import type { Db } from '../store/open-store.ts';
import { listOutbox } from '../store/outbox-table.ts';
import type { HistoryItem } from './history-file.ts';

export interface ReviewerLog {
  verdicts: number;
  evidence: number;
  notRelated: number;
}

export function simulatedReviewer(
  items: HistoryItem[],
  log: ReviewerLog = { verdicts: 0, evidence: 0, notRelated: 0 },
): { afterDay: (db: Db, day: string, at: Date) => void; log: ReviewerLog } {
  const byUrl = new Map(items.map((h) => [h.url, h]));
  let seen = 0;
  const afterDay = (db: Db, _day: string, at: Date): void => {
    const rows = listOutbox(db).filter((r) => r.id > seen);
    for (const r of rows) {
      seen = Math.max(seen, r.id);
      const p = r.payload;
      const urls = [
        ...(p.item ? [p.item.url] : []),
        ...(p.summaryItems ?? []).map((e) => e.item.url),
        ...(p.reviewItems ?? []).map((e) => e.item.url),
      ];
      for (const url of urls) {
        const h = byUrl.get(url);
        if (!h) continue;
        const related = h.labels.some((l) => l.commitment === r.commitmentId);
        recordVerdict(db, {
          commitmentId: r.commitmentId,
          itemUrl: url,
          verdict: related ? 'evidence' : 'not-related',
          actor: 'simulated reviewer',
          at: new Date(at.getTime() + 60_000),
          via: 'cli',
        });
        log.verdicts++;
        if (related) log.evidence++;
        else log.notRelated++;
      }
    }
  };
  return { afterDay, log };
}
