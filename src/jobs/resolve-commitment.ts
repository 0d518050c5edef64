// A person's decisions about a commitment: resolve (met, partly-met, dropped, superseded),
// reopen, snooze. The matcher never does these; each is recorded with who, when and why. The CLI
// and the Slack app call these same functions. A resolution also withdraws the due-soon, overdue
// and reminder alerts still waiting in the outbox: a resolved commitment is not chased.

import type { Commitment, CommitmentStatus, ManualStatus } from '../commitments/commitment.ts';
import { manualStatuses } from '../commitments/commitment.ts';
import { assessStatus, isManual } from '../commitments/lifecycle.ts';
import type { Config } from '../config/config.ts';
import { FollowthroughError, UsageError } from '../errors.ts';
import { changeStatus, getCommitmentState, setSnooze } from '../store/commitment-state-table.ts';
import { cancelCommitmentAlerts } from '../store/outbox-table.ts';
import type { Db } from '../store/open-store.ts';
import { lastEvidenceOf } from './alert-facts.ts';

export interface Decision {
  id: string;
  actor: string;
  now: Date;
  note?: string;
}

function stateOf(db: Db, id: string) {
  const state = getCommitmentState(db, id);
  if (!state)
    throw new FollowthroughError(
      'unknown_commitment',
      `no commitment "${id}" is watched: see \`followthrough commitments list\``,
    );
  return state;
}

export function resolveCommitment(db: Db, d: Decision & { status: string; evidenceUrl?: string }): void {
  if (!(manualStatuses as readonly string[]).includes(d.status)) {
    throw new UsageError(`--status must be one of ${manualStatuses.join(', ')}, not "${d.status}"`);
  }
  const state = stateOf(db, d.id);
  const reason = d.note ?? `marked ${d.status}`;
  changeStatus(db, {
    commitmentId: d.id,
    at: d.now.toISOString(),
    kind: 'resolve',
    from: state.status,
    to: d.status as ManualStatus,
    reason,
    evidenceUrl: d.evidenceUrl ?? null,
    actor: d.actor,
  });
  cancelCommitmentAlerts(
    db,
    d.id,
    ['due-soon', 'overdue', 'reminder'],
    `withdrawn: marked ${d.status} by ${d.actor}`,
  );
}

/** Undo a resolution: the automatic rules decide the status again, as of `now`. */
export function reopenCommitment(db: Db, config: Config, c: Commitment, d: Decision): CommitmentStatus {
  const state = stateOf(db, d.id);
  if (!isManual(state.status))
    throw new FollowthroughError(
      'not_resolved',
      `"${d.id}" is ${state.status}, not resolved: there is nothing to reopen`,
    );
  const last = lastEvidenceOf(db, c.id);
  const assessed = assessStatus(
    c,
    {
      status: 'open',
      statusSince: d.now.toISOString(),
      snoozedUntil: state.snoozedUntil,
      lastRemindedAt: state.lastRemindedAt,
      ...(last ? { lastEvidence: { at: last.updatedAt, title: last.title, url: last.url } } : {}),
    },
    d.now,
    {
      timeZone: config.timezone,
      dueSoonDays: config.dueSoonDays,
      reminderDays: config.slack.reminderDays,
      reminderMaxDays: config.slack.reminderMaxDays,
    },
  );
  changeStatus(db, {
    commitmentId: d.id,
    at: d.now.toISOString(),
    kind: 'reopen',
    from: state.status,
    to: assessed.status,
    reason: d.note ?? `reopened: ${assessed.reason}`,
    actor: d.actor,
  });
  return assessed.status;
}

/** `until` null lifts a snooze. Reminders pause until then; the status still changes. */
export function snoozeCommitment(db: Db, d: Decision & { until: string | null }): void {
  stateOf(db, d.id);
  const reason = d.note ?? (d.until ? `reminders paused until ${d.until}` : 'reminders resumed');
  setSnooze(db, d.id, d.until, d.now.toISOString(), reason, d.actor);
}
