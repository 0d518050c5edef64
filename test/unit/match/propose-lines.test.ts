// Rule lines from verdicts: they catch the items marked evidence, never one marked not related, and
// each is what an analyst would write (a new word kept on the commitment's subject by one of its words).

import { describe, expect, it } from 'vitest';
import { compileCommitment } from '../../../src/match/compile-commitment.ts';
import { matchItems } from '../../../src/match/match-items.ts';
import { proposeLines, type TuneExample } from '../../../src/match/propose-lines.ts';

// Seizures, police and crossings are everywhere in this history; outboard motors are rare.
const common: Record<string, number> = { seiz: 200, polic: 200, cross: 150, intercept: 15 };
const stats = { docs: 1000, df: (t: string) => common[t] ?? 3 };
const at = '2024-06-01T09:30:00.000Z';
const ex = (
  itemId: number,
  title: string,
  summary: string,
  verdict: TuneExample['verdict'],
): TuneExample => ({
  itemId,
  title,
  summary,
  updatedAt: at,
  verdict,
});

const examples = [
  ex(
    1,
    'Outboard motors bound for small boats seized in Bulgaria',
    'Police seized outboard motors for crossings.',
    'evidence',
  ),
  ex(
    2,
    'Police intercept outboard motors on their way to the coast',
    'The motors would have powered small boats.',
    'evidence',
  ),
  ex(
    3,
    'Outboard motors recalled over a safety fault',
    'A recall of outboard motors for leisure boats.',
    'not-related',
  ),
];
const input = {
  sinceDate: '2024-03-05',
  commitmentWords: ['customs', 'small boat', 'smuggl*', 'supply chain'],
  examples,
  stats,
  timeZone: 'Europe/London',
};

const catches = (line: string, list: TuneExample[]) =>
  matchItems(
    list.map((e) => ({ id: e.itemId, title: e.title, summary: e.summary, updatedAt: e.updatedAt })),
    [
      compileCommitment({
        id: 'x',
        source: { published: '2024-03-05' },
        match: { any: [line], exclude: [] },
        fulfilment: [],
      }),
    ],
    { timeZone: 'Europe/London' },
  ).map((h) => h.itemId);

describe('proposeLines', () => {
  it('catches every item marked evidence and none marked not related', () => {
    const lines = proposeLines(input);
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.flatMap((l) => l.catches))).toEqual(new Set([1, 2]));
    for (const l of lines) {
      expect(catches(l.line, examples)).not.toContain(3);
      expect(catches(l.line, examples).sort()).toEqual([...l.catches].sort());
    }
    // One line does it here: the new words, kept on the commitment's subject.
    expect(lines).toHaveLength(1);
    expect(lines[0]!.line).toMatch(/outboard/);
    expect(lines[0]!.line).toMatch(/small boat/);
  });

  it('proposes nothing when no line can avoid an item marked not related', () => {
    const same = [
      ex(1, 'Outboard motors seized', 'Outboard motors.', 'evidence'),
      ex(2, 'Outboard motors seized', 'Outboard motors.', 'not-related'),
    ];
    expect(proposeLines({ ...input, examples: same })).toEqual([]);
  });

  it('proposes nothing without confirmed evidence', () => {
    expect(proposeLines({ ...input, examples: examples.filter((e) => e.verdict === 'not-related') })).toEqual(
      [],
    );
  });

  it('uses several lines for evidence of different ideas', () => {
    const two = [
      ...examples,
      ex(
        4,
        'Smugglers’ adverts taken down from social media',
        'Platforms removed adverts for small boat crossings.',
        'evidence',
      ),
      ex(
        5,
        'Adverts for crossings removed by platforms',
        'Social media adverts offering small boat crossings.',
        'evidence',
      ),
    ];
    const lines = proposeLines({ ...input, examples: two });
    expect(new Set(lines.flatMap((l) => l.catches))).toEqual(new Set([1, 2, 4, 5]));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(catches(l.line, two)).not.toContain(3);
  });
});
