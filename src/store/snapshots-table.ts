// SQL for `snapshots` and `notices`: small named records that outlive a process.

import type { Db } from './open-store.ts';

export function saveSnapshot(db: Db, name: string, body: unknown, now: string): void {
  db.prepare(`INSERT INTO snapshots (name, body, saved_at) VALUES (?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at`).run(
    name,
    JSON.stringify(body),
    now,
  );
}

export function readSnapshot<T>(db: Db, name: string): { body: T; savedAt: string } | undefined {
  const row = db
    .prepare<[string], { body: string; saved_at: string }>(
      'SELECT body, saved_at FROM snapshots WHERE name = ?',
    )
    .get(name);
  return row ? { body: JSON.parse(row.body) as T, savedAt: row.saved_at } : undefined;
}

/** Records a notice once; returns false when it was already recorded. */
export function recordNotice(db: Db, key: string, now: string, detail?: string): boolean {
  return (
    db
      .prepare('INSERT INTO notices (key, at, detail) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING')
      .run(key, now, detail ?? null).changes > 0
  );
}

export function clearNotices(db: Db, prefix: string): void {
  db.prepare('DELETE FROM notices WHERE key >= ? AND key < ?').run(prefix, `${prefix}\uffff`);
}

export function listNotices(
  db: Db,
  prefix: string,
): Array<{ key: string; at: string; detail: string | null }> {
  return db
    .prepare<[string, string], { key: string; at: string; detail: string | null }>(
      'SELECT key, at, detail FROM notices WHERE key >= ? AND key < ? ORDER BY at',
    )
    .all(prefix, `${prefix}\uffff`);
}
