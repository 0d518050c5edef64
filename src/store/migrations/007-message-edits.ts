// Schema version 7: edits owed to messages already in Slack. When a person judges an item (a button,
// or `commitments review`), every message that presented it with buttons is edited to say who judged
// it and how. The edit is written here in the verdict's own transaction and done by the delivery
// step, so a crash, an outage or a rate limit delays it and never loses it; an edit is idempotent,
// so doing one twice after a crash is harmless.

import type { Migration } from '../migrations.ts';

export const messageEdits: Migration = {
  version: 7,
  name: 'edits owed to messages already posted',
  sql: `
    CREATE TABLE message_edits (
      outbox_id       INTEGER PRIMARY KEY REFERENCES outbox(id),
      requested_at    TEXT NOT NULL,
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error      TEXT
    );
    -- a verdict looks up the messages of one commitment
    CREATE INDEX outbox_commitment ON outbox(commitment_id);
  `,
};
