// The buttons on every message that presents an item, and what they carry (pure). A button's
// `value` names the commitment and the item, so the action handler can call the same verdict
// function as `commitments review` without looking anything up in the message itself.
// https://api.slack.com/reference/block-kit/block-elements#button

import { formatDay } from '../calendar.ts';
import type { MessageContext } from './alert.ts';
import { actorText } from './build-reply.ts';
import { type Block, contextBlock } from './fit-message.ts';

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
  return buttons(v, [evidenceButton, notRelatedButton]);
}

/**
 * What a message shows under an item: the two buttons while nobody has judged it; once someone has,
 * who said what and when (so the next reader of the message does not answer it again), and the one
 * button that changes the answer. Without the Slack app, only the verdict line.
 */
export function itemControls(v: ItemActionValue, ctx: MessageContext): Block[] {
  const judged = ctx.judged?.get(v.itemUrl);
  if (!judged) return ctx.interactive ? [itemActionsBlock(v)] : [];
  const said =
    judged.verdict === 'evidence' ? ':white_check_mark: Counted as evidence' : 'Marked not related';
  const when = judged.at ? ` on ${formatDay(judged.at, ctx.timeZone)}` : '';
  const line = contextBlock([`${said} by ${actorText(judged.by)}${when}.`]);
  if (!ctx.interactive) return [line];
  const change = judged.verdict === 'evidence' ? notRelatedAfterAll : evidenceAfterAll;
  return [line, buttons(v, [change])];
}

interface ButtonShape {
  action: string;
  label: string;
}

const evidenceButton: ButtonShape = { action: actionIds.evidence, label: 'Counts as evidence' };
const notRelatedButton: ButtonShape = { action: actionIds.notRelated, label: 'Not related' };
const evidenceAfterAll: ButtonShape = { action: actionIds.evidence, label: 'Counts as evidence after all' };
const notRelatedAfterAll: ButtonShape = { action: actionIds.notRelated, label: 'Not related after all' };

function buttons(v: ItemActionValue, shapes: ButtonShape[]): Block {
  const value = encodeItemAction(v);
  return {
    type: 'actions',
    elements: shapes.map((b) => ({
      type: 'button',
      action_id: b.action,
      text: { type: 'plain_text', text: b.label },
      value,
    })),
  };
}
