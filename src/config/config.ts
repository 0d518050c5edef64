// The effective configuration: the main file with defaults applied, paths made absolute and
// environment overrides folded in. Built only by loadConfig.

export interface FeedConfig {
  id: string;
  url: string;
  /** `atom` for GOV.UK Atom feeds, `search` for Search API JSON (inferred from the URL when not given). */
  type: 'atom' | 'search';
  /** Search API query that recovers items fallen out of the feed's 20-item window, and backfills. */
  recover?: string;
  /** Poll no more often than this (minutes); GOV.UK's own cache floor of 5 minutes always applies. */
  intervalMinutes: number;
}

export interface ScheduleConfig {
  poll: string;
  overdue: string;
  deliver: string;
  digest: string;
}

export interface Config {
  /** Absolute path of the file this was loaded from. */
  file: string;
  timezone: string;
  /** Absolute path of the SQLite database. */
  database: string;
  /** Absolute path of the commitments file. */
  commitmentsFile: string;
  /** Absolute folder for the digest archive (`<week>.md`, `<week>.html`). */
  digestDir: string;
  feeds: FeedConfig[];
  slack: {
    channel: string;
    /** Days from the overdue alert to the first reminder; each later gap doubles. */
    reminderDays: number;
    /** The longest gap between two reminders. */
    reminderMaxDays: number;
    /** Slack user ids who may act from Slack (verdicts, resolve, snooze, reopen); empty: anyone in the channel. */
    reviewers: string[];
  };
  schedule: ScheduleConfig;
  staleDays: number;
  /** Days before the due date when a commitment becomes due-soon. */
  dueSoonDays: number;
  /** Days of no match in stored history after which `status` reports a rule as never firing. */
  silentRuleDays: number;
  fetch: { timeoutSeconds: number; maxBytes: number; userAgent: string };
}

export const defaults = {
  timezone: 'Europe/London',
  database: 'data/followthrough.db',
  commitments: 'commitments.yaml',
  schedule: { poll: '*/15 * * * *', overdue: '0 9 * * *', deliver: '* * * * *', digest: '0 9 * * 1' },
  reminderDays: 7,
  /** 7, 14, 28, 56, 112, 112 … days: eighteen months overdue bring 7 reminders. */
  reminderMaxDays: 112,
  staleDays: 90,
  dueSoonDays: 7,
  silentRuleDays: 56,
  intervalMinutes: 15,
  timeoutSeconds: 20,
  maxMegabytes: 5,
} as const;

export const userAgent =
  'followthrough/0.1 (GOV.UK commitments watcher; +https://github.com/followthrough/followthrough)';
