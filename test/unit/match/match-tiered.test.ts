// matchTiered, pure: a rule on an item's title or summary is evidence, the body adds reasons; a rule
// that needs the body makes the item `related` (the review tier), explained with the body's words.

import { describe, expect, it } from 'vitest';
import { type CommitmentRules, compileCommitment } from '../../../src/match/compile-commitment.ts';
import { matchTiered } from '../../../src/match/match-tiered.ts';
import { HIT_END, HIT_START, type MatchableItem } from '../../../src/match/match-types.ts';

const tz = 'Europe/London';
const mark = (words: string): string => `${HIT_START}${words}${HIT_END}`;

function item(id: number, title: string, summary: string, body?: string): MatchableItem {
  return { id, title, summary, updatedAt: '2024-12-10T12:00:00Z', ...(body ? { body } : {}) };
}

const rules: CommitmentRules = {
  id: 'customs-partnership',
  source: { published: '2024-03-05' },
  match: { any: ['customs partnership', 'customs AND small boat'], exclude: ['statistics'] },
  fulfilment: ['customs partnership AND signed'],
};
const c = compileCommitment(rules);

describe('matchTiered', () => {
  it('keeps a title or summary match as it was, with the body’s words added to its reason', () => {
    const [hit, ...rest] = matchTiered(
      [item(1, 'Customs partnership', 'Ministers met.', 'The customs partnership was signed in Brussels.')],
      [c],
      { timeZone: tz },
    );
    expect(rest).toEqual([]);
    // the fulfilment term is only in the body: still progress, not a possible fulfilment
    expect(hit).toMatchObject({ kind: 'progress', why: { rule: 'customs partnership' } });
    expect(hit!.why.hits).toEqual([
      {
        term: 'customs partnership',
        fields: ['title', 'body'],
        context: expect.stringContaining(mark('customs partnership')),
      },
    ]);
    // the score is the face's: a title hit counts 2
    expect(hit!.score).toBe(2);
  });

  it('records a match that needs the body as related, naming the body and its words in context', () => {
    const hits = matchTiered(
      [
        item(
          2,
          'Calais Group: written statement',
          'The Home Secretary updates the House.',
          'France and the UK will lead a new customs partnership.',
        ),
        item(3, 'Calais Group', 'No rule words here.'),
      ],
      [c],
      { timeZone: tz },
    );
    expect(hits).toEqual([
      {
        commitmentId: 'customs-partnership',
        itemId: 2,
        kind: 'related',
        score: 0.5,
        why: {
          rule: 'customs partnership',
          hits: [
            {
              term: 'customs partnership',
              fields: ['body'],
              context: `France and the UK will lead a new ${mark('customs partnership')}.`,
            },
          ],
        },
      },
    ]);
  });

  it('an exclude word in the body keeps an item out of review but does not withdraw a match on its face', () => {
    const hits = matchTiered(
      [
        item(4, 'Customs partnership', 'Launched.', 'Quarterly statistics follow.'),
        item(5, 'Quarterly report', 'Border crossings.', 'The customs partnership; statistics annex.'),
      ],
      [c],
      { timeZone: tz },
    );
    expect(hits.map((h) => [h.itemId, h.kind])).toEqual([[4, 'progress']]);
  });

  it('gives the same answer as matchItems when no item has a body', () => {
    const items = [item(6, 'Customs partnership signed', ''), item(7, 'Small boat customs checks', '')];
    expect(matchTiered(items, [c], { timeZone: tz }).map((h) => [h.itemId, h.kind])).toEqual([
      [6, 'possible-fulfilment'],
      [7, 'progress'],
    ]);
  });
});
