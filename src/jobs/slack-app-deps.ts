// What the Slack app's jobs share: their adapters, who may act, the commitment a button names, the
// short reply in its thread (an outbox row like every other message, keyed by the action so a
// repeated delivery queues nothing twice), and a note only the person who pressed sees.

import type { Commitment, CommitmentStatus } from '../commitments/commitment.ts';
import { commitmentView } from '../commitments/commitment-view.ts';
import type { Config } from '../config/config.ts';
import { errorMessage } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { ActionReply } from '../slack/alert.ts';
import { actorText } from '../slack/build-reply.ts';
import { classifySlackError } from '../slack/classify-slack-error.ts';
import type { SlackClients } from '../slack/slack-client.ts';
import { ensureCommitmentState, getCommitmentState } from '../store/commitment-state-table.ts';
import type { Db } from '../store/open-store.ts';
import { claimSlackAction } from '../store/slack-actions-table.ts';
import { enqueueAlert } from '../store/outbox-table.ts';
import { channelFor } from './alert-facts.ts';
import type { Clock } from './clock.ts';
import { loadWatched } from './load-watched.ts';

export interface SlackAppDeps {
  db: Db;
  log: Logger;
  clock: Clock;
  slack: SlackClients;
  /** Deliver what an action queued (its thread reply) and refresh the cards, now rather than next minute. */
  deliverSoon: () => void;
}

/** Anyone in the channel, unless `slack.reviewers` names who may. */
export function mayAct(config: Config, user: string): boolean {
  return config.slack.reviewers.length === 0 || config.slack.reviewers.includes(user);
}

export function refusal(config: Config): string {
  return (
    `Only the reviewers named in followthrough's configuration can do this: ${config.slack.reviewers.map(actorText).join(', ')}. ` +
    'Ask one of them, or ask whoever runs followthrough to add you to `slack.reviewers`.'
  );
}

export function findWatched(
  config: Config,
  deps: SlackAppDeps,
  id: string | undefined,
): Commitment | undefined {
  if (!id) return undefined;
  return loadWatched(config, deps).commitments.find((c) => c.id === id);
}

/** Before a person's first decision the commitment may have no row yet (as in the CLI). */
export function ensureState(db: Db, c: Commitment, now: Date): CommitmentStatus {
  ensureCommitmentState(db, c.id, now.toISOString(), '');
  return getCommitmentState(db, c.id)!.status;
}

/**
 * Apply a Slack action exactly once: in one transaction, claim its key (a repeated delivery finds it
 * taken and changes nothing), give the commitment its row, run `act` (the same code the CLI runs)
 * and queue the thread reply it returns. Returns whether the action was applied now.
 */
export function applyOnce(
  db: Db,
  config: Config,
  c: Commitment,
  a: { key: string; kind: string; actor: string; now: Date },
  act: (status: CommitmentStatus) => { status: CommitmentStatus; reply: ActionReply },
): boolean {
  return db.transaction((): boolean => {
    const claimed = claimSlackAction(db, {
      key: a.key,
      kind: a.kind,
      commitmentId: c.id,
      actor: a.actor,
      at: a.now.toISOString(),
    });
    if (!claimed) return false;
    const done = act(ensureState(db, c, a.now));
    queueReply(db, config, c, { key: a.key, status: done.status, reply: done.reply, now: a.now });
    return true;
  })();
}

/** Queue the thread reply for an action. Call in the action's transaction. */
export function queueReply(
  db: Db,
  config: Config,
  c: Commitment,
  a: { key: string; status: CommitmentStatus; reply: ActionReply; now: Date },
): void {
  const now = a.now.toISOString();
  enqueueAlert(db, {
    key: `${c.id}|reply|${a.key}`,
    commitmentId: c.id,
    kind: 'reply',
    channel: channelFor(c, config),
    now,
    payload: { kind: 'reply', commitment: commitmentView(c, a.status), raisedAt: now, reply: a.reply },
  });
}

/** A note only `user` sees, where they pressed. A failure is logged: the action itself stands. */
export async function tellPrivately(
  deps: SlackAppDeps,
  where: { channel?: string; threadTs?: string },
  user: string,
  text: string,
): Promise<void> {
  if (!where.channel) return;
  try {
    await deps.slack.chat.postEphemeral({
      channel: where.channel,
      user,
      text,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    });
  } catch (err) {
    deps.log.warn('slack.ephemeral_failed', {
      user,
      error: classifySlackError(err).type,
      detail: errorMessage(err),
    });
  }
}
