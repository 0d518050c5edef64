import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, heartbeatLock, readLock, releaseLock } from '../../../src/store/worker-lock.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';

let t: TempDb;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const a = { owner: 'run', pid: 100, host: 'h1' };
const b = { owner: 'poll --once', pid: 200, host: 'h2' };
const at = (iso: string) => new Date(iso);

describe('worker lock', () => {
  it('lets one worker in and tells the second who holds it', () => {
    expect(acquireLock(t.db, a, at('2024-01-01T00:00:00Z'), 600_000)).toEqual({ ok: true });
    // a second connection, as a second process would have
    const other = openStore(t.path);
    const second = acquireLock(other, b, at('2024-01-01T00:01:00Z'), 600_000);
    expect(second).toMatchObject({ ok: false, heldBy: { owner: 'run', pid: 100, host: 'h1' } });
    other.close();
  });

  it('a heartbeat keeps it; a stale lock is taken over', () => {
    acquireLock(t.db, a, at('2024-01-01T00:00:00Z'), 600_000);
    heartbeatLock(t.db, a, at('2024-01-01T00:09:00Z'));
    expect(acquireLock(t.db, b, at('2024-01-01T00:18:00Z'), 600_000).ok).toBe(false);
    expect(acquireLock(t.db, b, at('2024-01-01T00:19:01Z'), 600_000).ok).toBe(true);
    expect(readLock(t.db)?.owner).toBe('poll --once');
  });

  it('a holder that died on this host frees it at once', () => {
    acquireLock(t.db, a, at('2024-01-01T00:00:00Z'), 600_000);
    const sameHost = { ...b, host: 'h1' };
    expect(acquireLock(t.db, sameHost, at('2024-01-01T00:00:10Z'), 600_000, () => true).ok).toBe(false);
    expect(acquireLock(t.db, sameHost, at('2024-01-01T00:00:10Z'), 600_000, () => false).ok).toBe(true);
  });

  it('release only removes one’s own lock', () => {
    acquireLock(t.db, a, at('2024-01-01T00:00:00Z'), 600_000);
    releaseLock(t.db, b);
    expect(readLock(t.db)?.pid).toBe(100);
    releaseLock(t.db, a);
    expect(readLock(t.db)).toBeUndefined();
  });
});
