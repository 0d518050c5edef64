// The body rule measured through the real engine: a history file whose items carry bodies is replayed,
// matches that need the body come back as related, and evaluateBodies scores both tiers. The items
// here are made up for the test; the labelled dev set has no bodies and none are invented for it.

import { describe, expect, it } from 'vitest';
import { loadCommitments } from '../../../src/config/load-commitments.ts';
import { evaluateBodies, formatBodyEffect } from '../../../src/eval/evaluate-bodies.ts';
import { parseHistory } from '../../../src/eval/history-file.ts';
import { replay } from '../../../src/eval/replay.ts';
import { testConfig } from '../../support/test-config.ts';

const commitments = loadCommitments(
  '/test/commitments.yaml',
  { staleDays: 90 },
  `commitments:
  - id: customs-partnership
    title: UK and France lead a new customs partnership
    source:
      url: https://www.gov.uk/government/news/announcement
      published: 2024-03-05
      quote: The UK and France will lead a new customs partnership.
    owners: [UK, France]
    match:
      any: [customs partnership]
`,
);

const line = (o: Record<string, unknown>) =>
  JSON.stringify({ url: `https://www.gov.uk/government/news/${o.id}`, ...o });
const history = parseHistory(
  [
    line({
      id: 'T1',
      date: '2024-04-10',
      title: 'Customs partnership talks',
      summary: '',
      labels: [{ commitment: 'customs-partnership', strength: 'strong', visible: true }],
    }),
    line({
      id: 'B1',
      date: '2024-04-12',
      title: 'Home Secretary in Brussels',
      summary: 'Talks on migration.',
      body: '<p>Ministers agreed to widen the <b>customs partnership</b>.</p>',
      labels: [{ commitment: 'customs-partnership', strength: 'partial', visible: false }],
    }),
    line({
      id: 'B2',
      date: '2024-04-13',
      title: 'Trade figures',
      summary: 'Exports rose.',
      body: 'Not about any customs partnership at all.',
    }),
    line({ id: 'N1', date: '2024-04-14', title: 'Police pay', summary: 'Pay rises.' }),
  ].join('\n'),
);

describe('the body rule on a history with bodies', () => {
  it('reads bodies from the history file, records body-only matches as related, and scores both tiers', () => {
    expect(history.find((h) => h.id === 'B1')!.body).toBe(
      'Ministers agreed to widen the customs partnership.',
    );
    const result = replay({
      config: testConfig(),
      commitments,
      items: history,
      from: '2024-04-01',
      to: '2024-04-30',
    });
    expect(result.matches.map((m) => [m.historyId, m.kind]).sort()).toEqual([
      ['B1', 'related'],
      ['B2', 'related'],
      ['T1', 'progress'],
    ]);
    const related = result.matches.find((m) => m.historyId === 'B1')!;
    expect(related.why.hits[0]).toMatchObject({ term: 'customs partnership', fields: ['body'] });
    // only the title match alerted; the related items went to review
    const alerts = result.weeks.flatMap((w) => w.alerts);
    expect(alerts.filter((a) => a.kind !== 'review').map((a) => [a.kind, a.itemTitle])).toEqual([
      ['progress', 'Customs partnership talks'],
    ]);
    expect(alerts.filter((a) => a.kind === 'review')).toHaveLength(2);

    const effect = evaluateBodies(
      history,
      result.matches.map((m) => ({ itemId: m.historyId, commitmentId: m.commitmentId, kind: m.kind })),
      ['customs-partnership'],
    );
    expect(effect).toMatchObject({
      items: 4,
      itemsWithBody: 2,
      related: { matched: 2, correct: 1, falsePositives: ['customs-partnership←B2'] },
      bodyOnlyLabels: { total: 1, asEvidence: 0, asRelated: 1 },
      asAlerted: { matched: 1, correct: 1, precision: 1 },
      ifCounted: { matched: 3, correct: 2 },
    });
    expect(formatBodyEffect(effect)).toContain('2 matches need the body (recorded for review): 1 labelled');
  });

  it('says plainly when nothing can be measured', () => {
    const plain = history.map(({ body: _b, ...h }) => h);
    const effect = evaluateBodies(plain, [], ['customs-partnership']);
    expect(formatBodyEffect(effect)).toMatch(
      /^bodies: none of the 4 items carries a body.*1 label only a body shows stays out of reach/,
    );
  });
});
