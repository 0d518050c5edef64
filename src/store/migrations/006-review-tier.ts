// Schema version 6: what the review tier needs. `items_vocab` gives each stemmed word's document
// frequency straight from the full-text index (fts5vocab), so the review tier weighs words by how rare
// they are in the stored history without reading it. `matches.review_alert_id` is the review message
// that presented a `related` row: every related row is presented once, in one transaction with its
// outbox row, so none is lost and none is posted twice.
// https://www.sqlite.org/fts5.html#the_fts5vocab_virtual_table_module

import type { Migration } from '../migrations.ts';

export const reviewTier: Migration = {
  version: 6,
  name: 'review tier: word frequencies and presented review items',
  sql: `
    CREATE VIRTUAL TABLE items_vocab USING fts5vocab(items_fts, 'row');
    ALTER TABLE matches ADD COLUMN review_alert_id TEXT;
    CREATE INDEX matches_review ON matches(commitment_id) WHERE kind = 'related' AND review_alert_id IS NULL;
  `,
};
