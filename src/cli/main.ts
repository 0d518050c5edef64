// The `followthrough` command line: dispatch to a command, turn errors into exit codes
// (0 ok, 1 failure, 2 bad config or usage, 3 some feeds failed, 4 Slack delivery blocked).
// node:util parseArgs per command (cli/args.ts) rather than a framework: each command owns its
// flags and usage; this file adds what spans them — `help <command>`, "did you mean", --log-format.

import { ConfigError, FollowthroughError, UsageError, errorMessage } from '../errors.ts';
import { readFileSync } from 'node:fs';
import { HelpRequested, unknownCommand } from './args.ts';
import { exitCodes, processIo, type CliIo } from './io.ts';
import { logFormats, type LogFormat } from '../log.ts';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: () => Promise<Command>; help: string }> = {
  run: {
    run: async () => (await import('./commands/run.ts')).runCommand,
    help: 'the scheduled worker (poll, status check, delivery, digest)',
  },
  poll: {
    run: async () => (await import('./commands/poll.ts')).pollCommand,
    help: 'poll --once [--now ISO]: one whole cycle',
  },
  backfill: {
    run: async () => (await import('./commands/backfill.ts')).backfillCommand,
    help: 'backfill --since DATE: load history from the Search API',
  },
  'check-config': {
    run: async () => (await import('./commands/check-config.ts')).checkConfigCommand,
    help: 'validate the configuration and print it, secrets redacted',
  },
  health: {
    run: async () => (await import('./commands/health.ts')).healthCommand,
    help: 'exit 0 while a worker runs on this database (container HEALTHCHECK)',
  },
  status: {
    run: async () => (await import('./commands/status.ts')).statusCommand,
    help: 'feeds, items, commitments, outbox [--json]',
  },
  items: {
    run: async () => (await import('./commands/items.ts')).itemsCommand,
    help: 'items search <words>',
  },
  commitments: {
    run: async () => (await import('./commands/commitments.ts')).commitmentsCommand,
    help: 'list | show | resolve | snooze | reopen | add | edit | remove | test',
  },
  replay: {
    run: async () => (await import('./commands/replay.ts')).replayCommand,
    help: 'replay --from DATE --to DATE --items FILE.jsonl [--json]',
  },
  eval: {
    run: async () => (await import('./commands/eval.ts')).evalCommand,
    help: 'precision and recall of the matching rules on a labelled set',
  },
  digest: {
    run: async () => (await import('./commands/digest.ts')).digestCommand,
    help: 'digest [--now ISO] [--week 2024-W15] [--dry-run] [--format slack|markdown|html] [--output FILE]',
  },
  extract: {
    run: async () => (await import('./commands/extract.ts')).extractCommand,
    help: 'extract <GOV.UK URL | file> [--append]: propose commitments from an announcement',
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'usage: followthrough <command> [options]',
    '',
    'commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.help}`),
    '',
    'Configuration: config/followthrough.yaml, or the file named by FOLLOWTHROUGH_CONFIG.',
    'Environment: SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_API_URL, FOLLOWTHROUGH_DB, FOLLOWTHROUGH_LOG_LEVEL, FOLLOWTHROUGH_LOG_FORMAT.',
    'Logs: readable lines on a terminal, one JSON object a line otherwise; --log-format json|pretty chooses.',
    'Exit codes: 0 ok, 1 failure, 2 bad configuration or usage, 3 some feeds failed, 4 Slack delivery blocked.',
    "`followthrough help <command>` shows a command's options.",
  ].join('\n');
}

/** Takes `--log-format X` (or `=X`) out of argv, wherever it is. */
function takeLogFormat(argv: string[]): { argv: string[]; format?: string } {
  const out: string[] = [];
  let format: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--log-format') format = argv[++i] ?? '';
    else if (a.startsWith('--log-format=')) format = a.slice('--log-format='.length);
    else out.push(a);
  }
  return { argv: out, ...(format !== undefined ? { format } : {}) };
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const taken = takeLogFormat(argv);
  if (taken.format !== undefined) {
    if (!(logFormats as readonly string[]).includes(taken.format)) {
      io.err(`--log-format must be one of ${logFormats.join(', ')}, not "${taken.format}"`);
      return exitCodes.usage;
    }
    io.logFormat = taken.format as LogFormat;
  }
  let [name, ...rest] = taken.argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(packageVersion());
    return exitCodes.ok;
  }
  if (name === 'help' && rest[0] && commands[rest[0]]) {
    // `help poll` is `poll --help`; `help commitments add` is `commitments add --help`.
    [name, ...rest] = [...rest, '--help'];
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && rest[0]) {
      io.err(`${await unknownCommand(rest[0], Object.keys(commands))}\n\n${usage()}`);
      return exitCodes.usage;
    }
    io.out(usage());
    return name ? exitCodes.ok : exitCodes.usage;
  }
  const command = commands[name];
  if (!command) {
    io.err(`${await unknownCommand(name, Object.keys(commands))}\n\n${usage()}`);
    return exitCodes.usage;
  }
  try {
    return await (await command.run())(rest, io);
  } catch (err) {
    if (err instanceof HelpRequested) {
      io.out(err.usage);
      return exitCodes.ok;
    }
    if (err instanceof ConfigError || err instanceof UsageError) {
      io.err(err.message);
      return exitCodes.usage;
    }
    if (err instanceof FollowthroughError) {
      io.err(`followthrough: ${err.message}`);
      return exitCodes.failure;
    }
    io.err(`followthrough: unexpected error: ${errorMessage(err)}\n${(err as Error)?.stack ?? ''}`);
    return exitCodes.failure;
  }
}

/** The version in package.json, which sits two folders up from both src/cli and dist/cli. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
