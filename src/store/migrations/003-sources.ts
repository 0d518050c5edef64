// Schema version 3: sources beyond GOV.UK and page bodies.
// - `feeds.kind` gains `parliament-statements`; each feed keeps the fingerprint of its last items (a
//   body that changes on every request, like NCA's `lastBuildDate`, costs nothing when its items have
//   not changed) and the newest timestamp it delivered (a gap recovery starts there, with no scan).
// - `items` gains `body` (plain text: a GOV.UK page body, a statement's full text, an entry's content),
//   `publisher` and `published_at`; `item_keys` holds every other key an item is known by (a Lords repeat's id, a
//   WordPress guid); `item_bodies` is the polite queue of Content API reads.
// - `items_fts` indexes the body too. New rows are indexed by items-table.ts in one statement per batch:
//   an AFTER INSERT trigger makes FTS5 flush a segment per row (a savepoint per trigger statement),
//   measured 4× slower than indexing the batch at once. Updates keep their trigger.
// SQLite cannot change a CHECK constraint in place, so `feeds` is rebuilt, rows kept.

import type { Migration } from '../migrations.ts';

export const sources: Migration = {
  version: 3,
  name: 'sources, bodies and item keys',
  sql: `
    CREATE TABLE feeds_v3 (
      id              TEXT PRIMARY KEY,
      url             TEXT NOT NULL,
      kind            TEXT NOT NULL CHECK (kind IN ('atom', 'search', 'parliament-statements')),
      etag            TEXT,
      last_modified   TEXT,
      first_polled_at TEXT,
      last_attempt_at TEXT,
      last_success_at TEXT,
      last_status     INTEGER,
      failures        INTEGER NOT NULL DEFAULT 0,
      last_error      TEXT,
      next_attempt_at TEXT,
      dead_at         TEXT,
      dead_reason     TEXT,
      last_skipped    INTEGER NOT NULL DEFAULT 0,
      last_skipped_detail TEXT,
      items_fingerprint TEXT,            -- hash of the item part of the last body parsed
      newest_item_at  TEXT               -- newest public timestamp this feed delivered
    );
    INSERT INTO feeds_v3 (id, url, kind, etag, last_modified, first_polled_at, last_attempt_at, last_success_at,
        last_status, failures, last_error, next_attempt_at, dead_at, dead_reason, last_skipped, last_skipped_detail,
        newest_item_at)
      SELECT f.id, f.url, f.kind, f.etag, f.last_modified, f.first_polled_at, f.last_attempt_at, f.last_success_at,
        f.last_status, f.failures, f.last_error, f.next_attempt_at, f.dead_at, f.dead_reason, f.last_skipped,
        f.last_skipped_detail,
        (SELECT MAX(i.updated_at) FROM items i JOIN item_sources s ON s.item_id = i.id WHERE s.feed_id = f.id)
      FROM feeds f;
    DROP TABLE feeds;
    ALTER TABLE feeds_v3 RENAME TO feeds;

    CREATE INDEX item_sources_feed ON item_sources(feed_id);

    ALTER TABLE items ADD COLUMN body TEXT;        -- plain text, HTML stripped; null until known
    ALTER TABLE items ADD COLUMN publisher TEXT;   -- Home Office, National Crime Agency, …
    ALTER TABLE items ADD COLUMN published_at TEXT; -- first publication, when the source says
    -- 1 with match_pending: matched before, and its body has arrived since: matched again for what the body adds.
    ALTER TABLE items ADD COLUMN body_only INTEGER NOT NULL DEFAULT 0;

    -- Other keys an item is known by: both ids of a Commons statement and its Lords repeat, a guid.
    CREATE TABLE item_keys (
      key     TEXT PRIMARY KEY,
      item_id INTEGER NOT NULL REFERENCES items(id)
    ) WITHOUT ROWID;
    CREATE INDEX item_keys_item ON item_keys(item_id);

    -- Content API reads for GOV.UK items: queued when an item is new or majorly updated.
    CREATE TABLE item_bodies (
      item_id         INTEGER PRIMARY KEY REFERENCES items(id),
      url             TEXT NOT NULL,     -- the Content API address
      state           TEXT NOT NULL CHECK (state IN ('pending', 'fetched', 'missing', 'gave-up')),
      priority        INTEGER NOT NULL DEFAULT 0,   -- 1 for items seen live: read first
      queued_at       TEXT NOT NULL,
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,              -- not before this instant
      last_status     INTEGER,
      last_error      TEXT,
      fetched_at      TEXT,
      fresh_until     TEXT,              -- max-age: the CDN serves the same bytes until then
      etag            TEXT,
      last_modified   TEXT
    );
    CREATE INDEX item_bodies_queue ON item_bodies(priority DESC, next_attempt_at) WHERE state = 'pending';

    DROP TRIGGER items_ai;
    DROP TRIGGER items_au;
    DROP TABLE items_fts;
    CREATE VIRTUAL TABLE items_fts USING fts5(
      title, summary, body, content='items', content_rowid='id',
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER items_au AFTER UPDATE OF title, summary, body ON items BEGIN
      INSERT INTO items_fts(items_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
      INSERT INTO items_fts(rowid, title, summary, body) VALUES (new.id, new.title, new.summary, new.body);
    END;
    INSERT INTO items_fts(items_fts) VALUES ('rebuild');
  `,
};
