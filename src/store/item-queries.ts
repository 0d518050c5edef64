// The stored history as match/match-history.ts reads it: items_fts narrows it to candidates for an
// FTS5 query, and the items table gives their text. SQL only; matching itself is pure.

import type { HistoryQueries } from '../match/match-history.ts';
import type { Db } from './open-store.ts';

interface ItemRow {
  id: number;
  path: string;
  title: string;
  summary: string;
  body: string | null;
  updatedAt: string;
}

export function historyQueries(db: Db): HistoryQueries {
  const matching = db
    .prepare<[string], number>('SELECT rowid FROM items_fts WHERE items_fts MATCH ?')
    .pluck();
  const byIds = db.prepare<[string], ItemRow>(
    `SELECT id, path, title, summary, body, updated_at AS updatedAt
     FROM items WHERE id IN (SELECT value FROM json_each(?))`,
  );
  return {
    candidateIds: (fts) => matching.all(fts),
    // The path is the key an announcement is known by (CompiledCommitment.sourceKey).
    itemsByIds: (ids) =>
      byIds
        .all(JSON.stringify(ids))
        .map(({ body, ...r }) => ({ ...r, ...(body ? { body } : {}), key: r.path })),
  };
}
