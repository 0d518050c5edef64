// Where a digest files a commitment past its date, and a past week's figures as of that week.

import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../src/digest/build-digest.ts';
import { digestCommitment, weekFacts } from '../../support/digest-fixtures.ts';

// Week 2024-W19, built Monday 13 May 09:00 London (test/support/digest-fixtures.ts).
const commitment = digestCommitment;

const facts = weekFacts;

describe('buildDigest, as of', () => {
  it('past its due date and grace days, its status not yet updated: Overdue', () => {
    const d = buildDigest(
      facts([commitment('c', { dueLastDay: '2024-05-01', graceDays: 7, daysToDue: -12 })]),
    );
    expect(d.sections.map((s) => s.id)).toEqual(['overdue']);
  });

  it('files a commitment long past its due date under Overdue, even if its recorded status is open', () => {
    // A first run: the stored status has not caught up yet, but the date is 944 days gone.
    const d = buildDigest(facts([commitment('c', { dueLastDay: '2021-10-12', daysToDue: -944 })]));
    expect(d.sections.map((s) => s.id)).toEqual(['overdue']);
    expect(d.sections[0]!.entries[0]!.facts[0]).toBe('944 days overdue');
    expect(d.headline).toMatchObject({ overdue: 1, dueSoon: 0 });
  });

  it('a past week: every figure as of the end of that week, nothing of the build day', () => {
    const c = commitment('c', { status: 'overdue', dueLastDay: '2024-04-30', graceDays: 7 });
    const late = buildDigest(
      facts([c], { now: '2026-11-30T09:00:00.000Z', asOf: '2024-05-12T23:00:00.000Z' }),
    );
    const onTime = buildDigest(facts([c], { asOf: '2024-05-12T23:00:00.000Z' }));
    expect(late.today).toBe('2024-05-13');
    expect(late.sections).toEqual(onTime.sections);
    expect(late.sections[0]!.entries[0]!.facts[0]).toBe('13 days overdue');
    expect(late.sections[0]!.entries[0]!.bar.today).toBe('2024-05-13');
  });
});
