// Matches a batch of new items against every commitment: the batch goes into a small TEMP FTS5 table
// (STACK.md: far faster than querying the whole history), each commitment's compiled rules run
// against it, and the table is dropped. Rules and reasons as in match-fts.ts.

import { FollowthroughError, errorMessage } from '../errors.ts';
import type { CompiledCommitment } from '../match/compile-commitment.ts';
import type { MatchableItem, MatchHit } from '../match/match-types.ts';
import { dayOfInstant } from '../calendar.ts';
import { candidateIds, explainHits, ftsQueries, ftsTokenizer } from './match-fts.ts';
import type { Db } from './open-store.ts';

const table = 'followthrough_match_batch';

/** `timeZone`: the configured zone, in which an item's day is compared with the announcement's. */
export function matchBatch(
  db: Db,
  items: MatchableItem[],
  commitments: CompiledCommitment[],
  timeZone: string,
): MatchHit[] {
  if (items.length === 0 || commitments.length === 0) return [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const days = new Map([...byId.values()].map((i) => [i.id, dayOfInstant(i.updatedAt, timeZone)]));
  db.exec(`DROP TABLE IF EXISTS temp.${table}`);
  db.exec(`CREATE VIRTUAL TABLE temp.${table} USING fts5(title, summary, tokenize = '${ftsTokenizer}')`);
  try {
    const insert = db.prepare<[number, string, string]>(
      `INSERT INTO temp.${table} (rowid, title, summary) VALUES (?, ?, ?)`,
    );
    db.transaction(() => {
      for (const i of byId.values()) insert.run(i.id, i.title, i.summary);
    })();
    const q = ftsQueries(db, table);
    const hits: MatchHit[] = [];
    for (const c of commitments) {
      try {
        const ids = [...candidateIds(q, c)]
          .filter((id) => (days.get(id) ?? '') >= c.sinceDate)
          .sort((a, b) => a - b);
        hits.push(...explainHits(q, c, ids));
      } catch (err) {
        throw new FollowthroughError(
          'match_failed',
          `matching commitment ${c.id} failed: ${errorMessage(err)}`,
          { cause: err },
        );
      }
    }
    return hits;
  } finally {
    db.exec(`DROP TABLE IF EXISTS temp.${table}`);
  }
}
