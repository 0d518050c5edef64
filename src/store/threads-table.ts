// SQL for the Slack thread of each commitment (columns of `commitment_state`): the status card
// is the thread's top-level message and every alert about the commitment replies under it.
// `card_posting_at` is set before the card is posted, so after a crash the history is checked
// for that card before another is posted. `card_facts` is a hash of what the card last showed:
// the card is edited whenever the facts differ, not only its status.

import type { Db } from './open-store.ts';

export interface Thread {
  commitmentId: string;
  /** Channel ID as Slack returned it (`C…`), not the configured `#name`. */
  channel: string | null;
  ts: string | null;
  url: string | null;
  /** The status the card last showed. */
  cardStatus: string | null;
  cardPostingAt: string | null;
}

interface Row {
  commitment_id: string;
  thread_channel: string | null;
  thread_ts: string | null;
  thread_url: string | null;
  card_status: string | null;
  card_posting_at: string | null;
}

const columns = 'commitment_id, thread_channel, thread_ts, thread_url, card_status, card_posting_at';

function toThread(r: Row): Thread {
  return {
    commitmentId: r.commitment_id,
    channel: r.thread_channel,
    ts: r.thread_ts,
    url: r.thread_url,
    cardStatus: r.card_status,
    cardPostingAt: r.card_posting_at,
  };
}

export function getThread(db: Db, commitmentId: string): Thread | undefined {
  const r = db
    .prepare<[string], Row>(`SELECT ${columns} FROM commitment_state WHERE commitment_id = ?`)
    .get(commitmentId);
  return r ? toThread(r) : undefined;
}

/** Commitments whose status card has been posted. */
export function listThreads(db: Db): Thread[] {
  return db
    .prepare<[], Row>(
      `SELECT ${columns} FROM commitment_state WHERE thread_ts IS NOT NULL ORDER BY commitment_id`,
    )
    .all()
    .map(toThread);
}

// The delivery step may reach a commitment before the status job has created its row: create it
// the way the status job would (open, watched from now).
const upsertPrefix = `INSERT INTO commitment_state (commitment_id, status, status_since, first_watched_at`;

/** Written (and committed) before the card is posted: a crash after the post leaves this to be checked. */
export function markCardPosting(db: Db, commitmentId: string, now: string): void {
  db.prepare(`${upsertPrefix}, card_posting_at) VALUES (?, 'open', ?, ?, ?)
    ON CONFLICT (commitment_id) DO UPDATE SET card_posting_at = excluded.card_posting_at`).run(
    commitmentId,
    now,
    now,
    now,
  );
}

export function saveThread(
  db: Db,
  commitmentId: string,
  t: { channel: string; ts: string; url: string | null; cardStatus: string; now: string },
): void {
  db.prepare(
    `${upsertPrefix}, thread_channel, thread_ts, thread_url, card_status, card_posting_at) ` +
      `VALUES (?, 'open', ?, ?, ?, ?, ?, ?, NULL)
    ON CONFLICT (commitment_id) DO UPDATE SET thread_channel = excluded.thread_channel, thread_ts = excluded.thread_ts,
      thread_url = excluded.thread_url, card_status = excluded.card_status, card_posting_at = NULL`,
  ).run(commitmentId, t.now, t.now, t.channel, t.ts, t.url, t.cardStatus);
}

export function setThreadUrl(db: Db, commitmentId: string, url: string): void {
  db.prepare('UPDATE commitment_state SET thread_url = ? WHERE commitment_id = ?').run(url, commitmentId);
}

export function setCardStatus(db: Db, commitmentId: string, status: string): void {
  db.prepare('UPDATE commitment_state SET card_status = ? WHERE commitment_id = ?').run(status, commitmentId);
}

/** The hash of the facts the card last showed (null: not known, e.g. posted by an older version). */
export function getCardFacts(db: Db, commitmentId: string): string | null {
  const r = db
    .prepare<[string], { card_facts: string | null }>(
      'SELECT card_facts FROM commitment_state WHERE commitment_id = ?',
    )
    .get(commitmentId);
  return r?.card_facts ?? null;
}

export function setCardFacts(db: Db, commitmentId: string, hash: string): void {
  db.prepare('UPDATE commitment_state SET card_facts = ? WHERE commitment_id = ?').run(hash, commitmentId);
}

/**
 * The Slack ID of a configured channel, when a thread shows it: a commitment whose alerts go to
 * `channel` and whose card is posted. conversations.history takes only IDs, never `#name`.
 */
export function knownChannelId(db: Db, channel: string): string | undefined {
  const r = db
    .prepare<[string], { thread_channel: string }>(`SELECT cs.thread_channel FROM commitment_state cs
    JOIN outbox o ON o.commitment_id = cs.commitment_id
    WHERE o.channel = ? AND cs.thread_channel IS NOT NULL ORDER BY o.id DESC LIMIT 1`)
    .get(channel);
  return r?.thread_channel;
}
