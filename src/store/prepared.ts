// Prepared statements, kept per database: a poll cycle runs the same few statements for every feed
// and item, and preparing one costs more than running it (measured on the idle cycle).

import type Database from 'better-sqlite3';
import type { Db } from './open-store.ts';

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** The statement for `sql` on `db`, prepared once. Never call `.pluck()`/`.raw()` on it: it is shared. */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Database.Statement<P, R> {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement as unknown as Database.Statement<P, R>;
}
