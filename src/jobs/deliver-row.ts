// Delivers one outbox row: an alert (in its commitment's thread, after the status card), a notice
// (top level of the channel), or a part of a weekly digest (part 1 at the top level, the rest in its
// thread). Every row goes through the same steps: blocked or not due → wait; a row that may already
// be in Slack is looked for first; the post carries the write-ahead mark. What a failure means is
// decided by slack/failure-decision.ts and applied here.

import { alertEventType, buildAlertMessage } from '../slack/build-alert.ts';
import { type Conversation, hasMetadata, type MessagePredicate } from '../slack/find-posted.ts';
import type { PostMessageArgs } from '../slack/slack-client.ts';
import { getDigest, markDigestPart, markDigestSent } from '../store/digests-table.ts';
import { holdAlert, markSending, markSent, type OutboxRow } from '../store/outbox-table.ts';
import { getBlock, workspaceChannel } from '../store/slack-channels-table.ts';
import { getThread } from '../store/threads-table.ts';
import { applyFailure, releaseProbe } from './delivery-failure.ts';
import { isoNow, knownChannelIdOf, lookUpChannelId, type Run } from './delivery-run.ts';
import { ensureThread } from './ensure-thread.ts';
import { DeliveryFailure, type EarlierAttempt, findEarlierPost, postOnce } from './post-once.ts';
import { judgementsOfRow } from './judgements-of-row.ts';
import { pruneReview } from './prune-review.ts';

export const digestEventType = 'followthrough_digest';

export async function deliverRow(run: Run, row: OutboxRow): Promise<void> {
  const { db } = run.deps;
  const blockKey = getBlock(db, workspaceChannel)
    ? workspaceChannel
    : getBlock(db, row.channel)
      ? row.channel
      : undefined;
  let probe: string | undefined;
  if (blockKey) {
    if (!run.probing.has(blockKey)) return holdAndStop(run, row, blockKey);
    run.probing.delete(blockKey); // one probe per block per run
    probe = blockKey;
  }
  if (Date.parse(row.nextAttemptAt) > run.deps.clock().getTime()) {
    run.stopped.add(row.channel);
    return;
  }
  if (row.state === 'sending') run.counts.checkedDuplicates++;
  try {
    const ts = row.kind === 'digest' ? await postDigestPart(run, row) : await postAlert(run, row);
    if (ts === null) {
      // Withdrawn before it left (a review message whose items were all judged): the probe passes on.
      if (probe) run.probing.add(probe);
      return;
    }
    if (ts === undefined) {
      // A later part of a digest whose first part is not in Slack yet: it waits its turn.
      run.stopped.add(row.channel);
      return;
    }
    releaseProbe(run, probe);
  } catch (err) {
    const failure = err instanceof DeliveryFailure ? err : new DeliveryFailure('post', err);
    await applyFailure(run, row, failure, { retryPlain: (args) => postPlain(run, row, args) });
  }
}

/** An alert or notice: check for an earlier attempt, ensure the thread, post. Returns the ts, or null
 *  for a review message withdrawn because every item in it was judged meanwhile. */
async function postAlert(run: Run, queued: OutboxRow): Promise<string | null> {
  let row = queued;
  const { db, log } = run.deps;
  if (row.state === 'sending') {
    const ts = await findEarlierPost(run, alertEarlier(run, row));
    if (ts) {
      finish(run, row, ts, null);
      log.info('slack.already_posted', { alert_id: row.alertId, channel: row.channel, ts });
      return ts;
    }
  }
  // Not in Slack yet: a review message shows only the items nobody has judged since it was queued.
  const pruned = pruneReview(db, row);
  if (!pruned) {
    log.info('slack.review_withdrawn', { alert_id: row.alertId, commitment: row.commitmentId });
    return null;
  }
  row = pruned;
  // A notice is about followthrough itself: it goes to the top level of the channel, in no thread.
  let thread: { channel: string; ts: string } | undefined;
  if (row.kind !== 'notice') {
    try {
      thread = await ensureThread(run, row);
    } catch (err) {
      throw new DeliveryFailure('card', err instanceof DeliveryFailure ? err.cause : err);
    }
  }
  const msg = buildAlertMessage(row.payload, {
    timeZone: run.deps.timeZone,
    interactive: run.deps.interactive === true,
    // An alert judged while it waited (from the CLI, or another message) is posted showing the verdict.
    judged: judgementsOfRow(db, row),
  });
  const args: PostMessageArgs = {
    channel: thread?.channel ?? row.channel,
    ...(thread ? { thread_ts: thread.ts } : {}),
    text: msg.text,
    blocks: msg.blocks,
    ...(msg.metadata ? { metadata: msg.metadata } : {}),
    ...(thread && broadcastKinds.has(row.kind) ? { reply_broadcast: true } : {}),
  };
  const posted = await postOnce(run, args, {
    configured: row.channel,
    stage: 'post',
    markSending: () => markSending(db, row.id, isoNow(run)),
  });
  finish(run, row, posted.ts, posted.channel ?? null);
  log.info('slack.sent', {
    alert_id: row.alertId,
    commitment: row.commitmentId,
    kind: row.kind,
    channel: row.channel,
    ts: posted.ts,
  });
  return posted.ts;
}

