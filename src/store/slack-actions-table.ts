// SQL for `slack_actions`: every decision a person made from Slack (resolve, snooze, reopen and the
// verdict buttons), keyed by the action itself, so a repeated delivery is recognised and applied once.

import type { Db } from './open-store.ts';

export interface SlackActionRecord {
  key: string;
  kind: string;
  commitmentId: string;
  actor: string;
  at: string;
}

/** Records the action; false when it had been recorded before (a repeated delivery). Call in the decision's transaction. */
export function claimSlackAction(db: Db, a: SlackActionRecord): boolean {
  return (
    db
      .prepare(`INSERT INTO slack_actions (action_key, kind, commitment_id, actor, at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (action_key) DO NOTHING`)
      .run(a.key, a.kind, a.commitmentId, a.actor, a.at).changes > 0
  );
}

/** A commitment's actions from Slack, oldest first. */
export function listSlackActions(db: Db, commitmentId: string): SlackActionRecord[] {
  return db
    .prepare<
      [string],
      { action_key: string; kind: string; commitment_id: string; actor: string; at: string }
    >('SELECT * FROM slack_actions WHERE commitment_id = ? ORDER BY at, rowid')
    .all(commitmentId)
    .map((r) => ({
      key: r.action_key,
      kind: r.kind,
      commitmentId: r.commitment_id,
      actor: r.actor,
      at: r.at,
    }));
}
