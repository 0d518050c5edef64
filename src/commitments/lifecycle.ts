// The status rules (pure: `now` comes in). A commitment is
//   open      → due-soon  once `dueSoonDays` or fewer remain before its last on-time day;
//   due-soon  → overdue   once the due date and its grace days have passed without a resolution;
//   open      → stale     when it has no due date and no evidence for `staleDays`;
//   stale     → open      when new evidence arrives.
// met, partly-met, dropped and superseded are set by a person, never here; reopening hands the
// commitment back to these rules. Snoozing pauses reminders, not the status.
// Reminders back off: the first comes `reminderDays` after the overdue alert and each gap is twice
// the one before, up to `reminderMaxDays` (7, 14, 28, 56 … days), so a commitment left overdue for
// months is mentioned a handful of times, not every week.

import type { Commitment, CommitmentStatus, ManualStatus } from './commitment.ts';
import { manualStatuses } from './commitment.ts';
import { addDays, daysBetween, daysPast, localDay, startOfDay } from '../calendar.ts';

export interface LifecycleOptions {
  timeZone: string;
  dueSoonDays: number;
  reminderDays: number;
  /** The longest gap between reminders; without it the gaps keep doubling. */
  reminderMaxDays?: number;
}

export interface Evidence {
  /** Publication instant of the newest evidence item. */
  at: string;
  title: string;
  url: string;
}

export interface LifecycleState {
  status: CommitmentStatus;
  statusSince: string;
  snoozedUntil: string | null;
  lastRemindedAt: string | null;
  lastEvidence?: Evidence;
}

export interface Assessment {
  status: CommitmentStatus;
  reason: string;
  evidenceUrl?: string;
}

export type LifecycleAlertKind = 'due-soon' | 'overdue' | 'reminder';

export interface LifecyclePlan {
  assessment: Assessment;
  /** Present when the status changes. */
  change?: { from: CommitmentStatus; to: CommitmentStatus; reason: string; evidenceUrl?: string };
  /** Alerts to enqueue, each with the unique key that makes it happen once. */
  alerts: Array<{ kind: LifecycleAlertKind; key: string }>;
  /** Set when a reminder (or the overdue alert, which counts as one) goes out now. */
  remindedAt?: string;
}

export function isManual(status: CommitmentStatus): status is ManualStatus {
  return (manualStatuses as readonly string[]).includes(status);
}

/** The instants a due date turns into due-soon and into overdue. */
export function dueInstants(
  c: Commitment,
  o: Pick<LifecycleOptions, 'timeZone' | 'dueSoonDays'>,
): { dueSoonAt: Date; lateAt: Date; overdueAt: Date } | undefined {
  if (!c.due) return undefined;
  const last = c.due.lastDay;
  return {
    dueSoonAt: startOfDay(addDays(last, 1 - o.dueSoonDays), o.timeZone),
    lateAt: startOfDay(addDays(last, 1), o.timeZone),
    overdueAt: startOfDay(addDays(last, 1 + c.graceDays), o.timeZone),
  };
}

export function assessStatus(c: Commitment, s: LifecycleState, now: Date, o: LifecycleOptions): Assessment {
  if (isManual(s.status)) return { status: s.status, reason: 'resolved by a person' };
  const due = dueInstants(c, o);
  const today = localDay(now, o.timeZone);
  if (due && c.due) {
    const dueText = `due ${c.due.text} (last day ${c.due.lastDay})`;
    if (now >= due.overdueAt) {
      const graceEnd = addDays(c.due.lastDay, c.graceDays);
      return {
        status: 'overdue',
        reason: `${dueText}; ${c.graceDays} days' grace ended ${graceEnd} with no resolution`,
      };
    }
    if (now >= due.dueSoonAt) {
      const left = daysBetween(today, c.due.lastDay);
      const when =
        left > 0
          ? `${left} day${left === 1 ? '' : 's'} left`
          : left === 0
            ? 'due today'
            : `in its ${c.graceDays} days' grace`;
      return { status: 'due-soon', reason: `${dueText}: ${when}` };
    }
    return { status: 'open', reason: `${dueText}`, ...evidenceOf(s) };
  }
  // No due date: never overdue, but stale when nothing has been heard for too long.
  const evidenceDay = s.lastEvidence ? localDay(new Date(s.lastEvidence.at), o.timeZone) : undefined;
  const since = evidenceDay && evidenceDay > c.source.published ? evidenceDay : c.source.published;
  const quietDays = daysBetween(since, today);
  if (quietDays >= c.staleDays) {
    const what =
      evidenceDay && since === evidenceDay
        ? `the last evidence (${evidenceDay})`
        : `the announcement (${c.source.published})`;
    return { status: 'stale', reason: `no evidence for ${quietDays} days since ${what}` };
  }
  return {
    status: 'open',
    reason: s.lastEvidence ? `new evidence: ${s.lastEvidence.title}` : 'no due date',
    ...evidenceOf(s),
  };
}

