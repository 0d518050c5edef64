// Why a commitments file is not in force, in words a person can act on, and the one Slack notice
// that says so.

import type { Config } from '../config/config.ts';
import { ConfigError } from '../errors.ts';
import { noticeSubject } from '../slack/alert.ts';
import type { NewAlert } from '../store/outbox-table.ts';

export function droppedProblem(config: Config, dropped: string[], inForce: number): ConfigError {
  const shown =
    dropped.slice(0, 10).join(', ') + (dropped.length > 10 ? `, and ${dropped.length - 10} more` : '');
  return new ConfigError([
    {
      file: config.commitmentsFile,
      field: 'commitments',
      message:
        dropped.length === inForce
          ? `the file has no commitments any more: it would stop watching all ${inForce} (${shown}) at once`
          : `the file would stop watching ${dropped.length} of ${inForce} commitments at once (${shown})`,
      fix:
        'if the file was emptied or cut short by mistake (an editor, a bad save), restore it; to stop watching ' +
        'them, run `followthrough commitments remove <id>` for each, or write `commitments: []` to stop watching all',
    },
  ]);
}

export function emptyProblem(config: Config): ConfigError {
  return new ConfigError([
    {
      file: config.commitmentsFile,
      field: 'commitments',
      message: 'the file has no commitments: nothing is watched, and polled items wait to be matched',
      fix:
        'add one with `followthrough commitments add` (or `followthrough extract <announcement>`), ' +
        'or write `commitments: []` if watching nothing is meant',
    },
  ]);
}

export function invalidFileNotice(
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
