// The weekly digest job: for each channel with commitments, build the digest of the week that
// just ended, archive it (`<digest_dir>/<week>.md` and `.html`), and post it — once. Each
// (week, channel) is claimed in the store first; a digest split over several messages records
// each part as it goes, and after a crash looks in Slack (by metadata) before re-posting a part.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Commitment } from '../commitments/commitment.ts';
import type { Config } from '../config/config.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { buildDigest, type Digest } from '../digest/build-digest.ts';
import type { DigestWeek } from '../digest/digest-facts.ts';
import { digestWeekEndingBefore } from '../digest/digest-week.ts';
import { renderDigestHtml } from '../digest/render-html.ts';
import { renderDigestMarkdown } from '../digest/render-markdown.ts';
import { renderDigestSlack } from '../digest/render-slack.ts';
import { errorMessage } from '../errors.ts';
import type { Logger } from '../log.ts';
import { findPosted } from '../slack/find-posted.ts';
import { lookupChannelId } from '../slack/lookup-channel.ts';
import type { SlackApi } from '../slack/slack-client.ts';
import {
  claimDigest,
  getDigest,
  markDigestPart,
  markDigestSending,
  markDigestSent,
  type DigestRecord,
} from '../store/digests-table.ts';
import type { Db } from '../store/open-store.ts';
import { knownChannelId } from '../store/threads-table.ts';
import { digestChannels, gatherDigestFacts } from './gather-digest-facts.ts';

export interface DigestDeps {
  db: Db;
  log: Logger;
  slack: SlackApi | null;
  sleep: (ms: number) => Promise<void>;
  now: Date;
  /** Where the digest goes without a Slack token. */
  console?: (text: string) => void;
}

export interface DigestOutcome {
  week: string;
  channel: string;
  outcome: 'sent' | 'already-sent' | 'failed';
  parts: number;
  files: string[];
  error?: string;
}

/** Slack takes about one message a second per channel. */
const partIntervalMs = 1100;

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
  week: DigestWeek = digestWeekEndingBefore(deps.now, config.timezone),
): Promise<DigestOutcome[]> {
  const outcomes: DigestOutcome[] = [];
  for (const channel of digestChannels(config, commitments)) {
    outcomes.push(await sendDigest(config, commitments, deps, week, channel));
  }
  return outcomes;
}

export async function sendDigest(
  config: Config,
  commitments: Commitment[],
  deps: DigestDeps,
  week: DigestWeek,
  channel: string,
): Promise<DigestOutcome> {
  const { db, log, now } = deps;
  const outcome: DigestOutcome = { week: week.label, channel, outcome: 'already-sent', parts: 0, files: [] };
  if (getDigest(db, week.label, channel)?.state === 'sent') return outcome;
  const record = claimDigest(db, week.label, channel, now.toISOString());
  const digest = buildWeekDigest(config, commitments, db, week, channel, now);
  outcome.files = archiveDigest(config, digest, channel);
  const messages = renderDigestSlack(digest);
  outcome.parts = messages.length;
  try {
    if (!deps.slack) {
      (deps.console ?? ((t) => process.stdout.write(`${t}\n`)))(renderDigestMarkdown(digest));
    } else {
      await postParts(deps.slack, deps, record, messages, channel);
    }
    markDigestSent(db, week.label, channel, now.toISOString());
    log.info('digest.sent', {
      week: week.label,
      channel,
      parts: messages.length,
      to: deps.slack ? 'slack' : 'console',
    });
    return { ...outcome, outcome: 'sent' };
  } catch (err) {
    // Left claimed and unfinished: the delivery job resumes it from the last part posted.
    log.error('digest.failed', { week: week.label, channel, error: errorMessage(err) });
    return { ...outcome, outcome: 'failed', error: errorMessage(err) };
  }
}

async function postParts(
  slack: SlackApi,
  deps: DigestDeps,
  record: DigestRecord,
  messages: ReturnType<typeof renderDigestSlack>,
  channel: string,
): Promise<void> {
  const { db } = deps;
  let current = getDigest(db, record.week, channel)!;
  for (let i = current.partsSent; i < messages.length; i++) {
    const message = messages[i]!;
    const part = i + 1;
    let ts: string | undefined;
    // conversations.history needs the channel's ID; a thread of this channel may already show it.
    let channelId = current.slackChannel ?? knownChannelId(db, channel) ?? null;
    // A part marked `sending` may have reached Slack before a crash: look before posting it again.
    if (current.state === 'sending' && !channelId)
      channelId = (await lookupChannelId(slack, channel).catch(() => undefined)) ?? null;
    if (current.state === 'sending' && channelId && (part === 1 || current.slackTs)) {
      ts = await findPosted(
        slack,
        { channel: channelId, ...(part > 1 ? { threadTs: current.slackTs! } : {}) },
        current.createdAt,
        (m) =>
          m.metadata?.event_type === 'followthrough_digest' &&
          m.metadata.event_payload?.week === record.week &&
          String(m.metadata.event_payload?.part) === String(part),
      );
      if (ts) deps.log.info('digest.duplicate_avoided', { week: record.week, channel, part });
    }
    if (!ts) {
      markDigestSending(db, record.week, channel);
      const posted = await slack.chat.postMessage({
        channel: channelId ?? channel,
        text: message.text,
        blocks: message.blocks,
        ...(message.metadata ? { metadata: message.metadata } : {}),
        ...(part > 1 && current.slackTs ? { thread_ts: current.slackTs } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      ts = posted.ts;
      channelId = posted.channel ?? channelId;
      if (i < messages.length - 1) await deps.sleep(partIntervalMs);
    }
    markDigestPart(db, record.week, channel, part, { ts: ts ?? null, channelId: channelId ?? null });
    current = getDigest(db, record.week, channel)!;
  }
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
