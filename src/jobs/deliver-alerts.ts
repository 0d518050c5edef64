// The delivery job: sends what the outbox holds — alerts, notices and digest parts — and loses
// nothing, sends nothing twice.
// - Rows go in creation order. A channel whose next row is not due, or whose post just failed,
//   stops for this run so a later row never overtakes an earlier one; other channels go on.
// - Each row goes through deliver-row.ts (the write-ahead mark, the duplicate check after a crash,
//   the status card first for alerts); a failure is decided by slack/failure-decision.ts.
// - A blocked channel (or workspace) holds its rows; one probe post is tried when the block's
//   retry time comes, and its success releases the rest.
// - No Slack client (no token): rows are printed to the console and marked sent there.

import { formatConsoleAlert } from '../slack/console-sink.ts';
import {
  getAlert,
  holdAlert,
  listUnsent,
  markSent,
  type OutboxRow,
  releaseChannel,
} from '../store/outbox-table.ts';
import { getBlock, listBlockedChannels, workspaceChannel } from '../store/slack-channels-table.ts';
import { recordDigestPart, deliverRow } from './deliver-row.ts';
import { pruneReview } from './prune-review.ts';
import { type DeliveryCounts, type DeliveryDeps, type Run, startRun } from './delivery-run.ts';

export type { DeliveryCounts, DeliveryDeps } from './delivery-run.ts';

export interface DeliverAlertsOptions {
  /** Rows read per run. */
  limit?: number;
  /** Slack allows about one post a second per channel. */
  perChannelIntervalMs?: number;
}

export async function deliverAlerts(
  deps: DeliveryDeps,
  opts: DeliverAlertsOptions = {},
): Promise<DeliveryCounts> {
  const limit = opts.limit ?? 200;
  if (!deps.slack) return printToConsole(deps, limit);
  const run = startRun(deps, deps.slack, opts.perChannelIntervalMs ?? 1000);
  startDueProbes(run);
  const rows = listUnsent(deps.db, limit);
  const groups = [...groupByChannel(rows).values()];
  // A workspace-wide block is probed with one row before any channel starts.
  if (getBlock(deps.db, workspaceChannel) && groups[0]?.[0]) await deliverRow(run, groups[0].shift()!);
  // Channels run side by side: each paces itself and stops on its own failures.
  await Promise.all(groups.map((list) => deliverChannel(run, list)));
  finishCounts(run, rows);
  const { counts } = run;
  if (counts.sent || counts.deferred || counts.held) deps.log.info('slack.delivery', { ...counts });
  return counts;
}

async function deliverChannel(run: Run, list: OutboxRow[]): Promise<void> {
  for (const row of list) {
    if (run.allStopped || run.stopped.has(row.channel)) return;
    await deliverRow(run, row);
  }
}

function printToConsole(deps: DeliveryDeps, limit: number): DeliveryCounts {
  const counts: DeliveryCounts = { sent: 0, deferred: 0, held: 0, checkedDuplicates: 0 };
  const write = deps.console ?? ((text: string) => process.stdout.write(`${text}\n`));
  for (const queued of listUnsent(deps.db, limit, { includeHeld: true })) {
    const row = pruneReview(deps.db, queued);
    if (!row) continue;
    const text = formatConsoleAlert(row.payload, { timeZone: deps.timeZone });
    if (text) write(text);
    const now = deps.clock().toISOString();
    deps.db.transaction(() => {
      markSent(deps.db, row.id, { ts: null, sentTo: 'console', now });
      recordDigestPart(deps.db, row, null, null, now);
    })();
    counts.sent++;
  }
  return counts;
}

function startDueProbes(run: Run): void {
  const { db, log } = run.deps;
  const now = run.deps.clock();
  for (const b of listBlockedChannels(db)) {
    if (Date.parse(b.retryAt) > now.getTime()) continue;
    releaseChannel(db, b.channel, now.toISOString());
    run.probing.add(b.channel);
    log.info('slack.probe', { channel: b.channel, error: b.error });
  }
}

// What became of this run's rows, read back from the store: every row is counted once.
function finishCounts(run: Run, rows: OutboxRow[]): void {
  const { db } = run.deps;
  for (const row of rows) {
    const state = getAlert(db, row.id)?.state;
    if (state === 'pending' || state === 'sending') {
      // Rows of a still-blocked channel that this run did not reach are parked with the rest.
      const blocked = getBlock(db, workspaceChannel) ?? getBlock(db, row.channel);
      if (blocked && state === 'pending' && !run.probing.has(blocked.channel)) {
        holdAlert(db, row.id, `${blocked.error}: ${blocked.fix}`);
        run.counts.held++;
      } else run.counts.deferred++;
    } else if (state === 'held') run.counts.held++;
  }
}

function groupByChannel(rows: OutboxRow[]): Map<string, OutboxRow[]> {
  const groups = new Map<string, OutboxRow[]>();
  for (const r of rows) {
    const list = groups.get(r.channel);
    if (list) list.push(r);
    else groups.set(r.channel, [r]);
  }
  return groups;
}
