// matchItems and matchHistory on a real store (openStore(':memory:') with the shipped migrations).

import { describe, expect, it } from 'vitest';
import { compileCommitment, type CommitmentRules } from '../../../src/match/compile-commitment.ts';
import { HIT_END, HIT_START, type MatchableItem } from '../../../src/match/match-types.ts';
import { matchHistory } from '../../../src/match/match-history.ts';
import { matchItems } from '../../../src/match/match-items.ts';
import { ftsTokenizer } from '../../../src/match/tokenize.ts';
import { historyQueries } from '../../../src/store/item-queries.ts';
import { openStore, type Db } from '../../../src/store/open-store.ts';

interface NewItem {
  title: string;
  summary: string;
  updatedAt: string;
}

function store(db: Db, items: NewItem[]): MatchableItem[] {
  const insert =
    db.prepare(`INSERT INTO items (path, url, title, summary, updated_at, first_seen_at, last_seen_at, origin)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'live')`);
  return items.map((i, n) => {
    const path = `/government/news/item-${db.prepare('SELECT count(*) AS n FROM items').pluck().get() as number}-${n}`;
    const r = insert.run(
      path,
      `https://www.gov.uk${path}`,
      i.title,
      i.summary,
      i.updatedAt,
      i.updatedAt,
      i.updatedAt,
    );
    // Rows written by hand are indexed by hand (items-table.ts indexes what it inserts).
    db.prepare('INSERT INTO items_fts (rowid, title, summary) VALUES (?, ?, ?)').run(
      r.lastInsertRowid,
      i.title,
      i.summary,
    );
    return { id: Number(r.lastInsertRowid), ...i };
  });
}

const tz = 'Europe/London';
const mark = (words: string): string => `${HIT_START}${words}${HIT_END}`;

const customs: CommitmentRules = {
  id: 'customs-partnership',
  source: { published: '2024-03-05' },
  match: { any: ['customs partnership', 'smugglers AND (France OR French)'], exclude: ['tobacco'] },
  fulfilment: ['customs partnership AND launched'],
};
const frontex: CommitmentRules = {
  id: 'frontex',
  source: { published: '2024-03-05' },
  match: { any: ['Frontex', 'European Border and Coast Guard'], exclude: [] },
  fulfilment: [],
};

function fixture(): { db: Db; items: MatchableItem[] } {
  const db = openStore(':memory:');
  const items = store(db, [
    {
      title: 'UK and France launch customs partnership',
      summary: 'The customs partnership was launched today in Brussels.',
      updatedAt: '2024-04-10T09:00:00Z',
    },
    {
      title: 'Smugglers arrested in joint French operation',
      summary: 'A people smuggling gang was dismantled.',
      updatedAt: '2024-05-01T09:00:00Z',
    },
    { title: 'Customs partnership targets tobacco', summary: '', updatedAt: '2024-05-02T09:00:00Z' },
    {
      title: 'Customs partnership announced',
      summary: 'Before the announcement.',
      updatedAt: '2024-03-04T23:59:00Z',
    },
    {
      title: 'Customs partnership first talks',
      summary: 'Just after midnight on the day.',
      updatedAt: '2024-03-05T00:30:00Z',
    },
    {
      title: 'Knife crime statistics',
      summary: 'Smugglers are not mentioned with France here? They are: France.',
      updatedAt: '2024-05-03T09:00:00Z',
    },
    {
      title: 'Frontex deal',
      summary: 'The UK and the European Border and Coast Guard Agency exchange information.',
      updatedAt: '2024-06-01T09:00:00Z',
    },
    {
      title: 'Long summary',
      summary:
        'One two three four five six seven eight nine ten eleven twelve thirteen fourteen customs partnership fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo.',
      updatedAt: '2024-06-02T09:00:00Z',
    },
    {
      title: `Fake ${HIT_START}marker${HIT_END} in a feed: customs partnership`,
      summary: '',
      updatedAt: '2024-06-03T09:00:00Z',
    },
  ]);
  return { db, items };
}

