import { describe, expect, it } from 'vitest';
import {
  nextPollAfterFailure,
  nextPollAfterSuccess,
  parseRetryAfter,
} from '../../../src/feeds/politeness.ts';

const now = new Date('2024-03-05T10:00:00.000Z');
const after = (seconds: number): string => new Date(now.getTime() + seconds * 1000).toISOString();

describe('nextPollAfterSuccess', () => {
  it.each([
    // [maxAge, interval, delay]
    [300, 900, 900],
    [300, 60, 300],
    [null, 60, 300],
    [null, 0, 300],
    [3600, 900, 3600],
    [0, 600, 600],
  ])('max-age %s, interval %s s → %s s', (maxAge, interval, delay) => {
    expect(nextPollAfterSuccess(now, maxAge, interval).toISOString()).toBe(after(delay));
  });
});

describe('nextPollAfterFailure', () => {
  it.each([
    // [failures, retryAfter, delay]
    [1, undefined, 300],
    [2, undefined, 600],
    [3, undefined, 1200],
    [5, undefined, 4800],
    [9, undefined, 76_800],
    [10, undefined, 86_400],
    [1000, undefined, 86_400],
    [0, undefined, 300],
    [1, null, 300],
    [1, 120, 300],
    [1, 3600, 3600],
    [3, 3600, 3600],
    [10, 2 * 86_400, 2 * 86_400],
    [1, 365 * 86_400, 7 * 86_400],
    [1, -5, 300],
  ])('%s failures, Retry-After %s → %s s', (failures, retryAfter, delay) => {
    expect(nextPollAfterFailure(now, failures, retryAfter).toISOString()).toBe(after(delay));
  });

  it('is deterministic', () => {
    const runs = Array.from({ length: 5 }, () => nextPollAfterFailure(now, 4).toISOString());
    expect(new Set(runs).size).toBe(1);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120],
    [' 0 ', 0],
    ['Tue, 05 Mar 2024 10:02:00 GMT', 120],
    ['Tue, 05 Mar 2024 10:00:00 GMT', 0],
    ['Tue, 05 Mar 2024 09:00:00 GMT', 0],
    ['Tuesday, 05-Mar-24 10:01:00 GMT', 60],
    ['Tue, 05 Mar 2024 10:00:00.500 GMT', 1],
    [null, null],
    ['', null],
    ['soon', null],
    ['1.5', null],
    ['-10', null],
  ])('%j → %s', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
});
