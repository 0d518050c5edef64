// Schema version 4: what `status` and the per-cycle status check read, kept current as rows
// change, so their cost does not grow with history.
// - item_counts / feed_item_counts: the totals `status` shows (items, waiting to be matched, major
//   updates, per feed), maintained by triggers instead of counted over whole tables each time.
// - evidence_counts: how many matches count as evidence per commitment (the rule of
//   matches-table.ts countsAsEvidence), kept as matches are added, revised or given a verdict.
// - matches.item_updated_at: a copy of the item's public timestamp, so "the newest evidence of a
//   commitment" is one step down an index instead of a sort of its whole evidence list. Triggers
//   keep the copy equal to items.updated_at whoever writes either table.

import type { Migration } from '../migrations.ts';

export const runningCounts: Migration = {
  version: 4,
  name: 'running counts for status, newest evidence by index',
  sql: `
    CREATE TABLE item_counts (
      id       INTEGER PRIMARY KEY CHECK (id = 1),
      total    INTEGER NOT NULL,
      pending  INTEGER NOT NULL,   -- items with match_pending = 1
      updates  INTEGER NOT NULL    -- rows of item_updates
    );
    INSERT INTO item_counts (id, total, pending, updates)
      SELECT 1, COUNT(*), COALESCE(SUM(match_pending = 1), 0), (SELECT COUNT(*) FROM item_updates) FROM items;

    CREATE TABLE feed_item_counts (
      feed_id  TEXT PRIMARY KEY,
      n        INTEGER NOT NULL    -- rows of item_sources for the feed
    );
    INSERT INTO feed_item_counts (feed_id, n) SELECT feed_id, COUNT(*) FROM item_sources GROUP BY feed_id;

    CREATE TRIGGER item_counts_ai AFTER INSERT ON items BEGIN
      UPDATE item_counts SET total = total + 1, pending = pending + (new.match_pending = 1) WHERE id = 1;
    END;
    CREATE TRIGGER item_counts_ad AFTER DELETE ON items BEGIN
      UPDATE item_counts SET total = total - 1, pending = pending - (old.match_pending = 1) WHERE id = 1;
    END;
    CREATE TRIGGER item_counts_pending AFTER UPDATE OF match_pending ON items
      WHEN (new.match_pending = 1) IS NOT (old.match_pending = 1) BEGIN
      UPDATE item_counts SET pending = pending + (new.match_pending = 1) - (old.match_pending = 1) WHERE id = 1;
    END;
    CREATE TRIGGER item_counts_update_ai AFTER INSERT ON item_updates BEGIN
      UPDATE item_counts SET updates = updates + 1 WHERE id = 1;
    END;
    CREATE TRIGGER item_counts_update_ad AFTER DELETE ON item_updates BEGIN
      UPDATE item_counts SET updates = updates - 1 WHERE id = 1;
    END;
    CREATE TRIGGER feed_item_counts_ai AFTER INSERT ON item_sources BEGIN
      INSERT INTO feed_item_counts (feed_id, n) VALUES (new.feed_id, 1)
        ON CONFLICT (feed_id) DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER feed_item_counts_ad AFTER DELETE ON item_sources BEGIN
      UPDATE feed_item_counts SET n = n - 1 WHERE feed_id = old.feed_id;
    END;

    CREATE TABLE evidence_counts (
      commitment_id TEXT PRIMARY KEY,
      n             INTEGER NOT NULL
    );
    INSERT INTO evidence_counts (commitment_id, n)
      SELECT commitment_id, SUM(COALESCE(verdict, CASE kind WHEN 'related' THEN 'review' ELSE 'evidence' END) = 'evidence')
      FROM matches GROUP BY commitment_id;
    CREATE TRIGGER evidence_counts_ai AFTER INSERT ON matches BEGIN
      INSERT INTO evidence_counts (commitment_id, n)
        VALUES (new.commitment_id, COALESCE(new.verdict, CASE new.kind WHEN 'related' THEN 'review' ELSE 'evidence' END) = 'evidence')
        ON CONFLICT (commitment_id) DO UPDATE SET n = n + excluded.n;
    END;
    CREATE TRIGGER evidence_counts_au AFTER UPDATE OF kind, verdict, commitment_id ON matches BEGIN
      UPDATE evidence_counts
        SET n = n - (COALESCE(old.verdict, CASE old.kind WHEN 'related' THEN 'review' ELSE 'evidence' END) = 'evidence')
        WHERE commitment_id = old.commitment_id;
      INSERT INTO evidence_counts (commitment_id, n)
        VALUES (new.commitment_id, COALESCE(new.verdict, CASE new.kind WHEN 'related' THEN 'review' ELSE 'evidence' END) = 'evidence')
        ON CONFLICT (commitment_id) DO UPDATE SET n = n + excluded.n;
    END;
    CREATE TRIGGER evidence_counts_ad AFTER DELETE ON matches BEGIN
      UPDATE evidence_counts
        SET n = n - (COALESCE(old.verdict, CASE old.kind WHEN 'related' THEN 'review' ELSE 'evidence' END) = 'evidence')
        WHERE commitment_id = old.commitment_id;
    END;

    ALTER TABLE matches ADD COLUMN item_updated_at TEXT;
    UPDATE matches SET item_updated_at = (SELECT updated_at FROM items WHERE items.id = matches.item_id);
    -- With the rowid as its last column, this index also orders ties by match id.
    CREATE INDEX matches_newest ON matches(commitment_id, item_updated_at);
    CREATE TRIGGER matches_item_time_ai AFTER INSERT ON matches BEGIN
      UPDATE matches SET item_updated_at = (SELECT updated_at FROM items WHERE items.id = new.item_id)
        WHERE id = new.id;
    END;
    CREATE TRIGGER matches_item_time_au AFTER UPDATE OF item_id ON matches BEGIN
      UPDATE matches SET item_updated_at = (SELECT updated_at FROM items WHERE items.id = new.item_id)
        WHERE id = new.id;
    END;
    CREATE TRIGGER items_time_au AFTER UPDATE OF updated_at ON items
      WHEN new.updated_at IS NOT old.updated_at BEGIN
      UPDATE matches SET item_updated_at = new.updated_at WHERE item_id = new.id;
    END;
  `,
};
