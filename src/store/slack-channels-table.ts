// SQL for `slack_channels`: channels that cannot take posts until a person fixes something
// (channel `*` is a workspace-wide block: bad token, missing scope), and the time of the last
// post to each channel, for pacing (Slack allows about one message a second per channel).

import type { Db } from './open-store.ts';

/** The channel key of a block that stops every channel. */
export const workspaceChannel = '*';

export interface BlockedChannel {
  channel: string;
  /** Slack's error code, e.g. `not_in_channel`. */
  error: string;
  /** What a person should do, in words. */
  fix: string;
  blockedAt: string;
  /** One probe post is tried at or after this instant, in case someone fixed it. */
  retryAt: string;
}

interface Row {
  channel: string;
  blocked_error: string | null;
  blocked_at: string | null;
  retry_at: string | null;
  last_post_at: string | null;
}

function toBlocked(r: Row): BlockedChannel {
  const { error, fix } = parseBlockedError(r.blocked_error ?? '');
  return { channel: r.channel, error, fix, blockedAt: r.blocked_at ?? '', retryAt: r.retry_at ?? '' };
}

// blocked_error holds both the code and the fix as JSON; older or hand-written values are plain text.
function parseBlockedError(text: string): { error: string; fix: string } {
  try {
    const v = JSON.parse(text) as { error?: unknown; fix?: unknown };
    if (typeof v.error === 'string' && typeof v.fix === 'string') return { error: v.error, fix: v.fix };
  } catch {
    /* plain text */
  }
  return { error: text, fix: '' };
}

export function blockChannel(
  db: Db,
  b: { channel: string; error: string; fix: string; now: string; retryAt: string },
): void {
  // A block that already exists keeps its first blocked_at: status says how long it has been broken.
  db.prepare(`INSERT INTO slack_channels (channel, blocked_error, blocked_at, retry_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (channel) DO UPDATE SET blocked_error = excluded.blocked_error, retry_at = excluded.retry_at,
      blocked_at = COALESCE(slack_channels.blocked_at, excluded.blocked_at)`).run(
    b.channel,
    JSON.stringify({ error: b.error, fix: b.fix }),
    b.now,
    b.retryAt,
  );
}

export function unblockChannel(db: Db, channel: string): void {
  db.prepare(
    'UPDATE slack_channels SET blocked_error = NULL, blocked_at = NULL, retry_at = NULL WHERE channel = ?',
  ).run(channel);
}

export function getBlock(db: Db, channel: string): BlockedChannel | undefined {
  const r = db
    .prepare<[string], Row>('SELECT * FROM slack_channels WHERE channel = ? AND blocked_at IS NOT NULL')
    .get(channel);
  return r ? toBlocked(r) : undefined;
}

export function listBlockedChannels(db: Db): BlockedChannel[] {
  return db
    .prepare<[], Row>('SELECT * FROM slack_channels WHERE blocked_at IS NOT NULL ORDER BY channel')
    .all()
    .map(toBlocked);
}

export function lastPostAt(db: Db, channel: string): string | null {
  return (
    db
      .prepare<[string], { last_post_at: string | null }>(
        'SELECT last_post_at FROM slack_channels WHERE channel = ?',
      )
      .get(channel)?.last_post_at ?? null
  );
}

export function notePost(db: Db, channel: string, at: string): void {
  db.prepare(`INSERT INTO slack_channels (channel, last_post_at) VALUES (?, ?)
    ON CONFLICT (channel) DO UPDATE SET last_post_at = excluded.last_post_at`).run(channel, at);
}
