// The buttons on a status card and on due-soon / overdue messages (pure): "Resolve…" (opens the
// resolve modal), "Snooze 2 weeks", and "Reopen" once a person has resolved it. Their `value` names
// the commitment; the action ids are the app's (item-actions.ts).

import type { CommitmentView } from '../commitments/commitment-view.ts';
import type { Block } from './fit-message.ts';
import { actionIds } from './item-actions.ts';

/** Days a "Snooze 2 weeks" press pauses reminders for. */
export const snoozeDays = 14;

const resolvedStatuses = new Set(['met', 'partly-met', 'dropped', 'superseded']);

export function encodeCommitmentAction(commitmentId: string): string {
  return JSON.stringify({ c: commitmentId.slice(0, 500) });
}

/** The commitment a pressed button names; undefined for a value we did not make. */
export function decodeCommitmentAction(value: string | undefined): string | undefined {
  try {
    const v = JSON.parse(value ?? '') as { c?: unknown };
    return typeof v.c === 'string' && v.c ? v.c : undefined;
  } catch {
    return undefined;
  }
}

/** Resolve… and Snooze 2 weeks (snooze only where reminders can come: a due date), or Reopen once resolved. */
export function commitmentActionsBlock(c: Pick<CommitmentView, 'id' | 'status' | 'dueLastDay'>): Block {
  const value = encodeCommitmentAction(c.id);
  const button = (action_id: string, text: string, style?: 'primary') => ({
    type: 'button',
    action_id,
    text: { type: 'plain_text', text },
    value,
    ...(style ? { style } : {}),
  });
  const elements = resolvedStatuses.has(c.status)
    ? [button(actionIds.reopen, 'Reopen')]
    : [
        button(actionIds.resolve, 'Resolve…', 'primary'),
        ...(c.dueLastDay ? [button(actionIds.snooze, `Snooze ${snoozeDays / 7} weeks`)] : []),
      ];
  return { type: 'actions', elements };
}
