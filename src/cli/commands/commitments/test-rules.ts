// `commitments test <id> [--since DATE] [--match EXPR…]`: which stored items the rules match now,
// and why. Nothing is recorded, so a rule can be tried before it is saved.

import type { Commitment } from '../../../commitments/commitment.ts';
import { validateRules, compileCommitment } from '../../../match/compile-commitment.ts';
import { ConfigError } from '../../../errors.ts';
import { HIT_END, HIT_START } from '../../../match/match-types.ts';
import { matchHistory } from '../../../match/match-history.ts';
import { historyQueries } from '../../../store/item-queries.ts';
import { openStore } from '../../../store/open-store.ts';
import { parse, parseDay, parseNow } from '../../args.ts';
import { loadContext } from '../../context.ts';
import { exitCodes, type CliIo } from '../../io.ts';
import { findCommitment, watched } from './shared.ts';

const usage = `usage: followthrough commitments test <id> [--since YYYY-MM-DD] [--match EXPR…] [--exclude EXPR…] [--limit N] [--json]
Shows which stored items the commitment's rules match now, and why. --match / --exclude try other
rules without saving them.`;

export async function testCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      since: { type: 'string' },
      match: { type: 'string', multiple: true },
      exclude: { type: 'string', multiple: true },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      now: { type: 'string' },
    },
    usage,
  );
  const since = parseDay(values.since, '--since');
  const ctx = loadContext(io);
  const db = openStore(ctx.config.database);
  try {
    let c: Commitment = findCommitment(watched(ctx, db, parseNow(values.now)), positionals[0], usage);
    if (values.match?.length || values.exclude?.length) {
      c = {
        ...c,
        match: {
          any: values.match?.length ? values.match : c.match.any,
          exclude: values.exclude ?? c.match.exclude,
        },
      };
      const problems = validateRules({ id: c.id, match: c.match, fulfilment: c.fulfilment });
      if (problems.length)
        throw new ConfigError(
          problems.map((p) => ({
            file: '(command line)',
            field: `commitments[${c.id}].${p.field}`,
            message: p.message,
            fix: p.fix,
          })),
        );
    }
    const hits = matchHistory(historyQueries(db), compileCommitment(c), {
      timeZone: ctx.config.timezone,
      ...(since ? { since } : {}),
      limit: Number(values.limit ?? 50),
    });
    if (values.json) {
      io.out(JSON.stringify(hits, null, 2));
      return exitCodes.ok;
    }
    if (hits.length === 0)
      io.out(
        `no stored item matches ${c.id}${since ? ` since ${since}` : ''} ` +
          `(${db.prepare('SELECT COUNT(*) AS n FROM items').pluck().get() as number} items stored)`,
      );
    for (const h of hits) {
      io.out(`${h.updatedAt.slice(0, 10)}  [${h.kind}] ${h.title}  (score ${h.score})`);
      io.out(`    rule: ${h.why.rule}`);
      for (const t of h.why.hits)
        io.out(
          `    ${t.term} in ${t.fields.join('+')}: ${t.context.split(HIT_START).join('[').split(HIT_END).join(']')}`,
        );
    }
    return exitCodes.ok;
  } finally {
    db.close();
  }
}
