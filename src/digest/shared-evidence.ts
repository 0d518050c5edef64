// An item that is evidence for several commitments is listed once in New evidence (pure): under the
// first commitment in the section's order, naming the others ("also evidence for …"); each later
// commitment says how many of its new items are listed under another, so every count still adds up.

import type { DigestEntry } from './build-digest.ts';
import { plural } from './digest-text.ts';

export function listSharedOnce(entries: DigestEntry[]): DigestEntry[] {
  const firstAt = new Map<string, { entry: DigestEntry; line: DigestEntry['evidence'][number] }>();
  const keyOf = (line: DigestEntry['evidence'][number]) => line.url ?? line.title;
  for (const entry of entries)
    for (const line of entry.evidence)
      if (!firstAt.has(keyOf(line))) firstAt.set(keyOf(line), { entry, line });
  return entries.map((entry) => {
    const kept: DigestEntry['evidence'] = [];
    const elsewhere = new Map<string, number>();
    for (const line of entry.evidence) {
      const first = firstAt.get(keyOf(line))!;
      if (first.entry === entry) {
        kept.push(line);
        continue;
      }
      const also = first.line.alsoFor ?? [];
      if (!also.some((a) => a.id === entry.id))
        first.line.alsoFor = [
          ...also,
          { id: entry.id, title: entry.title, ...(entry.threadUrl ? { threadUrl: entry.threadUrl } : {}) },
        ];
      elsewhere.set(first.entry.title, (elsewhere.get(first.entry.title) ?? 0) + 1);
    }
    if (elsewhere.size === 0) return entry;
    const notes = [...elsewhere].map(([title, n]) => `${plural(n, 'item')} listed under “${title}”`);
    return { ...entry, facts: [...entry.facts, ...notes], evidence: kept };
  });
}
