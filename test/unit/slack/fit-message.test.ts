import { describe, expect, it } from 'vitest';
import { fitMessage, linesWithin, sectionBlock, truncateMrkdwn } from '../../../src/slack/fit-message.ts';
import { limits } from '../../../src/slack/limits.ts';

describe('truncateMrkdwn', () => {
  it.each([
    { name: 'short text is unchanged', text: 'abc', max: 10, want: 'abc' },
    { name: 'cuts with an ellipsis', text: 'abcdefghij', max: 5, want: 'abcd…' },
    { name: 'never inside a link', text: 'see <https://www.gov.uk/a|the item> now', max: 20, want: 'see…' },
    {
      name: 'keeps a whole link before the cut',
      text: '<https://x.gov.uk|x> and more words here',
      max: 25,
      want: '<https://x.gov.uk|x> and…',
    },
    { name: 'never inside an entity', text: 'fish &amp; chips', max: 8, want: 'fish …' },
  ])('$name', ({ text, max, want }) => {
    expect(truncateMrkdwn(text, max)).toBe(want);
  });
});

describe('linesWithin', () => {
  it('keeps whole lines and counts the rest', () => {
    expect(linesWithin(['aaaa', 'bbbb', 'cccc', 'dddd'], 16, (n) => `+${n}`)).toBe('aaaa\nbbbb\n+2');
    expect(linesWithin(['a', 'b'], 100, (n) => `+${n}`)).toBe('a\nb');
  });
});

describe('fitMessage', () => {
  it('brings any message within the block count and total size, links intact', () => {
    const link = '<https://www.gov.uk/government/news/item|An item>';
    const blocks = Array.from({ length: 80 }, () => sectionBlock(`${link} ${'word '.repeat(700)}`));
    const msg = fitMessage({ text: 'x'.repeat(20_000), blocks });
    expect(msg.blocks.length).toBeLessThanOrEqual(limits.blocksPerMessage);
    expect(msg.text.length).toBeLessThanOrEqual(limits.messageText);
    expect(JSON.stringify(msg.blocks).length + msg.text.length).toBeLessThanOrEqual(limits.messageTotal);
    for (const b of msg.blocks) {
      const text = (b.text as { text: string } | undefined)?.text ?? '';
      expect([...text.matchAll(/</g)].length).toBe([...text.matchAll(/<https:[^<>]*\|[^<>]*>/g)].length);
    }
  });

  it('does not change a message that fits', () => {
    const msg = { text: 'hello', blocks: [sectionBlock('hello')] };
    expect(fitMessage(msg)).toEqual(msg);
  });
});
