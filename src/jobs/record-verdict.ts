// A person's verdict on an item for a commitment — `commitments review` and the Slack buttons call
// this one function. `evidence` makes the item count (a review item becomes evidence); `not-related`
// withdraws it from the counts, the card and the digest, cancels an alert about it still waiting in
// the outbox, and it is never raised again for that commitment. Either way the messages already in
// Slack that present the item are queued for an edit that shows the verdict (jobs/edit-judged.ts).
// Recorded with who, when and why; a Slack action delivered twice (same user, action and action_ts)
// is applied once.

import { FollowthroughError } from '../errors.ts';
import { canonicalPath } from '../feeds/normalise.ts';
import { addEvent } from '../store/commitment-state-table.ts';
import { getItemByLink } from '../store/items-table.ts';
import { getMatch, type StoredMatchKind, setMatchVerdict, type Verdict } from '../store/matches-table.ts';
import type { Db } from '../store/open-store.ts';
import { requestItemEdits } from '../store/message-edits-table.ts';
import { cancelItemAlerts } from '../store/outbox-table.ts';
import { insertVerdict, verdictByActionKey } from '../store/verdicts-table.ts';

export const verdicts: readonly Verdict[] = ['evidence', 'not-related'];

export interface VerdictInput {
  commitmentId: string;
  /** The item's link, as alerts show it (or its GOV.UK path). */
  itemUrl: string;
  verdict: string;
  /** Who: a name from the CLI, or a Slack user id. */
  actor: string;
  at: Date;
  note?: string;
  via: 'cli' | 'slack';
  /** For Slack actions: the same key twice is the same action delivered again. */
  actionKey?: string;
}

export interface VerdictOutcome {
  /** False when this action had already been applied (a retried Slack delivery). */
  applied: boolean;
  commitmentId: string;
  verdict: Verdict;
  item: { id: number; url: string; title: string };
  /** What the item was for the commitment before: what a rule raised, the review tier, or nothing. */
  was: StoredMatchKind | null;
  previousVerdict: Verdict | null;
  /** Alerts about the item that were still waiting and are withdrawn. */
  cancelledAlerts: number;
}

export function recordVerdict(db: Db, v: VerdictInput): VerdictOutcome {
  if (!(verdicts as readonly string[]).includes(v.verdict)) {
    throw new FollowthroughError(
      'verdict_invalid',
      `--verdict must be one of ${verdicts.join(', ')}, not "${v.verdict}"`,
    );
  }
  const verdict = v.verdict as Verdict;
  const item = getItemByLink(db, v.itemUrl, canonicalPath(v.itemUrl));
  if (!item) {
    throw new FollowthroughError(
      'unknown_item',
      `no stored item at ${v.itemUrl}: give the address shown in the alert (\`followthrough items search …\` finds it)`,
    );
  }
  const summary = { id: item.id, url: item.url, title: item.title };
  return db.transaction((): VerdictOutcome => {
    const repeated = v.actionKey ? verdictByActionKey(db, v.actionKey) : undefined;
    const before = getMatch(db, v.commitmentId, item.id);
    if (repeated) {
      return {
        applied: false,
        commitmentId: v.commitmentId,
        verdict: repeated.verdict,
        item: summary,
        was: before?.kind ?? null,
        previousVerdict: before?.verdict ?? null,
        cancelledAlerts: 0,
      };
    }
    const at = v.at.toISOString();
    insertVerdict(db, {
      commitmentId: v.commitmentId,
      itemId: item.id,
      verdict,
      actor: v.actor,
      at,
      note: v.note ?? null,
      via: v.via,
      ...(v.actionKey ? { actionKey: v.actionKey } : {}),
    });
    setMatchVerdict(db, { commitmentId: v.commitmentId, itemId: item.id, verdict, at, by: v.actor });
    const cancelledAlerts =
      verdict === 'not-related'
        ? cancelItemAlerts(db, v.commitmentId, item.id, `withdrawn: marked not related by ${v.actor}`)
        : 0;
    // The messages already in Slack that present the item are edited to show the verdict.
    requestItemEdits(db, { commitmentId: v.commitmentId, itemId: item.id, itemUrl: item.url, now: at });
    addEvent(db, {
      commitmentId: v.commitmentId,
      at,
      kind: 'verdict',
      reason: `${verdict === 'evidence' ? 'counts as evidence' : 'not related'}: ${item.title}${v.note ? ` — ${v.note}` : ''}`,
      evidenceUrl: item.url,
      actor: v.actor,
    });
    return {
      applied: true,
      commitmentId: v.commitmentId,
      verdict,
      item: summary,
      was: before?.kind ?? null,
      previousVerdict: before?.verdict ?? null,
      cancelledAlerts,
    };
  })();
}
