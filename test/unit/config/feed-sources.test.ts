// The `feeds:` entries for every kind of source: any RSS or Atom feed (no type), the Search API,
// Parliament's written statements; `content:`, `publisher:`, `window_days:` and the request rate.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.ts';
import { ConfigError, type ConfigProblem } from '../../../src/errors.ts';

function write(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ft-config-'));
  const file = join(dir, 'followthrough.yaml');
  writeFileSync(file, text);
  return file;
}

const head = 'slack:\n  channel: "#followthrough"\nfeeds:\n';

function problems(feeds: string, extra = ''): ConfigProblem[] {
  try {
    loadConfig(write(`${head}${feeds}${extra}`), {}, '/srv/app');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}

describe('feeds: sources', () => {
  it('reads every kind of source with its options and defaults', () => {
    const c = loadConfig(
      write(`${head}  - id: nca
    url: https://www.nationalcrimeagency.gov.uk/news?format=feed&type=rss
    publisher: National Crime Agency
  - id: ho-statements
    type: parliament-statements
    url: https://questions-statements-api.parliament.uk/api/writtenstatements/statements?answeringBodies=1
  - id: local
    url: http://127.0.0.1:8080/government/organisations/home-office.atom
    content: https://www.gov.uk/
fetch:
  requests_per_second: 2
`),
      {},
      '/srv/app',
    );
    expect(c.feeds.map((f) => [f.id, f.type, f.windowDays, f.publisher ?? null, f.content ?? null])).toEqual([
      ['nca', 'atom', 7, 'National Crime Agency', null],
      ['ho-statements', 'parliament-statements', 7, null, null],
      ['local', 'atom', 7, null, 'https://www.gov.uk'],
    ]);
    expect(c.fetch.requestsPerSecond).toBe(2);
  });

  it('names the field, line and fix of each mistake', () => {
    const found = problems(
      `  - id: a
    url: https://example.gov/feed
    type: rss2
  - id: b
    url: https://example.gov/feed
    window_days: 3
  - id: c
    type: parliament-statements
    url: https://questions-statements-api.parliament.uk/api/writtenstatements/statements
    window_days: 0
    content: not a url
`,
      'fetch:\n  requests_per_second: 500\n',
    );
    expect(found.map((p) => [p.field, p.line])).toEqual([
      ['feeds[0].type', 6],
      ['feeds[1].window_days', 9],
      ['feeds[2].content', 14],
      ['feeds[2].window_days', 13],
      ['fetch.requests_per_second', 16],
    ]);
    expect(found[0]!.fix).toMatch(/leave type out for any RSS or Atom feed/);
    expect(found[1]!.fix).toMatch(/set type: parliament-statements/);
  });
});
