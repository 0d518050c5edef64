// Compiling SQL costs more than running a small query: statements on the per-cycle and status
// paths are compiled once per database connection and reused.

import type { Statement } from 'better-sqlite3';
import type { Db } from './open-store.ts';

const caches = new WeakMap<Db, Map<string, Statement>>();

export function cachedStatement<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s as Statement<P, R>;
}
