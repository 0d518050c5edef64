// Opens the SQLite database: WAL (readers never block the worker), a busy timeout (a second
// process waits instead of failing at once), foreign keys, then the migrations, in order.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { FollowthroughError } from '../errors.ts';
import { migrations, type Migration } from './migrations.ts';

export type Db = Database.Database;

export interface OpenStoreOptions {
  readonly?: boolean;
  /** Migrations to apply, for tests of the migration runner; the shipped list by default. */
  migrations?: Migration[];
}

export function openStore(path: string, options: OpenStoreOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly ?? false });
  } catch (err) {
    throw new FollowthroughError('db_open', `cannot open the database ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only a power cut can lose the last commit.
    db.pragma('synchronous = NORMAL');
    migrate(db, options.migrations ?? migrations);
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, list: Migration[]): number[] {
  const current = schemaVersion(db);
  const newest = list.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > newest) {
    throw new FollowthroughError(
      'db_too_new',
      `the database is at schema version ${current} but this followthrough knows only up to ${newest}: ` +
        'upgrade followthrough, or point FOLLOWTHROUGH_DB at another file',
    );
  }
  const applied: number[] = [];
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    // IMMEDIATE takes the write lock first, so two processes starting together cannot both migrate.
    db.transaction(() => {
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}
