// matchItems, pure: how rules evaluate over title, summary and body, what a hit says, and which items
// are never hits. (Agreement with FTS5 on random rules: test/integration/match/matcher-oracle.test.ts.)

import { describe, expect, it } from 'vitest';
import { type CommitmentRules, compileCommitment } from '../../../src/match/compile-commitment.ts';
import { matchItems } from '../../../src/match/match-items.ts';
import { HIT_END, HIT_START, type MatchableItem } from '../../../src/match/match-types.ts';

const tz = 'Europe/London';
const mark = (words: string): string => `${HIT_START}${words}${HIT_END}`;

function item(id: number, title: string, summary = '', extra: Partial<MatchableItem> = {}): MatchableItem {
  return { id, title, summary, updatedAt: '2024-06-01T12:00:00Z', ...extra };
}

function commitment(any: string[], extra: Partial<CommitmentRules> = {}): CommitmentRules {
  return {
    id: 'c',
    source: { published: '2024-01-01' },
    match: { any, exclude: [] },
    fulfilment: [],
    ...extra,
  };
}

/** Ids of the items the rule matches. */
function ids(rule: string, items: MatchableItem[]): number[] {
  return matchItems(items, [compileCommitment(commitment([rule]))], { timeZone: tz }).map((h) => h.itemId);
}

describe('rules over the fields', () => {
  const items = [
    item(1, 'Customs partnership launched', 'With France.'),
    item(2, 'Partnership on customs', 'A customs union.'),
    item(3, 'New customs', 'partnership talks', { body: 'The operational plan for smuggling gangs.' }),
    item(4, 'Operations update', 'Smugglers jailed after operation in France'),
    item(5, 'Smuggler caught', '', { body: 'A customs partnership, at last.' }),
  ];

  it.each([
    ['customs partnership', [1, 5]], // a phrase: side by side, in order, in one field (never title → summary)
    ['customs partnerships', [1, 5]], // stemmed
    ['"customs partnership"', [1, 5]],
    ['partnership customs', []],
    ['customs AND partnership', [1, 2, 3, 5]], // AND may be met across fields
    ['customs AND France', [1]],
    ['France OR union', [1, 2, 4]],
    ['(France OR union) AND customs', [1, 2]],
    ['customs AND (France OR union) OR jailed', [1, 2, 4]],
    ['oper*', [3, 4]], // a prefix, stemmed first: operational → oper
    ['operational*', [3, 4]],
    ['smugglers', [3, 4, 5]], // agent nouns meet their verbs when unquoted
    ['"smugglers"', [4, 5]],
    ['smuggling gangs', [3]],
    ['operation in Franc*', [4]],
    // The emoji's part has no token, and FTS5 then asks for `smuggl` exactly: smuggling, not smugglers.
    ['smuggl* 🚤', [3]],
    ['smuggl*', [3, 4, 5]],
    ['plan', [3]], // body only
  ])('%s → %j', (rule, expected) => {
    expect(ids(rule, items)).toEqual(expected);
  });
});

