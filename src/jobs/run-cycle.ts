// One whole cycle, as `poll --once` and the worker's poll job run it:
// commitments file → sync → poll feeds → read new GOV.UK items' bodies → match new items → status
// check as of `now` → deliver.

import type { Commitment } from '../commitments/commitment.ts';
import type { Config } from '../config/config.ts';
import type { FetchOutcome, FetchRequest } from '../feeds/fetch-feed.ts';
import { createPacer } from '../feeds/pacer.ts';
import type { Logger } from '../log.ts';
import type { SlackApi } from '../slack/slack-client.ts';
import type { Db } from '../store/open-store.ts';
import { checkStatuses, type StatusReport } from './check-statuses.ts';
import { type Clock, fixedClock } from './clock.ts';
import { deliver, type DeliveryReport } from './deliver.ts';
import { fetchBodies, type BodiesReport } from './fetch-bodies.ts';
import { loadWatched, markSynced, needsSync } from './load-watched.ts';
import { matchPending, type MatchReport } from './match-pending.ts';
import { pollFeeds, type PollReport } from './poll-feeds.ts';
import { syncCommitments } from './sync-commitments.ts';
import { readItemCounts } from '../store/item-counts.ts';

export interface CycleDeps {
  db: Db;
  log: Logger;
  /** The cycle reads it once for the instant it treats as the present (`--now`: a fixed clock). */
  clock: Clock;
  fetchFeed: (req: FetchRequest) => Promise<FetchOutcome>;
  slack: SlackApi | null;
  sleep: (ms: number) => Promise<void>;
  /** Where alerts go without a Slack token. */
  console?: (text: string) => void;
  /** The Slack app answers buttons (SLACK_APP_TOKEN, `run` only): messages and cards carry them. */
  interactive?: boolean;
}

export interface CycleSteps {
  poll: boolean;
  status: boolean;
  deliver: boolean;
}

export interface CycleReport {
  commitments: Commitment[];
  commitmentsProblem?: string;
  /** Why matching did not run this cycle (no validated set in force): the items wait. */
  matchSkipped?: string;
  poll?: PollReport;
  bodies?: BodiesReport;
  match: MatchReport;
  status?: StatusReport;
  delivery?: DeliveryReport;
}

export async function runCycle(
  config: Config,
  deps: CycleDeps,
  steps: CycleSteps = { poll: true, status: true, deliver: true },
): Promise<CycleReport> {
  const { db, log } = deps;
  const now = deps.clock();
  // One instant for the whole cycle, so every step agrees on what "now" is.
  const clock = fixedClock(now);
  const watched = loadWatched(config, { db, log, clock });
  const report: CycleReport = {
    commitments: watched.commitments,
    match: { items: 0, matches: 0, alerts: 0 },
  };
  if (watched.problem) report.commitmentsProblem = watched.problem.message;
  // Syncing walks every commitment: only needed when the set in force changed.
  if (needsSync(db, watched)) {
    syncCommitments(config, watched.commitments, { db, log, clock });
    markSynced(db, watched, now);
  }
  if (steps.poll) {
    const pacer = createPacer(config.fetch.requestsPerSecond);
    report.poll = await pollFeeds(config, { db, log, clock, fetchFeed: deps.fetchFeed, pacer });
    report.bodies = await fetchBodies(config, { db, log, clock, fetchFeed: deps.fetchFeed, pacer });
  }
  // Never mark items matched against a set that was not validated: they could never become evidence.
  // Nothing waiting (a running count): no need to compile every commitment's rules to match nothing.
  if (!watched.validated)
    report.matchSkipped = 'no valid commitments are in force yet: new items wait to be matched';
  else if (readItemCounts(db).pending > 0)
    report.match = matchPending(config, watched.commitments, { db, log, clock });
  if (steps.status) report.status = checkStatuses(config, watched.commitments, { db, log, clock });
  if (steps.deliver) report.delivery = await deliver(config, watched.commitments, { ...deps, clock });
  return report;
}
