import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, type TermHit } from '../../../src/match/match-types.ts';
import { fulfilmentInWords, hitWords, matchedInWords } from '../../../src/slack/match-words.ts';

const hit = (term: string, fields: TermHit['fields'], context: string): TermHit => ({
  term,
  fields,
  context,
});
const m = (w: string) => `${HIT_START}${w}${HIT_END}`;

describe('why an item matched, in words', () => {
  it.each<[string, TermHit[], string]>([
    [
      'two terms in the summary',
      [
        hit('smuggl*', ['summary'], `crack down on people ${m('smugglers')} with the French`),
        hit('French', ['summary'], `crack down on people smugglers with the ${m('French')}`),
      ],
      'Matched *smugglers* and *French* in the summary',
    ],
    [
      'adjacent marked words read as one phrase',
      [hit('people smugglers', ['summary'], `on ${m('people')} ${m('smugglers')} today`)],
      'Matched *people smugglers* in the summary',
    ],
    [
      'places grouped, title first',
      [
        hit('customs partnership', ['title'], `UK and France launch ${m('customs partnership')}`),
        hit('small boat*', ['summary'], `materials for ${m('small boats')}`),
      ],
      'Matched *customs partnership* in the title and *small boats* in the summary',
    ],
    [
      'a term in both places, a word once',
      [
        hit('customs', ['title', 'summary'], `the ${m('customs')} agencies`),
        hit('customs*', ['summary'], `the ${m('Customs')} agencies`),
      ],
      'Matched *customs* in the title and summary',
    ],
    [
      'no marked words: the term as written',
      [hit('Border Force', ['title'], 'no markers')],
      'Matched *Border Force* in the title',
    ],
  ])('%s', (_name, hits, expected) => {
    expect(matchedInWords({ rule: 'r', hits })).toBe(expected);
  });

  it('feed words are escaped before they are set in bold; many terms are counted', () => {
    const hits = Array.from({ length: 8 }, (_, i) =>
      hit(`t${i}`, ['summary'], `${m(`<!channel>&amp;${i}`)}`),
    );
    const text = matchedInWords({ rule: 'r', hits });
    expect(text).toContain('*&lt;!channel&gt;&amp;0*');
    expect(text).not.toContain('<!channel>');
    expect(text).toMatch(/ in the summary and 3 more terms$/);
  });

  it('fulfilment words, or nothing without a fulfilment rule', () => {
    const why = {
      rule: 'r',
      hits: [],
      fulfilment: 'customs partnership AND launched',
      fulfilmentHits: [hit('launched', ['title'], `UK and France ${m('launch')} it`)],
    };
    expect(fulfilmentInWords(why)).toBe('*launch* in the title');
    expect(fulfilmentInWords({ rule: 'r', hits: [] })).toBe('');
    expect(hitWords(hit('x', ['title'], `${m('a')} b ${m('c')}`))).toEqual(['a', 'c']);
  });
});
