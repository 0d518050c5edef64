// `commitments resolve | reopen | snooze`: a person's decisions, recorded with who, when and why.

import { startOfDay } from '../../../calendar.ts';
import { UsageError } from '../../../errors.ts';
import { reopenCommitment, resolveCommitment, snoozeCommitment } from '../../../jobs/resolve-commitment.ts';
import { isHttpUrl } from '../../../config/check-fields.ts';
import { openStore } from '../../../store/open-store.ts';
import { parse, parseDay, parseNow } from '../../args.ts';
import { loadContext } from '../../context.ts';
import { exitCodes, type CliIo } from '../../io.ts';
import { actor, ensureState, findCommitment, watched } from './shared.ts';

const resolveUsage =
  'usage: followthrough commitments resolve <id> --status met|partly-met|dropped|superseded ' +
  '[--evidence URL] [--note TEXT] [--by NAME] [--now ISO]';
const reopenUsage = 'usage: followthrough commitments reopen <id> [--note TEXT] [--by NAME] [--now ISO]';
const snoozeUsage =
  'usage: followthrough commitments snooze <id> --until YYYY-MM-DD|none [--note TEXT] [--by NAME] [--now ISO]';

const common = { note: { type: 'string' }, by: { type: 'string' }, now: { type: 'string' } } as const;

export async function resolveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { ...common, status: { type: 'string' }, evidence: { type: 'string' } },
    resolveUsage,
  );
  if (!values.status) throw new UsageError(`--status is required\n\n${resolveUsage}`);
  if (values.evidence && !isHttpUrl(values.evidence))
    throw new UsageError(`--evidence must be an http(s) address, not "${values.evidence}"`);
  return decide(io, positionals[0], resolveUsage, values.now, (db, c, now) => {
    resolveCommitment(db, {
      id: c.id,
      status: values.status!,
      actor: actor(values.by, io.env),
      now,
      ...(values.note ? { note: values.note } : {}),
      ...(values.evidence ? { evidenceUrl: values.evidence } : {}),
    });
    return `${c.id} is now ${values.status}`;
  });
}

export async function reopenCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, common, reopenUsage);
  return decide(io, positionals[0], reopenUsage, values.now, (db, c, now, config) => {
    const status = reopenCommitment(db, config, c, {
      id: c.id,
      actor: actor(values.by, io.env),
      now,
      ...(values.note ? { note: values.note } : {}),
    });
    return `${c.id} reopened: now ${status}`;
  });
}

export async function snoozeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { ...common, until: { type: 'string' } }, snoozeUsage);
  if (!values.until) throw new UsageError(`--until is required\n\n${snoozeUsage}`);
  const day = values.until === 'none' ? null : parseDay(values.until, '--until')!;
  return decide(io, positionals[0], snoozeUsage, values.now, (db, c, now, config) => {
    const until = day ? startOfDay(day, config.timezone).toISOString() : null;
    snoozeCommitment(db, {
      id: c.id,
      until,
      actor: actor(values.by, io.env),
      now,
      ...(values.note ? { note: values.note } : {}),
    });
    return until ? `${c.id}: reminders paused until ${day}` : `${c.id}: reminders resumed`;
  });
}

type Action = (
  db: ReturnType<typeof openStore>,
  c: ReturnType<typeof findCommitment>,
  now: Date,
  config: ReturnType<typeof loadContext>['config'],
) => string;

async function decide(
  io: CliIo,
  id: string | undefined,
  usage: string,
  nowFlag: string | undefined,
  action: Action,
): Promise<number> {
  const now = parseNow(nowFlag);
  const ctx = loadContext(io);
  const db = openStore(ctx.config.database);
  try {
    const c = findCommitment(watched(ctx, db, now), id, usage);
    const message = db.transaction(() => {
      ensureState(db, c, now);
      return action(db, c, now, ctx.config);
    })();
    io.out(`${message}. The status card in Slack is updated on the next delivery.`);
    return exitCodes.ok;
  } finally {
    db.close();
  }
}
