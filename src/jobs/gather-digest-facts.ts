// Gathers what the weekly digest needs for one channel, as of the end of the week (or `now`, if
// that is earlier), from the store. Statuses are read from the dated history, so a digest for a
// past week says what was true then.

import type { Commitment } from '../commitments/commitment.ts';
import { commitmentView } from '../commitments/commitment-view.ts';
import { daysBetween, localDay } from '../calendar.ts';
import type { Config } from '../config/config.ts';
import type { DigestCommitment, DigestFacts, DigestWeek } from '../digest/digest-facts.ts';
import { eventsBetween, getCommitmentState } from '../store/commitment-state-table.ts';
import {
  alertsDeliveredBetween,
  lastEvidenceBefore,
  lastReminderBefore,
  statusAt,
} from '../store/digest-queries.ts';
import { listFeedStates } from '../store/feeds-table.ts';
import { countItemsSeenBetween } from '../store/items-table.ts';
import { matchesBetween } from '../store/matches-table.ts';
import type { Db } from '../store/open-store.ts';
import { reviewsBetween } from '../store/review-queries.ts';
import { channelFor } from './alert-facts.ts';

export function digestChannels(config: Config, commitments: Commitment[]): string[] {
  const channels = new Set(commitments.map((c) => channelFor(c, config)));
  return [...channels].sort((a, b) =>
    a === config.slack.channel ? -1 : b === config.slack.channel ? 1 : a.localeCompare(b),
  );
}

export function gatherDigestFacts(
  config: Config,
  commitments: Commitment[],
  db: Db,
  week: DigestWeek,
  channel: string,
  now: Date,
): DigestFacts {
  const asOf = new Date(Math.min(Date.parse(week.end), now.getTime())).toISOString();
  const today = localDay(new Date(asOf), config.timezone);
  const mine = commitments.filter((c) => channelFor(c, config) === channel);
  const weekMatches = matchesBetween(db, week.start, week.end);
  const weekEvents = eventsBetween(db, week.start, week.end);
  const weekReviews = reviewsBetween(db, week.start, week.end);
  const facts: DigestCommitment[] = mine.map((c) => {
    const state = getCommitmentState(db, c.id);
    const last = lastEvidenceBefore(db, c.id, asOf);
    const resolved = weekEvents.filter((e) => e.commitmentId === c.id && e.kind === 'resolve').at(-1);
    const reminded = lastReminderBefore(db, c.id, asOf);
    const status = statusAt(db, c.id, asOf);
    const dc: DigestCommitment = {
      ...commitmentView(c, status),
      sourcePublished: c.source.published,
      graceDays: c.graceDays,
      newEvidence: weekMatches
        .filter((m) => m.commitmentId === c.id)
        .map((m) => ({
          item: {
            url: m.url,
            title: m.title,
            displayType: m.displayType,
            publisher: m.publisher,
            updatedAt: m.itemUpdatedAt,
          },
          kind: m.kind,
          why: m.why,
          matchedAt: m.updatedAt && m.updatedAt >= week.start ? m.updatedAt : m.matchedAt,
        })),
      forReview: weekReviews
        .filter((m) => m.commitmentId === c.id)
        .map((m) => ({
          item: { url: m.url, title: m.title, displayType: m.displayType, updatedAt: m.itemUpdatedAt },
          why: m.why,
          raisedAt: m.matchedAt,
        })),
      ...(c.due ? { daysToDue: daysBetween(today, c.due.lastDay) } : {}),
      ...(c.due && status === 'overdue'
        ? { daysOverdue: Math.max(0, daysBetween(c.due.lastDay, today)) }
        : {}),
      ...(state?.threadUrl ? { threadUrl: state.threadUrl } : {}),
      ...(last
        ? {
            lastEvidence: last,
            daysSinceEvidence: daysBetween(localDay(new Date(last.updatedAt), config.timezone), today),
          }
        : {}),
      ...(reminded ? { lastRemindedAt: reminded } : {}),
      ...(state?.snoozedUntil && state.snoozedUntil > asOf ? { snoozedUntil: state.snoozedUntil } : {}),
      ...(resolved?.toStatus
        ? {
            resolvedThisWeek: {
              status: resolved.toStatus,
              at: resolved.at,
              actor: resolved.actor,
              ...(resolved.reason ? { note: resolved.reason } : {}),
              ...(resolved.evidenceUrl ? { evidenceUrl: resolved.evidenceUrl } : {}),
            },
          }
        : {}),
    };
    return dc;
  });
  return {
    week,
    timezone: config.timezone,
    channel,
    now: now.toISOString(),
    asOf,
    commitments: facts,
    feeds: listFeedStates(db).map((f) => ({
      id: f.id,
      url: f.url,
      failures: f.failures,
      dead: Boolean(f.deadAt),
      ...(f.lastError ? { lastError: f.lastError } : {}),
      ...(f.lastSuccessAt ? { lastSuccessAt: f.lastSuccessAt } : {}),
      ...(f.deadReason ? { deadReason: f.deadReason } : {}),
    })),
    itemsSeen: countItemsSeenBetween(db, week.start, week.end),
    alertsDelivered: alertsDeliveredBetween(db, week.start, week.end, channel),
  };
}
