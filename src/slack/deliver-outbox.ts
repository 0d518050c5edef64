// Delivers the outbox to Slack: loses nothing, sends nothing twice.
//
// - Alerts go in creation order. A channel whose next alert is not due, or whose post just
//   failed, stops for this run so a later alert never overtakes an earlier one; other channels go on.
// - One thread per commitment: its status card is posted first (card_posting_at committed
//   before the post), and every alert replies under it.
// - Write-ahead: an alert is marked `sending` and committed before the call. A `sending` alert
//   may have reached Slack (timeout, 5xx, crash), so before re-sending it its alert_id is looked
//   for in the thread and the channel; if found, it is marked sent and not posted again.
// - 429: retry at Retry-After. Transient: back off 1 min doubling to 1 h. A channel or workspace
//   error blocks the channel (or all), holds its alerts, and one probe post is tried an hour later.
// - No Slack client (no token): alerts are printed to the console and marked sent there.

import { FollowthroughError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Db } from '../store/open-store.ts';
import {
  cancelAlert,
  getAlert,
  holdAlert,
  holdChannel,
  listUnsent,
  markSending,
  markSent,
  releaseChannel,
  rescheduleAlert,
  type OutboxRow,
} from '../store/outbox-table.ts';
import {
  blockChannel,
  getBlock,
  lastPostAt,
  listBlockedChannels,
  notePost,
  unblockChannel,
  workspaceChannel,
} from '../store/slack-channels-table.ts';
import { getThread, knownChannelId, markCardPosting, saveThread } from '../store/threads-table.ts';
import type { AlertKind, StatusCardFacts } from './alert.ts';
import { alertEventType, buildAlertMessage } from './build-alert.ts';
import { buildStatusCard, cardEventType } from './build-card.ts';
import { classifySlackError } from './classify-slack-error.ts';
import { formatConsoleAlert } from './console-sink.ts';
import { findPosted, hasMetadata } from './find-posted.ts';
import { lookupChannelId } from './lookup-channel.ts';
import type { PostMessageArgs, PostMessageResult, SlackApi } from './slack-client.ts';

export interface DeliverOutboxDeps {
  db: Db;
  slack: SlackApi | null;
  log: Logger;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  cardFacts: (commitmentId: string) => StatusCardFacts | null;
  console?: (text: string) => void;
}

export interface DeliverOutboxOptions {
  /** Alerts read per run. */
  limit?: number;
  /** Slack allows about one post a second per channel. */
  perChannelIntervalMs?: number;
}

export interface DeliveryCounts {
  sent: number;
  /** Left pending for a later run (not due, rate-limited, failed transiently). */
  deferred: number;
  /** Parked because their channel (or the workspace) is blocked. */
  held: number;
  /** Alerts that may have been posted already and were looked for in Slack first. */
  checkedDuplicates: number;
}

const minute = 60_000;
const hour = 60 * minute;
// Threaded replies a person must not miss are also shown in the channel.
const broadcastKinds: ReadonlySet<AlertKind> = new Set(['overdue', 'reminder', 'possible-fulfilment']);

interface Run {
  deps: DeliverOutboxDeps;
  slack: SlackApi;
  interval: number;
  counts: DeliveryCounts;
  /** Channels that take no more posts this run. */
  stopped: Set<string>;
  allStopped: boolean;
  /** Blocks whose retry time has come: the next alert of that channel (`*`: any) is the probe. */
  probing: Set<string>;
  /** `#name` → channel ID, from Slack's answers in this run. */
  learned: Map<string, string>;
}

type Stage = 'check' | 'card' | 'post';

export async function deliverOutbox(
  deps: DeliverOutboxDeps,
  opts: DeliverOutboxOptions = {},
): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, deferred: 0, held: 0, checkedDuplicates: 0 };
  const limit = opts.limit ?? 200;
  if (!deps.slack) return printToConsole(deps, limit, counts);
  const run: Run = {
    deps,
    slack: deps.slack,
    interval: opts.perChannelIntervalMs ?? 1000,
    counts,
    stopped: new Set(),
    allStopped: false,
    probing: new Set(),
    learned: new Map(),
  };
  startDueProbes(run);
  const rows = listUnsent(deps.db, limit);
  const groups = [...groupByChannel(rows).values()];
  // A workspace-wide block is probed with one alert before any channel starts.
  if (getBlock(deps.db, workspaceChannel) && groups[0]?.[0]) await deliverOne(run, groups[0].shift()!);
  // Channels run side by side: each paces itself and stops on its own failures.
  await Promise.all(groups.map((list) => deliverChannel(run, list)));
  finishCounts(run, rows);
  if (counts.sent || counts.deferred || counts.held) deps.log.info('slack.delivery', { ...counts });
  return counts;
}

