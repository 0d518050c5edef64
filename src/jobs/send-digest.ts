// The weekly digest job: for each channel with commitments, build the digest of the week that just
// ended, archive it (`<digest_dir>/<week>.md` and `.html`), and queue it in the outbox — once per
// (week, channel) — then run the delivery step so it goes out now. A digest Slack cannot take yet
// (a 429, an outage, a blocked channel) stays in the outbox and is retried like any alert.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Commitment } from '../commitments/commitment.ts';
import type { Config } from '../config/config.ts';
import { buildDigest, type Digest } from '../digest/build-digest.ts';
import type { DigestWeek } from '../digest/digest-facts.ts';
import { digestWeekEndingBefore } from '../digest/digest-week.ts';
import { renderDigestHtml } from '../digest/render-html.ts';
import { renderDigestMarkdown } from '../digest/render-markdown.ts';
import { renderDigestSlack } from '../digest/render-slack.ts';
import type { Logger } from '../log.ts';
import type { Clock } from './clock.ts';
import type { SlackApi } from '../slack/slack-client.ts';
import { getDigest } from '../store/digests-table.ts';
import type { Db } from '../store/open-store.ts';
import { rowsWithKeyPrefix } from '../store/outbox-table.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { deliver } from './deliver.ts';
import { digestChannels, gatherDigestFacts } from './gather-digest-facts.ts';
import { digestKeyPrefix, queueDigest } from './queue-digest.ts';

export interface DigestDeps {
  db: Db;
  log: Logger;
  slack: SlackApi | null;
  sleep: (ms: number) => Promise<void>;
  clock: Clock;
  /** Where the digest goes without a Slack token. */
  console?: (text: string) => void;
  /** The Slack app answers buttons (SLACK_APP_TOKEN, `run` only): messages and cards carry them. */
  interactive?: boolean;
}

export interface DigestOutcome {
  week: string;
  channel: string;
  /** `pending`: queued, not (all) delivered yet; `error` says why and `nextAttemptAt` when it is retried. */
  outcome: 'sent' | 'already-sent' | 'pending';
  parts: number;
  files: string[];
  error?: string;
  nextAttemptAt?: string;
}

export function buildWeekDigest(
  config: Config,
  commitments: Commitment[],
  db: Db,
  week: DigestWeek,
  channel: string,
  now: Date,
): Digest {
  return buildDigest(gatherDigestFacts(config, commitments, db, week, channel, now));
}

export async function sendDigests(
  config: Config,
  commitments: Commitment[],
  deps: DigestDeps,
  week: DigestWeek = digestWeekEndingBefore(deps.clock(), config.timezone),
): Promise<DigestOutcome[]> {
  const channels = digestChannels(config, commitments);
  const queued = channels.map((channel) => queueWeek(config, commitments, deps, week, channel));
  await deliver(config, commitments, deps);
  return queued.map((q) => (q.outcome === 'already-sent' ? q : outcomeOf(deps, q)));
}

function queueWeek(
  config: Config,
  commitments: Commitment[],
  deps: DigestDeps,
  week: DigestWeek,
  channel: string,
): DigestOutcome {
  const { db, log } = deps;
  const now = deps.clock();
  const outcome: DigestOutcome = { week: week.label, channel, outcome: 'already-sent', parts: 0, files: [] };
  if (getDigest(db, week.label, channel)?.state === 'sent') return outcome;
  const digest = buildWeekDigest(config, commitments, db, week, channel, now);
  const messages = renderDigestSlack(digest);
  const markdown = renderDigestMarkdown(digest);
  const q = queueDigest(db, { week: week.label, channel, messages, markdown, now });
  if (q.queued > 0) {
    outcome.files = archiveDigest(config, digest, channel);
    log.info('digest.queued', { week: week.label, channel, parts: q.parts });
  }
  return { ...outcome, outcome: 'pending', parts: q.parts };
}

/** After delivery: sent, or still in the outbox with the reason and the next attempt. */
function outcomeOf(deps: DigestDeps, q: DigestOutcome): DigestOutcome {
  if (getDigest(deps.db, q.week, q.channel)?.state === 'sent') {
    deps.log.info('digest.sent', {
      week: q.week,
      channel: q.channel,
      parts: q.parts,
      to: deps.slack ? 'slack' : 'console',
    });
    return { ...q, outcome: 'sent' };
  }
  const waiting = rowsWithKeyPrefix(deps.db, digestKeyPrefix(q.week, q.channel)).find(
    (r) => r.state !== 'sent',
  );
  return {
    ...q,
    outcome: 'pending',
    ...(waiting?.lastError ? { error: waiting.lastError } : {}),
    ...(waiting ? { nextAttemptAt: waiting.nextAttemptAt } : {}),
  };
}

/** Writes `<week>.md` and `<week>.html` (other channels than the default get their name added). */
export function archiveDigest(config: Config, digest: Digest, channel: string): string[] {
  mkdirSync(config.digestDir, { recursive: true });
  const suffix = channel === config.slack.channel ? '' : `-${channel.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const base = join(config.digestDir, `${digest.week.label}${suffix}`);
  writeFileAtomic(`${base}.md`, renderDigestMarkdown(digest));
  writeFileAtomic(`${base}.html`, renderDigestHtml(digest));
  return [`${base}.md`, `${base}.html`];
}
