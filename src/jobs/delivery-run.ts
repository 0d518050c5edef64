// One delivery run: its state (which channels stopped, which blocks are being probed, the channel
// IDs Slack told us) and the paced post that every message of the run goes through.

import type { Logger } from '../log.ts';
import type { StatusCardFacts } from '../slack/alert.ts';
import { classifySlackError } from '../slack/classify-slack-error.ts';
import { lookupChannelId } from '../slack/lookup-channel.ts';
import type { PostMessageArgs, PostMessageResult, SlackApi } from '../slack/slack-client.ts';
import type { Db } from '../store/open-store.ts';
import { lastPostAt, notePost } from '../store/slack-channels-table.ts';
import { knownChannelId } from '../store/threads-table.ts';
import type { Clock } from './clock.ts';

export interface DeliveryDeps {
  db: Db;
  slack: SlackApi | null;
  log: Logger;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  /** The configured zone, for the dates messages show. */
  timeZone: string;
  cardFacts: (commitmentId: string) => StatusCardFacts | null;
  /** The Slack app answers buttons (SLACK_APP_TOKEN): messages and cards carry them. */
  interactive?: boolean;
  /** Where messages go without a Slack client. */
  console?: (text: string) => void;
}

export interface DeliveryCounts {
  sent: number;
  /** Left pending for a later run (not due, rate-limited, failed transiently). */
  deferred: number;
  /** Parked because their channel (or the workspace) is blocked. */
  held: number;
  /** Rows that may have been posted already and were looked for in Slack first. */
  checkedDuplicates: number;
}

export interface Run {
  deps: DeliveryDeps;
  slack: SlackApi;
  /** Slack allows about one post a second per channel. */
  interval: number;
  counts: DeliveryCounts;
  /** Channels that take no more posts this run. */
  stopped: Set<string>;
  allStopped: boolean;
  /** Blocks whose retry time has come: the next row of that channel (`*`: any) is the probe. */
  probing: Set<string>;
  /** `#name` → channel ID, from Slack's answers in this run. */
  learned: Map<string, string>;
}

export function startRun(deps: DeliveryDeps, slack: SlackApi, interval: number): Run {
  return {
    deps,
    slack,
    interval,
    counts: { sent: 0, deferred: 0, held: 0, checkedDuplicates: 0 },
    stopped: new Set(),
    allStopped: false,
    probing: new Set(),
    learned: new Map(),
  };
}

/** Pace, then post. `before` runs (and commits) just before the request leaves: the write-ahead mark. */
export async function pacedPost(
  run: Run,
  configured: string,
  args: PostMessageArgs,
  before?: () => void,
): Promise<PostMessageResult> {
  const { db } = run.deps;
  const last = lastPostAt(db, configured);
  if (last) {
    // Capped at one interval: a replayed clock behind the last real post must not sleep for days.
    const wait = Math.min(run.interval, Date.parse(last) + run.interval - run.deps.clock().getTime());
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

/** The ID of a configured channel without asking Slack: as configured, learned this run, or from an earlier thread. */
export function knownChannelIdOf(run: Run, configured: string): string | undefined {
  return isChannelId(configured)
    ? configured
    : (run.learned.get(configured) ?? knownChannelId(run.deps.db, configured));
}

/** Asks Slack for a channel's ID by name (history checks need it); undefined, and a warning, when it cannot. */
export async function lookUpChannelId(run: Run, configured: string): Promise<string | undefined> {
  return lookupChannelId(run.slack, configured).catch((err: unknown) => {
    run.deps.log.warn('slack.channel_lookup_failed', {
      channel: configured,
      error: classifySlackError(err).type,
    });
    return undefined;
  });
}

export function isChannelId(channel: string): boolean {
  return /^[CGD][A-Z0-9]{6,}$/.test(channel);
}

export function isoNow(run: Run): string {
  return run.deps.clock().toISOString();
}
