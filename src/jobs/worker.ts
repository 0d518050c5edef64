// The scheduled worker: node-cron jobs for polling, the daily status check, outbox delivery and
// the weekly digest, in the configured time zone. Jobs run one at a time through a serial queue
// (no overlapping runs). With a `signal`, firing it aborts in-flight requests and abandons the
// running step where it waits (jobs/abandon-on-abort.ts), so stop() is prompt; without one,
// stop() lets the current step finish.

import cron, { type ScheduledTask } from 'node-cron';
import type { Config } from '../config/config.ts';
import { errorMessage, FollowthroughError } from '../errors.ts';
import type { FetchOutcome, FetchRequest } from '../feeds/fetch-feed.ts';
import type { Logger } from '../log.ts';
import type { Clock } from './clock.ts';
import type { SlackApi } from '../slack/slack-client.ts';
import type { Db } from '../store/open-store.ts';
import { deliver } from './deliver.ts';
import { loadWatched } from './load-watched.ts';
import { runCycle, type CycleSteps } from './run-cycle.ts';
import { abortableFetch, abortableSlack } from './abandon-on-abort.ts';
import { createSerialQueue } from './serial-queue.ts';

export interface WorkerDeps {
  db: Db;
  log: Logger;
  fetchFeed: (req: FetchRequest) => Promise<FetchOutcome>;
  slack: SlackApi | null;
  sleep: (ms: number) => Promise<void>;
  clock: Clock;
  console?: (text: string) => void;
  /** The Slack app answers buttons (SLACK_APP_TOKEN, `run` only): messages and cards carry them. */
  interactive?: boolean;
  /** Fired on shutdown: outside calls in flight are aborted and their jobs abandoned. */
  signal?: AbortSignal;
  /** Extra jobs (the weekly digest) with their schedule (empty: start-up only) and what they do. */
  extraJobs?: Array<{
    name: string;
    schedule: string;
    run: (clock: Clock) => Promise<void>;
    atStart?: boolean;
  }>;
}

export interface Worker {
  /** Run a job now (as the schedule would), e.g. at start-up. */
  trigger(name: string): boolean;
  /** Deliver the outbox and refresh the cards as soon as the current step is done (a Slack action's reply). */
  deliverSoon(): void;
  idle(): Promise<void>;
  /** Stops the schedules and waits for the running step (at most `graceMs` once the signal has fired). */
  stop(graceMs?: number): Promise<void>;
  nextRuns(): Record<string, string | null>;
}

export function startWorker(config: Config, given: WorkerDeps): Worker {
  const { log } = given;
  const deps: WorkerDeps = given.signal
    ? {
        ...given,
        fetchFeed: abortableFetch(given.fetchFeed, given.signal),
        slack: given.slack ? abortableSlack(given.slack, given.signal) : null,
      }
    : given;
  const queue = createSerialQueue((name, err) =>
    log.error('job.failed', { job: name, error: errorMessage(err) }),
  );
  const cycle = (steps: CycleSteps) => async (): Promise<void> => {
    const report = await runCycle(config, deps, steps);
    log.info('job.cycle', {
      poll: steps.poll,
      status: steps.status,
      feeds_failed: report.poll?.failed ?? 0,
      matches: report.match.matches,
      status_changes: report.status?.changes.length ?? 0,
      sent: report.delivery?.sent ?? 0,
    });
  };
  const deliverNow = async (): Promise<void> => {
    const { commitments } = loadWatched(config, { db: deps.db, log, clock: deps.clock });
    await deliver(config, commitments, deps);
  };
  // Asked for while a delivery runs: one more run after it, so no action's reply waits a minute.
  let again = false;
  const jobs: Record<string, () => Promise<void>> = {
    start: cycle({ poll: true, status: true, deliver: true }),
    poll: cycle({ poll: true, status: false, deliver: true }),
    overdue: cycle({ poll: false, status: true, deliver: true }),
    deliver: deliverNow,
    respond: async () => {
      do {
        again = false;
        await deliverNow();
      } while (again);
    },
  };
  for (const extra of deps.extraJobs ?? []) jobs[extra.name] = () => extra.run(deps.clock);

  const trigger = (name: string): boolean => {
    const job = jobs[name];
    if (!job) throw new FollowthroughError('unknown_job', `no job named ${name}`);
    const queued = queue.push(name, job);
    if (!queued) log.info('job.skipped', { job: name, reason: 'the previous run has not finished' });
    return queued;
  };

  const schedules: Array<[string, string]> = [
    ['poll', config.schedule.poll],
    ['overdue', config.schedule.overdue],
    ['deliver', config.schedule.deliver],
    ...(deps.extraJobs ?? []).filter((j) => j.schedule).map((j): [string, string] => [j.name, j.schedule]),
  ];
  const tasks: ScheduledTask[] = schedules.map(([name, expr]) =>
    cron.schedule(
      expr,
      () => {
        trigger(name);
      },
      { name, timezone: config.timezone, noOverlap: true },
    ),
  );
  log.info('worker.started', { timezone: config.timezone, schedule: Object.fromEntries(schedules) });

  trigger('start');
  for (const extra of deps.extraJobs ?? []) if (extra.atStart) trigger(extra.name);

  return {
    trigger,
    deliverSoon: () => {
      if (!queue.push('respond', jobs.respond!)) again = true;
    },
    idle: () => queue.idle(),
    nextRuns: () =>
      Object.fromEntries(tasks.map((t) => [t.name ?? t.id, t.getNextRuns(1)[0]?.toISOString() ?? null])),
    async stop(graceMs = 2000) {
      for (const t of tasks) await t.stop();
      const running = queue.running();
      if (deps.signal?.aborted) {
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<'abandoned'>((r) => {
          timer = setTimeout(() => r('abandoned'), graceMs);
        });
        const how = await Promise.race([queue.idle().then(() => 'finished' as const), grace]);
        clearTimeout(timer);
        if (how === 'abandoned')
          log.warn('worker.abandoned', { job: running, detail: 'left where it waited' });
      } else await queue.idle();
      for (const t of tasks) await t.destroy();
      log.info('worker.stopped', {});
    },
  };
}
