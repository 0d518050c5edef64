// Applies what a failed Slack call means (decided by slack/failure-decision.ts) to the outbox and
// the channel blocks, and logs it once with its meaning. Rows of alerts and digest parts alike.

import { classifySlackError } from '../slack/classify-slack-error.ts';
import { decideAfterFailure } from '../slack/failure-decision.ts';
import type { PostMessageArgs } from '../slack/slack-client.ts';
import {
  cancelAlert,
  getAlert,
  holdChannel,
  type OutboxRow,
  releaseChannel,
  rescheduleAlert,
} from '../store/outbox-table.ts';
import { blockChannel, unblockChannel, workspaceChannel } from '../store/slack-channels-table.ts';
import { isoNow, type Run } from './delivery-run.ts';
import { DeliveryFailure } from './post-once.ts';

export interface FailureOptions {
  /** Post the row's plain-text fallback (blocks dropped); absent once the fallback itself failed. */
  retryPlain?: (args: PostMessageArgs) => Promise<void>;
}

export async function applyFailure(
  run: Run,
  row: OutboxRow,
  failure: DeliveryFailure,
  options: FailureOptions = {},
): Promise<void> {
  const { db, log } = run.deps;
  const c = classifySlackError(failure.cause, row.channel);
  const now = run.deps.clock();
  const args = failure.args;
  const decision = decideAfterFailure({
    error: c,
    stage: failure.stage,
    attempts: getAlert(db, row.id)?.attempts ?? row.attempts,
    now,
    hadBlocks: Boolean(args?.blocks) && Boolean(options.retryPlain),
  });
  switch (decision.action) {
    case 'retry': {
      rescheduleAlert(db, row.id, {
        nextAttemptAt: decision.at.toISOString(),
        error: decision.error,
        maybeDelivered: decision.maybeDelivered,
        countAttempt: decision.countAttempt,
      });
      run.stopped.add(row.channel);
      if (decision.reason === 'rate-limited') {
        log.warn('slack.rate_limited', {
          alert_id: row.alertId,
          channel: row.channel,
          stage: failure.stage,
          retry_after_s: decision.waitSeconds,
        });
      } else {
        log.warn('slack.transient', {
          alert_id: row.alertId,
          channel: row.channel,
          stage: failure.stage,
          error: c.type === 'transient' ? c.error : decision.error,
          may_have_posted: decision.maybeDelivered,
          retry_in_s: decision.waitSeconds,
        });
      }
      return;
    }
    case 'plain-text': {
      log.error('slack.message_refused', {
        alert_id: row.alertId,
        error: decision.error,
        fallback: 'plain text',
      });
      const { blocks: _dropped, ...plain } = args!;
      try {
        await options.retryPlain!(decision.dropMetadata ? { ...plain, metadata: undefined } : plain);
      } catch (again) {
        // The fallback failed too: decide on that failure, with no second fallback.
        const next = again instanceof DeliveryFailure ? again : new DeliveryFailure('post', again);
        await applyFailure(run, row, next, {});
      }
      return;
    }
    case 'cancel':
      cancelAlert(db, row.id, `${decision.error}: ${decision.fix}`);
      log.error('slack.alert_cancelled', {
        alert_id: row.alertId,
        channel: row.channel,
        error: decision.error,
        fix: decision.fix,
      });
      return;
    case 'block': {
      const key = decision.scope === 'workspace' ? workspaceChannel : row.channel;
      const reason = `${decision.error}: ${decision.fix}`;
      rescheduleAlert(db, row.id, {
        nextAttemptAt: now.toISOString(),
        error: reason,
        maybeDelivered: decision.maybeDelivered,
        countAttempt: decision.countAttempt,
      });
      blockChannel(db, {
        channel: key,
        error: decision.error,
        fix: decision.fix,
        now: now.toISOString(),
        retryAt: decision.retryAt.toISOString(),
      });
      const held = holdChannel(db, key, reason);
      if (key === workspaceChannel) run.allStopped = true;
      else run.stopped.add(row.channel);
      log.error('slack.blocked', {
        channel: key === workspaceChannel ? 'workspace' : row.channel,
        error: decision.error,
        fix: decision.fix,
        held,
        probe_at: decision.retryAt.toISOString(),
      });
    }
  }
}

/** A successful post that was a block's probe lifts the block and releases the held rows, in order. */
export function releaseProbe(run: Run, probe: string | undefined): void {
  if (!probe) return;
  const { db, log } = run.deps;
  unblockChannel(db, probe);
  const released = releaseChannel(db, probe, isoNow(run));
  log.info('slack.unblocked', { channel: probe, released });
}
