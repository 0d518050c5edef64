// Reads the commitments file for a cycle. A valid file becomes the set in force (and is saved
// in the database); an invalid one — a hand edit gone wrong — is reported once and the last
// valid set stays in force, across restarts too.

import { createHash } from 'node:crypto';
import type { Commitment } from '../commitments/commitment.ts';
import type { Config } from '../config/config.ts';
import { loadCommitments } from '../config/load-commitments.ts';
import { ConfigError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Clock } from './clock.ts';
import type { Db } from '../store/open-store.ts';
import { enqueueAlert, type NewAlert } from '../store/outbox-table.ts';
import { clearNotices, readSnapshot, recordNotice, saveSnapshot } from '../store/snapshots-table.ts';
import { noticeSubject } from '../slack/alert.ts';

export interface Watched {
  commitments: Commitment[];
  /** Set when the file on disk is invalid and an earlier valid set is in force. */
  problem?: ConfigError;
  /** True the first time this particular problem is seen (so it is announced once). */
  newProblem?: boolean;
}

export const invalidNoticePrefix = 'commitments-invalid:';

export function loadWatched(config: Config, deps: { db: Db; log: Logger; clock: Clock }): Watched {
  const { db, log } = deps;
  const now = deps.clock();
  try {
    const commitments = loadCommitments(config.commitmentsFile, { staleDays: config.staleDays });
    db.transaction(() => {
      saveSnapshot(db, 'commitments', commitments, now.toISOString());
      clearNotices(db, invalidNoticePrefix);
    })();
    return { commitments };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const last = readSnapshot<Commitment[]>(db, 'commitments');
    if (!last) throw err;
    const key = invalidNoticePrefix + createHash('sha256').update(err.message).digest('hex').slice(0, 16);
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
    return { commitments: last.body, problem: err, newProblem };
  }
}

function invalidFileNotice(
  config: Config,
  err: ConfigError,
  key: string,
  inForceSince: string,
  now: Date,
): NewAlert {
  const lines = err.problems.map(
    (p) =>
      `${p.line ? `line ${p.line}: ` : ''}${p.field ? `${p.field}: ` : ''}${p.message}${p.fix ? ` — ${p.fix}` : ''}`,
  );
  return {
    // The time is part of the key: the same mistake made again after a fix is a new notice.
    key: `${noticeSubject}|${key}|${now.toISOString()}|notice`,
    commitmentId: noticeSubject,
    kind: 'notice',
    channel: config.slack.channel,
    now: now.toISOString(),
    payload: {
      kind: 'notice',
      raisedAt: now.toISOString(),
      commitment: { id: noticeSubject, title: 'commitments file', status: 'open', owners: [], sourceUrl: '' },
      notice: {
        title: `The commitments file has ${lines.length} problem${lines.length === 1 ? '' : 's'}: changes to it are not in force`,
        lines: lines.length ? lines : [err.message],
        fix:
          `${config.commitmentsFile}: fix the lines above (\`followthrough check-config\` checks it). ` +
          `Until then the last valid set, saved ${inForceSince.slice(0, 16).replace('T', ' ')} UTC, stays in force.`,
      },
    },
  };
}
