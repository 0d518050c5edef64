// The daily status check (and part of every poll cycle): applies the lifecycle rules as of
// `now`, records each change with its reason, and enqueues due-soon, overdue and reminder
// alerts in the same transaction as the change that caused them.

import { commitmentView } from '../commitments/commitment-view.ts';
import type { Commitment } from '../commitments/commitment.ts';
import { daysOverdue, planLifecycle, type LifecycleState } from '../commitments/lifecycle.ts';
import type { Config } from '../config/config.ts';
import type { Logger } from '../log.ts';
import type { Clock } from './clock.ts';
import {
  changeStatus,
  ensureCommitmentState,
  getCommitmentState,
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
  for (const c of commitments) {
    db.transaction(() => {
      ensureCommitmentState(db, c.id, nowIso, ruleHash(c));
      const state = getCommitmentState(db, c.id)!;
      const last = lastEvidenceOf(db, c.id);
      const lifecycle: LifecycleState = {
        status: state.status,
        statusSince: state.statusSince,
        snoozedUntil: state.snoozedUntil,
        lastRemindedAt: state.lastRemindedAt,
        ...(last ? { lastEvidence: { at: last.updatedAt, title: last.title, url: last.url } } : {}),
      };
      const plan = planLifecycle(c, lifecycle, now, options);
      if (plan.change) {
        changeStatus(db, {
          commitmentId: c.id,
          at: nowIso,
          kind: 'status',
          from: plan.change.from,
          to: plan.change.to,
          reason: plan.change.reason,
          evidenceUrl: plan.change.evidenceUrl ?? null,
        });
        report.changes.push({
          id: c.id,
          from: plan.change.from,
          to: plan.change.to,
          reason: plan.change.reason,
        });
        log.info('commitment.status', {
          commitment: c.id,
          from: plan.change.from,
          to: plan.change.to,
          reason: plan.change.reason,
        });
      }
      for (const alert of plan.alerts) {
        const { inserted } = enqueueAlert(db, {
          key: alert.key,
          commitmentId: c.id,
          kind: alert.kind,
          channel: channelFor(c, config),
          now: nowIso,
          payload: {
            kind: alert.kind,
            commitment: commitmentView(c, plan.assessment.status),
            raisedAt: nowIso,
            daysOverdue: daysOverdue(c, now, config.timezone),
            evidenceCount: countEvidence(db, c.id),
            ...(last ? { lastEvidence: last } : {}),
          },
        });
        if (inserted) report.alerts++;
      }
      if (plan.remindedAt) setLastReminded(db, c.id, plan.remindedAt);
    })();
  }
  return report;
}
