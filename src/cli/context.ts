// Builds the real adapters for a command: env, config, database, logger. The only place
// (with the command files) that turns process-level facts into the values the core takes.

import { hostname } from 'node:os';
import type { Config } from '../config/config.ts';
import { readEnv, type Env } from '../config/env.ts';
import { configPathFrom, loadConfig } from '../config/load-config.ts';
import { createLogger, type LogFormat, type Logger, type LogLevel } from '../log.ts';
import { openStore, type Db } from '../store/open-store.ts';
import { acquireLock, heartbeatLock, readLock, releaseLock } from '../store/worker-lock.ts';
import { FollowthroughError } from '../errors.ts';
import type { CliIo } from './io.ts';
import { isAlive } from './process-alive.ts';

export interface Context {
  env: Env;
  config: Config;
  log: Logger;
}

export function loadContext(io: CliIo): Context {
  const env = readEnv(io.env);
  const config = loadConfig(configPathFrom(env, io.cwd), env, io.cwd);
  return { env, config, log: cliLogger(env, io) };
}

export function cliLogger(env: Env, io: CliIo): Logger {
  const levels = ['debug', 'info', 'warn', 'error'];
  const level = (env.logLevel && levels.includes(env.logLevel) ? env.logLevel : 'info') as LogLevel;
  const format: LogFormat =
    io.logFormat ??
    (env.logFormat === 'json' || env.logFormat === 'pretty' ? env.logFormat : undefined) ??
    (io.errIsTTY ? 'pretty' : 'json');
  return createLogger({
    level,
    format,
    colour: io.errIsTTY,
    write: (line) => io.err(line),
    secrets: [env.slackToken, env.slackAppToken].filter((s): s is string => Boolean(s)),
  });
}

export function openDatabase(config: Config): Db {
  return openStore(config.database);
}

const lockStaleMs = 10 * 60_000;
const me = { owner: 'followthrough', pid: process.pid, host: hostname() };

/** Take the one-worker lock or fail with a message that says who holds it. Lock times use the real clock, not --now. */
export function takeWorkerLock(db: Db, what: string): { heartbeat(): void; release(): void } {
  const result = acquireLock(db, { ...me, owner: what }, new Date(), lockStaleMs, isAlive);
  if (!result.ok) {
    const h = result.heldBy;
    throw new FollowthroughError(
      'locked',
      `another followthrough (${h.owner}, pid ${h.pid} on ${h.host}, since ${h.acquiredAt}) is working on this database; ` +
        'two workers must not poll one database. Stop the other one, or wait: ' +
        `a lock not refreshed for ${lockStaleMs / 60_000} minutes is taken over.`,
    );
  }
  return { heartbeat: () => heartbeatLock(db, me, new Date()), release: () => releaseLock(db, me) };
}

export function lockHolder(db: Db) {
  return readLock(db);
}
