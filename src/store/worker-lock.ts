// One worker per database. The lock is a row, not a file, so it lives wherever the database
// does (a container volume included). A holder refreshes its heartbeat; a lock whose heartbeat
// is older than `staleMs` belonged to a process that died and may be taken over.

import type { Db } from './open-store.ts';

export interface LockHolder {
  owner: string;
  pid: number;
  host: string;
  acquiredAt: string;
  heartbeatAt: string;
}

export type LockResult = { ok: true } | { ok: false; heldBy: LockHolder };

/** `isAlive` tells whether a pid on this host still runs: a holder that died on this host frees the lock at once. */
export function acquireLock(
  db: Db,
  me: { owner: string; pid: number; host: string },
  now: Date,
  staleMs: number,
  isAlive: (pid: number) => boolean = () => true,
): LockResult {
  return db
    .transaction((): LockResult => {
      const row = readLock(db);
      const mine = row && row.pid === me.pid && row.host === me.host;
      const stale =
        row &&
        (now.getTime() - Date.parse(row.heartbeatAt) > staleMs ||
          (row.host === me.host && !isAlive(row.pid)));
      if (row && !mine && !stale) return { ok: false, heldBy: row };
      db.prepare(`INSERT INTO worker_lock (id, owner, pid, host, acquired_at, heartbeat_at) VALUES (1, @owner, @pid, @host, @now, @now)
      ON CONFLICT (id) DO UPDATE SET owner = @owner, pid = @pid, host = @host, acquired_at = @now, heartbeat_at = @now`).run(
        { ...me, now: now.toISOString() },
      );
      return { ok: true };
    })
    .immediate();
}

export function heartbeatLock(db: Db, me: { pid: number; host: string }, now: Date): void {
  db.prepare('UPDATE worker_lock SET heartbeat_at = ? WHERE id = 1 AND pid = ? AND host = ?').run(
    now.toISOString(),
    me.pid,
    me.host,
  );
}

export function releaseLock(db: Db, me: { pid: number; host: string }): void {
  db.prepare('DELETE FROM worker_lock WHERE id = 1 AND pid = ? AND host = ?').run(me.pid, me.host);
}

export function readLock(db: Db): LockHolder | undefined {
  const row = db
    .prepare<[], { owner: string; pid: number; host: string; acquired_at: string; heartbeat_at: string }>(
      'SELECT owner, pid, host, acquired_at, heartbeat_at FROM worker_lock WHERE id = 1',
    )
    .get();
  return row
    ? {
        owner: row.owner,
        pid: row.pid,
        host: row.host,
        acquiredAt: row.acquired_at,
        heartbeatAt: row.heartbeat_at,
      }
    : undefined;
}
