// The effective configuration: the main file with defaults applied, paths made absolute and
// environment overrides folded in. Built only by loadConfig.

export interface FeedConfig {
  id: string;
  url: string;
  /**
   * `atom` (the default): any RSS 2.0 or Atom feed from any publisher, told apart by its body; GOV.UK items
   * in it follow GOV.UK's rules. `search`: Search API JSON (inferred from the URL). `parliament-statements`:
   * the written statements API.
   */
  type: 'atom' | 'search' | 'parliament-statements';
  /** Search API query that recovers items fallen out of the feed's 20-item window, and backfills. */
  recover?: string;
  /** Poll no more often than this (minutes); GOV.UK's own cache floor of 5 minutes always applies. */
  intervalMinutes: number;
  /** Base URL whose `/api/content<path>` serves GOV.UK items' bodies; default: the origin of `url`. */
  content?: string;
  /** Who publishes the items, when the feed itself does not say well (NCA's channel is called "News"). */
  publisher?: string;
  /** `parliament-statements`: how many recent days each poll reads. */
  windowDays: number;
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
  fetch: {
    timeoutSeconds: number;
    maxBytes: number;
    userAgent: string;
    /** Per host, for requests beyond a feed's own (page bodies, statement details); Parliament's own cap is lower. */
    requestsPerSecond: number;
  };
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
  requestsPerSecond: 3,
  windowDays: 7,
} as const;

export const userAgent =
  'followthrough/0.1 (GOV.UK commitments watcher; +https://github.com/followthrough/followthrough)';
