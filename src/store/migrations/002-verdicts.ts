// Schema version 2: a person's verdict on what the matcher raised, and the review tier.
// `matches.kind` gains `related` (probably about the commitment though no rule matched: shown for
// review, never counted until a person says it is evidence), and each match carries the verdict in
// force. SQLite cannot change a CHECK constraint in place, so the table is rebuilt, ids kept.

import type { Migration } from '../migrations.ts';

export const verdicts: Migration = {
  version: 2,
  name: 'verdicts and the review tier',
  sql: `
    CREATE TABLE matches_v2 (
      id            INTEGER PRIMARY KEY,
      commitment_id TEXT NOT NULL,
      item_id       INTEGER NOT NULL REFERENCES items(id),
      kind          TEXT NOT NULL CHECK (kind IN ('progress', 'possible-fulfilment', 'related')),
      score         REAL NOT NULL,
      why           TEXT NOT NULL,
      matched_at    TEXT NOT NULL,
      updated_at    TEXT,
      update_count  INTEGER NOT NULL DEFAULT 0,
      origin        TEXT NOT NULL,      -- live | baseline | backfill | history | replay | verdict
      verdict       TEXT CHECK (verdict IN ('evidence', 'not-related')),  -- the latest verdict, if any
      verdict_at    TEXT,
      verdict_by    TEXT,
      UNIQUE (commitment_id, item_id)
    );
    INSERT INTO matches_v2 (id, commitment_id, item_id, kind, score, why, matched_at, updated_at, update_count, origin)
      SELECT id, commitment_id, item_id, kind, score, why, matched_at, updated_at, update_count, origin FROM matches;
    DROP TABLE matches;
    ALTER TABLE matches_v2 RENAME TO matches;
    CREATE INDEX matches_item ON matches(item_id);

    -- Every verdict a person gave, from the CLI or a Slack button: who, when, why. The latest for a
    -- (commitment, item) is in force (and copied to matches.verdict).
    CREATE TABLE verdicts (
      id            INTEGER PRIMARY KEY,
      commitment_id TEXT NOT NULL,
      item_id       INTEGER NOT NULL REFERENCES items(id),
      verdict       TEXT NOT NULL CHECK (verdict IN ('evidence', 'not-related')),
      actor         TEXT NOT NULL,      -- a person: a name from the CLI, or a Slack user id
      at            TEXT NOT NULL,
      note          TEXT,
      via           TEXT NOT NULL,      -- cli | slack
      action_key    TEXT UNIQUE         -- a Slack action (user, action, action_ts): a retried delivery applies once
    );
    CREATE INDEX verdicts_pair ON verdicts(commitment_id, item_id);
  `,
};
