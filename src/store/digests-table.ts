// SQL for `digests`: one row per (week, channel), so a digest is sent once however many times
// the job runs. Its parts travel as outbox rows; `parts_sent` and `slack_ts` record the progress
// the delivery job makes (later parts reply in part 1's thread). `sending` is only ever left by
// versions that posted digests themselves.

import type { Db } from './open-store.ts';

export interface DigestRecord {
  week: string;
  channel: string;
  state: 'pending' | 'sending' | 'sent';
  createdAt: string;
  sentAt: string | null;
  slackTs: string | null;
  slackChannel: string | null;
  partsSent: number;
}

interface Row {
  week: string;
  channel: string;
  state: DigestRecord['state'];
  created_at: string;
  sent_at: string | null;
  slack_ts: string | null;
  slack_channel: string | null;
  parts_sent: number;
}

const toRecord = (r: Row): DigestRecord => ({
  week: r.week,
  channel: r.channel,
  state: r.state,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  slackTs: r.slack_ts,
  slackChannel: r.slack_channel,
  partsSent: r.parts_sent,
});

export function getDigest(db: Db, week: string, channel: string): DigestRecord | undefined {
  const row = db
    .prepare<[string, string], Row>('SELECT * FROM digests WHERE week = ? AND channel = ?')
    .get(week, channel);
  return row ? toRecord(row) : undefined;
}

/** Claims (week, channel); returns the record, new or as left by an earlier attempt. */
export function claimDigest(db: Db, week: string, channel: string, now: string): DigestRecord {
  db.prepare(
    `INSERT INTO digests (week, channel, state, created_at) VALUES (?, ?, 'pending', ?) ON CONFLICT (week, channel) DO NOTHING`,
  ).run(week, channel, now);
  return getDigest(db, week, channel)!;
}

export function markDigestPart(
  db: Db,
  week: string,
  channel: string,
  part: number,
  posted: { ts: string | null; channelId: string | null },
): void {
  db.prepare(`UPDATE digests SET parts_sent = ?, slack_ts = COALESCE(slack_ts, ?), slack_channel = COALESCE(slack_channel, ?)
    WHERE week = ? AND channel = ?`).run(part, posted.ts, posted.channelId, week, channel);
}

/** Digests claimed but not finished (a Slack outage or a crash part-way), oldest first. */
export function unfinishedDigests(db: Db): DigestRecord[] {
  return db
    .prepare<[], Row>(`SELECT * FROM digests WHERE state != 'sent' ORDER BY created_at`)
    .all()
    .map(toRecord);
}

export function markDigestSent(db: Db, week: string, channel: string, now: string): void {
  db.prepare(`UPDATE digests SET state = 'sent', sent_at = ? WHERE week = ? AND channel = ?`).run(
    now,
    week,
    channel,
  );
}

export function listDigests(db: Db): DigestRecord[] {
  return db.prepare<[], Row>('SELECT * FROM digests ORDER BY week, channel').all().map(toRecord);
}
