// The delivery step: send what the outbox holds, then bring status cards up to date.

import type { Commitment } from '../commitments/commitment.ts';
import type { Config } from '../config/config.ts';
import type { Logger } from '../log.ts';
import { deliverOutbox } from '../slack/deliver-outbox.ts';
import { refreshCards } from '../slack/refresh-cards.ts';
import type { SlackApi } from '../slack/slack-client.ts';
import type { Db } from '../store/open-store.ts';
import { statusCardFacts } from './alert-facts.ts';

export interface DeliverDeps {
  db: Db;
  log: Logger;
  now: Date;
  slack: SlackApi | null;
  sleep: (ms: number) => Promise<void>;
  console?: (text: string) => void;
}

export type DeliveryReport = Awaited<ReturnType<typeof deliverOutbox>>;

export async function deliver(
  _config: Config,
  commitments: Commitment[],
  deps: DeliverDeps,
): Promise<DeliveryReport> {
  const clock = shiftedClock(deps.now);
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const cardFacts = (id: string) => {
    const c = byId.get(id);
    return c ? statusCardFacts(deps.db, c, clock()) : null;
  };
  const shared = {
    db: deps.db,
    slack: deps.slack,
    log: deps.log,
    now: clock,
    sleep: deps.sleep,
    cardFacts,
    ...(deps.console ? { console: deps.console } : {}),
  };
  const report = await deliverOutbox(shared);
  if (deps.slack) await refreshCards(shared);
  return report;
}

/** A clock that starts at the cycle's `now` and runs in real time, so replayed cycles pace and back off consistently. */
export function shiftedClock(start: Date, real: () => number = Date.now): () => Date {
  const offset = start.getTime() - real();
  return () => new Date(real() + offset);
}
