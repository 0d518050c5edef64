// `followthrough poll --once [--now ISO]`: one whole cycle — fetch, match, status changes and
// the overdue check as of `now`, delivery of the outbox — for deployments driven by an outside
// scheduler (cron, a Kubernetes CronJob) instead of `run`.

import { fetchFeed } from '../../feeds/fetch-feed.ts';
import { fixedClock } from '../../jobs/clock.ts';
import { runCycle, type CycleReport } from '../../jobs/run-cycle.ts';
import { UsageError } from '../../errors.ts';
import { listBlockedChannels } from '../../store/slack-channels-table.ts';
import { parse, parseNow } from '../args.ts';
import { loadContext, openDatabase, takeWorkerLock } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { makeSlack } from '../slack-adapter.ts';

const usage = `usage: followthrough poll --once [--now ISO] [--json]
Runs one whole cycle: fetch feeds, match new items, check statuses as of --now
(default: the present), deliver alerts. Exit code 4 when Slack delivery is blocked (a person
must fix something: \`followthrough status\` says what), 3 when some feeds failed.`;

export async function pollCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    argv,
    { once: { type: 'boolean' }, now: { type: 'string' }, json: { type: 'boolean' } },
    usage,
    false,
  );
  if (!values.once)
    throw new UsageError(
      'poll runs one whole cycle and then exits, so it needs --once: `followthrough poll --once` ' +
        '(for cron or a Kubernetes CronJob). To keep polling on the schedule, run the worker: `followthrough run`.' +
        `\n\n${usage}`,
    );
  const now = parseNow(values.now);
  const { env, config, log } = loadContext(io);
  const db = openDatabase(config);
  const lock = takeWorkerLock(db, 'poll --once');
  try {
    const report = await runCycle(config, {
      db,
      log,
      clock: fixedClock(now),
      fetchFeed,
      slack: makeSlack(env, log),
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      console: (text) => io.out(text),
    });
    io.out(values.json ? JSON.stringify(summarise(report), null, 2) : formatCycle(report));
    // Blocked delivery (not_in_channel, invalid_auth…) needs a person: cron and monitoring must see it.
    if (listBlockedChannels(db).length > 0) {
      for (const b of listBlockedChannels(db))
        io.err(`Slack ${b.channel === '*' ? 'workspace' : b.channel} blocked: ${b.error} — fix: ${b.fix}`);
      return exitCodes.deliveryBlocked;
    }
    return report.poll && report.poll.failed > 0 ? exitCodes.feedsFailed : exitCodes.ok;
  } finally {
    lock.release();
    db.close();
  }
}

export function summarise(r: CycleReport) {
  return {
    commitments: r.commitments.length,
    commitments_problem: r.commitmentsProblem ?? null,
    match_skipped: r.matchSkipped ?? null,
    feeds: r.poll?.feeds ?? [],
    bodies: r.bodies ?? null,
    matched_items: r.match.items,
    matches: r.match.matches,
    status_changes: r.status?.changes ?? [],
    alerts_raised: r.match.alerts + (r.status?.alerts ?? 0),
    delivery: r.delivery ?? null,
  };
}

export function formatCycle(r: CycleReport): string {
  const lines: string[] = [];
  if (r.commitmentsProblem)
    lines.push(
      r.matchSkipped
        ? `! ${r.matchSkipped}:\n${r.commitmentsProblem}`
        : `! the commitments file is not in force; the last valid set stays in force:\n${r.commitmentsProblem}`,
    );
  for (const f of r.poll?.feeds ?? []) {
    const detail =
      f.outcome === 'stored'
        ? `${f.inserted} new, ${f.majorUpdates} updated` +
          `${f.skipped ? `, ${f.skipped} broken entries skipped` : ''}${f.recovered ? `, ${f.recovered} recovered` : ''}`
        : f.outcome === 'not-due'
          ? `not due until ${f.nextAttemptAt}`
          : f.outcome === 'failed'
            ? `FAILED: ${f.error} (next attempt ${f.nextAttemptAt})`
            : f.outcome === 'dead'
              ? `DEAD: ${f.error}`
              : f.outcome === 'unchanged'
                ? 'unchanged (same items)'
                : 'unchanged (304)';
    lines.push(`feed ${f.id}: ${detail}`);
  }
  const b = r.bodies;
  if (b && b.read + b.unchanged + b.missing + b.failed + b.deferred > 0)
    lines.push(
      `bodies: ${b.read} read, ${b.missing} without a Content API record` +
        `${b.failed ? `, ${b.failed} failed (retried later)` : ''}${b.deferred ? `, ${b.deferred} left for the next cycle` : ''}`,
    );
  lines.push(`matched ${r.match.items} items: ${r.match.matches} matches`);
  for (const c of r.status?.changes ?? []) lines.push(`${c.id}: ${c.from} → ${c.to} (${c.reason})`);
  if (r.delivery)
    lines.push(`alerts: ${r.delivery.sent} sent, ${r.delivery.deferred} deferred, ${r.delivery.held} held`);
  return lines.join('\n');
}
