// Where an item comes from, as alerts, cards and the digest say it.

import { describe, expect, it } from 'vitest';
import { itemSourceLabel, itemSourceLine } from '../../../src/slack/item-source.ts';

describe('itemSourceLine', () => {
  it.each([
    [
      { displayType: 'Written statement', publisher: 'Home Office' },
      'Written statement · Home Office · 10 December 2024',
    ],
    [{ displayType: 'Press release', publisher: null }, 'Press release · 10 December 2024'],
    [{ displayType: null, publisher: 'National Crime Agency' }, 'National Crime Agency · 10 December 2024'],
    [{ displayType: 'News', publisher: 'News' }, 'News · 10 December 2024'],
    [{ displayType: null, publisher: null }, 'GOV.UK · 10 December 2024'],
  ])('%j → %s', (item, line) => {
    expect(
      itemSourceLine({ ...item, updatedAt: '2024-12-10T00:00:00.000Z' }, 'Europe/London', 'GOV.UK'),
    ).toBe(line);
  });

  it('gives the local day, and no label at all without a fallback', () => {
    expect(itemSourceLine({ updatedAt: '2024-06-30T23:30:00.000Z' }, 'Europe/London')).toBe('1 July 2024');
    expect(itemSourceLabel({ displayType: '  ', publisher: undefined })).toBe('');
  });
});
