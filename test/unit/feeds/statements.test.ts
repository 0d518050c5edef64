// Parliament's written statements: reading list pages and details, and turning them into items
// (a Commons statement and its Lords repeat one item, a correction an update).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FollowthroughError } from '../../../src/errors.ts';
import {
  parseStatementDetail,
  parseStatementList,
  statementDetailUrl,
  statementListUrl,
  type Statement,
} from '../../../src/feeds/parse-parliament.ts';
import { statementItems, statementLookupKeys } from '../../../src/feeds/statement-items.ts';

const list = readFileSync(
  new URL('../../fixtures/sources/parliament-written-statements.json', import.meta.url),
  'utf8',
);
const tz = 'Europe/London';

function statement(over: Partial<Statement> = {}): Statement {
  return {
    id: 100,
    uin: 'HCWS100',
    day: '2024-12-10',
    title: 'Calais Group',
    text: '<p>Today I am updating the House on the Calais Group.</p>',
    house: 'Commons',
    answeringBodyId: 1,
    answeringBodyName: 'Home Office',
    links: [],
    ...over,
  };
}
const input = (s: Statement, preview = '') => ({ listed: { ...s, text: preview }, detail: s });

describe('parseStatementList', () => {
  it('reads the fixture page: ids, UINs as given, days, previews, houses, answering bodies', () => {
    const page = parseStatementList(list);
    expect(page.total).toBe(3);
    expect(page.skipped).toEqual([]);
    expect(page.statements.map((s) => [s.id, s.uin, s.day, s.house, s.answeringBodyName])).toEqual([
      [9000312, 'HLWS9012', '2024-04-18', 'Lords', 'Home Office'],
      [9000311, 'HCWS9034', '2024-04-18', 'Commons', 'Home Office'],
      [9000309, 'HCWS9033', '2024-04-18', 'Commons', 'Cabinet Office'],
    ]);
    expect(page.statements[1]!.text.endsWith('...')).toBe(true);
  });

  it('skips a result it cannot key, with a reason, and refuses what is not an answer', () => {
    const page = parseStatementList(
      JSON.stringify({
        totalResults: 2,
        results: [{ value: { uin: 'HCWS1', title: 'x' } }, { value: JSON.parse(list).results[0].value }],
      }),
    );
    expect(page.statements).toHaveLength(1);
    expect(page.skipped).toEqual([{ ref: 'HCWS1', reason: 'no numeric id; no dateMade day (null)' }]);
    expect(() => parseStatementList('<html>')).toThrow(FollowthroughError);
    expect(() => parseStatementList('{"value":{}}')).toThrow(/no "results" array/);
  });

  it('reads a detail with its linked statements', () => {
    const detail = parseStatementDetail(
      JSON.stringify({
        value: {
          ...JSON.parse(list).results[1].value,
          text: '<p>Full</p>',
          linkedStatements: [
            { linkedStatementId: 9000300, linkType: 'CorrectedStatement', linkDate: '2024-04-18T00:00:00' },
          ],
        },
        links: [],
      }),
    );
    expect(detail).toMatchObject({
      id: 9000311,
      text: '<p>Full</p>',
      links: [{ id: 9000300, type: 'CorrectedStatement' }],
    });
  });
});

describe('statement URLs', () => {
  it('keeps the configured filters and sets the window and page', () => {
    const base =
      'https://questions-statements-api.parliament.uk/api/writtenstatements/statements?answeringBodies=1&answeringBodies=7&skip=5';
    const url = new URL(statementListUrl(base, { from: '2024-12-03', skip: 100, take: 100 }));
    expect(url.searchParams.getAll('answeringBodies')).toEqual(['1', '7']);
    expect(Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'answeringBodies'))).toEqual({
      madeWhenFrom: '2024-12-03',
      skip: '100',
      take: '100',
    });
    expect(statementDetailUrl(base, 42)).toBe(
      'https://questions-statements-api.parliament.uk/api/writtenstatements/statements/42?expandMember=true',
    );
  });
});

describe('statementItems', () => {
  it('makes a Written statement item: public page, publisher, the preview as summary, the full text as body', () => {
    const [item] = statementItems(
      [input(statement(), 'Today I am updating the House on the...')],
      new Set(),
      tz,
    );
    expect(item).toEqual({
      path: 'wms:100',
      url: 'https://questions-statements.parliament.uk/written-statements/detail/2024-12-10/HCWS100',
      title: 'Calais Group',
      displayType: 'Written statement',
      summary: 'Today I am updating the House on the…',
      updatedAt: '2024-12-10T00:00:00.000Z',
      publishedAt: '2024-12-10T00:00:00.000Z',
      body: 'Today I am updating the House on the Calais Group.',
      publisher: 'Home Office',
      aliases: ['wms-commons:2024-12-10:1:calais-group'],
    });
  });

  it('puts a Commons statement before its Lords repeat, and the repeat on the Commons key', () => {
    const lords = statement({ id: 99, uin: 'HLWS50', house: 'Lords' });
    const commons = statement({ id: 100 });
    const items = statementItems([input(lords), input(commons)], new Set(), tz);
    expect(items.map((i) => [i.path, i.aliases])).toEqual([
      ['wms:100', ['wms-commons:2024-12-10:1:calais-group']],
      ['wms:99', ['wms-commons:2024-12-10:1:calais-group']],
    ]);
  });

  it('lands a Lords repeat on a Commons statement stored before; two Commons statements stay two', () => {
    const known = new Set(['wms-commons:2024-12-10:1:calais-group']);
    const lords = statementItems([input(statement({ id: 101, uin: 'HLWS1', house: 'Lords' }))], known, tz);
    expect(lords[0]!.aliases).toEqual(['wms-commons:2024-12-10:1:calais-group']);
    const second = statementItems([input(statement({ id: 102, uin: 'HCWS2' }))], known, tz);
    expect(second[0]!.aliases).toBeUndefined();
  });

  it('marks a correction as correcting the statement it links to, after it', () => {
    const original = statement({ id: 100 });
    const correction = statement({
      id: 105,
      uin: 'HCWS105',
      title: 'Calais Group (correction)',
      links: [{ id: 100, type: 'CorrectedStatement' }],
    });
    const items = statementItems([input(correction), input(original)], new Set(), tz);
    expect(items.map((i) => [i.path, i.corrects ?? null])).toEqual([
      ['wms:100', null],
      ['wms:105', 'wms:100'],
    ]);
    expect(statementItems([input(correction)], new Set(['wms:100']), tz)[0]!.corrects).toBe('wms:100');
  });

  it('leaves out statements already stored, and names every key it may look up', () => {
    expect(statementItems([input(statement())], new Set(['wms:100']), tz)).toEqual([]);
    expect(statementLookupKeys([statement({ links: [{ id: 7, type: 'CorrectedStatement' }] })])).toEqual([
      'wms:100',
      'wms:7',
      'wms-commons:2024-12-10:1:calais-group',
      'wms-lords:2024-12-10:1:calais-group',
    ]);
  });
});
