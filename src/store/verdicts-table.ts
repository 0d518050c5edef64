// SQL for `verdicts`: every verdict a person gave on an item for a commitment, with who, when,
// why and from where. A Slack action carries its own key, so a retried delivery is applied once.

import type { Verdict } from './matches-table.ts';
import type { Db } from './open-store.ts';

export interface VerdictRecord {
  id: number;
  commitmentId: string;
  itemId: number;
  itemUrl: string;
  itemTitle: string;
  verdict: Verdict;
  actor: string;
  at: string;
  note: string | null;
  via: 'cli' | 'slack';
}

interface Row {
  id: number;
  commitment_id: string;
  item_id: number;
  url: string;
  title: string;
  verdict: Verdict;
  actor: string;
  at: string;
  note: string | null;
  via: 'cli' | 'slack';
}

const toRecord = (r: Row): VerdictRecord => ({
  id: r.id,
  commitmentId: r.commitment_id,
  itemId: r.item_id,
  itemUrl: r.url,
  itemTitle: r.title,
  verdict: r.verdict,
  actor: r.actor,
  at: r.at,
  note: r.note,
  via: r.via,
});

const select = 'SELECT v.*, i.url, i.title FROM verdicts v JOIN items i ON i.id = v.item_id';

export function insertVerdict(
  db: Db,
  v: Omit<VerdictRecord, 'id' | 'itemUrl' | 'itemTitle'> & { actionKey?: string },
): number {
  return Number(
    db
      .prepare(`INSERT INTO verdicts (commitment_id, item_id, verdict, actor, at, note, via, action_key)
      VALUES (@commitmentId, @itemId, @verdict, @actor, @at, @note, @via, @actionKey)`)
      .run({ ...v, actionKey: v.actionKey ?? null }).lastInsertRowid,
  );
}

export function verdictByActionKey(db: Db, actionKey: string): VerdictRecord | undefined {
  const r = db.prepare<[string], Row>(`${select} WHERE v.action_key = ?`).get(actionKey);
  return r ? toRecord(r) : undefined;
}

/** A commitment's verdicts, oldest first. */
export function listVerdicts(db: Db, commitmentId: string): VerdictRecord[] {
  return db
    .prepare<[string], Row>(`${select} WHERE v.commitment_id = ? ORDER BY v.at, v.id`)
    .all(commitmentId)
    .map(toRecord);
}
