// Argument parsing on node:util parseArgs, strict: an unknown flag is a usage error (exit 2).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.ts';
import { isCalendarDay } from '../calendar.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** `--help` (or `-h`) anywhere: the command's usage is printed and it exits 0 (main catches this). */
export class HelpRequested extends Error {
  readonly usage: string;

  constructor(usage: string) {
    super('help requested');
    this.name = 'HelpRequested';
    this.usage = usage;
  }
}

export function parse<O extends Options>(argv: string[], options: O, usage: string, allowPositionals = true) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: O; allowPositionals: boolean; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    if (argv.includes('--help') || argv.includes('-h')) throw new HelpRequested(usage);
    throw new UsageError(`${(err as Error).message}\n\n${usage}`);
  }
  return parsed;
}

/** `--now 2024-05-08T09:00:00Z` (or a date, meaning 00:00 UTC): the instant the command treats as the present. */
export function parseNow(value: string | undefined, clock: () => Date = () => new Date()): Date {
  if (value === undefined) return clock();
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime()))
    throw new UsageError(`--now "${value}" is not a date or instant: write e.g. --now 2024-05-08T09:00:00Z`);
  return d;
}

export function parseDay(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDay(value))
    throw new UsageError(`${flag} "${value}" is not a date: write YYYY-MM-DD, e.g. ${flag} 2024-03-01`);
  return value;
}

export function requireValue(value: string | undefined, what: string, usage: string): string {
  if (value === undefined || value === '') throw new UsageError(`${what} is required\n\n${usage}`);
  return value;
}

/** "unknown command "pol": did you mean poll?" for a command name typed wrong. */
export async function unknownCommand(
  name: string,
  known: readonly string[],
  what = 'command',
): Promise<string> {
  // Loaded only on this path: the check-fields module is the config loader's, not every command's.
  const { closest } = await import('../config/check-fields.ts');
  const near = closest(name, known);
  return `unknown ${what} "${name}"${near ? `: did you mean ${near}?` : ''}`;
}
