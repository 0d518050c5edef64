// One thread per commitment: its status card is the thread's top-level message, posted before the
// first alert (through postOnce, with `card_posting_at` as the write-ahead mark), and every alert
// about the commitment replies under it. A commitment moved to another channel gets a new card.

import { buildStatusCard, cardEventType, cardFingerprint } from '../slack/build-card.ts';
import { classifySlackError } from '../slack/classify-slack-error.ts';
import { hasMetadata } from '../slack/find-posted.ts';
import type { OutboxRow } from '../store/outbox-table.ts';
import { getThread, markCardPosting, saveThread, setCardFacts } from '../store/threads-table.ts';
import { isChannelId, isoNow, knownChannelIdOf, lookUpChannelId, type Run } from './delivery-run.ts';
import { postOnce } from './post-once.ts';

export interface ThreadRef {
  channel: string;
  ts: string;
}

/** The commitment's thread, posting its card first when it has none in this channel. */
export async function ensureThread(run: Run, row: OutboxRow): Promise<ThreadRef> {
  const { db, log } = run.deps;
  const t = getThread(db, row.commitmentId);
  if (t?.ts && t.channel && threadFits(run, t.channel, row.channel)) return { channel: t.channel, ts: t.ts };
  const facts = run.deps.cardFacts(row.commitmentId) ?? {
    commitment: row.payload.commitment,
    evidenceCount: row.payload.evidenceCount ?? 0,
    asOf: isoNow(run),
    ...(row.payload.lastEvidence ? { lastEvidence: row.payload.lastEvidence } : {}),
  };
  let channelId = knownChannelIdOf(run, row.channel);
  const ctx = { timeZone: run.deps.timeZone, interactive: run.deps.interactive === true };
  const card = buildStatusCard(facts, ctx);
  const posted = await postOnce(
    run,
    {
      channel: row.channel,
      text: card.text,
      blocks: card.blocks,
      ...(card.metadata ? { metadata: card.metadata } : {}),
    },
    {
      configured: row.channel,
      stage: 'card',
      markSending: () => markCardPosting(db, row.commitmentId, isoNow(run)),
      // An earlier run crashed (or timed out) while posting this card: it may be in the channel already.
      ...(t?.cardPostingAt
        ? {
            earlier: {
              since: t.cardPostingAt,
              match: hasMetadata(cardEventType, 'commitment_id', row.commitmentId),
              where: async () => {
                channelId ??= await lookUpChannelId(run, row.channel);
                if (channelId) return [{ channel: channelId }];
                log.warn('slack.card_unchecked', {
                  commitment: row.commitmentId,
                  channel: row.channel,
                  reason:
                    'channel ID not known and conversations.list did not find it: ' +
                    'give the bot the channels:read scope, or configure the channel by ID (C…)',
                });
                return [];
              },
            },
          }
        : {}),
    },
  );
  const channel = posted.channel ?? channelId ?? row.channel;
  log.info(posted.found ? 'slack.card_found' : 'slack.card_posted', {
    commitment: row.commitmentId,
    channel,
    ts: posted.ts,
  });
  // A card found after a crash may show older facts: no fingerprint, so the next refresh edits it.
  const fingerprint = posted.found ? undefined : cardFingerprint(facts, ctx);
  return storeThread(run, row.commitmentId, channel, posted.ts, facts.commitment.status, fingerprint);
}

async function storeThread(
  run: Run,
  commitmentId: string,
  channel: string,
  ts: string,
  status: string,
  fingerprint: string | undefined,
): Promise<ThreadRef> {
  let url: string | null = null;
  try {
    url = (await run.slack.chat.getPermalink({ channel, message_ts: ts })).permalink ?? null;
  } catch (err) {
    // The thread works without its link; refreshCards fills it in later.
    run.deps.log.warn('slack.permalink_failed', {
      commitment: commitmentId,
      error: classifySlackError(err).type,
    });
  }
  const { db } = run.deps;
  db.transaction(() => {
    saveThread(db, commitmentId, { channel, ts, url, cardStatus: status, now: isoNow(run) });
    if (fingerprint) setCardFacts(db, commitmentId, fingerprint);
  })();
  return { channel, ts };
}

/** The thread is reusable when it is in the channel the alert is for (a moved commitment gets a new card). */
function threadFits(run: Run, threadChannel: string, configured: string): boolean {
  if (isChannelId(configured)) return threadChannel === configured;
  const id = run.learned.get(configured);
  return id ? id === threadChannel : true;
}
