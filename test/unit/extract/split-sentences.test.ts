import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/extract/split-sentences.ts';

describe('splitSentences', () => {
  it.each<[string, string[]]>([
    ['One thing. Another thing.', ['One thing.', 'Another thing.']],
    [
      'The Bus Services (No. 2) Bill will pass. It is before Parliament.',
      ['The Bus Services (No. 2) Bill will pass.', 'It is before Parliament.'],
    ],
    [
      'Mr. Smith and Dr. Jones met St. Helens officials. They agreed.',
      ['Mr. Smith and Dr. Jones met St. Helens officials.', 'They agreed.'],
    ],
    [
      'Funding rose to £1.5 billion. Costs fell by 2.5%.',
      ['Funding rose to £1.5 billion.', 'Costs fell by 2.5%.'],
    ],
    ['J. K. Rowling spoke. Then the minister spoke.', ['J. K. Rowling spoke.', 'Then the minister spoke.']],
    ['“We will act.” The minister said so.', ['“We will act.”', 'The minister said so.']],
    ['Is it done? Yes! 2025 will be busy.', ['Is it done?', 'Yes!', '2025 will be busy.']],
    ['e.g. the first scheme. Then more.', ['e.g. the first scheme.', 'Then more.']],
    ['no full stop at the end', ['no full stop at the end']],
    [
      'the supply chain of small boats yesterday evening (Monday 4 March) .',
      ['the supply chain of small boats yesterday evening (Monday 4 March) .'],
    ],
  ])('%j', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });
});
