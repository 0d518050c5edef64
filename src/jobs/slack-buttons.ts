// A button pressed in Slack, as a job: read what it names, check who pressed it, apply the same code
// the CLI runs (recordVerdict for "Counts as evidence" / "Not related", snoozeCommitment,
// reopenCommitment; "Resolve…" opens the modal whose submission is slack-resolve.ts), queue the short
// thread reply in the same transaction, and have delivery post it and edit the card at once.
// The action is keyed by (user, action id, action_ts): Slack delivering it again, perhaps under a new
// envelope id, finds the key taken and changes nothing.

import { addDays, localDay, startOfDay } from '../calendar.ts';
import type { Commitment } from '../commitments/commitment.ts';
import { commitmentView } from '../commitments/commitment-view.ts';
import type { Config } from '../config/config.ts';
import { FollowthroughError } from '../errors.ts';
import { decodeCommitmentAction, snoozeDays } from '../slack/commitment-actions.ts';
import type { ButtonPress } from '../slack/interaction.ts';
import { actionIds, decodeItemAction } from '../slack/item-actions.ts';
import { buildResolveModal } from '../slack/resolve-modal.ts';
import type { Answer } from '../slack/socket-mode.ts';
import { claimSlackAction } from '../store/slack-actions-table.ts';
import { getCommitmentState } from '../store/commitment-state-table.ts';
import { lastEvidenceOf } from './alert-facts.ts';
import { recordVerdict } from './record-verdict.ts';
import { reopenCommitment, snoozeCommitment } from './resolve-commitment.ts';
import {
  applyOnce,
  ensureState,
  findWatched,
  mayAct,
  queueReply,
  refusal,
  type SlackAppDeps,
  tellPrivately,
} from './slack-app-deps.ts';

// Modals opened recently, by action key: a repeated delivery must not stack a second one.
const openedModals = new Set<string>();

export function onButton(config: Config, deps: SlackAppDeps, press: ButtonPress): Answer {
  const key = `${press.user}|${press.actionId}|${press.actionTs}`;
  const tell = (text: string): Answer => ({
    ack: {},
    after: () => tellPrivately(deps, press, press.user, text),
  });
  const item = decodeItemAction(press.value);
  const c = findWatched(config, deps, item?.commitmentId ?? decodeCommitmentAction(press.value));
  if (!c) return tell('That commitment is no longer watched by followthrough, so nothing was changed.');
  if (!mayAct(config, press.user)) {
    deps.log.info('slack.action_refused', { action: press.actionId, commitment: c.id, user: press.user });
    return tell(refusal(config));
  }
  switch (press.actionId) {
    case actionIds.evidence:
    case actionIds.notRelated:
      return item
        ? verdict(config, deps, c, press, key, item.itemUrl, tell)
        : tell('That button names no item.');
    case actionIds.snooze:
      return snooze(config, deps, c, press, key);
    case actionIds.reopen:
      return reopen(config, deps, c, press, key, tell);
    case actionIds.resolve:
      return openResolve(deps, c, press, key);
    default:
      return { ack: {} };
  }
}

function applied(deps: SlackAppDeps, press: ButtonPress, c: Commitment, ok: boolean): Answer {
  deps.log.info('slack.action', { action: press.actionId, commitment: c.id, user: press.user, applied: ok });
  return { ack: {}, after: async () => (ok ? deps.deliverSoon() : undefined) };
}

function verdict(
  config: Config,
  deps: SlackAppDeps,
  c: Commitment,
  press: ButtonPress,
  key: string,
  itemUrl: string,
  tell: (text: string) => Answer,
): Answer {
  const { db } = deps;
  const now = deps.clock();
  const kind = press.actionId === actionIds.evidence ? 'evidence' : 'not-related';
  try {
    const ok = db.transaction((): boolean => {
      const status = ensureState(db, c, now);
      const outcome = recordVerdict(db, {
        commitmentId: c.id,
        itemUrl,
        verdict: kind,
        actor: press.user,
        at: now,
        via: 'slack',
        actionKey: key,
      });
      if (!outcome.applied) return false;
      claimSlackAction(db, { key, kind, commitmentId: c.id, actor: press.user, at: now.toISOString() });
      const reply = {
        action: kind,
        actor: press.user,
        item: { url: outcome.item.url, title: outcome.item.title },
      } as const;
      queueReply(db, config, c, { key, status, reply, now });
      return true;
    })();
    return applied(deps, press, c, ok);
  } catch (err) {
    if (err instanceof FollowthroughError && err.code === 'unknown_item')
      return tell('That item is not in followthrough’s store any more, so no verdict was recorded.');
    throw err;
  }
}

function snooze(config: Config, deps: SlackAppDeps, c: Commitment, press: ButtonPress, key: string): Answer {
  const { db } = deps;
  const now = deps.clock();
  const until = startOfDay(
    addDays(localDay(now, config.timezone), snoozeDays),
    config.timezone,
  ).toISOString();
  const ok = applyOnce(db, config, c, { key, kind: 'snooze', actor: press.user, now }, (status) => {
    snoozeCommitment(db, { id: c.id, until, actor: press.user, now });
    return { status, reply: { action: 'snooze', actor: press.user, until } };
  });
  return applied(deps, press, c, ok);
}

function reopen(
  config: Config,
  deps: SlackAppDeps,
  c: Commitment,
  press: ButtonPress,
  key: string,
  tell: (text: string) => Answer,
): Answer {
  const { db } = deps;
  const now = deps.clock();
  try {
    const ok = applyOnce(db, config, c, { key, kind: 'reopen', actor: press.user, now }, () => {
      const status = reopenCommitment(db, config, c, { id: c.id, actor: press.user, now });
      return { status, reply: { action: 'reopen', actor: press.user, status } };
    });
    return applied(deps, press, c, ok);
  } catch (err) {
    if (err instanceof FollowthroughError && err.code === 'not_resolved')
      return tell('This commitment is not resolved, so there is nothing to reopen.');
    throw err;
  }
}

/** Opens the resolve modal; the trigger id lasts three seconds, so this comes straight after the ack. */
function openResolve(deps: SlackAppDeps, c: Commitment, press: ButtonPress, key: string): Answer {
  if (!press.triggerId || openedModals.has(key)) return { ack: {} };
  openedModals.add(key);
  if (openedModals.size > 500) openedModals.delete(openedModals.values().next().value!);
  const status = getCommitmentState(deps.db, c.id)?.status ?? 'open';
  const view = buildResolveModal(commitmentView(c, status), lastEvidenceOf(deps.db, c.id)?.url);
  return {
    ack: {},
    after: async () => {
      await deps.slack.views.open({ trigger_id: press.triggerId!, view });
      deps.log.info('slack.modal_opened', { commitment: c.id, user: press.user });
    },
  };
}
