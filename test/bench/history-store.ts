// Builds the stores the history benchmarks measure: a commitments file of N commitments, and a
// database grown to a given number of items, one in ten of them evidence for some commitment.
// Deterministic: the same workload every run.

import { writeFileSync } from 'node:fs';
import type { FeedItem } from '../../src/feeds/feed-item.ts';
import { upsertItems } from '../../src/store/items-table.ts';
import { recordMatch } from '../../src/store/matches-table.ts';
import type { Db } from '../../src/store/open-store.ts';

const words = (
  'customs partnership small boat engines supply chain smugglers France Germany Belgium Frontex agreement ' +
  'intelligence border force asylum returns legislation housing schools hospitals energy defence trade visas'
).split(' ');

/** `n` commitments, a third without a due date, the rest due over the next two years. */
export function commitmentsYaml(n: number): string {
  const lines = ['commitments:'];
  for (let i = 0; i < n; i++) {
    const a = words[i % words.length]!;
    const b = words[(i * 7 + 3) % words.length]!;
    lines.push(
      `  - id: c-${i}`,
      `    title: Commitment ${i} on ${a} and ${b}`,
      '    source:',
      `      url: https://www.gov.uk/government/news/announcement-${i}`,
      '      published: 2024-03-05',
      `      quote: We will act on ${a} and ${b}, commitment ${i}.`,
      '    owners: [Home Office]',
      ...(i % 3 === 0 ? [] : [`    due: ${2025 + (i % 2)}-${String((i % 12) + 1).padStart(2, '0')}`]),
      '    match:',
      `      any: ["zq${i.toString(36)} AND ${a}"]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function writeCommitments(file: string, n: number): void {
  writeFileSync(file, commitmentsYaml(n));
}

function item(i: number): FeedItem {
  return {
    path: `/government/news/bench-item-${i}`,
    url: `https://www.gov.uk/government/news/bench-item-${i}`,
    title: `${words[i % words.length]} ${words[(i * 3) % words.length]} update ${i}`,
    displayType: 'News story',
    summary: `${words[(i * 5) % words.length]} and ${words[(i * 11) % words.length]} news.`,
    updatedAt: new Date(Date.parse('2024-03-06T00:00:00Z') + i * 60_000).toISOString(),
  };
}

/** Grows the store from `from` to `to` items; every tenth is evidence for commitment `i % commitments`. */
export function growItems(db: Db, from: number, to: number, commitments: number): void {
  const now = '2024-06-01T00:00:00.000Z';
  for (let start = from; start < to; start += 10_000) {
    const end = Math.min(to, start + 10_000);
    db.transaction(() => {
      const batch = Array.from({ length: end - start }, (_, k) => item(start + k));
      const { inserted } = upsertItems(db, 'home-office', batch, now, 'baseline');
      db.prepare(`UPDATE items SET match_pending = 0 WHERE id >= ? AND id <= ?`).run(
        inserted[0],
        inserted.at(-1),
      );
      inserted.forEach((id, k) => {
        if ((start + k) % 10 !== 0) return;
        const commitmentId = `c-${((start + k) / 10) % commitments}`;
        recordMatch(
          db,
          { commitmentId, itemId: id, kind: 'progress', score: 1, why: { rule: '', hits: [] } },
          now,
          'baseline',
        );
      });
    })();
  }
}
