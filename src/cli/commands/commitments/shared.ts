// What the commitments sub-commands share: the set in force, who is acting, ids.

import { userInfo } from 'node:os';
import type { Commitment } from '../../../commitments/commitment.ts';
import { FollowthroughError, UsageError } from '../../../errors.ts';
import { fixedClock } from '../../../jobs/clock.ts';
import { loadWatched } from '../../../jobs/load-watched.ts';
import { syncCommitments } from '../../../jobs/sync-commitments.ts';
import { ensureCommitmentState } from '../../../store/commitment-state-table.ts';
import { openStore, type Db } from '../../../store/open-store.ts';
import type { Context } from '../../context.ts';
import type { CliIo } from '../../io.ts';

export function watched(ctx: Context, db: Db, now: Date): Commitment[] {
  return loadWatched(ctx.config, { db, log: ctx.log, clock: fixedClock(now) }).commitments;
}

export function findCommitment(list: Commitment[], id: string | undefined, usage: string): Commitment {
  if (!id) throw new UsageError(`which commitment? give its id\n\n${usage}`);
  const c = list.find((x) => x.id === id);
  if (!c)
    throw new FollowthroughError(
      'unknown_commitment',
      `no commitment "${id}" in the commitments file; known: ${list.map((x) => x.id).join(', ') || '(none)'}`,
    );
  return c;
}

/** A decision may come before the first cycle: give the commitment its row (an empty rule hash
 *  leaves the history catch-up to the next cycle). */
export function ensureState(db: Db, c: Commitment, now: Date): void {
  ensureCommitmentState(db, c.id, now.toISOString(), '');
}

export function actor(by: string | undefined, env: NodeJS.ProcessEnv): string {
  if (by) return by;
  if (env.USER) return env.USER;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** After the file changed: match the new or changed commitments against stored history at once
 *  (from `since[id]`, default each one's source date) and say what was found for each. */
export function catchUp(
  ctx: Context,
  io: CliIo,
  commitments: Commitment[],
  ids: string[],
  now: Date,
  since: Record<string, string> = {},
): void {
  const db = openStore(ctx.config.database);
  try {
    const report = syncCommitments(
      ctx.config,
      commitments,
      { db, log: ctx.log, clock: fixedClock(now) },
      { since },
    );
    for (const id of ids) {
      const found = report.found[id] ?? [];
      io.out(
        found.length
          ? `${id}: ${found.length} stored item${found.length === 1 ? '' : 's'} already match${found.length === 1 ? 'es' : ''} ` +
              '(reported as one summary on the next delivery):\n' +
              found.map((i) => `  ${i.updatedAt.slice(0, 10)}  ${i.title}\n              ${i.url}`).join('\n')
          : `${id}: no stored item matches yet`,
      );
    }
  } finally {
    db.close();
  }
}
