import { describe, expect, it } from 'vitest';
import { isoWeekLabel } from '../../../src/calendar.ts';
import {
  digestWeekByLabel,
  digestWeekEndingBefore,
  weekContaining,
} from '../../../src/digest/digest-week.ts';
import { FollowthroughError } from '../../../src/errors.ts';

const london = 'Europe/London';
const hours = (w: { start: string; end: string }): number =>
  (Date.parse(w.end) - Date.parse(w.start)) / 3_600_000;

describe('digestWeekEndingBefore (Europe/London)', () => {
  it.each([
    // The digest runs Monday 09:00: 08:59 and 09:00 both report the week that ended at Monday 00:00.
    [
      'Monday 08:59 BST',
      '2024-05-13T07:59:00Z',
      '2024-W19',
      '2024-05-05T23:00:00.000Z',
      '2024-05-12T23:00:00.000Z',
    ],
    [
      'Monday 09:00 BST',
      '2024-05-13T08:00:00Z',
      '2024-W19',
      '2024-05-05T23:00:00.000Z',
      '2024-05-12T23:00:00.000Z',
    ],
    [
      'Monday 00:00 BST exactly (end ≤ now)',
      '2024-05-12T23:00:00Z',
      '2024-W19',
      '2024-05-05T23:00:00.000Z',
      '2024-05-12T23:00:00.000Z',
    ],
    [
      'Sunday 23:59:59.999 BST',
      '2024-05-12T22:59:59.999Z',
      '2024-W18',
      '2024-04-28T23:00:00.000Z',
      '2024-05-05T23:00:00.000Z',
    ],
    [
      'Sunday 23:30 BST (22:30 UTC)',
      '2024-05-12T22:30:00Z',
      '2024-W18',
      '2024-04-28T23:00:00.000Z',
      '2024-05-05T23:00:00.000Z',
    ],
    [
      'Sunday 23:30 GMT',
      '2024-01-14T23:30:00Z',
      '2024-W01',
      '2024-01-01T00:00:00.000Z',
      '2024-01-08T00:00:00.000Z',
    ],
    ['Wednesday', '2024-05-15T12:00:00Z', '2024-W19', '2024-05-05T23:00:00.000Z', '2024-05-12T23:00:00.000Z'],
  ])('%s → %s', (_name, now, label, start, end) => {
    expect(digestWeekEndingBefore(new Date(now), london)).toEqual({ label, start, end });
  });

  it('a week spanning the spring clock change (2024-03-31) is 167 hours', () => {
    const week = digestWeekEndingBefore(new Date('2024-04-01T08:00:00Z'), london);
    expect(week).toEqual({
      label: '2024-W13',
      start: '2024-03-25T00:00:00.000Z',
      end: '2024-03-31T23:00:00.000Z',
    });
    expect(hours(week)).toBe(167);
  });

  it('a week spanning the autumn clock change (2024-10-27) is 169 hours', () => {
    const week = digestWeekEndingBefore(new Date('2024-10-28T09:00:00Z'), london);
    expect(week).toEqual({
      label: '2024-W43',
      start: '2024-10-20T23:00:00.000Z',
      end: '2024-10-28T00:00:00.000Z',
    });
    expect(hours(week)).toBe(169);
  });

  it('on the Sunday of the spring change itself, the week before is an ordinary 168 hours', () => {
    const week = digestWeekEndingBefore(new Date('2024-03-31T12:00:00Z'), london);
    expect(week.label).toBe('2024-W12');
    expect(hours(week)).toBe(168);
  });

  it.each([
    // 1 January 2024 is a Monday: the week before it is 2023-W52.
    ['2024-01-01T09:00:00Z', '2023-W52', '2023-12-25T00:00:00.000Z'],
    ['2024-01-08T09:00:00Z', '2024-W01', '2024-01-01T00:00:00.000Z'],
    // 2026 has 53 ISO weeks: W53 runs 28 December 2026 to 3 January 2027.
    ['2027-01-04T09:00:00Z', '2026-W53', '2026-12-28T00:00:00.000Z'],
    // 29 December 2025 belongs to 2026-W01 (its Thursday is 1 January 2026).
    ['2026-01-05T09:00:00Z', '2026-W01', '2025-12-29T00:00:00.000Z'],
    ['2021-01-04T09:00:00Z', '2020-W53', '2020-12-28T00:00:00.000Z'],
  ])('year end: %s → %s', (now, label, start) => {
    const week = digestWeekEndingBefore(new Date(now), london);
    expect(week.label).toBe(label);
    expect(week.start).toBe(start);
    expect(hours(week)).toBe(168);
  });

  it('reads Monday in the configured zone, not in UTC', () => {
    // 02:00 UTC on Monday 13 May is still Sunday 22:00 in New York.
    expect(digestWeekEndingBefore(new Date('2024-05-13T02:00:00Z'), 'America/New_York')).toEqual({
      label: '2024-W18',
      start: '2024-04-29T04:00:00.000Z',
      end: '2024-05-06T04:00:00.000Z',
    });
    expect(digestWeekEndingBefore(new Date('2024-05-13T02:00:00Z'), 'UTC').label).toBe('2024-W19');
  });

  it('rejects an unknown time zone as a usage error', () => {
    expect(() => digestWeekEndingBefore(new Date('2024-05-13T08:00:00Z'), 'Europe/Lodnon')).toThrow(
      expect.objectContaining({ code: 'usage', message: expect.stringContaining('Europe/Lodnon') }),
    );
  });
});