function evidenceOf(s: LifecycleState): { evidenceUrl?: string } {
  return s.lastEvidence ? { evidenceUrl: s.lastEvidence.url } : {};
}

export function planLifecycle(
  c: Commitment,
  s: LifecycleState,
  now: Date,
  o: LifecycleOptions,
): LifecyclePlan {
  const assessment = assessStatus(c, s, now, o);
  const plan: LifecyclePlan = { assessment, alerts: [] };
  const nowIso = now.toISOString();
  if (assessment.status !== s.status) {
    plan.change = {
      from: s.status,
      to: assessment.status,
      reason: assessment.reason,
      ...(assessment.evidenceUrl ? { evidenceUrl: assessment.evidenceUrl } : {}),
    };
  }
  const snoozed = s.snoozedUntil !== null && now < new Date(s.snoozedUntil);
  if (snoozed || !c.due) return plan;

  if (plan.change?.to === 'due-soon' && s.status === 'open') {
    plan.alerts.push({ kind: 'due-soon', key: `${c.id}|due-soon|${c.due.lastDay}` });
  }
  if (plan.change?.to === 'overdue') {
    plan.alerts.push({ kind: 'overdue', key: `${c.id}|overdue|${c.due.lastDay}` });
    plan.remindedAt = nowIso;
    return plan;
  }
  if (assessment.status === 'overdue' && !plan.change) {
    const next = nextReminderAt(s, o.reminderDays, o.reminderMaxDays);
    if (next && now >= next) {
      plan.alerts.push({ kind: 'reminder', key: `${c.id}|reminder|${localDay(now, o.timeZone)}` });
      plan.remindedAt = nowIso;
    }
  }
  return plan;
}

/**
 * The next reminder after the last one. Reminders fall on a schedule counted from when the
 * commitment became overdue (`statusSince`): `firstDays` later, then gaps doubling up to `maxDays`.
 * The next is the first slot after the last reminder, so a worker that was down sends one reminder
 * when it comes back, not a burst. A snooze that has ended brings the next one to its end.
 */
export function nextReminderAt(
  s: LifecycleState,
  firstDays: number,
  maxDays: number = Number.POSITIVE_INFINITY,
): Date | undefined {
  const last = Date.parse(s.lastRemindedAt ?? s.statusSince);
  const regular = new Date(nextSlotAfter(Date.parse(s.statusSince), last, firstDays, maxDays));
  if (s.snoozedUntil && Date.parse(s.snoozedUntil) > last) {
    const snoozeEnd = new Date(s.snoozedUntil);
    return snoozeEnd < regular ? regular : snoozeEnd;
  }
  return regular;
}

const day = 86_400_000;

function nextSlotAfter(since: number, last: number, firstDays: number, maxDays: number): number {
  let gap = firstDays * day;
  const cap = Math.max(maxDays, firstDays) * day;
  let slot = since + gap;
  while (slot <= last) {
    gap = Math.min(gap * 2, cap);
    slot += gap;
  }
  return slot;
}

/** Whole days the commitment is past its last on-time day (0 before). */
export function daysOverdue(c: Commitment, now: Date, timeZone: string): number {
  return c.due ? daysPast(c.due.lastDay, now, timeZone) : 0;
}
