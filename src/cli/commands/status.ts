// `followthrough status [--json]`: feeds (last success, failures, next attempt), item counts,
// commitments, the outbox and anything a person must fix.

import { collectStatus, type StatusSnapshot } from '../../jobs/collect-status.ts';
import { parse, parseNow } from '../args.ts';
import { loadContext } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { openStore } from '../../store/open-store.ts';

const usage = `usage: followthrough status [--json] [--now ISO]
Shows feeds (last success, failures, last error, next attempt), item counts, commitments,
the outbox (what is stuck, why, and the next attempt) and blocked Slack channels.
Exit code 4 while Slack delivery is blocked, 3 when a feed is failing or dead, 0 otherwise.`;

export async function statusCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' }, now: { type: 'string' } }, usage, false);
  const { config } = loadContext(io);
  const db = openStore(config.database);
  try {
    const snapshot = collectStatus(config, db, parseNow(values.now));
    io.out(values.json ? JSON.stringify(snapshot, null, 2) : formatStatus(snapshot));
    if (snapshot.blockedChannels.length > 0) return exitCodes.deliveryBlocked;
    return snapshot.feeds.some((f) => f.failures > 0 || f.deadAt) ? exitCodes.feedsFailed : exitCodes.ok;
  } finally {
    db.close();
  }
}

export function formatStatus(s: StatusSnapshot): string {
  const out: string[] = [];
  out.push(`database ${s.database}`);
  out.push(
    s.lock
      ? `worker: ${s.lock.owner} (pid ${s.lock.pid} on ${s.lock.host}), heartbeat ${s.lock.heartbeatAt}`
      : 'worker: none running',
  );
  if (s.commitmentsFileProblem)
    out.push(
      `\n! commitments file not in force since ${s.commitmentsFileProblem.since}` +
        `${s.commitments.length ? '; the last valid set stays in force' : ''}:\n` +
        `${s.commitmentsFileProblem.detail}`,
    );
  out.push('', 'FEEDS');
  for (const f of s.feeds) {
    out.push(`  ${f.id}  ${f.problem ? `! ${f.problem}` : 'ok'}`);
    out.push(
      `    last success ${f.lastSuccessAt ?? 'never'} · next attempt ${f.nextAttemptAt ?? 'now'} · ${s.items.byFeed[f.id] ?? 0} items`,
    );
  }
  out.push(
    '',
    `ITEMS  ${s.items.total} stored · ${s.items.majorUpdates} major updates · ${s.items.pending} waiting to be matched`,
    `  bodies: ${s.bodies.fetched} read · ${s.bodies.pending} to read` +
      `${s.bodies.retrying ? ` (${s.bodies.retrying} after a failure)` : ''}` +
      ` · ${s.bodies.missing} without a Content API record${s.bodies.gaveUp ? ` · ${s.bodies.gaveUp} given up` : ''}`,
  );
  if (s.bodies.retrying && s.bodies.lastError) out.push(`  ! last body failure: ${s.bodies.lastError}`);
  out.push('', 'COMMITMENTS');
  for (const c of s.commitments) {
    out.push(
      `  ${c.id}  ${c.status}${c.due ? ` · due ${c.due}` : ''} · ${c.evidence} evidence` +
        `${c.snoozedUntil ? ` · snoozed until ${c.snoozedUntil}` : ''}`,
    );
    if (c.lastEvidence)
      out.push(`    last evidence ${c.lastEvidence.updatedAt.slice(0, 10)}: ${c.lastEvidence.title}`);
    if (c.lastVerdict)
      out.push(
        `    last verdict ${c.lastVerdict.at.slice(0, 10)}: ${c.lastVerdict.verdict} by ${c.lastVerdict.actor} ` +
          `(${c.lastVerdict.via}) — ${c.lastVerdict.itemUrl}`,
      );
    if (c.silentForDays !== null)
      out.push(
        `    ! its rules have matched nothing in ${Math.floor(c.silentForDays / 7)} weeks of stored history: ` +
          `a watch that may never fire — try \`followthrough commitments test ${c.id}\``,
      );
    if (!c.inFile) out.push('    ! no longer in the commitments file (history kept)');
  }
  const o = s.outbox;
  out.push(
    '',
    `OUTBOX  ${o.pending} pending · ${o.sending} unconfirmed · ${o.held} held · ${o.sent} sent` +
      `${o.oldestPendingAt ? ` · oldest pending ${o.oldestPendingAt}` : ''}`,
  );
  for (const a of s.stuck)
    out.push(
      `  ! ${a.what} → ${a.channel}: ${a.state === 'held' ? 'held: ' : ''}${a.lastError}` +
        ` · ${a.attempts} attempt${a.attempts === 1 ? '' : 's'} · next attempt ${a.nextAttemptAt}`,
    );
  if (s.stuckTotal > s.stuck.length) out.push(`  … and ${s.stuckTotal - s.stuck.length} more waiting`);
  const e = s.messageEdits;
  if (e.total > 0)
    out.push(
      `  ${e.failing ? '! ' : ''}${e.total} posted message${e.total === 1 ? '' : 's'} to edit with a verdict given since` +
        (e.failing
          ? `: ${e.failing.lastError} · ${e.failing.attempts} attempt${e.failing.attempts === 1 ? '' : 's'}` +
            ` · next attempt ${e.failing.nextAttemptAt}`
          : ''),
    );
  for (const b of s.blockedChannels)
    out.push(
      `  ! Slack ${b.channel === '*' ? 'workspace' : b.channel} blocked since ${b.blockedAt}: ${b.error} — fix: ${b.fix}`,
    );
  return out.join('\n');
}
