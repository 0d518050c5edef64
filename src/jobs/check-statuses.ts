// The daily status check (and part of every poll cycle): applies the lifecycle rules as of
// `now`, records each change with its reason, and enqueues due-soon, overdue and reminder
// alerts in the same transaction as the change that caused them.

import { commitmentView } from '../commitments/commitment-view.ts';
import type { Commitment } from '../commitments/commitment.ts';
import { localDay } from '../calendar.ts';
import {
  daysOverdue,
  dueInstants,
  planLifecycle,
  type LifecyclePlan,
  type LifecycleState,
} from '../commitments/lifecycle.ts';
import type { Config } from '../config/config.ts';
import type { Logger } from '../log.ts';
import type { Clock } from './clock.ts';
import {
  changeStatus,
  type CommitmentState,
  ensureCommitmentState,
  getCommitmentState,
  listCommitmentStates,
  setLastReminded,
} from '../store/commitment-state-table.ts';
import { countEvidence } from '../store/matches-table.ts';
import type { Db } from '../store/open-store.ts';
import { enqueueAlert } from '../store/outbox-table.ts';
import { channelFor, lastEvidenceOf } from './alert-facts.ts';
import { ruleHash } from './sync-commitments.ts';

export interface StatusDeps {
  db: Db;
  log: Logger;
  clock: Clock;
}

export interface StatusReport {
  changes: Array<{ id: string; from: string; to: string; reason: string }>;
  alerts: number;
}

function isQuiet(p: LifecyclePlan): boolean {
  return !p.change && p.alerts.length === 0 && !p.remindedAt;
}

export function checkStatuses(config: Config, commitments: Commitment[], deps: StatusDeps): StatusReport {
  const { db, log } = deps;
  const now = deps.clock();
  const nowIso = now.toISOString();
  const report: StatusReport = { changes: [], alerts: 0 };
  const options = {
    timeZone: config.timezone,
    dueSoonDays: config.dueSoonDays,
    reminderDays: config.slack.reminderDays,
    reminderMaxDays: config.slack.reminderMaxDays,
  };
  type Last = ReturnType<typeof lastEvidenceOf>;
  const plan = (c: Commitment, state: CommitmentState, last: Last): LifecyclePlan => {
    const lifecycle: LifecycleState = {
      status: state.status,
      statusSince: state.statusSince,
      snoozedUntil: state.snoozedUntil,
      lastRemindedAt: state.lastRemindedAt,
      ...(last ? { lastEvidence: { at: last.updatedAt, title: last.title, url: last.url } } : {}),
    };
    return planLifecycle(c, lifecycle, now, options);
  };
  const apply = (c: Commitment, state: CommitmentState, p: LifecyclePlan, last: Last): void => {
    const overdueAt = dueInstants(c, options)?.overdueAt;
    // Already overdue when first watched: said once, plainly, with the day it became overdue.
    const firstSeenLate = overdueAt && Date.parse(state.firstWatchedAt) >= overdueAt.getTime();
    if (p.change) {
      changeStatus(db, {
        commitmentId: c.id,
        at: nowIso,
        kind: 'status',
        from: p.change.from,
        to: p.change.to,
        reason: p.change.reason,
        evidenceUrl: p.change.evidenceUrl ?? null,
      });
      report.changes.push({ id: c.id, from: p.change.from, to: p.change.to, reason: p.change.reason });
      log.info('commitment.status', {
        commitment: c.id,
        from: p.change.from,
        to: p.change.to,
        reason: p.change.reason,
      });
    }
    for (const alert of p.alerts) {
      const { inserted } = enqueueAlert(db, {
        key: alert.key,
        commitmentId: c.id,
        kind: alert.kind,
        channel: channelFor(c, config),
        now: nowIso,
        payload: {
          kind: alert.kind,
          commitment: commitmentView(c, p.assessment.status),
          raisedAt: nowIso,
          daysOverdue: daysOverdue(c, now, config.timezone),
          ...(alert.kind === 'overdue' && firstSeenLate
            ? { overdueSince: localDay(overdueAt, config.timezone) }
            : {}),
          evidenceCount: countEvidence(db, c.id),
          ...(last ? { lastEvidence: last } : {}),
        },
      });
      if (inserted) report.alerts++;
    }
    if (p.remindedAt) setLastReminded(db, c.id, p.remindedAt);
  };
  // Most commitments change nothing in a given cycle: they are planned from one read of all
  // states, and only a planned change opens a write transaction (where it is planned again, from
  // what is committed, before anything is written). A dated commitment's status and alerts depend
  // on the time alone, so its evidence is looked up only when something is to be written.
  const states = new Map(listCommitmentStates(db).map((s) => [s.commitmentId, s]));
  for (const c of commitments) {
    const known = states.get(c.id);
    if (known && isQuiet(plan(c, known, c.due ? undefined : lastEvidenceOf(db, c.id)))) continue;
    db.transaction(() => {
      ensureCommitmentState(db, c.id, nowIso, ruleHash(c));
      const state = getCommitmentState(db, c.id)!;
      const last = lastEvidenceOf(db, c.id);
      apply(c, state, plan(c, state, last), last);
    })();
  }
  return report;
}
