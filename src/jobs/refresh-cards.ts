// Keeps each status card current: when what a card would show differs from what it last showed
// (its status, the evidence count, the last evidence, a snooze, the buttons), the card is edited in
// place (chat.update) rather than posted again, so the thread and its link stay where people
// bookmarked them. What it showed is kept as a fingerprint (build-card.ts).

import type { Logger } from '../log.ts';
import type { StatusCardFacts } from '../slack/alert.ts';
import { buildStatusCard, cardFingerprint } from '../slack/build-card.ts';
import { classifySlackError } from '../slack/classify-slack-error.ts';
import type { SlackApi } from '../slack/slack-client.ts';
import type { Db } from '../store/open-store.ts';
import { getBlock, workspaceChannel } from '../store/slack-channels-table.ts';
import {
  getCardFacts,
  listThreads,
  setCardFacts,
  setCardStatus,
  setThreadUrl,
} from '../store/threads-table.ts';

export interface RefreshCardsDeps {
  db: Db;
  slack: SlackApi | null;
  log: Logger;
  cardFacts: (commitmentId: string) => StatusCardFacts | null;
  /** The configured zone, for the dates the card shows. */
  timeZone: string;
  /** The Slack app answers buttons: cards carry them. */
  interactive?: boolean;
}

export async function refreshCards(deps: RefreshCardsDeps): Promise<{ updated: number; failed: number }> {
  const { db, slack, log } = deps;
  const result = { updated: 0, failed: 0 };
  if (!slack || getBlock(db, workspaceChannel)) return result;
  for (const t of listThreads(db)) {
    if (!t.channel || !t.ts) continue;
    const facts = deps.cardFacts(t.commitmentId);
    if (!facts) continue;
    try {
      if (!t.url) {
        const link = await slack.chat.getPermalink({ channel: t.channel, message_ts: t.ts });
        if (link.permalink) setThreadUrl(db, t.commitmentId, link.permalink);
      }
      const ctx = { timeZone: deps.timeZone, interactive: deps.interactive === true };
      const fingerprint = cardFingerprint(facts, ctx);
      if (fingerprint === getCardFacts(db, t.commitmentId)) continue;
      const card = buildStatusCard(facts, ctx);
      await slack.chat.update({
        channel: t.channel,
        ts: t.ts,
        text: card.text,
        blocks: card.blocks,
        ...(card.metadata ? { metadata: card.metadata } : {}),
      });
      db.transaction(() => {
        setCardStatus(db, t.commitmentId, facts.commitment.status);
        setCardFacts(db, t.commitmentId, fingerprint);
      })();
      result.updated++;
      log.info('slack.card_updated', {
        commitment: t.commitmentId,
        from: t.cardStatus,
        to: facts.commitment.status,
      });
    } catch (err) {
      const c = classifySlackError(err, t.channel);
      result.failed++;
      log.warn('slack.card_update_failed', {
        commitment: t.commitmentId,
        error: c.type === 'rate-limited' ? 'rate limited' : c.error,
      });
      // The next run tries again; a rate limit or a workspace problem would fail every other card too.
      if (c.type === 'rate-limited' || (c.type === 'permanent' && c.scope === 'workspace')) break;
    }
  }
  return result;
}
