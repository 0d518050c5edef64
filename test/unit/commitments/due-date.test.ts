import { describe, expect, it } from 'vitest';
import { parseDue } from '../../../src/commitments/due-date.ts';
import { addDays, daysBetween, localDay, startOfDay } from '../../../src/calendar.ts';

describe('parseDue', () => {
  it.each([
    ['2024-04', '2024-04-30'],
    ['2024-02', '2024-02-29'],
    ['2023-02', '2023-02-28'],
    ['2024-12', '2024-12-31'],
    ['2024-04-30', '2024-04-30'],
    [' 2025-01-15 ', '2025-01-15'],
  ])('%s → last on-time day %s', (text, lastDay) => {
    expect(parseDue(text)).toEqual({ text: text.trim(), lastDay });
  });

  it.each(['2024-13', '2024-02-30', 'April 2024', '2024/04/30', '', '24-04'])('rejects %j', (text) => {
    expect(parseDue(text)).toHaveProperty('error');
  });
});

describe('time zones', () => {
  it.each([
    // BST: local midnight is 23:00 UTC the day before
    ['2024-05-01', 'Europe/London', '2024-04-30T23:00:00.000Z'],
    // GMT
    ['2024-01-10', 'Europe/London', '2024-01-10T00:00:00.000Z'],
    // the spring-forward and fall-back days themselves
    ['2024-03-31', 'Europe/London', '2024-03-31T00:00:00.000Z'],
    ['2024-10-27', 'Europe/London', '2024-10-26T23:00:00.000Z'],
    ['2024-05-01', 'UTC', '2024-05-01T00:00:00.000Z'],
    ['2024-05-01', 'America/New_York', '2024-05-01T04:00:00.000Z'],
    ['2024-05-01', 'Asia/Kolkata', '2024-04-30T18:30:00.000Z'],
  ])('startOfDay(%s, %s) = %s', (day, tz, iso) => {
    expect(startOfDay(day, tz).toISOString()).toBe(iso);
  });

  it('localDay reads the calendar day in the zone', () => {
    expect(localDay(new Date('2024-04-30T23:30:00Z'), 'Europe/London')).toBe('2024-05-01');
    expect(localDay(new Date('2024-04-30T23:30:00Z'), 'UTC')).toBe('2024-04-30');
  });

  it('adds and counts calendar days across month and year ends', () => {
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-04-30', '2024-05-08')).toBe(8);
    expect(daysBetween('2024-05-08', '2024-04-30')).toBe(-8);
  });
});
