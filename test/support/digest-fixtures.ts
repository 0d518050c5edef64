// What the digest's unit tests build from: a watched commitment with nothing new, and the facts of
// week 2024-W19 (Mon 6 – Sun 12 May 2024, BST) as the digest built Monday 13 May 09:00 London sees them.

import type { DigestCommitment, DigestFacts } from '../../src/digest/digest-facts.ts';

export const digestNow = '2024-05-13T08:00:00.000Z';

export function digestCommitment(id: string, over: Partial<DigestCommitment> = {}): DigestCommitment {
  return {
    id,
    title: `Commitment ${id}`,
    status: 'open',
    owners: ['Home Office'],
    sourceUrl: 'https://www.gov.uk/government/news/calais-group',
    sourcePublished: '2024-03-05',
    newEvidence: [],
    ...over,
  };
}

export function weekFacts(commitments: DigestCommitment[], over: Partial<DigestFacts> = {}): DigestFacts {
  return {
    week: { label: '2024-W19', start: '2024-05-05T23:00:00.000Z', end: '2024-05-12T23:00:00.000Z' },
    timezone: 'Europe/London',
    channel: '#followthrough',
    now: digestNow,
    commitments,
    feeds: [],
    itemsSeen: 0,
    alertsDelivered: 0,
    ...over,
  };
}
