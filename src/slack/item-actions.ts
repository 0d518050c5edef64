// The buttons on every message that presents an item, and what they carry (pure). A button's
// `value` names the commitment and the item, so the action handler can call the same verdict
// function as `commitments review` without looking anything up in the message itself.
// https://api.slack.com/reference/block-kit/block-elements#button

import type { Block } from './fit-message.ts';

export const actionIds = {
  evidence: 'followthrough_evidence',
  notRelated: 'followthrough_not_related',
  resolve: 'followthrough_resolve',
  snooze: 'followthrough_snooze',
  reopen: 'followthrough_reopen',
} as const;

export type ActionId = (typeof actionIds)[keyof typeof actionIds];

/** What an item button carries. */
export interface ItemActionValue {
  commitmentId: string;
  itemUrl: string;
}

/** Slack allows 2,000 characters in a button value. */
const maxValue = 2000;

export function encodeItemAction(v: ItemActionValue): string {
  const value = JSON.stringify({ c: v.commitmentId, u: v.itemUrl });
  return value.length <= maxValue
    ? value
    : JSON.stringify({ c: v.commitmentId, u: v.itemUrl.slice(0, 1800) });
}

/** The commitment and item a pressed button names; undefined for a value we did not make. */
export function decodeItemAction(value: string | undefined): ItemActionValue | undefined {
  try {
    const v = JSON.parse(value ?? '') as { c?: unknown; u?: unknown };
    return typeof v.c === 'string' && typeof v.u === 'string'
      ? { commitmentId: v.c, itemUrl: v.u }
      : undefined;
  } catch {
    return undefined;
  }
}

/** "Counts as evidence" and "Not related" for one item, as an actions block. */
export function itemActionsBlock(v: ItemActionValue): Block {
  const value = encodeItemAction(v);
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: actionIds.evidence,
        text: { type: 'plain_text', text: 'Counts as evidence' },
        value,
      },
      {
        type: 'button',
        action_id: actionIds.notRelated,
        text: { type: 'plain_text', text: 'Not related' },
        value,
      },
    ],
  };
}
