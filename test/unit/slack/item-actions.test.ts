import { describe, expect, it } from 'vitest';
import {
  actionIds,
  decodeItemAction,
  encodeItemAction,
  itemActionsBlock,
} from '../../../src/slack/item-actions.ts';

describe('item action buttons', () => {
  it('carry the commitment and the item, and decode back', () => {
    const v = {
      commitmentId: 'customs-partnership',
      itemUrl: 'https://www.gov.uk/government/news/x?a=1&b=<2>',
    };
    expect(decodeItemAction(encodeItemAction(v))).toEqual(v);
  });

  it('refuse values we did not make', () => {
    expect(decodeItemAction('not json')).toBeUndefined();
    expect(decodeItemAction('{"c":1}')).toBeUndefined();
    expect(decodeItemAction(undefined)).toBeUndefined();
  });

  it('are two buttons with the action ids the app listens for, within Slack limits', () => {
    const block = itemActionsBlock({
      commitmentId: 'c',
      itemUrl: `https://www.gov.uk/${'a'.repeat(3000)}`,
    }) as {
      elements: Array<{ action_id: string; value: string }>;
    };
    expect(block.elements.map((e) => e.action_id)).toEqual([actionIds.evidence, actionIds.notRelated]);
    for (const e of block.elements) expect(e.value.length).toBeLessThanOrEqual(2000);
  });
});
