// The digest's headline, worded once for all three renderers (pure).

import type { DigestHeadline, DigestSectionId } from './build-digest.ts';
import { dueSoonHorizonDays } from './build-digest.ts';

export interface HeadlinePart {
  /** The section the count leads to, for colours and anchors. */
  key: 'watched' | 'open' | DigestSectionId | 'met';
  count: number;
  label: string;
}

export const nothingNewText = 'Nothing new this week: no new evidence and no resolutions.';

export function headlineParts(h: DigestHeadline): HeadlinePart[] {
  return [
    { key: 'watched', count: h.watched, label: 'watched' },
    { key: 'open', count: h.open, label: 'open' },
    { key: 'overdue', count: h.overdue, label: 'overdue' },
    { key: 'due-soon', count: h.dueSoon, label: `due in the next ${dueSoonHorizonDays} days` },
    { key: 'met', count: h.metThisWeek, label: 'met this week' },
    {
      key: 'new-evidence',
      count: h.withNewEvidence,
      label: `with new evidence this week (${h.newItems} ${h.newItems === 1 ? 'item' : 'items'})`,
    },
    { key: 'stale', count: h.stale, label: 'stale' },
  ];
}
