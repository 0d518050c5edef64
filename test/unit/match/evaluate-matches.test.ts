import { describe, expect, it } from 'vitest';
import { evaluateMatches, formatEvalReport, type EvalItem } from '../../../src/eval/evaluate-matches.ts';

const item = (
  id: string,
  date: string,
  labels: EvalItem['labels'] = [],
  extra: Partial<EvalItem> = {},
): EvalItem => ({ id, date, labels, hardNegative: false, source: false, ...extra });

const labelled: EvalItem[] = [
  item('SRC', '2024-03-05', [], { source: true }),
  item('S1', '2024-04-01', [{ commitment: 'a', strength: 'strong', visible: true }]),
  item('S2', '2024-05-01', [{ commitment: 'a', strength: 'strong', visible: false }]),
  item('P1', '2024-06-01', [
    { commitment: 'a', strength: 'partial', visible: true },
    { commitment: 'b', strength: 'partial', visible: true },
  ]),
  item('P2', '2024-06-02', [{ commitment: 'a', strength: 'partial', visible: true }]),
  item('OLD', '2024-01-01', [{ commitment: 'a', strength: 'strong', visible: true }]),
  item('HN', '2024-07-01', [], { hardNegative: true }),
  item('N', '2024-07-02'),
];

describe('evaluateMatches', () => {
  const matched = [
    { itemId: 'SRC', commitmentId: 'a' }, // source: not scored
    { itemId: 'S1', commitmentId: 'a' },
    { itemId: 'S1', commitmentId: 'a' }, // duplicate: counted once
    { itemId: 'S2', commitmentId: 'a' }, // invisible label still makes it correct
    { itemId: 'P1', commitmentId: 'a' },
    { itemId: 'HN', commitmentId: 'a' },
    { itemId: 'N', commitmentId: 'b' },
    { itemId: 'P1', commitmentId: 'zzz' }, // not a commitment under test
  ];
  const report = evaluateMatches(labelled, matched, ['a', 'b'], {
    sinceDates: { a: '2024-03-05', b: '2024-03-05' },
  });
  const [a, b] = report.commitments;

  it('scores precision per commitment: any label for it makes a match correct', () => {
    expect(a).toMatchObject({
      commitmentId: 'a',
      matched: 4,
      correct: 3,
      precision: 0.75,
      falsePositives: ['HN'],
    });
    expect(b).toMatchObject({
      commitmentId: 'b',
      matched: 1,
      correct: 0,
      precision: 0,
      falsePositives: ['N'],
    });
  });

  it('scores recall over visible labels and over all, leaving out items before the source date', () => {
    expect(a!.strong).toEqual({ found: 1, total: 1, recall: 1, missed: [] });
    expect(a!.strongAll).toEqual({ found: 2, total: 2, recall: 1, missed: [] });
    expect(a!.partial).toEqual({ found: 1, total: 2, recall: 0.5, missed: ['P2'] });
    expect(b!.partial).toEqual({ found: 0, total: 1, recall: 0, missed: ['P1'] });
    expect(b!.strong.recall).toBeNull();
  });

  it('lists hard negatives matched', () => {
    expect(a!.hardNegatives).toEqual({ count: 1, ids: ['HN'] });
    expect(report.overall.hardNegatives).toEqual({ count: 1, ids: ['HN'] });
  });

  it('sums up overall by (item, commitment) pair', () => {
    expect(report.overall).toMatchObject({ matched: 5, correct: 3, precision: 0.6 });
    expect(report.overall.partial).toMatchObject({ found: 1, total: 3, missed: ['P2 (a)', 'P1 (b)'] });
  });

  it('counts a match before the source date as false, and its label out of recall', () => {
    const r = evaluateMatches(labelled, [{ itemId: 'OLD', commitmentId: 'a' }], ['a'], {
      sinceDates: { a: '2024-03-05' },
    });
    expect(r.commitments[0]).toMatchObject({ matched: 1, correct: 0, falsePositives: ['OLD'] });
    expect(r.commitments[0]!.strong.total).toBe(1);
    const noDates = evaluateMatches(labelled, [{ itemId: 'OLD', commitmentId: 'a' }], ['a']);
    expect(noDates.commitments[0]).toMatchObject({ correct: 1 });
    expect(noDates.commitments[0]!.strong.total).toBe(2);
  });

  it('gives null precision when nothing matched', () => {
    expect(evaluateMatches(labelled, [], ['a']).commitments[0]!.precision).toBeNull();
  });

  it('formats a readable table with the misses and false positives', () => {
    const text = formatEvalReport(report);
    const lines = text.split('\n');
    expect(lines[0]).toBe('8 labelled items');
    expect(lines[1]).toMatch(/^commitment\s+matched\s+precision\s+strong \(visible\)\s+partial \(visible\)/);
    expect(lines.find((l) => l.startsWith('a '))).toMatch(
      /^a\s+4\s+3\/4 0\.75\s+1\/1 1\.00\s+1\/2 0\.50\s+2\/2 1\.00\s+1\/2 0\.50\s+1$/,
    );
    expect(lines.find((l) => l.startsWith('overall'))).toMatch(/3\/5 0\.60/);
    expect(text).toContain('missed partial (visible): P2 (a), P1 (b)');
    expect(text).toContain('false positives: HN (a), N (b)');
    expect(text).toContain('hard negatives matched: HN');
  });
});
