// `followthrough items search <words>`: full-text search over stored items.

import { searchItems } from '../../store/items-table.ts';
import { openStore } from '../../store/open-store.ts';
import { UsageError } from '../../errors.ts';
import { parse } from '../args.ts';
import { loadContext } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';

const usage = `usage: followthrough items search <words…> [--limit N] [--json]
Finds stored items whose title, summary or page body contains every word (stemmed: "boats" finds "boat").`;

export async function itemsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { limit: { type: 'string' }, json: { type: 'boolean' } },
    usage,
  );
  const [sub, ...words] = positionals;
  if (sub !== 'search' || words.length === 0) throw new UsageError(usage);
  const limit = values.limit ? Number(values.limit) : 20;
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--limit must be a whole number\n\n${usage}`);
  const { config } = loadContext(io);
  const db = openStore(config.database);
  try {
    const found = searchItems(db, words.join(' '), limit);
    if (values.json) io.out(JSON.stringify(found, null, 2));
    else if (found.length === 0) io.out('no stored item matches');
    else
      for (const i of found)
        io.out(
          `${i.updatedAt.slice(0, 10)}  ${i.displayType ?? ''}${i.displayType ? ': ' : ''}${i.title}\n            ${i.url}`,
        );
    return exitCodes.ok;
  } finally {
    db.close();
  }
}
