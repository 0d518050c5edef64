import { describe, expect, it } from 'vitest';
import type { ProposedCommitment } from '../../../src/extract/extract-commitments.ts';
import { findDuplicate } from '../../../src/extract/find-duplicate.ts';

const url = 'https://www.gov.uk/government/news/calais-group';
const quote = 'The UK and France will lead a new customs partnership.';
const proposal = (over: Partial<ProposedCommitment['source']> = {}) =>
  ({
    id: 'customs-partnership',
    title: 'Customs',
    source: { url, published: '2024-03-05', quote, ...over },
  }) as ProposedCommitment;

describe('findDuplicate', () => {
  it.each([
    [
      'the same quote, re-wrapped and re-punctuated',
      [{ id: 'a', source: { quote: 'the UK  and France will lead a new customs partnership' } }],
      'a',
      'same quote',
    ],
    [
      'the same announcement, a longer quote',
      [{ id: 'b', source: { url: `${url}/`, quote: `${quote} It starts in April.` } }],
      'b',
      'same announcement and quote',
    ],
    [
      'the same announcement, another sentence',
      [{ id: 'c', source: { url, quote: 'Frontex will get a new agreement.' } }],
      undefined,
      undefined,
    ],
    [
      'a part of the quote from elsewhere',
      [{ id: 'd', source: { url: 'https://www.gov.uk/other', quote: 'customs partnership' } }],
      undefined,
      undefined,
    ],
    ['nothing watched', [], undefined, undefined],
  ])('%s', (_name, watched, id, why) => {
    const d = findDuplicate(proposal(), watched);
    expect(d?.id).toBe(id);
    expect(d?.why).toBe(why);
  });
});
