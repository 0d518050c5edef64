// `followthrough run`: the scheduled worker. Holds the one-worker lock for its lifetime, beating
// every 15 s so `health` notices a dead worker within a minute. SIGTERM or SIGINT aborts requests
// in flight (a hung feed would otherwise hold it for its 20 s timeout, past docker's 10 s grace),
// closes the database and exits 0.

import { setLogger } from 'node-cron';
import { fetchFeed } from '../../feeds/fetch-feed.ts';
import { abortableSlack } from '../../jobs/abandon-on-abort.ts';
import { digestJobs } from '../../jobs/digest-jobs.ts';
import { startWorker } from '../../jobs/worker.ts';
import { parse } from '../args.ts';
import { loadContext, openDatabase, takeWorkerLock } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { makeSlack } from '../slack-adapter.ts';

const usage = `usage: followthrough run
The scheduled worker: polls feeds, checks statuses daily, delivers alerts and sends the weekly
digest, on the schedule in the config. Stop it with SIGTERM or Ctrl-C.`;

export const heartbeatMs = 15_000;

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  parse(argv, {}, usage, false);
  const { env, config, log } = loadContext(io);
  const db = openDatabase(config);
  const lock = takeWorkerLock(db, 'run');
  // node-cron logs through us, so its warnings are JSON lines like everything else.
  setLogger({
    info: (m) => log.debug('cron', { message: m }),
    warn: (m) => log.warn('cron', { message: m }),
    error: (m) => log.error('cron', { message: String(m) }),
    debug: (m) => log.debug('cron', { message: String(m) }),
  });
  const stopping = new AbortController();
  const slack = makeSlack(env, log);
  if (!slack)
    log.warn('slack.console', { detail: 'SLACK_BOT_TOKEN is not set: alerts are written to the console' });
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const clock = () => new Date();
  const worker = startWorker(config, {
    db,
    log,
    fetchFeed,
    slack,
    sleep,
    clock,
    console: (text) => io.out(text),
    signal: stopping.signal,
    extraJobs: digestJobs(config, {
      db,
      log,
      slack: slack ? abortableSlack(slack, stopping.signal) : null,
      sleep,
      console: (text) => io.out(text),
    }),
  });
  const beat = setInterval(() => lock.heartbeat(), heartbeatMs);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info('worker.stopping', { signal, detail: 'aborting requests in flight' });
      stopping.abort();
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  clearInterval(beat);
  await worker.stop();
  lock.release();
  db.close();
  return exitCodes.ok;
}
