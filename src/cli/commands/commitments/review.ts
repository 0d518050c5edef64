// `commitments review <id> --item URL --verdict evidence|not-related`: a person's verdict on an
// item for a commitment, recorded with who, when and why (the Slack buttons record the same).

import { UsageError } from '../../../errors.ts';
import { recordVerdict, verdicts } from '../../../jobs/record-verdict.ts';
import { openStore } from '../../../store/open-store.ts';
import { parse, parseNow } from '../../args.ts';
import { loadContext } from '../../context.ts';
import { exitCodes, type CliIo } from '../../io.ts';
import { actor, ensureState, findCommitment, watched } from './shared.ts';

const usage =
  'usage: followthrough commitments review <id> --item URL --verdict evidence|not-related ' +
  '[--by NAME] [--note TEXT] [--now ISO] [--json]\n' +
  'evidence: the item counts for the commitment (a review item becomes evidence).\n' +
  'not-related: the item is withdrawn from the counts, the card and the digest, and never raised again for it.';

export async function reviewCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      item: { type: 'string' },
      verdict: { type: 'string' },
      by: { type: 'string' },
      note: { type: 'string' },
      now: { type: 'string' },
      json: { type: 'boolean' },
    },
    usage,
  );
  if (!values.item)
    throw new UsageError(`--item is required: the item's address as the alert shows it\n\n${usage}`);
  if (!values.verdict || !(verdicts as readonly string[]).includes(values.verdict)) {
    throw new UsageError(`--verdict must be one of ${verdicts.join(', ')}\n\n${usage}`);
  }
  const now = parseNow(values.now);
  const ctx = loadContext(io);
  const db = openStore(ctx.config.database);
  try {
    const c = findCommitment(watched(ctx, db, now), positionals[0], usage);
    ensureState(db, c, now);
    const outcome = recordVerdict(db, {
      commitmentId: c.id,
      itemUrl: values.item,
      verdict: values.verdict,
      actor: actor(values.by, io.env),
      at: now,
      via: 'cli',
      ...(values.note ? { note: values.note } : {}),
    });
    if (values.json) {
      io.out(JSON.stringify(outcome, null, 2));
      return exitCodes.ok;
    }
    const what = outcome.verdict === 'evidence' ? 'counts as evidence' : 'is not related';
    const withdrawn = outcome.cancelledAlerts
      ? ` (${outcome.cancelledAlerts} waiting alert${outcome.cancelledAlerts === 1 ? '' : 's'} withdrawn)`
      : '';
    io.out(
      `${c.id}: “${outcome.item.title}” ${what}${withdrawn}. The status card is updated on the next delivery.`,
    );
    return exitCodes.ok;
  } finally {
    db.close();
  }
}
