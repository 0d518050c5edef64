// Reading a GOV.UK Content API record, and spacing requests to one host.

import { describe, expect, it } from 'vitest';
import { FollowthroughError } from '../../../src/errors.ts';
import { createPacer } from '../../../src/feeds/pacer.ts';
import { parseContentRecord } from '../../../src/feeds/parse-content.ts';
import { govukFixture } from '../../support/fake-govuk.ts';

describe('parseContentRecord', () => {
  it('reads the seed press release: description, body as plain text, first publication, publisher', () => {
    const record = parseContentRecord(govukFixture('content-calais-group-press-release.json'));
    expect(record.description).toBe(
      'The UK and other northern European countries discussed new commitments to disrupt the supply chain of small boats.',
    );
    expect(record.body).toContain('The UK and France will lead a new customs partnership');
    expect(record.body).not.toMatch(/<[a-z]/);
    expect(record.firstPublishedAt).toBe('2024-03-05T12:00:00.000Z');
    expect(record.publisher).toBe('Home Office');
  });

  it('joins a guide’s parts, prefers the primary publishing organisation, refuses what is not a record', () => {
    const record = parseContentRecord(
      JSON.stringify({
        base_path: '/guide',
        details: {
          parts: [
            { title: 'One', body: '<p>First</p>' },
            { title: 'Two', body: '<p>Second</p>' },
          ],
        },
        links: {
          organisations: [{ title: 'Cabinet Office' }],
          primary_publishing_organisation: [{ title: 'Home Office' }],
        },
      }),
    );
    expect(record).toEqual({
      description: '',
      body: 'One First Two Second',
      firstPublishedAt: null,
      publisher: 'Home Office',
    });
    expect(() => parseContentRecord('not json')).toThrow(FollowthroughError);
    expect(() => parseContentRecord('{"error":"not found"}')).toThrow(/neither base_path nor details/);
  });
});

describe('createPacer', () => {
  it('spaces requests to one host, leaves other hosts alone, and holds Parliament to one a second', async () => {
    let clock = 0;
    const slept: number[] = [];
    const pacer = createPacer(
      4,
      async (ms) => {
        slept.push(ms);
        clock += ms;
      },
      () => clock,
    );
    await pacer.wait('https://www.gov.uk/api/content/a');
    await pacer.wait('https://www.gov.uk/api/content/b');
    await pacer.wait('https://example.gov/x');
    await pacer.wait('https://www.gov.uk/api/content/c');
    expect(slept).toEqual([250, 250]);
    slept.length = 0;
    await pacer.wait('https://questions-statements-api.parliament.uk/api/writtenstatements/statements/1');
    await pacer.wait('https://questions-statements-api.parliament.uk/api/writtenstatements/statements/2');
    expect(slept).toEqual([1000]);
  });
});
