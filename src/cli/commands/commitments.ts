// `followthrough commitments <sub>`: view, decide and edit watched commitments.

import { UsageError } from '../../errors.ts';
import { unknownCommand } from '../args.ts';
import type { CliIo } from '../io.ts';

type Sub = (argv: string[], io: CliIo) => Promise<number>;

const subs: Record<string, () => Promise<Sub>> = {
  list: async () => (await import('./commitments/view.ts')).listCommand,
  show: async () => (await import('./commitments/view.ts')).showCommand,
  resolve: async () => (await import('./commitments/decide.ts')).resolveCommand,
  reopen: async () => (await import('./commitments/decide.ts')).reopenCommand,
  snooze: async () => (await import('./commitments/decide.ts')).snoozeCommand,
  review: async () => (await import('./commitments/review.ts')).reviewCommand,
  add: async () => (await import('./commitments/edit.ts')).addCommand,
  edit: async () => (await import('./commitments/edit.ts')).editCommand,
  remove: async () => (await import('./commitments/edit.ts')).removeCommand,
  test: async () => (await import('./commitments/test-rules.ts')).testCommand,
  tune: async () => (await import('./commitments/tune.ts')).tuneCommand,
};

export const commitmentsUsage = `usage: followthrough commitments <command>
  list [--json]                                   every watched commitment: status, due, evidence
  show <id> [--json]                              one commitment: history, evidence and why it matched
  resolve <id> --status met|partly-met|dropped|superseded [--evidence URL] [--note TEXT] [--by NAME]
  reopen <id> [--note TEXT] [--by NAME]           undo a resolution
  snooze <id> --until DATE [--note TEXT]          pause reminders (--until none lifts it)
  review <id> --item URL --verdict evidence|not-related [--by NAME] [--note TEXT]
                                                  a person's verdict on an item for the commitment
  add [--id … --title … --due … --owners … --source-url … --published … --quote … --match …]
  edit <id> [--title … --due … --owners … --match … --exclude … --fulfilment … --channel …]
  remove <id> [--force]                           stop watching (history is kept)
  test <id> [--since DATE]                        which stored items the rules match now, and why
  tune <id> [--json]                              near misses from history, and rule lines that would catch them`;

export async function commitmentsCommand(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.out(commitmentsUsage);
    return name ? 0 : 2;
  }
  const sub = subs[name];
  if (!sub) {
    throw new UsageError(
      `${await unknownCommand(name, Object.keys(subs), 'commitments command')}\n\n${commitmentsUsage}`,
    );
  }
  return (await sub())(rest, io);
}
