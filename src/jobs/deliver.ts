// The delivery step: send what the outbox holds (alerts, notices, digest parts), then bring the
// status cards up to date and edit the messages whose items a person has judged since.

import type { Commitment } from '../commitments/commitment.ts';
import type { Config } from '../config/config.ts';
import type { Logger } from '../log.ts';
import type { SlackApi } from '../slack/slack-client.ts';
import type { Db } from '../store/open-store.ts';
import { statusCardFacts } from './alert-facts.ts';
import { type Clock, shiftedClock } from './clock.ts';
import { type DeliveryCounts, deliverAlerts } from './deliver-alerts.ts';
import { editJudged } from './edit-judged.ts';
import { refreshCards } from './refresh-cards.ts';

export interface DeliverDeps {
  db: Db;
  log: Logger;
  clock: Clock;
  slack: SlackApi | null;
  sleep: (ms: number) => Promise<void>;
  console?: (text: string) => void;
  /** The Slack app answers buttons (SLACK_APP_TOKEN): messages and cards carry them. */
  interactive?: boolean;
}

export type DeliveryReport = DeliveryCounts;

export async function deliver(
  config: Config,
  commitments: Commitment[],
  deps: DeliverDeps,
): Promise<DeliveryReport> {
  // Pacing and backoff move in real time from the cycle's instant, even under a replayed (fixed) clock.
  const clock = shiftedClock(deps.clock());
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const cardFacts = (id: string) => {
    const c = byId.get(id);
    return c ? statusCardFacts(deps.db, c, clock()) : null;
  };
  const shared = {
    db: deps.db,
    slack: deps.slack,
    log: deps.log,
    clock,
    sleep: deps.sleep,
    timeZone: config.timezone,
    cardFacts,
    interactive: deps.interactive === true,
    ...(deps.console ? { console: deps.console } : {}),
  };
  const report = await deliverAlerts(shared);
  if (deps.slack) {
    await refreshCards(shared);
    await editJudged(shared);
  }
  return report;
}
