// `followthrough backfill --since DATE`: load history from the GOV.UK Search API. Shows progress
// on a terminal and stays quiet in logs.

import { fetchFeed } from '../../feeds/fetch-feed.ts';
import { fixedClock } from '../../jobs/clock.ts';
import { backfill } from '../../jobs/backfill.ts';
import { loadWatched } from '../../jobs/load-watched.ts';
import { UsageError } from '../../errors.ts';
import { parse, parseDay, parseNow } from '../args.ts';
import { loadContext, openDatabase, takeWorkerLock } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';

const usage = `usage: followthrough backfill --since YYYY-MM-DD [--now ISO]
Loads every item published since the date from the Search API queries in the config
(each feed's \`recover:\`, or \`type: search\` feeds) and from \`type: parliament-statements\`
feeds, and matches them. Matches are reported
to Slack as one summary per commitment on the next delivery.`;

export async function backfillCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, { since: { type: 'string' }, now: { type: 'string' } }, usage, false);
  const since = parseDay(values.since, '--since');
  if (!since) throw new UsageError(`--since is required\n\n${usage}`);
  const now = parseNow(values.now);
  const { config, log } = loadContext(io);
  const db = openDatabase(config);
  const lock = takeWorkerLock(db, 'backfill');
  try {
    const { commitments, validated } = loadWatched(config, { db, log, clock: fixedClock(now) });
    const progress = io.isTTY
      ? (feed: string, seen: number, total: number) =>
          process.stdout.write(`\r${feed}: ${seen}/${total} results   `)
      : undefined;
    const report = await backfill(
      config,
      commitments,
      since,
      {
        db,
        log,
        clock: fixedClock(now),
        fetchFeed,
        ...(progress ? { progress } : {}),
      },
      { match: validated },
    );
    if (io.isTTY) process.stdout.write('\n');
    for (const s of report.sources)
      io.out(`${s.feed}: ${s.error ? `FAILED: ${s.error}` : `${s.added} new items since ${since}`}`);
    if (report.sources.length === 0)
      io.out(
        'no feed can be read back in time: add `recover:` (a Search API query) to a feed, or a parliament-statements feed',
      );
    io.out(
      validated
        ? `matched ${report.match.items} items: ${report.match.matches} matches`
        : 'not matched: the commitments file has no commitments yet; the items wait to be matched',
    );
    return report.sources.some((s) => s.error) ? exitCodes.feedsFailed : exitCodes.ok;
  } finally {
    lock.release();
    db.close();
  }
}
