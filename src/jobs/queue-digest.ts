// A weekly digest enters the outbox as one row per Slack message (part 1 at the top level of the
// channel, the rest in its thread), claimed by (week, channel) in the same transaction: it is then
// delivered, retried, paced, blocked and reported exactly as alerts are, through the one delivery job.

import { noticeSubject, type SlackMessage } from '../slack/alert.ts';
import { claimDigest } from '../store/digests-table.ts';
import type { Db } from '../store/open-store.ts';
import { enqueueAlert, getAlertByAlertId, markSending, rowsWithKeyPrefix } from '../store/outbox-table.ts';

export interface QueuedDigest {
  /** Parts newly written to the outbox (0 when the digest was queued before). */
  queued: number;
  parts: number;
}

/** The outbox key prefix of a digest's parts. */
export function digestKeyPrefix(week: string, channel: string): string {
  return `digest|${week}|${channel}|`;
}

export function queueDigest(
  db: Db,
  d: { week: string; channel: string; messages: SlackMessage[]; markdown: string; now: Date },
): QueuedDigest {
  const now = d.now.toISOString();
  return db.transaction((): QueuedDigest => {
    const record = claimDigest(db, d.week, d.channel, now);
    const prefix = digestKeyPrefix(d.week, d.channel);
    if (rowsWithKeyPrefix(db, prefix).length > 0) return { queued: 0, parts: d.messages.length };
    // A digest claimed by an older version may have posted some parts already: queue only the rest,
    // and one that was being posted when it stopped is checked in Slack before it is posted again.
    let queued = 0;
    d.messages.forEach((message, i) => {
      const part = i + 1;
      if (part <= record.partsSent) return;
      const { inserted, alertId } = enqueueAlert(db, {
        key: `${prefix}${part}`,
        commitmentId: noticeSubject,
        kind: 'digest',
        channel: d.channel,
        now,
        payload: {
          kind: 'digest',
          raisedAt: now,
          commitment: {
            id: noticeSubject,
            title: `weekly digest ${d.week}`,
            status: 'open',
            owners: [],
            sourceUrl: '',
          },
          digestPart: {
            week: d.week,
            part,
            parts: d.messages.length,
            message,
            ...(part === 1 ? { markdown: d.markdown } : {}),
          },
        },
      });
      if (!inserted) return;
      queued++;
      const row = getAlertByAlertId(db, alertId);
      if (row && record.state === 'sending' && part === record.partsSent + 1) markSending(db, row.id, now);
    });
    return { queued, parts: d.messages.length };
  })();
}