async function deliverChannel(run: Run, list: OutboxRow[]): Promise<void> {
  for (const row of list) {
    if (run.allStopped || run.stopped.has(row.channel)) return;
    await deliverOne(run, row);
  }
}

function printToConsole(deps: DeliverOutboxDeps, limit: number, counts: DeliveryCounts): DeliveryCounts {
  const write = deps.console ?? ((text: string) => process.stdout.write(`${text}\n`));
  for (const row of listUnsent(deps.db, limit, { includeHeld: true })) {
    write(formatConsoleAlert(row.payload));
    markSent(deps.db, row.id, { ts: null, sentTo: 'console', now: deps.now().toISOString() });
    counts.sent++;
  }
  return counts;
}

function startDueProbes(run: Run): void {
  const { db, log } = run.deps;
  const now = run.deps.now();
  for (const b of listBlockedChannels(db)) {
    if (Date.parse(b.retryAt) > now.getTime()) continue;
    releaseChannel(db, b.channel, now.toISOString());
    run.probing.add(b.channel);
    log.info('slack.probe', { channel: b.channel, error: b.error });
  }
}

async function deliverOne(run: Run, row: OutboxRow): Promise<void> {
  const { db, log } = run.deps;
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
  if (Date.parse(row.nextAttemptAt) > run.deps.now().getTime()) {
    run.stopped.add(row.channel);
    return;
  }
  try {
    if (row.state === 'sending') {
      run.counts.checkedDuplicates++;
      const ts = await findAlert(run, row);
      if (ts) {
        markSent(db, row.id, { ts, sentTo: 'slack', now: isoNow(run) });
        run.counts.sent++;
        log.info('slack.already_posted', { alert_id: row.alertId, channel: row.channel, ts });
        return succeeded(run, probe);
      }
    }
  } catch (err) {
    return failed(run, row, err, 'check');
  }
  // A notice is about followthrough itself: it goes to the top level of the channel, in no thread.
  let thread: { channel: string; ts: string } | undefined;
  if (row.kind !== 'notice') {
    try {
      thread = await ensureThread(run, row);
    } catch (err) {
      return failed(run, row, err, 'card');
    }
  }
  const msg = buildAlertMessage(row.payload);
  const args: PostMessageArgs = {
    channel: thread?.channel ?? row.channel,
    ...(thread ? { thread_ts: thread.ts } : {}),
    text: msg.text,
    blocks: msg.blocks,
    ...(msg.metadata ? { metadata: msg.metadata } : {}),
    ...(thread && broadcastKinds.has(row.kind) ? { reply_broadcast: true } : {}),
  };
  try {
    const res = await post(run, row.channel, args, () => markSending(db, row.id, isoNow(run)));
    markSent(db, row.id, { ts: res.ts ?? null, sentTo: 'slack', now: isoNow(run) });
    run.counts.sent++;
    log.info('slack.sent', {
      alert_id: row.alertId,
      commitment: row.commitmentId,
      kind: row.kind,
      channel: row.channel,
      ts: res.ts,
    });
    succeeded(run, probe);
  } catch (err) {
    return failed(run, row, err, 'post', args);
  }
}

/** Pace, then post. `before` runs (and commits) just before the request leaves. */
async function post(
  run: Run,
  configured: string,
  args: PostMessageArgs,
  before?: () => void,
): Promise<PostMessageResult> {
  const { db } = run.deps;
  const last = lastPostAt(db, configured);
  if (last) {
    // Capped at one interval: a replayed clock behind the last real post must not sleep for days.
    const wait = Math.min(run.interval, Date.parse(last) + run.interval - run.deps.now().getTime());
    if (wait > 0) await run.deps.sleep(wait);
  }
  before?.();
  try {
    const res = await run.slack.chat.postMessage({ ...args, unfurl_links: false, unfurl_media: false });
    if (res.channel && !isChannelId(configured)) run.learned.set(configured, res.channel);
    return res;
  } finally {
    notePost(db, configured, isoNow(run));
  }
}

