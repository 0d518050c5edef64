// Errors carry a stable `code` (for tests, logs and exit codes) and a message a person can act on.

export class FollowthroughError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
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
