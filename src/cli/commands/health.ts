// `followthrough health`: exit 0 while a worker holds this database's lock with a fresh heartbeat
// (the container HEALTHCHECK), 1 otherwise, with the reason. The worker beats every 15 s; 45 s
// without one (three beats missed) is a dead or wedged worker. A holder on this host whose process
// is gone is dead at once.

import { openStore } from '../../store/open-store.ts';
import { readLock } from '../../store/worker-lock.ts';
import { parse } from '../args.ts';
import { hostname } from 'node:os';
import { UsageError } from '../../errors.ts';
import { resolve } from 'node:path';
import { readEnv } from '../../config/env.ts';
import { isAlive } from '../process-alive.ts';
import { exitCodes, type CliIo } from '../io.ts';

const usage = `usage: followthrough health [--max-age SECONDS]
Exit 0 when a worker is running on this database (heartbeat within --max-age, default 45 s).`;

export const defaultMaxAgeSeconds = 45;

/**
 * Where the worker's lock is. FOLLOWTHROUGH_DB wins over the config file anyway, and the image sets
 * it: then the check reads no config at all (no YAML parser, no validation), so the container's
 * check every 20 s starts about as fast as a bare `node`. Otherwise the config says.
 */
async function databasePath(io: CliIo): Promise<string> {
  const env = readEnv(io.env);
  if (env.databasePath) return resolve(io.cwd, env.databasePath);
  const { loadContext } = await import('../context.ts');
  return loadContext(io).config.database;
}

export async function healthCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, { 'max-age': { type: 'string' } }, usage, false);
  const maxAge = Number(values['max-age'] ?? defaultMaxAgeSeconds);
  if (!Number.isFinite(maxAge) || maxAge <= 0)
    throw new UsageError(`--max-age must be a number of seconds\n\n${usage}`);
  const db = openStore(await databasePath(io), { readonly: true });
  try {
    const lock = readLock(db);
    const age = lock ? (Date.now() - Date.parse(lock.heartbeatAt)) / 1000 : Infinity;
    if (lock && lock.host === hostname() && !isAlive(lock.pid)) {
      io.err(
        `unhealthy: the worker (pid ${lock.pid}) is no longer running; its last heartbeat was ${Math.round(age)} s ago`,
      );
      return exitCodes.failure;
    }
    if (lock && age <= maxAge) {
      io.out(`ok: worker pid ${lock.pid} on ${lock.host}, heartbeat ${Math.round(age)} s ago`);
      return exitCodes.ok;
    }
    io.err(
      lock
        ? `unhealthy: the worker's last heartbeat was ${Math.round(age)} s ago`
        : 'unhealthy: no worker holds this database',
    );
    return exitCodes.failure;
  } finally {
    db.close();
  }
}