async function ensureThread(run: Run, row: OutboxRow): Promise<{ channel: string; ts: string }> {
  const { db, log } = run.deps;
  const t = getThread(db, row.commitmentId);
  if (t?.ts && t.channel && threadFits(run, t.channel, row.channel)) return { channel: t.channel, ts: t.ts };
  const facts = run.deps.cardFacts(row.commitmentId) ?? {
    commitment: row.payload.commitment,
    evidenceCount: row.payload.evidenceCount ?? 0,
    asOf: isoNow(run),
    ...(row.payload.lastEvidence ? { lastEvidence: row.payload.lastEvidence } : {}),
  };
  let channelId = knownChannelIdOf(run, row.channel);
  if (t?.cardPostingAt) {
    // An earlier run crashed (or timed out) while posting this card: it may be in the channel already.
    channelId ??= await lookUpChannelId(run, row.channel);
    if (channelId) {
      const ts = await findPosted(
        run.slack,
        { channel: channelId },
        t.cardPostingAt,
        hasMetadata(cardEventType, 'commitment_id', row.commitmentId),
      );
      if (ts) {
        log.info('slack.card_found', { commitment: row.commitmentId, channel: channelId, ts });
        return storeThread(run, row.commitmentId, channelId, ts, facts.commitment.status);
      }
    } else {
      log.warn('slack.card_unchecked', {
        commitment: row.commitmentId,
        channel: row.channel,
        reason:
          'channel ID not known and conversations.list did not find it: ' +
          'give the bot the channels:read scope, or configure the channel by ID (C…)',
      });
    }
  }
  const card = buildStatusCard(facts);
  const res = await post(
    run,
    row.channel,
    {
      channel: row.channel,
      text: card.text,
      blocks: card.blocks,
      ...(card.metadata ? { metadata: card.metadata } : {}),
    },
    () => markCardPosting(db, row.commitmentId, isoNow(run)),
  );
  if (!res.ts) throw new FollowthroughError('slack_answer_invalid', 'chat.postMessage answered without a ts');
  log.info('slack.card_posted', {
    commitment: row.commitmentId,
    channel: res.channel ?? row.channel,
    ts: res.ts,
  });
  return storeThread(
    run,
    row.commitmentId,
    res.channel ?? channelId ?? row.channel,
    res.ts,
    facts.commitment.status,
  );
}

async function storeThread(
  run: Run,
  commitmentId: string,
  channel: string,
  ts: string,
  status: string,
): Promise<{ channel: string; ts: string }> {
  let url: string | null = null;
  try {
    url = (await run.slack.chat.getPermalink({ channel, message_ts: ts })).permalink ?? null;
  } catch (err) {
    // The thread works without its link; refreshCards fills it in later.
    run.deps.log.warn('slack.permalink_failed', {
      commitment: commitmentId,
      error: classifySlackError(err).type,
    });
  }
  saveThread(run.deps.db, commitmentId, { channel, ts, url, cardStatus: status, now: isoNow(run) });
  return { channel, ts };
}

/** The ID of a configured channel without asking Slack: as configured, learned this run, or from an earlier thread. */
function knownChannelIdOf(run: Run, configured: string): string | undefined {
  return isChannelId(configured)
    ? configured
    : (run.learned.get(configured) ?? knownChannelId(run.deps.db, configured));
}

/** Asks Slack for a channel's ID by name (history checks need it); undefined, and a warning, when it cannot. */
async function lookUpChannelId(run: Run, configured: string): Promise<string | undefined> {
  return lookupChannelId(run.slack, configured).catch((err: unknown) => {
    run.deps.log.warn('slack.channel_lookup_failed', {
      channel: configured,
      error: classifySlackError(err).type,
    });
    return undefined;
  });
}

/** The thread is reusable when it is in the channel the alert is for (a moved commitment gets a new card). */
function threadFits(run: Run, threadChannel: string, configured: string): boolean {
  if (isChannelId(configured)) return threadChannel === configured;
  const id = run.learned.get(configured);
  return id ? id === threadChannel : true;
}

async function findAlert(run: Run, row: OutboxRow): Promise<string | undefined> {
  const match = hasMetadata(alertEventType, 'alert_id', row.alertId);
  if (row.kind === 'notice') {
    const channelId = knownChannelIdOf(run, row.channel) ?? (await lookUpChannelId(run, row.channel));
    // Without the channel's ID the history cannot be read; re-sending a notice is the lesser harm.
    return channelId ? findPosted(run.slack, { channel: channelId }, row.createdAt, match) : undefined;
  }
  const t = getThread(run.deps.db, row.commitmentId);
  if (t?.ts && t.channel) {
    const inThread = await findPosted(
      run.slack,
      { channel: t.channel, threadTs: t.ts },
      row.createdAt,
      match,
    );
    if (inThread) return inThread;
    // Broadcast replies also show at the top level of the channel.
    return findPosted(run.slack, { channel: t.channel }, row.createdAt, match);
  }
  // No thread means the card never got posted, so neither did the alert.
  return undefined;
}

function succeeded(run: Run, probe: string | undefined): void {
  if (!probe) return;
  const { db, log } = run.deps;
  unblockChannel(db, probe);
  const released = releaseChannel(db, probe, isoNow(run));
  log.info('slack.unblocked', { channel: probe, released });
}