describe('matchItems', () => {
  const { db, items } = fixture();
  const id = (n: number): number => items[n]!.id;
  const hits = matchItems(items, [compileCommitment(customs), compileCommitment(frontex)], { timeZone: tz });
  const hitFor = (cid: string, n: number) => hits.find((h) => h.commitmentId === cid && h.itemId === id(n));

  it('matches the right items for each commitment', () => {
    expect(hits.filter((h) => h.commitmentId === 'customs-partnership').map((h) => h.itemId)).toEqual([
      id(0),
      id(1),
      id(4),
      id(5),
      id(7),
      id(8),
    ]);
    expect(hits.filter((h) => h.commitmentId === 'frontex').map((h) => h.itemId)).toEqual([id(6)]);
  });

  it('marks possible fulfilment, with the fulfilment expression and its hits', () => {
    expect(hitFor('customs-partnership', 0)).toEqual({
      commitmentId: 'customs-partnership',
      itemId: id(0),
      kind: 'possible-fulfilment',
      score: 3,
      why: {
        rule: 'customs partnership',
        hits: [
          {
            term: 'customs partnership',
            fields: ['title', 'summary'],
            context: `The ${mark('customs partnership')} was launched today in Brussels.`,
          },
        ],
        fulfilment: 'customs partnership AND launched',
        fulfilmentHits: [
          {
            term: 'customs partnership',
            fields: ['title', 'summary'],
            context: `The ${mark('customs partnership')} was launched today in Brussels.`,
          },
          {
            term: 'launched',
            fields: ['title', 'summary'],
            context: `The customs partnership was ${mark('launched')} today in Brussels.`,
          },
        ],
      },
    });
  });

  it('explains which expression matched and which terms hit where, and scores title 2, summary 1', () => {
    expect(hitFor('customs-partnership', 1)).toEqual({
      commitmentId: 'customs-partnership',
      itemId: id(1),
      kind: 'progress',
      score: 5,
      why: {
        rule: 'smugglers AND (France OR French)',
        hits: [
          {
            term: 'smugglers',
            fields: ['title', 'summary'],
            context: `A people ${mark('smuggling')} gang was dismantled.`,
          },
          {
            term: 'French',
            fields: ['title'],
            context: `Smugglers arrested in joint ${mark('French')} operation`,
          },
        ],
      },
    });
    expect(hitFor('customs-partnership', 5)!.why.hits.map((h) => [h.term, h.fields])).toEqual([
      ['smugglers', ['summary']],
      ['France', ['summary']],
    ]);
    expect(hitFor('customs-partnership', 5)!.score).toBe(2);
  });

  it('never matches an excluded item', () => {
    expect(hitFor('customs-partnership', 2)).toBeUndefined();
  });

  it('never matches an item from a London day before the source', () => {
    expect(hitFor('customs-partnership', 3)).toBeUndefined();
    expect(hitFor('customs-partnership', 4)?.kind).toBe('progress');
  });

  it('keeps the context to about 12 tokens around the hit', () => {
    expect(hitFor('customs-partnership', 7)!.why.hits[0]!.context).toBe(
      `…ten eleven twelve thirteen fourteen ${mark('customs partnership')} fifteen sixteen seventeen eighteen nineteen…`,
    );
  });

  it('strips hit markers that came from the feed text itself', () => {
    expect(hitFor('customs-partnership', 8)!.why.hits[0]!.context).toBe(
      `Fake marker in a feed: ${mark('customs partnership')}`,
    );
  });

  it('matches a phrase containing lower-case "and"', () => {
    expect(hitFor('frontex', 6)!.why.hits.map((h) => h.term)).toEqual(['Frontex']);
  });

  it('leaves no temp table behind, and uses the same tokenizer as items_fts', () => {
    expect(db.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'table'").all()).toEqual([]);
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'items_fts'").pluck().get() as string;
    expect(sql).toContain(`tokenize = '${ftsTokenizer}'`);
  });

  it('returns nothing for no items or no commitments', () => {
    expect(matchItems([], [compileCommitment(customs)], { timeZone: tz })).toEqual([]);
    expect(matchItems(items, [], { timeZone: tz })).toEqual([]);
  });

  it('can run inside a caller transaction and again afterwards', () => {
    const again = db.transaction(() =>
      matchItems(items, [compileCommitment(customs), compileCommitment(frontex)], { timeZone: tz }),
    )();
    expect(again).toEqual(hits);
  });
});

describe('matchHistory', () => {
  const { db, items } = fixture();
  const compiled = [compileCommitment(customs), compileCommitment(frontex)];
  const batch = matchItems(items, compiled, { timeZone: tz });

  it('agrees with matchItems, hit for hit and reason for reason', () => {
    for (const c of compiled) {
      const history = matchHistory(historyQueries(db), c, { timeZone: tz }).map(
        ({ path: _path, title: _title, updatedAt: _at, ...hit }) => hit,
      );
      const fromBatch = batch.filter((h) => h.commitmentId === c.id);
      expect([...history].sort((a, b) => a.itemId - b.itemId)).toEqual(fromBatch);
    }
  });

  it('lists newest first, with path, title and date', () => {
    const h = matchHistory(historyQueries(db), compiled[0]!, { timeZone: tz });
    expect(h.map((x) => x.updatedAt)).toEqual([...h.map((x) => x.updatedAt)].sort().reverse());
    expect(h[0]).toMatchObject({
      itemId: items[8]!.id,
      path: expect.stringMatching(/^\/government\/news\//),
      title: items[8]!.title,
      updatedAt: '2024-06-03T09:00:00Z',
    });
  });

  it('honours since (a day or an instant) and limit', () => {
    const c = compiled[0]!;
    expect(
      matchHistory(historyQueries(db), c, { timeZone: tz, since: '2024-06-01' }).map((h) => h.itemId),
    ).toEqual([items[8]!.id, items[7]!.id]);
    expect(
      matchHistory(historyQueries(db), c, { timeZone: tz, since: '2024-06-02T10:00:00Z' }).map(
        (h) => h.itemId,
      ),
    ).toEqual([items[8]!.id]);
    expect(matchHistory(historyQueries(db), c, { timeZone: tz, limit: 2 }).map((h) => h.itemId)).toEqual([
      items[8]!.id,
      items[7]!.id,
    ]);
    // The source date holds even when `since` is earlier.
    expect(
      matchHistory(historyQueries(db), c, { timeZone: tz, since: '2020-01-01' }).some(
        (h) => h.itemId === items[3]!.id,
      ),
    ).toBe(false);
  });

  it('refuses a since it cannot read', () => {
    expect(() =>
      matchHistory(historyQueries(db), compiled[0]!, { timeZone: tz, since: 'last week' }),
    ).toThrow(/since must be a day/);
  });

  it('returns nothing when nothing matches', () => {
    const none = compileCommitment({
      ...frontex,
      id: 'none',
      match: { any: ['zebra crossing'], exclude: [] },
    });
    expect(matchHistory(historyQueries(db), none, { timeZone: tz })).toEqual([]);
  });
});

describe('speed', () => {
  // Deterministic synthetic load: item words Zipf-distributed over 2,000 words (a few are in nearly
  // every item), rule words uniform, as specific as an analyst's; about 1,300 hits to explain.
  // Speed is measured by `npm run bench`, not here: this checks the result at that scale.
  it('matches 1,000 items against 500 commitments, every hit explained', () => {
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const vocab = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}`);
    const word = (skew: number): string => vocab[Math.floor(vocab.length * (rand(10_000) / 10_000) ** skew)]!;
    const words = (n: number): string => Array.from({ length: n }, () => word(3)).join(' ');
    const w = (): string => word(1);
    const db = openStore(':memory:');
    const items = store(
      db,
      Array.from({ length: 1000 }, () => ({
        title: words(10),
        summary: words(35),
        updatedAt: '2024-06-01T09:00:00Z',
      })),
    );
    const commitments = Array.from({ length: 500 }, (_, i) =>
      compileCommitment({
        id: `c${i}`,
        source: { published: '2024-03-05' },
        match: {
          any: [`${w()} ${w()}`, `${w()} AND (${w()} OR ${w()}*)`, `${w()} AND ${w()}`],
          exclude: [w()],
        },
        fulfilment: [`${w()} AND ${w()}`],
      }),
    );
    const hits = matchItems(items, commitments, { timeZone: tz });
    expect(hits.length).toBeGreaterThan(1000);
    expect(hits.every((h) => h.why.hits.length > 0 && h.score > 0)).toBe(true);
    // each (commitment, item) pair at most once
    expect(new Set(hits.map((h) => `${h.commitmentId}|${h.itemId}`)).size).toBe(hits.length);
  });
});
