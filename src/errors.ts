// Errors carry a stable `code` (for tests, logs and exit codes) and a message a person can act on.
// Every code is in this one closed list, so a new failure mode is named here first.

export type ErrorCode =
  // configuration and usage (exit 2)
  | 'config_invalid'
  | 'usage'
  | 'rule_invalid'
  | 'rule_syntax'
  // the store
  | 'db_open'
  | 'db_too_new'
  | 'locked'
  | 'write_failed'
  // feeds and sources
  | 'fetch_network'
  | 'fetch_timeout'
  | 'fetch_http'
  | 'fetch_too_large'
  | 'fetch_redirects'
  | 'fetch_aborted'
  | 'fetch_url_invalid'
  | 'feed_unparseable'
  | 'search_url_invalid'
  | 'backfill_incomplete'
  // commitments and their file
  | 'unknown_commitment'
  | 'commitment_exists'
  | 'commitments_unparseable'
  | 'has_evidence'
  | 'not_resolved'
  | 'unknown_item'
  | 'verdict_invalid'
  | 'match_failed'
  | 'match_since_invalid'
  // extraction from announcements
  | 'announcement_bad_url'
  | 'announcement_fetch_failed'
  | 'announcement_gone'
  | 'announcement_moved'
  | 'announcement_no_date'
  | 'announcement_not_found'
  | 'announcement_too_large'
  | 'announcement_unreadable'
  | 'source_url_missing'
  // evaluation and replay
  | 'history_invalid'
  | 'history_unreadable'
  | 'replay_db_in_use'
  | 'eval_fixture_invalid'
  // Slack and the worker
  | 'slack_answer_invalid'
  | 'unknown_job'
  | 'input_ended';

export class FollowthroughError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FollowthroughError';
    this.code = code;
  }
}

/** Bad configuration or usage: the CLI exits 2. Each problem names where it is and how to fix it. */
export class ConfigError extends FollowthroughError {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    super('config_invalid', formatProblems(problems));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface ConfigProblem {
  file: string;
  /** Dotted path of the field, e.g. `feeds[1].url` or `commitments[customs-partnership].due`. */
  field: string;
  line?: number;
  message: string;
  fix: string;
}

export function formatProblem(p: ConfigProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.field}: ${p.message}\n  fix: ${p.fix}`;
}

export function formatProblems(problems: ConfigProblem[]): string {
  const n = problems.length;
  return `${n} problem${n === 1 ? '' : 's'} in the configuration:\n${problems.map(formatProblem).join('\n')}`;
}

export class UsageError extends FollowthroughError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