async function failed(
  run: Run,
  row: OutboxRow,
  err: unknown,
  stage: Stage,
  args?: PostMessageArgs,
): Promise<void> {
  const { db, log } = run.deps;
  const c = classifySlackError(err, row.channel);
  const now = run.deps.now();
  // Whether the alert itself may be in Slack: unknown while the check failed; after a post, as classified.
  const maybe = (surely: boolean) => stage === 'check' || (stage === 'post' && surely);
  const countAttempt = stage !== 'post';
  if (c.type === 'rate-limited') {
    rescheduleAlert(db, row.id, {
      nextAttemptAt: new Date(now.getTime() + c.retryAfterSeconds * 1000).toISOString(),
      error: `rate limited by Slack (${stage}); retry after ${c.retryAfterSeconds} s`,
      maybeDelivered: maybe(false),
      countAttempt,
    });
    run.stopped.add(row.channel);
    log.warn('slack.rate_limited', {
      alert_id: row.alertId,
      channel: row.channel,
      stage,
      retry_after_s: c.retryAfterSeconds,
    });
    return;
  }
  if (c.type === 'transient') {
    const attempts = (getAlert(db, row.id)?.attempts ?? row.attempts) + (countAttempt ? 1 : 0);
    const delay = Math.min(hour, minute * 2 ** Math.max(0, attempts - 1));
    rescheduleAlert(db, row.id, {
      nextAttemptAt: new Date(now.getTime() + delay).toISOString(),
      error: `${stage}: ${c.error}`,
      maybeDelivered: maybe(c.maybeDelivered),
      countAttempt,
    });
    run.stopped.add(row.channel);
    log.warn('slack.transient', {
      alert_id: row.alertId,
      channel: row.channel,
      stage,
      error: c.error,
      may_have_posted: maybe(c.maybeDelivered),
      retry_in_s: delay / 1000,
    });
    return;
  }
  if (c.scope === 'message') {
    // Slack refused the message as built: send its plain-text fallback instead of losing it.
    if (stage === 'post' && args?.blocks) {
      log.error('slack.message_refused', { alert_id: row.alertId, error: c.error, fallback: 'plain text' });
      const { blocks: _dropped, ...plain } = args;
      try {
        const res = await post(
          run,
          row.channel,
          c.error.includes('metadata') ? { ...plain, metadata: undefined } : plain,
          () => markSending(db, row.id, isoNow(run)),
        );
        markSent(db, row.id, { ts: res.ts ?? null, sentTo: 'slack', now: isoNow(run) });
        run.counts.sent++;
        return;
      } catch (again) {
        return failed(run, row, again, 'post');
      }
    }
    cancelAlert(db, row.id, `${c.error}: ${c.fix}`);
    log.error('slack.alert_cancelled', {
      alert_id: row.alertId,
      channel: row.channel,
      error: c.error,
      fix: c.fix,
    });
    return;
  }
  const key = c.scope === 'workspace' ? workspaceChannel : row.channel;
  const retryAt = new Date(now.getTime() + hour).toISOString();
  rescheduleAlert(db, row.id, {
    nextAttemptAt: now.toISOString(),
    error: `${c.error}: ${c.fix}`,
    maybeDelivered: maybe(false),
    countAttempt,
  });
  blockChannel(db, { channel: key, error: c.error, fix: c.fix, now: now.toISOString(), retryAt });
  const held = holdChannel(db, key, `${c.error}: ${c.fix}`);
  if (key === workspaceChannel) run.allStopped = true;
  else run.stopped.add(row.channel);
  log.error('slack.blocked', {
    channel: key === workspaceChannel ? 'workspace' : row.channel,
    error: c.error,
    fix: c.fix,
    held,
    probe_at: retryAt,
  });
}

function holdAndStop(run: Run, row: OutboxRow, blockKey: string): void {
  const b = getBlock(run.deps.db, blockKey);
  holdAlert(run.deps.db, row.id, b ? `${b.error}: ${b.fix}` : 'channel blocked');
  if (blockKey === workspaceChannel) run.allStopped = true;
  else run.stopped.add(row.channel);
}

// What became of this run's alerts, read back from the store: every alert is counted once.
function finishCounts(run: Run, rows: OutboxRow[]): void {
  const { db } = run.deps;
  for (const row of rows) {
    const state = getAlert(db, row.id)?.state;
    if (state === 'pending' || state === 'sending') {
      // Alerts of a still-blocked channel that this run did not reach are parked with the rest.
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

function isChannelId(channel: string): boolean {
  return /^[CGD][A-Z0-9]{6,}$/.test(channel);
}

function isoNow(run: Run): string {
  return run.deps.now().toISOString();
}
