// The worker's digest jobs: the weekly send on `schedule.digest`, and a catch-up at start-up for a
// digest missed while the worker was down (sent once: the store keys it by week and channel), never
// for a week that ended before the first run. A
// digest Slack could not take yet waits in the outbox and is retried by the delivery job.

import cron from 'node-cron';
import type { Config } from '../config/config.ts';
import { digestWeekEndingBefore } from '../digest/digest-week.ts';
import type { DigestWeek } from '../digest/digest-facts.ts';
import type { Logger } from '../log.ts';
import type { Clock } from './clock.ts';
import type { SlackApi } from '../slack/slack-client.ts';
import type { Db } from '../store/open-store.ts';
import { firstWatchedAt } from '../store/commitment-state-table.ts';
import { loadWatched } from './load-watched.ts';

export interface DigestJobDeps {
  db: Db;
  log: Logger;
  slack: SlackApi | null;
  sleep: (ms: number) => Promise<void>;
  console?: (text: string) => void;
  /** The Slack app answers buttons (SLACK_APP_TOKEN, `run` only): messages and cards carry them. */
  interactive?: boolean;
}

/** The first instant after `week.end` at which the digest schedule fires; null if none within 8 days. */
export function digestDueAt(expression: string, timeZone: string, week: DigestWeek): Date | null {
  const task = cron.createTask(expression, () => {}, { timezone: timeZone });
  try {
    const start = Math.ceil(Date.parse(week.end) / 60_000) * 60_000;
    for (let t = start; t < start + 8 * 86_400_000; t += 60_000)
      if (task.match(new Date(t))) return new Date(t);
    return null;
  } finally {
    void task.destroy();
  }
}

export function digestJobs(config: Config, deps: DigestJobDeps) {
  const send = async (clock: Clock, week: DigestWeek): Promise<void> => {
    const { commitments } = loadWatched(config, { db: deps.db, log: deps.log, clock });
    // The digest builders and renderers (HTML included) load only when a digest is due, not with the worker.
    const { sendDigests } = await import('./send-digest.ts');
    await sendDigests(config, commitments, { ...deps, clock }, week);
  };
  return [
    {
      name: 'digest',
      schedule: config.schedule.digest,
      run: (clock: Clock) => send(clock, digestWeekEndingBefore(clock(), config.timezone)),
    },
    {
      // At start-up: last week's digest, if its time has come and it was not sent — but never for a
      // week that ended before followthrough first ran here (a first start sends no catch-up).
      name: 'digest-catch-up',
      schedule: '',
      atStart: true,
      run: async (clock: Clock) => {
        const now = clock();
        const week = digestWeekEndingBefore(now, config.timezone);
        const due = digestDueAt(config.schedule.digest, config.timezone, week);
        if (!due || now < due) return;
        const since = firstWatchedAt(deps.db);
        if (!since || Date.parse(since) >= Date.parse(week.end)) {
          deps.log.info('digest.catch_up_skipped', {
            week: week.label,
            reason: since
              ? `the week ended before followthrough first ran (${since})`
              : 'nothing is watched yet',
          });
          return;
        }
        await send(clock, week);
      },
    },
  ];
}
