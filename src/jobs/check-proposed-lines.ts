// `extract` checks each proposed rule line against the stored history before it is shown: how many
// stored items the line catches (the real matcher over items_fts candidates, as `commitments test`),
// flagging a line that catches a lot. The whole history counts, not just what came after the
// announcement: a line's breadth shows in what it would have caught before.

import { compileCommitment } from '../match/compile-commitment.ts';
import { matchHistory } from '../match/match-history.ts';
import { historyQueries } from '../store/item-queries.ts';
import type { Db } from '../store/open-store.ts';
import { storedItemCount } from '../store/review-queries.ts';

export interface LineCheck {
  line: string;
  catches: number;
  stored: number;
  /** More than max(minBroad, broadShare of the stored items). */
  broad: boolean;
}

export const minBroad = 20;
export const broadShare = 0.02;

export function checkProposedLines(db: Db, lines: string[], timeZone: string): LineCheck[] {
  const q = historyQueries(db);
  const stored = storedItemCount(db);
  return lines.map((line) => {
    const c = compileCommitment({
      id: 'proposal',
      source: { published: '0001-01-01' },
      match: { any: [line], exclude: [] },
      fulfilment: [],
    });
    const catches = matchHistory(q, c, { timeZone }).length;
    return { line, catches, stored, broad: catches > Math.max(minBroad, stored * broadShare) };
  });
}

/** One comment line per checked line, for the proposal's YAML and the interactive review. */
export function lineCheckText(c: LineCheck): string {
  const broad = c.broad ? ' — a lot: narrow it before keeping it' : '';
  return `${c.line}: catches ${c.catches} of ${c.stored} stored items${broad}`;
}
