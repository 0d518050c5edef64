// The logger: one JSON object a line with our level, the event and its fields; secrets redacted
// wherever they are; a field never shadows the line's own keys; readable lines when asked.

import { describe, expect, it } from 'vitest';
import { createLogger, createMemoryLogger } from '../../src/log.ts';

const at = () => new Date('2024-05-08T09:00:00.000Z');

function lines(level: 'debug' | 'info' = 'debug', format: 'json' | 'pretty' = 'json') {
  const out: string[] = [];
  const log = createLogger({
    level,
    format,
    clock: at,
    write: (l) => out.push(l),
    secrets: ['s3cret-value'],
  });
  return { log, out };
}

describe('createLogger', () => {
  it('writes one JSON object a line: level as a word, time, event and the fields', () => {
    const { log, out } = lines();
    log.info('feed.failed', { feed: 'home-office', attempts: 3 });
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toEqual({
      level: 'info',
      time: '2024-05-08T09:00:00.000Z',
      event: 'feed.failed',
      feed: 'home-office',
      attempts: 3,
    });
  });

  it('drops lines below its level', () => {
    const { log, out } = lines('info');
    log.debug('noise');
    log.warn('kept');
    expect(out.map((l) => JSON.parse(l).event)).toEqual(['kept']);
  });

  it('keeps its own level when a field is called level (the Slack SDK bridge once printed "warn" at debug)', () => {
    const { log, out } = lines();
    log.debug('slack.sdk', { level: 'warn', event: 'other', time: 'x' });
    const line = JSON.parse(out[0]!);
    expect(line.level).toBe('debug');
    expect(line.event).toBe('slack.sdk');
    expect(line.time).toBe('2024-05-08T09:00:00.000Z');
    expect(line.level_field).toBe('warn');
    // the raw text has one level key, so any reader sees the same thing
    expect(out[0]!.match(/"level":/g)).toHaveLength(1);
  });

  it('redacts Slack tokens and configured secrets in any field, nested ones included', () => {
    const { log, out } = lines();
    log.error('slack.failed', {
      error: new Error('invalid_auth for xoxb-1234-abcd'),
      detail: { headers: { authorization: 'Bearer xoxp-9-zz' }, note: 'key s3cret-value' },
    });
    expect(out[0]).not.toMatch(/xoxb-1234|xoxp-9|s3cret-value/);
    const line = JSON.parse(out[0]!);
    expect(line.error).toEqual({ name: 'Error', message: 'invalid_auth for xox…[redacted]' });
    expect(line.detail.note).toBe('key [redacted]');
  });

  it('pretty: one readable line a record, with the event and fields, not JSON', () => {
    const { log, out } = lines('debug', 'pretty');
    log.warn('feed.failed', { feed: 'home-office', token: 'xoxb-1-2' });
    expect(out).toHaveLength(1);
    expect(out[0]).not.toMatch(/^\{/);
    expect(out[0]).toMatch(/WARN/);
    expect(out[0]).toContain('feed.failed');
    expect(out[0]).toContain('home-office');
    expect(out[0]).not.toContain('xoxb-1-2');
  });

  it('the memory logger keeps parsed records for tests', () => {
    const log = createMemoryLogger();
    log.info('a', { n: 1 });
    expect(log.records).toMatchObject([{ level: 'info', event: 'a', n: 1 }]);
  });
});