describe('what a hit says', () => {
  const c = compileCommitment(
    commitment(['customs partnership', 'smugglers AND France'], { fulfilment: ['launched OR "at last"'] }),
  );

  it('names the first expression that hits, each of its terms that hit, every field and a context', () => {
    const items = [
      item(1, 'Customs partnership and smugglers', 'France and the customs partnership', {
        body: 'Smugglers and customs partnership. France too.',
      }),
    ];
    expect(matchItems(items, [c], { timeZone: tz })).toEqual([
      {
        commitmentId: 'c',
        itemId: 1,
        kind: 'progress',
        score: 3.5,
        why: {
          rule: 'customs partnership',
          hits: [
            {
              term: 'customs partnership',
              fields: ['title', 'summary', 'body'],
              context: `France and the ${mark('customs partnership')}`,
            },
          ],
        },
      },
    ]);
  });

  it('takes the context from the summary, else the body, else the title; body hits score 0.5', () => {
    const items = [
      item(1, 'Smugglers in the news', 'Nothing here', { body: 'Smugglers crossed from France.' }),
      item(2, 'France: smugglers', ''),
    ];
    const [a, b] = matchItems(items, [c], { timeZone: tz });
    expect(a!.why.hits).toEqual([
      { term: 'smugglers', fields: ['title', 'body'], context: `${mark('Smugglers')} crossed from France.` },
      { term: 'France', fields: ['body'], context: `Smugglers crossed from ${mark('France')}.` },
    ]);
    expect(a!.score).toBe(3);
    expect(b!.why.hits.map((h) => [h.term, h.fields, h.context])).toEqual([
      ['smugglers', ['title'], `France: ${mark('smugglers')}`],
      ['France', ['title'], `${mark('France')}: smugglers`],
    ]);
  });

  it('marks possible fulfilment with the fulfilment expression and its hits', () => {
    const [hit] = matchItems([item(1, 'Customs partnership', '', { body: 'Agreed at last.' })], [c], {
      timeZone: tz,
    });
    expect(hit!.kind).toBe('possible-fulfilment');
    expect(hit!.why.fulfilment).toBe('launched OR "at last"');
    expect(hit!.why.fulfilmentHits).toEqual([
      { term: '"at last"', fields: ['body'], context: `Agreed ${mark('at last')}.` },
    ]);
  });

  it('lists commitments in the order given, each with its hits in ascending id; an id once, the last given', () => {
    const other = compileCommitment({ ...commitment(['France']), id: 'other' });
    const items = [
      item(9, 'France'),
      item(3, 'customs partnership'),
      item(5, 'France again'),
      item(3, 'France'),
    ];
    expect(
      matchItems(items, [other, c], { timeZone: tz }).map((h) => `${h.commitmentId} ${h.itemId}`),
    ).toEqual(['other 3', 'other 5', 'other 9']);
  });
});

describe('items that are never hits', () => {
  it('drops an item an exclude expression hits', () => {
    const c = compileCommitment(
      commitment(['customs'], { match: { any: ['customs'], exclude: ['tobacco'] } }),
    );
    const items = [
      item(1, 'Customs and tobacco'),
      item(2, 'Customs', '', { body: 'tobacco duty' }),
      item(3, 'Customs'),
    ];
    expect(matchItems(items, [c], { timeZone: tz }).map((h) => h.itemId)).toEqual([3]);
  });

  it('drops the announcement itself (its key is the commitment’s sourceKey)', () => {
    const c = compileCommitment(commitment(['customs'], { sourceKey: '/government/news/customs' }));
    const items = [
      item(1, 'Customs deal announced', '', { key: '/government/news/customs' }),
      item(2, 'Customs deal launched', '', { key: '/government/news/customs-launched' }),
      item(3, 'Customs, no key'),
    ];
    expect(matchItems(items, [c], { timeZone: tz }).map((h) => h.itemId)).toEqual([2, 3]);
  });

  it('drops items from a local day before the source day, in the configured zone', () => {
    const c = compileCommitment(commitment(['customs'], { source: { published: '2024-07-01' } }));
    const at = (id: number, updatedAt: string) => item(id, 'Customs', '', { updatedAt });
    const items = [at(1, '2024-06-30T22:30:00Z'), at(2, '2024-06-30T23:30:00Z'), at(3, 'not a date')];
    expect(matchItems(items, [c], { timeZone: tz }).map((h) => h.itemId)).toEqual([2]); // 00:30 BST on 1 July
    expect(matchItems(items, [c], { timeZone: 'UTC' })).toEqual([]);
  });

  it('returns nothing for no items or no commitments', () => {
    const c = compileCommitment(commitment(['customs']));
    expect(matchItems([], [c], { timeZone: tz })).toEqual([]);
    expect(matchItems([item(1, 'customs')], [], { timeZone: tz })).toEqual([]);
  });
});