describe('weekContaining', () => {
  it.each([
    ['2024-05-15T12:00:00Z', '2024-W20'],
    ['2024-05-12T23:00:00Z', '2024-W20'], // Monday 00:00 BST starts the new week
    ['2024-05-12T22:59:59Z', '2024-W19'],
    ['2024-12-30T12:00:00Z', '2025-W01'],
  ])('%s is in %s', (now, label) => {
    expect(weekContaining(new Date(now), london).label).toBe(label);
  });
});

describe('digestWeekByLabel', () => {
  it.each([
    ['2024-W01', '2024-01-01T00:00:00.000Z', '2024-01-08T00:00:00.000Z'],
    ['2024-W19', '2024-05-05T23:00:00.000Z', '2024-05-12T23:00:00.000Z'],
    ['2024-W13', '2024-03-25T00:00:00.000Z', '2024-03-31T23:00:00.000Z'],
    ['2024-W43', '2024-10-20T23:00:00.000Z', '2024-10-28T00:00:00.000Z'],
    ['2026-W53', '2026-12-28T00:00:00.000Z', '2027-01-04T00:00:00.000Z'],
    ['2020-W53', '2020-12-28T00:00:00.000Z', '2021-01-04T00:00:00.000Z'],
    ['2026-W01', '2025-12-29T00:00:00.000Z', '2026-01-05T00:00:00.000Z'],
  ])('%s runs %s to %s', (label, start, end) => {
    expect(digestWeekByLabel(label, london)).toEqual({ label, start, end });
  });

  it.each([
    '2024-W53',
    '2025-W53',
    '2024-W00',
    '2024-W54',
    '2024-19',
    '2024-W1',
    'W19',
    '2024W19',
    '',
    '2024-w19x',
  ])('rejects %j with code usage', (label) => {
    let caught: unknown;
    try {
      digestWeekByLabel(label, london);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(FollowthroughError);
    expect((caught as FollowthroughError).code).toBe('usage');
    expect((caught as FollowthroughError).message).toContain('2024-W19');
  });

  it('every week of 2024 abuts the next, and only the two clock-change weeks differ from 168 hours', () => {
    const odd: Array<[string, number]> = [];
    for (let w = 1; w <= 52; w++) {
      const label = `2024-W${String(w).padStart(2, '0')}`;
      const week = digestWeekByLabel(label, london);
      if (hours(week) !== 168) odd.push([label, hours(week)]);
      if (w < 52)
        expect(digestWeekByLabel(`2024-W${String(w + 1).padStart(2, '0')}`, london).start).toBe(week.end);
      // The label round-trips through "the week ending before the end of this week".
      expect(digestWeekEndingBefore(new Date(week.end), london)).toEqual(week);
    }
    expect(odd).toEqual([
      ['2024-W13', 167],
      ['2024-W43', 169],
    ]);
  });

  it('isoWeekLabel labels a day by the week of its Thursday', () => {
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
    expect(isoWeekLabel('2027-01-03')).toBe('2026-W53');
    expect(isoWeekLabel('2023-01-01')).toBe('2022-W52');
  });
});
