// Structured logs on pino: a fixed `event` name plus fields. One JSON object a line by default
// (what a container's log collector and our tests read); readable lines (pino-pretty, loaded only
// then) on a terminal or with `--log-format pretty`. Anything that looks like a Slack token is
// redacted from every line before it is written, whatever field it hides in.

import { createRequire } from 'node:module';
import type { Logger as PinoLogger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'json' | 'pretty';
export const logFormats: readonly LogFormat[] = ['json', 'pretty'];

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

const tokenPattern = /xox[abposr]-[A-Za-z0-9-]+/g;
// Keys the line itself owns: a field by one of these names would shadow them (the Slack SDK's
// own `level` once made a debug line read "warn"), so such a field is renamed.
const reserved = new Set(['level', 'time', 'event']);

export function redactSecrets(text: string, secrets: string[] = []): string {
  let out = text.replace(tokenPattern, 'xox…[redacted]');
  for (const s of secrets) if (s) out = out.split(s).join('[redacted]');
  return out;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Receives each finished line (no newline). */
  write?: (line: string) => void;
  clock?: () => Date;
  secrets?: string[];
  format?: LogFormat;
  /** Colours in pretty lines. */
  colour?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());
  const secrets = options.secrets ?? [];
  const pretty = options.format === 'pretty' ? prettyPrinter(options.colour ?? false) : undefined;
  const destination = {
    write(chunk: string): void {
      const line = redactSecrets(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk, secrets);
      write(pretty ? pretty(line).replace(/\n$/, '') : line);
    },
  };
  // pino is required on the first line logged: a command that logs nothing (`health`, the container's
  // check every 20 s) never loads it, which keeps its start-up near a bare `node`.
  let p: PinoLogger | undefined;
  const logger = (): PinoLogger => {
    p ??= loadPino()(
      {
        level: options.level ?? 'info',
        base: null,
        messageKey: 'event',
        timestamp: () => `,"time":"${clock().toISOString()}"`,
        formatters: { level: (label: string) => ({ level: label }) },
      },
      destination,
    );
    return p;
  };
  const emit =
    (level: LogLevel) =>
    (event: string, fields?: Record<string, unknown>): void => {
      const l = logger();
      if (!l.isLevelEnabled(level)) return;
      l[level](fields ? plainFields(fields) : {}, event);
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that keeps records in memory, for tests: the same pino path, parsed back. */
export function createMemoryLogger(): Logger & { records: Array<Record<string, unknown>> } {
  const records: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: 'debug', write: (line) => records.push(JSON.parse(line)) });
  return Object.assign(logger, { records });
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function loadPino(): typeof import('pino').pino {
  return (createRequire(import.meta.url)('pino') as typeof import('pino')).pino;
}

// pino-pretty is a terminal convenience: required only when asked for, so a worker logging JSON
// never loads it.
function prettyPrinter(colour: boolean): (line: string) => string {
  const require = createRequire(import.meta.url);
  const { prettyFactory } = require('pino-pretty') as {
    prettyFactory: (o: Record<string, unknown>) => (line: string) => string;
  };
  return prettyFactory({
    messageKey: 'event',
    colorize: colour,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
  });
}

/** Errors as { name, message, code } (JSON would print `{}`), and no field shadowing the line's own keys. */
function plainFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[reserved.has(k) ? `${k}_field` : k] = plainValue(v, 0);
  return out;
}

function plainValue(value: unknown, depth: number): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code !== undefined ? { code } : {}) };
  }
  if (depth > 3 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => plainValue(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = plainValue(v, depth + 1);
  return out;
}