// Of everything in a thread, only the overdue alert (once per due date) is also shown in the channel:
// reminders, possible fulfilments and replies stay in the thread, the card shows the latest facts and
// the digest lists what is still overdue and what may be fulfilled.
export const broadcastKinds: ReadonlySet<OutboxRow['kind']> = new Set(['overdue']);

function alertEarlier(run: Run, row: OutboxRow): EarlierAttempt {
  const match = hasMetadata(alertEventType, 'alert_id', row.alertId);
  return {
    since: row.createdAt,
    match,
    where: async (): Promise<Conversation[]> => {
      if (row.kind === 'notice') {
        const id = knownChannelIdOf(run, row.channel) ?? (await lookUpChannelId(run, row.channel));
        // Without the channel's ID the history cannot be read; re-sending a notice is the lesser harm.
        return id ? [{ channel: id }] : [];
      }
      const t = getThread(run.deps.db, row.commitmentId);
      // No thread means the card never got posted, so neither did the alert. Broadcast replies also
      // show at the top level of the channel.
      return t?.ts && t.channel ? [{ channel: t.channel, threadTs: t.ts }, { channel: t.channel }] : [];
    },
  };
}

/** A part of a weekly digest. Returns undefined while an earlier part is not in Slack yet. */
async function postDigestPart(run: Run, row: OutboxRow): Promise<string | undefined> {
  const part = row.payload.digestPart!;
  const { db, log } = run.deps;
  const record = getDigest(db, part.week, row.channel);
  if (part.part > 1 && !record?.slackTs) return undefined;
  const channelId = record?.slackChannel ?? knownChannelIdOf(run, row.channel) ?? null;
  const threadTs = part.part > 1 ? record!.slackTs! : undefined;
  const where = threadTs ? { threadTs } : {};
  const match: MessagePredicate = (m) =>
    m.metadata?.event_type === digestEventType &&
    m.metadata.event_payload?.week === part.week &&
    String(m.metadata.event_payload?.part) === String(part.part);
  const posted = await postOnce(
    run,
    {
      channel: channelId ?? row.channel,
      text: part.message.text,
      blocks: part.message.blocks,
      ...(part.message.metadata ? { metadata: part.message.metadata } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    },
    {
      configured: row.channel,
      stage: 'post',
      markSending: () => markSending(db, row.id, isoNow(run)),
      ...(row.state === 'sending'
        ? {
            earlier: {
              since: row.createdAt,
              match,
              where: async () => {
                const id = channelId ?? (await lookUpChannelId(run, row.channel));
                return id ? [{ channel: id, ...where }] : [];
              },
            },
          }
        : {}),
    },
  );
  if (posted.found)
    log.info('digest.duplicate_avoided', { week: part.week, channel: row.channel, part: part.part });
  finish(run, row, posted.ts, posted.channel ?? channelId);
  return posted.ts;
}

/** Slack refused the message as built: its plain-text fallback, with the same write-ahead mark. */
async function postPlain(run: Run, row: OutboxRow, args: PostMessageArgs): Promise<void> {
  const posted = await postOnce(run, args, {
    configured: row.channel,
    stage: 'post',
    markSending: () => markSending(run.deps.db, row.id, isoNow(run)),
  });
  finish(run, row, posted.ts, posted.channel ?? null);
}

/** Marks the row sent; a digest part also moves its digest on (and the last part finishes it). */
export function finish(run: Run, row: OutboxRow, ts: string | null, channelId: string | null): void {
  const { db } = run.deps;
  const now = isoNow(run);
  db.transaction(() => {
    markSent(db, row.id, { ts, sentTo: 'slack', now });
    recordDigestPart(db, row, ts, channelId, now);
  })();
  run.counts.sent++;
}

/** For a digest part marked sent (to Slack or the console): its digest's progress. */
export function recordDigestPart(
  db: Run['deps']['db'],
  row: OutboxRow,
  ts: string | null,
  channelId: string | null,
  now: string,
): void {
  const part = row.payload.digestPart;
  if (row.kind !== 'digest' || !part) return;
  markDigestPart(db, part.week, row.channel, part.part, { ts, channelId });
  if (part.part === part.parts) markDigestSent(db, part.week, row.channel, now);
}

function holdAndStop(run: Run, row: OutboxRow, blockKey: string): void {
  const b = getBlock(run.deps.db, blockKey);
  holdAlert(run.deps.db, row.id, b ? `${b.error}: ${b.fix}` : 'channel blocked');
  if (blockKey === workspaceChannel) run.allStopped = true;
  else run.stopped.add(row.channel);
}
