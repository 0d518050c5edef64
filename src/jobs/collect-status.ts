// Everything `status` shows, gathered from the store as plain data (the command formats it).

import type { Commitment } from '../commitments/commitment.ts';
import type { Config } from '../config/config.ts';
import { bodyCounts, type BodyCounts } from '../store/bodies-table.ts';
import { listCommitmentStates } from '../store/commitment-state-table.ts';
import { listFeedStates, type FeedState } from '../store/feeds-table.ts';
import { readItemCounts } from '../store/item-counts.ts';
import type { ItemCounts } from '../store/items-table.ts';
import { countEvidence } from '../store/matches-table.ts';
import type { Db } from '../store/open-store.ts';
import { outboxCounts, type OutboxCounts } from '../store/outbox-table.ts';
import { type StuckAlert, stuckAlerts } from '../store/outbox-stuck.ts';
import { editsWaiting } from '../store/message-edits-table.ts';
import { listBlockedChannels, workspaceChannel } from '../store/slack-channels-table.ts';
import { listNotices, readSnapshot } from '../store/snapshots-table.ts';
import { readLock, type LockHolder } from '../store/worker-lock.ts';
import { listVerdicts } from '../store/verdicts-table.ts';
import { lastEvidenceOf } from './alert-facts.ts';
import { invalidNoticePrefix } from './load-watched.ts';

export interface CommitmentStatusLine {
  id: string;
  title: string;
  status: string;
  statusSince: string;
  due: string | null;
  evidence: number;
  lastEvidence: { title: string; url: string; updatedAt: string } | null;
  snoozedUntil: string | null;
  thread: string | null;
  /** The rules have matched nothing in stored history since the commitment has been watched for this long. */
  silentForDays: number | null;
  inFile: boolean;
  /** The latest verdict a person gave on one of its items (CLI or Slack), with who and when. */
  lastVerdict: { verdict: string; actor: string; at: string; via: string; itemUrl: string } | null;
}

export interface StatusSnapshot {
  now: string;
  configFile: string;
  database: string;
  lock: LockHolder | null;
  feeds: Array<FeedState & { problem: string | null }>;
  items: ItemCounts;
  /** GOV.UK page bodies read from the Content API, and the queue of those still to read. */
  bodies: BodyCounts;
  commitments: CommitmentStatusLine[];
  commitmentsFileProblem: { since: string; detail: string } | null;
  outbox: OutboxCounts;
  blockedChannels: ReturnType<typeof listBlockedChannels>;
  /** Undelivered rows that failed at least once (alerts and digest parts), oldest first: why each waits, and until when. */
  stuck: StuckAlert[];
  /** How many rows are stuck in all (`stuck` lists the first ten). */
  stuckTotal: number;
  /** Posted messages still to edit with a verdict given since; why the oldest failing one waits. */
  messageEdits: ReturnType<typeof editsWaiting>;
}

export function collectStatus(
  config: Config,
  db: Db,
  now: Date,
  fileCommitments?: Commitment[],
): StatusSnapshot {
  const inForce = fileCommitments ?? readSnapshot<Commitment[]>(db, 'commitments')?.body ?? [];
  const defs = new Map(inForce.map((c) => [c.id, c]));
  const states = listCommitmentStates(db);
  const commitments: CommitmentStatusLine[] = states.map((s) => {
    const c = defs.get(s.commitmentId);
    const evidence = countEvidence(db, s.commitmentId);
    const watchedDays = Math.floor((now.getTime() - Date.parse(s.firstWatchedAt)) / 86_400_000);
    return {
      id: s.commitmentId,
      title: c?.title ?? '(no longer in the commitments file)',
      status: s.status,
      statusSince: s.statusSince,
      due: c?.due?.text ?? null,
      evidence,
      lastEvidence: lastEvidenceOf(db, s.commitmentId) ?? null,
      snoozedUntil: s.snoozedUntil,
      thread: s.threadUrl ?? (s.threadTs ? `${s.threadChannel}/${s.threadTs}` : null),
      silentForDays: evidence === 0 && watchedDays >= config.silentRuleDays ? watchedDays : null,
      inFile: Boolean(c),
      lastVerdict: lastVerdictOf(db, s.commitmentId),
    };
  });
  const [problem] = listNotices(db, invalidNoticePrefix);
  const blockedChannels = listBlockedChannels(db);
  const stuck = stuckAlerts(db);
  // A held row waits for its channel's (or the workspace's) next probe, not for its own retry time.
  const probeAt = (channel: string) =>
    (
      blockedChannels.find((b) => b.channel === workspaceChannel) ??
      blockedChannels.find((b) => b.channel === channel)
    )?.retryAt;
  return {
    now: now.toISOString(),
    configFile: config.file,
    database: config.database,
    lock: readLock(db) ?? null,
    feeds: listFeedStates(db).map((f) => ({ ...f, problem: feedProblem(f) })),
    items: readItemCounts(db),
    bodies: bodyCounts(db),
    commitments,
    commitmentsFileProblem: problem ? { since: problem.at, detail: problem.detail ?? '' } : null,
    outbox: outboxCounts(db),
    blockedChannels,
    stuck: stuck.rows.map((r) =>
      r.state === 'held' ? { ...r, nextAttemptAt: probeAt(r.channel) ?? r.nextAttemptAt } : r,
    ),
    stuckTotal: stuck.total,
    messageEdits: editsWaiting(db),
  };
}

function feedProblem(f: FeedState): string | null {
  if (f.deadAt) return `dead since ${f.deadAt}: ${f.deadReason ?? 'the feed has ended'}`;
  if (f.failures > 0)
    return `${f.failures} failure${f.failures === 1 ? '' : 's'} in a row: ${f.lastError}; next attempt ${f.nextAttemptAt}`;
  if (!f.lastSuccessAt) return 'never fetched yet';
  if (f.lastSkipped > 0)
    return `${f.lastSkipped} broken entr${f.lastSkipped === 1 ? 'y' : 'ies'} skipped in the last fetch`;
  return null;
}

function lastVerdictOf(db: Db, commitmentId: string): CommitmentStatusLine['lastVerdict'] {
  const v = listVerdicts(db, commitmentId).at(-1);
  return v ? { verdict: v.verdict, actor: v.actor, at: v.at, via: v.via, itemUrl: v.itemUrl } : null;
}
