// What the review-tier tests share: the customs-partnership commitment with the announcement's words
// around its quote (what the review tier compares an item with), and a Home Office press release about
// small boat materials (or about what `summary` says) that no rule of it matches unless its title says
// "customs partnership".

import type { Commitment } from '../../src/commitments/commitment.ts';
import type { FeedItem } from '../../src/feeds/feed-item.ts';

export const customs: Commitment = {
  id: 'customs-partnership',
  title: 'UK and France lead a new customs partnership with the Calais Group',
  source: {
    url: 'https://www.gov.uk/government/news/calais-group',
    published: '2024-03-05',
    quote: 'The UK and France will lead a new customs partnership.',
    context: 'Customs agencies will share information to disrupt shipments of small boat materials.',
  },
  owners: ['UK', 'France'],
  graceDays: 7,
  staleDays: 90,
  match: { any: ['customs partnership'], exclude: [] },
  fulfilment: [],
};

export const pressRelease = (
  slug: string,
  title: string,
  day = '2024-05-07',
  summary = 'Officers disrupted shipments of small boat materials bound for people smugglers.',
): FeedItem => ({
  path: `/government/news/${slug}`,
  url: `https://www.gov.uk/government/news/${slug}`,
  title,
  displayType: 'Press release',
  summary,
  updatedAt: `${day}T09:30:00.000Z`,
});
