// Schema version 1: feeds, items, matches, commitment state, outbox, digests, the worker lock.

import type { Migration } from '../migrations.ts';

export const initial: Migration = {
  version: 1,
  name: 'feeds, items, matches, commitments, outbox, digests, lock',
  sql: `
      -- One row per configured source (Atom feed or Search API query).
      CREATE TABLE feeds (
        id              TEXT PRIMARY KEY,
        url             TEXT NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('atom', 'search')),
        etag            TEXT,
        last_modified   TEXT,
        first_polled_at TEXT,              -- null until the baseline poll has been stored
        last_attempt_at TEXT,
        last_success_at TEXT,
        last_status     INTEGER,           -- HTTP status of the last answer, null on network error
        failures        INTEGER NOT NULL DEFAULT 0,   -- consecutive failures
        last_error      TEXT,
        next_attempt_at TEXT,              -- never poll before this instant
        dead_at         TEXT,              -- the feed-ended entry was seen
        dead_reason     TEXT,
        last_skipped    INTEGER NOT NULL DEFAULT 0,   -- entries skipped as broken in the last parse
        last_skipped_detail TEXT                      -- JSON array of { ref, reason }
      );

      -- One row per GOV.UK document, keyed by its canonical path.
      CREATE TABLE items (
        id              INTEGER PRIMARY KEY,
        path            TEXT NOT NULL UNIQUE,
        url             TEXT NOT NULL,
        title           TEXT NOT NULL,
        display_type    TEXT,
        summary         TEXT NOT NULL DEFAULT '',
        updated_at      TEXT NOT NULL,     -- GOV.UK public_timestamp, ISO UTC
        first_seen_at   TEXT NOT NULL,
        last_seen_at    TEXT NOT NULL,
        origin          TEXT NOT NULL CHECK (origin IN ('live', 'baseline', 'backfill', 'replay')),
        major_updates   INTEGER NOT NULL DEFAULT 0,
        match_pending   INTEGER NOT NULL DEFAULT 1 -- 1 until matched against commitments
      );
      CREATE INDEX items_updated ON items(updated_at);
      CREATE INDEX items_pending ON items(match_pending) WHERE match_pending = 1;
      CREATE INDEX items_first_seen ON items(first_seen_at);

      -- Which feeds an item has been seen in (the same path in two feeds is one item).
      CREATE TABLE item_sources (
        item_id       INTEGER NOT NULL REFERENCES items(id),
        feed_id       TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        PRIMARY KEY (item_id, feed_id)
      ) WITHOUT ROWID;

      -- Major updates: the same path seen again with a later public timestamp.
      CREATE TABLE item_updates (
        id                  INTEGER PRIMARY KEY,
        item_id             INTEGER NOT NULL REFERENCES items(id),
        previous_updated_at TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        seen_at             TEXT NOT NULL,
        title               TEXT NOT NULL,
        summary             TEXT NOT NULL
      );
      CREATE INDEX item_updates_item ON item_updates(item_id);

      -- Full-text index of the whole history (items search, commitments test, stale rules).
      CREATE VIRTUAL TABLE items_fts USING fts5(
        title, summary, content='items', content_rowid='id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN
        INSERT INTO items_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);
      END;
      CREATE TRIGGER items_au AFTER UPDATE OF title, summary ON items BEGIN
        INSERT INTO items_fts(items_fts, rowid, title, summary) VALUES ('delete', old.id, old.title, old.summary);
        INSERT INTO items_fts(rowid, title, summary) VALUES (new.id, new.title, new.summary);
      END;

      -- Per-commitment state that lives beside the definitions in config/commitments.yaml.
      CREATE TABLE commitment_state (
        commitment_id    TEXT PRIMARY KEY,
        status           TEXT NOT NULL,
        status_since     TEXT NOT NULL,
        snoozed_until    TEXT,
        last_evidence_at TEXT,
        last_reminded_at TEXT,
        first_watched_at TEXT NOT NULL,
        rule_hash        TEXT,            -- hash of the match rules last applied
        thread_channel   TEXT,            -- Slack channel holding the status card
        thread_ts        TEXT,            -- ts of the status card; replies go in its thread
        thread_url       TEXT,            -- permalink of the status card, for the digest
        card_status      TEXT,            -- status the card last showed (chat.update when it differs)
        card_posting_at  TEXT             -- set before posting a card; a crash leaves it for the history check
      );

      -- Dated history: every status change, resolution, snooze, reopen, with its reason.
      CREATE TABLE commitment_events (
        id            INTEGER PRIMARY KEY,
        commitment_id TEXT NOT NULL,
        at            TEXT NOT NULL,
        kind          TEXT NOT NULL,      -- status | resolve | reopen | snooze | unsnooze | note
        from_status   TEXT,
        to_status     TEXT,
        reason        TEXT NOT NULL,
        evidence_url  TEXT,
        actor         TEXT                -- who: a person for resolutions, 'followthrough' otherwise
      );
      CREATE INDEX commitment_events_c ON commitment_events(commitment_id, at);

      -- Evidence: one row per (commitment, item); a major update revises it in place.
      CREATE TABLE matches (
        id            INTEGER PRIMARY KEY,
        commitment_id TEXT NOT NULL,
        item_id       INTEGER NOT NULL REFERENCES items(id),
        kind          TEXT NOT NULL CHECK (kind IN ('progress', 'possible-fulfilment')),
        score         REAL NOT NULL,
        why           TEXT NOT NULL,      -- JSON: MatchReason
        matched_at    TEXT NOT NULL,
        updated_at    TEXT,               -- set when a major update re-matched
        update_count  INTEGER NOT NULL DEFAULT 0,
        origin        TEXT NOT NULL,      -- live | baseline | backfill | history | replay
        UNIQUE (commitment_id, item_id)
      );
      CREATE INDEX matches_item ON matches(item_id);

      -- Durable outbox: every alert is written here in the same transaction as its cause,
      -- then delivered by a separate step. alert_key makes the cause unique.
      CREATE TABLE outbox (
        id            INTEGER PRIMARY KEY,
        alert_id      TEXT NOT NULL UNIQUE,   -- stable id sent in Slack metadata
        alert_key     TEXT NOT NULL UNIQUE,   -- commitment | item-or-status | kind
        commitment_id TEXT NOT NULL,
        kind          TEXT NOT NULL,
        item_id       INTEGER,
        channel       TEXT NOT NULL,
        payload       TEXT NOT NULL,          -- JSON facts the message is built from
        created_at    TEXT NOT NULL,
        state         TEXT NOT NULL DEFAULT 'pending'
                      CHECK (state IN ('pending', 'sending', 'sent', 'held', 'cancelled')),
        attempts      INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error    TEXT,
        sent_at       TEXT,
        sent_to       TEXT,                   -- slack | console
        slack_ts      TEXT
      );
      CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

      -- Slack channels that cannot take posts until a person fixes something.
      CREATE TABLE slack_channels (
        channel       TEXT PRIMARY KEY,
        blocked_error TEXT,
        blocked_at    TEXT,
        retry_at      TEXT,                   -- one probe post is tried then, in case someone fixed it
        last_post_at  TEXT
      );

      -- Weekly digests, one per (week, channel): a second run never sends one twice.
      CREATE TABLE digests (
        week          TEXT NOT NULL,          -- ISO week, e.g. 2024-W19
        channel       TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent')),
        created_at    TEXT NOT NULL,
        sent_at       TEXT,
        slack_ts      TEXT,                   -- ts of the parent message; later parts reply in its thread
        slack_channel TEXT,                   -- the channel ID Slack answered with (history needs IDs)
        parts_sent    INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (week, channel)
      );

      -- One worker per database.
      CREATE TABLE worker_lock (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        owner        TEXT NOT NULL,
        pid          INTEGER NOT NULL,
        host         TEXT NOT NULL,
        acquired_at  TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      );

      -- Named snapshots, e.g. the last valid commitments file, which stays in force when a
      -- hand edit breaks the file.
      CREATE TABLE snapshots (
        name     TEXT PRIMARY KEY,
        body     TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );

      -- Notices sent once (e.g. an invalid commitments file) and other small facts.
      CREATE TABLE notices (
        key     TEXT PRIMARY KEY,
        at      TEXT NOT NULL,
        detail  TEXT
      );
    `,
};
