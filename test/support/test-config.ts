// An in-memory Config for tests that call jobs directly.

import { defaults, userAgent, type Config, type FeedConfig } from '../../src/config/config.ts';

export function testConfig(over: Partial<Config> & { feeds?: FeedConfig[] } = {}): Config {
  return {
    file: '/test/followthrough.yaml',
    timezone: 'Europe/London',
    database: ':memory:',
    commitmentsFile: '/test/commitments.yaml',
    digestDir: '/test/digests',
    feeds: [],
    slack: { channel: '#followthrough', reminderDays: 7, reminderMaxDays: 112, reviewers: [] },
    schedule: { ...defaults.schedule },
    staleDays: 90,
    dueSoonDays: 7,
    silentRuleDays: 56,
    fetch: { timeoutSeconds: 2, maxBytes: 1024 * 1024, userAgent, requestsPerSecond: 50 },
    ...over,
  };
}

export function feed(id: string, url: string, over: Partial<FeedConfig> = {}): FeedConfig {
  return {
    id,
    url,
    type: url.includes('/api/search.json') ? 'search' : 'atom',
    intervalMinutes: 15,
    windowDays: 7,
    ...over,
  };
}
