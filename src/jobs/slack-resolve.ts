// The resolve modal's submission, as a job: validate (Slack shows the errors beside the fields and
// keeps the modal open), check who submitted it, then the same resolveCommitment `commitments
// resolve` runs, and the thread reply, in one transaction. The view id keys the submission, so a
// repeated delivery resolves once. A resolved commitment gets no more reminders.

import type { Config } from '../config/config.ts';
import type { ViewSubmission } from '../slack/interaction.ts';
import { readResolveSubmission, resolveCallbackId } from '../slack/resolve-modal.ts';
import type { Answer } from '../slack/socket-mode.ts';
import { resolveCommitment } from './resolve-commitment.ts';
import { applyOnce, findWatched, mayAct, refusal, type SlackAppDeps } from './slack-app-deps.ts';

const errors = (e: Record<string, string>): Answer => ({ ack: { response_action: 'errors', errors: e } });

export function onResolveSubmission(config: Config, deps: SlackAppDeps, sub: ViewSubmission): Answer {
  if (sub.callbackId !== resolveCallbackId) return { ack: {} };
  const read = readResolveSubmission(sub);
  if (!read.ok) return errors(read.errors);
  if (!mayAct(config, sub.user)) {
    deps.log.info('slack.action_refused', {
      action: 'resolve',
      commitment: read.input.commitmentId,
      user: sub.user,
    });
    return errors({ status: refusal(config).replaceAll('`', '') });
  }
  const c = findWatched(config, deps, read.input.commitmentId);
  if (!c) return errors({ status: 'That commitment is no longer watched by followthrough.' });
  const { db } = deps;
  const now = deps.clock();
  const { status, evidenceUrl, note } = read.input;
  const key = `${sub.user}|view_submission|${sub.viewId}`;
  const ok = applyOnce(db, config, c, { key, kind: 'resolve', actor: sub.user, now }, () => {
    resolveCommitment(db, {
      id: c.id,
      status,
      actor: sub.user,
      now,
      ...(note ? { note } : {}),
      ...(evidenceUrl ? { evidenceUrl } : {}),
    });
    const reply = {
      action: 'resolve' as const,
      actor: sub.user,
      status,
      ...(note ? { note } : {}),
      ...(evidenceUrl ? { evidenceUrl } : {}),
    };
    return { status, reply };
  });
  deps.log.info('slack.action', { action: 'resolve', commitment: c.id, user: sub.user, status, applied: ok });
  return { ack: {}, after: async () => (ok ? deps.deliverSoon() : undefined) };
}
