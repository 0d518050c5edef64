import { describe, expect, it } from 'vitest';
import {
  actionIds,
  decodeItemAction,
  encodeItemAction,
  itemActionsBlock,
  itemControls,
} from '../../../src/slack/item-actions.ts';
import type { Judgement } from '../../../src/slack/alert.ts';

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

describe('what a message shows under an item', () => {
  const v = { commitmentId: 'c', itemUrl: 'https://www.gov.uk/government/news/x' };
  const judged = (j: Judgement) => new Map([[v.itemUrl, j]]);
  const ids = (blocks: Array<Record<string, unknown>>) =>
    blocks.flatMap((b) =>
      ((b.elements ?? []) as Array<{ action_id?: string }>).map((e) => e.action_id ?? ''),
    );

  it('both buttons while nobody has judged it; nothing without the Slack app', () => {
    expect(ids(itemControls(v, { timeZone: 'Europe/London', interactive: true }))).toEqual([
      actionIds.evidence,
      actionIds.notRelated,
    ]);
    expect(itemControls(v, { timeZone: 'Europe/London' })).toEqual([]);
  });

  it('once judged: who, how and when in words, and only the button that changes the answer', () => {
    const ctx = {
      timeZone: 'Europe/London',
      interactive: true,
      judged: judged({ verdict: 'not-related', by: 'U0REVIEW1', at: '2024-05-07T23:30:00Z' }),
    };
    const blocks = itemControls(v, ctx);
    // 23:30 UTC is already 8 May in London
    expect(JSON.stringify(blocks[0])).toContain('Marked not related by <@U0REVIEW1> on 8 May 2024.');
    expect(ids(blocks).filter(Boolean)).toEqual([actionIds.evidence]);
    expect(JSON.stringify(blocks[1])).toContain('Counts as evidence after all');

    const evidence = itemControls(v, {
      timeZone: 'Europe/London',
      judged: judged({ verdict: 'evidence', by: 'ana <b>', at: '2024-05-07T10:00:00Z' }),
    });
    expect(evidence).toHaveLength(1);
    // a name from the CLI is escaped, never markup
    expect(JSON.stringify(evidence[0])).toContain('Counted as evidence by ana &lt;b&gt; on 7 May 2024.');
  });
});
