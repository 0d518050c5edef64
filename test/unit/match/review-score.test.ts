import { describe, expect, it } from 'vitest';
import {
  buildProfiles,
  type ReviewCommitment,
  type ReviewExample,
} from '../../../src/match/review-profile.ts';
import { indexProfiles, scoreReviews } from '../../../src/match/review-score.ts';

const stats = { docs: 0, df: () => 0 };
const source = 'https://www.gov.uk/government/news/calais';
const customs: ReviewCommitment = {
  id: 'customs',
  title: 'UK and France lead a new customs partnership with the Calais Group',
  quote: 'The UK and France will lead a new customs partnership.',
  context: 'Customs agencies will share information to disrupt shipments of small boat materials.',
  sourceUrl: source,
  sinceDate: '2024-03-05',
  sourceKey: '/announcement',
  announcementTitle: 'New measures to tackle small boats agreed by Calais Group',
  ruleTerms: ['customs partnership', 'engines', 'supplier*'],
};
const social: ReviewCommitment = {
  id: 'social',
  title: 'Step up work with social media companies against people-smuggling networks online',
  quote: 'step up work with social media companies to tackle online activity by people smuggling networks',
  sourceUrl: source,
  sinceDate: '2024-03-05',
  ruleTerms: ['social media', 'advert*'],
};
const at = (day: string) => `${day}T09:30:00.000Z`;
const raised = (
  title: string,
  summary: string,
  day = '2024-06-01',
  examples = new Map<string, ReviewExample[]>(),
) =>
  scoreReviews(
    [{ id: 1, title, summary, updatedAt: at(day) }],
    indexProfiles(buildProfiles([customs, social], stats, examples)),
    { timeZone: 'Europe/London' },
  ).map((c) => c.commitmentId);

describe('scoreReviews', () => {
  it.each<[string, string, string[]]>([
    [
      'Suppliers warned: boat engines bound for smugglers',
      'Shipments of small boat materials were disrupted.',
      ['customs'],
    ],
    [
      'Smugglers advertising crossings on social media',
      'Accounts advertising small boat crossings removed.',
      ['social'],
    ],
    // Topic only: small boats and the Channel are what the whole announcement is about.
    ['Migrants detected crossing the English Channel in small boats', 'Daily figures on small boats.', []],
    // Mechanism words without the topic need a third idea.
    ['Cocaine seized in banana shipment', 'Border Force disrupted a shipment at Southampton.', []],
  ])('%j', (title, summary, expected) => {
    expect(raised(title, summary)).toEqual(expected);
  });

  it('never raises an item from before the announcement, nor the announcement itself', () => {
    expect(
      raised(
        'Suppliers warned: boat engines bound for smugglers',
        'Shipments of small boat materials.',
        '2024-03-04',
      ),
    ).toEqual([]);
    const ix = indexProfiles(buildProfiles([customs], stats));
    const own = {
      id: 2,
      title: 'Customs partnership: small boat materials',
      summary: 'Customs partnership.',
      updatedAt: at('2024-03-05'),
      key: '/announcement',
    };
    expect(scoreReviews([own], ix, { timeZone: 'Europe/London' })).toEqual([]);
  });

  it('learns words that recur in confirmed evidence, and says so', () => {
    const evidence = (itemId: number, title: string): ReviewExample => ({
      itemId,
      title,
      summary: '',
      verdict: 'evidence',
    });
    const examples = new Map([
      [
        'customs',
        [
          evidence(10, 'Bulgarian seizure of outboard motors'),
          evidence(11, 'Outboard motors seized in Germany'),
        ],
      ],
    ]);
    const c = scoreReviews(
      [
        {
          id: 3,
          title: 'Outboard motors stopped at the border',
          summary: 'Customs officers stopped the motors.',
          updatedAt: at('2024-06-01'),
        },
      ],
      indexProfiles(buildProfiles([customs], stats, examples)),
      { timeZone: 'Europe/London' },
    );
    expect(c).toHaveLength(1);
    expect(c[0]!.reason.basis).toBe('evidence');
    expect(c[0]!.reason.like?.words).toEqual(expect.arrayContaining(['outboard', 'motors']));
  });

  it('does not raise an item more like one a person rejected', () => {
    const title = 'Suppliers of boat engines jailed';
    const summary = 'Shipments of small boat materials: a supplier jailed.';
    const rejected = new Map([['customs', [{ itemId: 9, title, summary, verdict: 'not-related' as const }]]]);
    expect(raised(title, summary)).toEqual(['customs']);
    expect(raised(title, summary, '2024-06-01', rejected)).toEqual([]);
  });

  it('needs a word of the mechanism: neither a name recurring in evidence nor the topic’s own actors will do', () => {
    // Two commitments of one announcement about smuggling: "smuggling" is its topic.
    const online: ReviewCommitment = {
      id: 'online',
      title: 'Step up work with social media companies against people smuggling networks',
      quote:
        'step up work with social media companies to tackle online activity by people smuggling networks',
      sourceUrl: source,
      sinceDate: '2024-03-05',
      ruleTerms: ['social media', 'online', 'smuggl*'],
    };
    const frontex: ReviewCommitment = {
      id: 'frontex',
      title: 'Operationalise the Frontex deal against smuggling gangs',
      quote: 'exchange information with Frontex to take on the people smuggling gangs',
      sourceUrl: source,
      sinceDate: '2024-03-05',
      ruleTerms: ['Frontex', 'smuggl*'],
    };
    const evidence = (itemId: number, title: string, summary: string): ReviewExample => ({
      itemId,
      title,
      summary,
      verdict: 'evidence',
    });
    // The agency that published both confirmed items is named in both, always as a name.
    const examples = new Map([
      [
        'online',
        [
          evidence(
            20,
            'NCA leads blitz on smugglers’ social media accounts',
            'The NCA had accounts removed.',
          ),
          evidence(
            21,
            'Four arrested in joint NCA operation targeting Facebook smugglers',
            'NCA officers arrested four.',
          ),
        ],
      ],
    ]);
    const ix = indexProfiles(buildProfiles([online, frontex], stats, examples));
    const score = (title: string, summary: string) =>
      scoreReviews([{ id: 5, title, summary, updatedAt: at('2025-01-15') }], ix, {
        timeZone: 'Europe/London',
      }).map((c) => c.commitmentId);
    expect(
      score(
        'Three arrested as NCA targets UK-linked people smuggling networks',
        'NCA officers and partners arrested three suspected members of people smuggling networks.',
      ),
    ).toEqual([]);
    // A word of the mechanism (online adverts) and the same agency: raised.
    expect(
      score(
        'NCA targets online adverts of people smuggling networks',
        'Officers had online adverts for crossings taken down.',
      ),
    ).toEqual(['online']);
  });
});
