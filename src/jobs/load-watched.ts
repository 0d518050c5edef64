// Reads the commitments file for a cycle and decides which set is in force.
// - A valid file becomes the set in force (saved in the database, so it survives restarts).
// - An invalid one (a hand edit gone wrong) is reported once and the last valid set stays in force.
// - A file that would stop watching every commitment, or more than half of them at once, is
//   refused the same way: an editor truncating before it writes, or a mistaken save, is not an
//   edit. `commitments remove` (which confirms each removal) or an explicit `commitments: []` is.
// - The file is parsed only when its content changed: a cycle with an unchanged file costs a read
//   and a hash, not a YAML parse, validation and snapshot write of every commitment.
// `validated` is false only when no valid set has ever been in force and the file has none:
// nothing may then be marked matched (items wait, and are matched once commitments arrive).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Commitment } from '../commitments/commitment.ts';
import type { Config } from '../config/config.ts';
import { hasExplicitList, loadCommitments } from '../config/load-commitments.ts';
import { ConfigError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { setRuleHash } from '../store/commitment-state-table.ts';
import type { Db } from '../store/open-store.ts';
import { enqueueAlert } from '../store/outbox-table.ts';
import { clearNotices, readSnapshot, recordNotice, saveSnapshot } from '../store/snapshots-table.ts';
import type { Clock } from './clock.ts';
import { droppedProblem, emptyProblem, invalidFileNotice } from './watched-problems.ts';

export interface Watched {
  commitments: Commitment[];
  /** Set when the file on disk is not in force (invalid, or it would drop too much). */
  problem?: ConfigError;
  /** True the first time this particular problem is seen (so it is announced once). */
  newProblem?: boolean;
  /** False when no validated set is in force: nothing may be marked matched against it. */
  validated: boolean;
  /** Bumped whenever the set in force changes: a step that depends only on the set can skip an unchanged one. */
  generation: number;
}

export const invalidNoticePrefix = 'commitments-invalid:';
const setSnapshot = 'commitments';
/** The hash of the file content last accepted, and a generation bumped whenever the set in force changes. */
const sourceSnapshot = 'commitments.source';

interface Source {
  hash: string;
  generation: number;
}

// Per database and file: what the last load decided, for a content hash and a generation.
const memo = new WeakMap<Db, Map<string, { key: string; watched: Watched }>>();

export function loadWatched(config: Config, deps: { db: Db; log: Logger; clock: Clock }): Watched {
  const { db } = deps;
  const file = config.commitmentsFile;
  const text = readText(file);
  const hash = contentHash(config, text);
  const source = readSnapshot<Source>(db, sourceSnapshot)?.body;
  const key = `${hash}|${source?.generation ?? 0}`;
  const cached = memo.get(db)?.get(file);
  if (cached?.key === key) return cached.watched;
  const generation = () => readSnapshot<Source>(db, sourceSnapshot)?.body.generation ?? 0;
  const watched = { ...decide(config, deps, text, hash, source), generation: generation() };
  const perDb = memo.get(db) ?? new Map();
  perDb.set(file, { key: `${hash}|${watched.generation}`, watched: { ...watched, newProblem: false } });
  memo.set(db, perDb);
  return watched;
}

type Decision = Omit<Watched, 'generation'>;

function decide(
  config: Config,
  deps: { db: Db; log: Logger; clock: Clock },
  text: string | undefined,
  hash: string,
  source: Source | undefined,
): Decision {
  const { db, log } = deps;
  const last = readSnapshot<Commitment[]>(db, setSnapshot);
  // A restart with the file as it was accepted: the saved set is that file, already validated.
  // (After a refused edit, the file put back as it was: the problem is over.)
  if (last && source?.hash === hash) {
    clearNotices(db, invalidNoticePrefix);
    return { commitments: last.body, validated: true };
  }
  let commitments: Commitment[];
  try {
    commitments = loadCommitments(config.commitmentsFile, { staleDays: config.staleDays }, text);
  } catch (err) {
    if (!(err instanceof ConfigError) || !last) throw err;
    return refuse(config, deps, err, last);
  }
  const explicit = text !== undefined && hasExplicitList(config.commitmentsFile, text);
  const ids = new Set(commitments.map((c) => c.id));
  const dropped = (last?.body ?? []).filter((c) => !ids.has(c.id)).map((c) => c.id);
  if (last && last.body.length > 0) {
    const tooMany = commitments.length === 0 ? !explicit : dropped.length * 2 > last.body.length;
    if (tooMany) return refuse(config, deps, droppedProblem(config, dropped, last.body.length), last);
  }
  if (!last && commitments.length === 0 && !explicit) {
    // A first run on an empty file: nothing in force, and nothing to refuse in favour of.
    const problem = emptyProblem(config);
    recordNotice(db, noticeKey(problem), deps.clock().toISOString(), problem.message);
    log.warn('commitments.none', { file: config.commitmentsFile, detail: 'items wait to be matched' });
    return { commitments: [], problem, validated: false };
  }
  acceptCommitments(db, commitments, hash, deps.clock(), dropped);
  log.info('commitments.loaded', { file: config.commitmentsFile, count: commitments.length, dropped });
  return { commitments, validated: true };
}

function refuse(
  config: Config,
  deps: { db: Db; log: Logger; clock: Clock },
  err: ConfigError,
  last: { body: Commitment[]; savedAt: string },
): Decision {
  const { db, log } = deps;
  const now = deps.clock();
  const key = noticeKey(err);
  // The notice and its Slack message are recorded together: one message per distinct problem.
  const newProblem = db.transaction(() => {
    const isNew = recordNotice(db, key, now.toISOString(), err.message);
    if (isNew) enqueueAlert(db, invalidFileNotice(config, err, key, last.savedAt, now));
    return isNew;
  })();
  log.error('commitments.invalid', {
    file: config.commitmentsFile,
    problems: err.problems,
    in_force_since: last.savedAt,
  });
  return { commitments: last.body, problem: err, newProblem, validated: true };
}

/**
 * Puts a validated set in force. Commitments it drops lose their rule hash, so if one comes back
 * the next sync catches it up over stored history: what was polled meanwhile is not lost.
 */
export function acceptCommitments(
  db: Db,
  commitments: Commitment[],
  hash: string | null,
  now: Date,
  dropped: string[] = [],
  /** false: a removal confirmed, the file not re-read yet — the next load decides whether a problem remains. */
  clearProblems = true,
): void {
  db.transaction(() => {
    const source = readSnapshot<Source>(db, sourceSnapshot)?.body;
    saveSnapshot(db, setSnapshot, commitments, now.toISOString());
    const next: Source = { hash: hash ?? source?.hash ?? '', generation: (source?.generation ?? 0) + 1 };
    saveSnapshot(db, sourceSnapshot, next, now.toISOString());
    if (clearProblems) clearNotices(db, invalidNoticePrefix);
    for (const id of dropped) setRuleHash(db, id, null);
  })();
}

/** `commitments remove`: the person confirms that `id` leaves the set in force. */
export function confirmRemoval(db: Db, id: string, now: Date): boolean {
  const last = readSnapshot<Commitment[]>(db, setSnapshot);
  if (!last?.body.some((c) => c.id === id)) return false;
  // The file's hash is not the accepted one yet: the next load re-reads the file against this set.
  acceptCommitments(
    db,
    last.body.filter((c) => c.id !== id),
    null,
    now,
    [id],
    false,
  );
  return true;
}

const syncedSnapshot = 'commitments.synced';

/** Whether the set in force changed since the store was last brought in line with it. */
export function needsSync(db: Db, watched: Watched): boolean {
  return readSnapshot<number>(db, syncedSnapshot)?.body !== watched.generation || watched.generation === 0;
}

export function markSynced(db: Db, watched: Watched, now: Date): void {
  saveSnapshot(db, syncedSnapshot, watched.generation, now.toISOString());
}

/** The configured defaults are part of what a file means, so they are hashed with it. */
export function contentHash(config: Config, text: string | undefined): string {
  return createHash('sha256')
    .update(`${config.staleDays}\n${text ?? '\u0000unreadable'}`)
    .digest('hex');
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the loader reports a missing or unreadable file with its fix
  }
}

function noticeKey(err: ConfigError): string {
  return invalidNoticePrefix + createHash('sha256').update(err.message).digest('hex').slice(0, 16);
}
