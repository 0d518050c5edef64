// Edits the messages already in Slack that present an item a person has judged, so the message says
// who judged it and how ("Marked not related by @ana on 2 December 2026") with the one button that
// changes the answer, instead of two buttons inviting the next reader to answer again. The edits were
// asked for in the verdict's transaction (store/message-edits-table.ts); an edit is idempotent, so one
// repeated after a crash is harmless, and one that fails waits and is tried again.

import type { Logger } from '../log.ts';
import { buildAlertMessage } from '../slack/build-alert.ts';
import { classifySlackError } from '../slack/classify-slack-error.ts';
import type { SlackApi } from '../slack/slack-client.ts';
import { finishEdit, listDueEdits, retryEditAt } from '../store/message-edits-table.ts';
import type { Db } from '../store/open-store.ts';
import { getAlert } from '../store/outbox-table.ts';
import { getBlock, workspaceChannel } from '../store/slack-channels-table.ts';
import { getThread } from '../store/threads-table.ts';
import type { Clock } from './clock.ts';
import { judgementsOfRow } from './judgements-of-row.ts';

export interface EditJudgedDeps {
  db: Db;
  slack: SlackApi | null;
  log: Logger;
  clock: Clock;
  timeZone: string;
  interactive?: boolean;
}

// Slack answers these when the message can no longer be edited (deleted, too old, not ours): nothing
// more can be done for it, and trying again would fail the same way.
const cannotEdit = new Set([
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  'channel_not_found',
]);

export async function editJudged(deps: EditJudgedDeps): Promise<{ edited: number; failed: number }> {
  const { db, slack, log } = deps;
  const result = { edited: 0, failed: 0 };
  if (!slack || getBlock(db, workspaceChannel)) return result;
  for (const edit of listDueEdits(db, deps.clock().toISOString())) {
    const row = getAlert(db, edit.outboxId);
    const thread = row ? getThread(db, row.commitmentId) : undefined;
    if (!row?.slackTs || !thread?.channel) {
      finishEdit(db, edit.outboxId);
      continue;
    }
    const msg = buildAlertMessage(row.payload, {
      timeZone: deps.timeZone,
      interactive: deps.interactive === true,
      judged: judgementsOfRow(db, row),
    });
    try {
      await slack.chat.update({
        channel: thread.channel,
        ts: row.slackTs,
        text: msg.text,
        blocks: msg.blocks,
        ...(msg.metadata ? { metadata: msg.metadata } : {}),
      });
      finishEdit(db, edit.outboxId);
      result.edited++;
      log.info('slack.message_edited', {
        alert_id: row.alertId,
        commitment: row.commitmentId,
        ts: row.slackTs,
      });
    } catch (err) {
      const c = classifySlackError(err, thread.channel);
      const error = c.type === 'rate-limited' ? 'rate limited' : c.error;
      if (c.type === 'permanent' && c.scope === 'message') finishEdit(db, edit.outboxId);
      else if (c.type === 'transient' && cannotEdit.has(c.error)) finishEdit(db, edit.outboxId);
      else {
        const waitSeconds =
          c.type === 'rate-limited' ? c.retryAfterSeconds : Math.min(3600, 60 * 2 ** edit.attempts);
        const at = new Date(deps.clock().getTime() + waitSeconds * 1000).toISOString();
        retryEditAt(db, edit.outboxId, { at, error });
      }
      result.failed++;
      log.warn('slack.message_edit_failed', { alert_id: row.alertId, commitment: row.commitmentId, error });
      // A rate limit or a workspace problem would fail every other edit too: they wait for the next run.
      if (c.type === 'rate-limited' || (c.type === 'permanent' && c.scope === 'workspace')) break;
    }
  }
  return result;
}
