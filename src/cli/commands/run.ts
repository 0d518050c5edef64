// `followthrough run`: the scheduled worker. Holds the one-worker lock for its lifetime, beating
// every 15 s so `health` notices a dead worker within a minute. SIGTERM or SIGINT aborts requests
// in flight (a hung feed would otherwise hold it for its 20 s timeout, past docker's 10 s grace),
// closes the database and exits 0. With SLACK_APP_TOKEN it also holds the Slack app's Socket Mode
// connection, so the buttons, the resolve modal and `/followthrough` are answered; without it, it
// says once how to turn them on.

import { setLogger } from 'node-cron';
import type { Config } from '../../config/config.ts';
import type { Env } from '../../config/env.ts';
import { fetchFeed } from '../../feeds/fetch-feed.ts';
import { abortableSlack } from '../../jobs/abandon-on-abort.ts';
import { digestJobs } from '../../jobs/digest-jobs.ts';
import { slackAppHandlers } from '../../jobs/slack-app.ts';
import { startWorker } from '../../jobs/worker.ts';
import type { Logger } from '../../log.ts';
import type { SlackClients } from '../../slack/slack-client.ts';
import { connectSocketMode, type SocketConnection } from '../../slack/socket-mode.ts';
import type { Db } from '../../store/open-store.ts';
import { parse } from '../args.ts';
import { loadContext, openDatabase, takeWorkerLock } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { makeSlack } from '../slack-adapter.ts';

const usage = `usage: followthrough run
The scheduled worker: polls feeds, checks statuses daily, delivers alerts and sends the weekly
digest, on the schedule in the config. With SLACK_APP_TOKEN it also answers the Slack app's
buttons, modal and /followthrough command (Socket Mode). Stop it with SIGTERM or Ctrl-C.`;

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
  // An action can arrive before the worker is started: its reply then goes out with the start-up cycle.
  let deliverSoon = (): void => {};
  const app = await connectApp(env, config, { db, log, slack, clock, deliverSoon: () => deliverSoon() });
  const interactive = app?.connected === true;
  const worker = startWorker(config, {
    db,
    log,
    fetchFeed,
    slack,
    sleep,
    clock,
    interactive,
    console: (text) => io.out(text),
    signal: stopping.signal,
    extraJobs: digestJobs(config, {
      db,
      log,
      slack: slack ? abortableSlack(slack, stopping.signal) : null,
      sleep,
      interactive,
      console: (text) => io.out(text),
    }),
  });
  deliverSoon = () => worker.deliverSoon();
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
  // No more actions are taken once stopping; what they queued is delivered by the next start.
  await app?.stop();
  await worker.stop();
  lock.release();
  db.close();
  return exitCodes.ok;
}

async function connectApp(
  env: Env,
  config: Config,
  deps: { db: Db; log: Logger; slack: SlackClients | null; clock: () => Date; deliverSoon: () => void },
): Promise<SocketConnection | undefined> {
  const { log, slack } = deps;
  if (!env.slackAppToken || !slack) {
    log.warn('slack.buttons_off', {
      detail: env.slackAppToken
        ? 'SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: the app needs both'
        : 'SLACK_APP_TOKEN is not set: messages carry no buttons and show the commands to type instead',
      fix:
        'create the Slack app from config/slack-app-manifest.yaml, then set SLACK_APP_TOKEN (xapp-…) beside ' +
        'SLACK_BOT_TOKEN (README: "Slack app")',
    });
    return undefined;
  }
  return connectSocketMode({
    appToken: env.slackAppToken,
    ...(env.slackApiUrl ? { slackApiUrl: env.slackApiUrl } : {}),
    log,
    handlers: slackAppHandlers(config, { ...deps, slack }),
  });
}
