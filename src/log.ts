// Structured logs: one JSON object a line, a fixed `event` name plus fields.
// Anything that looks like a Slack token is redacted before it is written.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const tokenPattern = /xox[abposr]-[A-Za-z0-9-]+/g;

export function redactSecrets(text: string, secrets: string[] = []): string {
  let out = text.replace(tokenPattern, 'xox…[redacted]');
  for (const s of secrets) if (s) out = out.split(s).join('[redacted]');
  return out;
}

export interface LoggerOptions {
  level?: LogLevel;
  write?: (line: string) => void;
  clock?: () => Date;
  secrets?: string[];
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = order[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());
  const secrets = options.secrets ?? [];
  const emit = (level: LogLevel, event: string, fields?: Record<string, unknown>): void => {
    if (order[level] < min) return;
    const record = { time: clock().toISOString(), level, event, ...fields };
    write(redactSecrets(JSON.stringify(record, errorReplacer), secrets));
  };
  return {
    debug: (e, f) => emit('debug', e, f),
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

/** A logger that keeps records in memory, for tests. */
export function createMemoryLogger(): Logger & { records: Array<Record<string, unknown>> } {
  const records: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: 'debug', write: (line) => records.push(JSON.parse(line)) });
  return Object.assign(logger, { records });
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code !== undefined ? { code } : {}) };
  }
  return value;
}
