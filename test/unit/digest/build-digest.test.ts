import { describe, expect, it } from 'vitest';
import { buildDigest, sectionOrder } from '../../../src/digest/build-digest.ts';
import type { Digest, DigestSectionId } from '../../../src/digest/build-digest.ts';
import type { DigestEvidence, DigestFacts } from '../../../src/digest/digest-facts.ts';
import { HIT_END, HIT_START } from '../../../src/match/match-types.ts';
import { digestCommitment, weekFacts } from '../../support/digest-fixtures.ts';

// Week 2024-W19, built Monday 13 May 09:00 London (test/support/digest-fixtures.ts).
const commitment = digestCommitment;

function evidence(n: number, over: Partial<DigestEvidence> = {}): DigestEvidence {
  return {
    item: {
      url: `https://www.gov.uk/government/news/item-${n}`,
      title: `Item ${n}`,
      displayType: 'Press release',
      updatedAt: '2024-05-08T10:00:00Z',
    },
    kind: 'progress',
    why: {
      rule: 'customs partnership',
      hits: [
        {
          term: 'customs partnership',
          fields: ['title'],
          context: `the new ${HIT_START}customs partnership${HIT_END} begins`,
        },
      ],
    },
    matchedAt: '2024-05-08T10:15:00Z',
    ...over,
  };
}

const facts = weekFacts;

/** One commitment for every section, plus one resolved in an earlier week. */
function fullWeek(): DigestFacts {
  return facts(
    [
      commitment('quiet-one', { due: '2024-09', dueLastDay: '2024-09-30', daysToDue: 140 }),
      commitment('stale-one', {
        status: 'stale',
        daysSinceEvidence: 120,
        lastEvidence: {
          title: 'Old news',
          url: 'https://www.gov.uk/government/news/old',
          updatedAt: '2024-01-10T10:00:00Z',
        },
      }),
      commitment('met-one', {
        status: 'met',
        resolvedThisWeek: {
          status: 'met',
          at: '2024-05-09T14:00:00Z',
          actor: 'Priya',
          note: 'Signed on 9 May',
          evidenceUrl: 'https://www.gov.uk/government/news/signed',
        },
      }),
      commitment('evidence-one', {
        newEvidence: [evidence(1), evidence(2, { kind: 'possible-fulfilment' })],
      }),
      commitment('soon-one', {
        status: 'due-soon',
        due: '2024-05-20',
        dueLastDay: '2024-05-20',
        daysToDue: 7,
      }),
      commitment('late-one', {
        status: 'overdue',
        due: '2024-04',
        dueLastDay: '2024-04-30',
        daysOverdue: 13,
        daysToDue: -13,
        lastRemindedAt: '2024-05-08T08:00:00Z',
        threadUrl: 'https://example.slack.com/archives/C1/p1715000000000100',
        newEvidence: [evidence(3)],
      }),
      commitment('dropped-earlier', { status: 'dropped' }),
    ],
    {
      feeds: [
        { id: 'healthy', url: 'https://www.gov.uk/a.atom', failures: 0, dead: false },
        {
          id: 'flaky',
          url: 'https://www.gov.uk/b.atom',
          failures: 3,
          lastError: 'GET answered 503 after 3 tries',
          lastSuccessAt: '2024-05-10T09:00:00Z',
          dead: false,
        },
        {
          id: 'ended',
          url: 'https://www.gov.uk/c.atom',
          failures: 0,
          dead: true,
          deadReason: 'This feed has ended',
        },
      ],
      itemsSeen: 42,
      alertsDelivered: 5,
    },
  );
}

const idsIn = (d: Digest, section: DigestSectionId): string[] =>
  d.sections.find((s) => s.id === section)?.entries.map((e) => e.id) ?? [];

describe('buildDigest', () => {
  it('orders sections Overdue, Due soon, New evidence, Resolved, Stale, Quiet', () => {
    const d = buildDigest(fullWeek());
    expect(d.sections.map((s) => s.id)).toEqual([
      'overdue',
      'due-soon',
      'new-evidence',
      'resolved',
      'stale',
      'quiet',
    ]);
    expect(d.sections.map((s) => s.title)).toEqual([
      'Overdue',
      'Due soon',
      'New evidence this week',
      'Resolved this week',
      'Stale',
      'Quiet',
    ]);
    expect(sectionOrder).toEqual(d.sections.map((s) => s.id));
  });

  it('counts the headline', () => {
    expect(buildDigest(fullWeek()).headline).toEqual({
      watched: 7,
      open: 5,
      overdue: 1,
      dueSoon: 1,
      metThisWeek: 1,
      withNewEvidence: 2,
      newItems: 3,
      stale: 1,
    });
  });

  it('puts each commitment in at most one status section, and new evidence beside it', () => {
    const d = buildDigest(fullWeek());
    const status = sectionOrder.filter((s) => s !== 'new-evidence').flatMap((s) => idsIn(d, s));
    expect(status.sort()).toEqual(['late-one', 'met-one', 'quiet-one', 'soon-one', 'stale-one']);
    expect(idsIn(d, 'new-evidence')).toEqual(['evidence-one', 'late-one']); // a possible fulfilment sorts first
    expect(idsIn(d, 'overdue')).toEqual(['late-one']);
    // Resolved in an earlier week: in none of the sections.
    expect(d.sections.flatMap((s) => s.entries.map((e) => e.id))).not.toContain('dropped-earlier');
  });

  it('describes an overdue commitment: days overdue, due date, last reminded, last evidence, thread', () => {
    const entry = buildDigest(fullWeek()).sections[0]?.entries[0];
    expect(entry?.facts).toEqual([
      '13 days overdue',
      'due 2024-04 (by 30 Apr 2024)',
      'last reminded 8 May 2024',
      'owners: Home Office',
      'no evidence yet',
    ]);
    expect(entry?.threadUrl).toBe('https://example.slack.com/archives/C1/p1715000000000100');
    expect(entry?.bar).toEqual({ start: '2024-03-05', due: '2024-04-30', today: '2024-05-13' });
    expect(entry?.evidence).toEqual([]);
  });

  it('lists new evidence per commitment with why it matched', () => {
    const section = buildDigest(fullWeek()).sections.find((s) => s.id === 'new-evidence');
    const entry = section?.entries[0];
    expect(entry?.facts).toEqual(['2 new items', '1 possible fulfilment']);
    expect(entry?.evidence.map((e) => [e.title, e.url, e.possibleFulfilment, e.day])).toEqual([
      ['Item 1', 'https://www.gov.uk/government/news/item-1', false, '8 May 2024'],
      ['Item 2', 'https://www.gov.uk/government/news/item-2', true, '8 May 2024'],
    ]);
    expect(entry?.evidence[0]?.terms).toEqual(['customs partnership']);
    expect(entry?.evidence[0]?.contexts).toEqual([
      [
        { text: 'the new ', hit: false },
        { text: 'customs partnership', hit: true },
        { text: ' begins', hit: false },
      ],
    ]);
  });

  it('reports a resolution: who, status, note, evidence link', () => {
    const entry = buildDigest(fullWeek()).sections.find((s) => s.id === 'resolved')?.entries[0];
    expect(entry?.status).toBe('met');
    expect(entry?.facts).toEqual(['marked met by Priya on 9 May 2024']);
    expect(entry?.note).toBe('Signed on 9 May');
    expect(entry?.links).toEqual([
      {
        label: 'evidence',
        text: 'https://www.gov.uk/government/news/signed',
        url: 'https://www.gov.uk/government/news/signed',
      },
    ]);
  });

  it('handles a commitment with no due date', () => {
    const d = buildDigest(facts([commitment('frontex')]));
    const entry = d.sections.find((s) => s.id === 'quiet')?.entries[0];
    expect(entry?.facts).toEqual(['no due date', 'no evidence yet']);
    expect(entry?.bar).toEqual({ start: '2024-03-05', today: '2024-05-13' });
    expect(d.headline.dueSoon).toBe(0);
  });

  it.each([
    ['due-soon status', { status: 'due-soon' as const, dueLastDay: '2024-06-30', daysToDue: 48 }, 'due-soon'],
    ['open but due in 14 days', { dueLastDay: '2024-05-27', daysToDue: 14 }, 'due-soon'],
    ['open and due in 15 days', { dueLastDay: '2024-05-28', daysToDue: 15 }, 'quiet'],
    ['daysToDue computed when absent', { dueLastDay: '2024-05-20' }, 'due-soon'],
    [
      'in its grace days',
      { status: 'due-soon' as const, dueLastDay: '2024-05-10', daysToDue: -3 },
      'due-soon',
    ],
    ['stale', { status: 'stale' as const }, 'stale'],
    ['overdue', { status: 'overdue' as const, dueLastDay: '2024-04-30' }, 'overdue'],
  ])('%s → %s', (_name, over, section) => {
    const d = buildDigest(facts([commitment('c', over)]));
    expect(d.sections.map((s) => s.id)).toEqual([section]);
  });

  it('says "nothing new" for a week without evidence or resolutions, and omits empty sections', () => {
    const quiet = buildDigest(
      facts([commitment('a'), commitment('b', { status: 'overdue', dueLastDay: '2024-04-30' })]),
    );
    expect(quiet.nothingNew).toBe(true);
    expect(quiet.sections.map((s) => s.id)).toEqual(['overdue', 'quiet']);

    const empty = buildDigest(facts([]));
    expect(empty.nothingNew).toBe(true);
    expect(empty.sections).toEqual([]);
    expect(empty.headline.watched).toBe(0);

    expect(buildDigest(fullWeek()).nothingNew).toBe(false);
  });

  it('lists failing and dead feeds in the footer, dead first, healthy ones not at all', () => {
    const footer = buildDigest(fullWeek()).footer;
    expect(footer.feeds.map((f) => [f.id, f.dead])).toEqual([
      ['ended', true],
      ['flaky', false],
    ]);
    expect(footer.feeds[0]?.summary).toBe('dead: This feed has ended · no success yet');
    expect(footer.feeds[1]?.summary).toBe(
      '3 failures in a row · last success 10 May 2024 · last error: GET answered 503 after 3 tries',
    );
    expect([footer.itemsSeen, footer.alertsDelivered]).toEqual([42, 5]);
  });

  it('decodes feed text once and never links a non-http URL', () => {
    const d = buildDigest(
      facts([
        commitment('c', {
          newEvidence: [
            evidence(1, {
              item: {
                url: 'javascript:alert(1)',
                title: 'Fish &amp; chips\n<b>x</b>',
                displayType: null,
                updatedAt: '2024-05-08T10:00:00Z',
              },
            }),
          ],
          threadUrl: 'data:text/html,hi',
        }),
      ]),
    );
    const entry = d.sections[0]?.entries[0];
    expect(entry?.threadUrl).toBeUndefined();
    expect(entry?.evidence[0]?.url).toBeUndefined();
    expect(entry?.evidence[0]?.title).toBe('Fish & chips <b>x</b>');
  });

  it('gives the week as local days', () => {
    expect(buildDigest(fullWeek()).weekText).toBe('6 May 2024 to 12 May 2024');
    expect(buildDigest(fullWeek()).today).toBe('2024-05-13');
  });
});

describe('an item that is evidence for two commitments', () => {
  const both = () =>
    facts([
      commitment('customs', { title: 'Customs partnership', newEvidence: [evidence(1), evidence(2)] }),
      commitment('returns', {
        title: 'Returns agreement',
        threadUrl: 'https://x.slack.com/archives/C1/p2',
        newEvidence: [evidence(1)],
      }),
    ]);

  it('is one entry in New evidence, naming both; the other commitment says where it is', () => {
    const d = buildDigest(both());
    const section = d.sections.find((s) => s.id === 'new-evidence')!;
    const lines = section.entries.flatMap((e) => e.evidence.map((l) => [e.id, l.url]));
    expect(lines).toEqual([
      ['customs', 'https://www.gov.uk/government/news/item-1'],
      ['customs', 'https://www.gov.uk/government/news/item-2'],
    ]);
    const [shared] = section.entries[0]!.evidence;
    expect(shared!.alsoFor).toEqual([
      { id: 'returns', title: 'Returns agreement', threadUrl: 'https://x.slack.com/archives/C1/p2' },
    ]);
    expect(section.entries[1]!.facts).toContain('1 item listed under “Customs partnership”');
    expect(d.headline.newItems).toBe(2);
  });

  it('every renderer names both commitments on the one line', async () => {
    const { renderDigestSlack } = await import('../../../src/digest/render-slack.ts');
    const { renderDigestMarkdown } = await import('../../../src/digest/render-markdown.ts');
    const { renderDigestHtml } = await import('../../../src/digest/render-html.ts');
    const d = buildDigest(both());
    const slack = JSON.stringify(renderDigestSlack(d).map((m) => m.blocks));
    expect(slack.match(/item-1\|Item 1>/g)).toHaveLength(1);
    expect(slack).toContain('also evidence for *<https://x.slack.com/archives/C1/p2|Returns agreement>*');
    const md = renderDigestMarkdown(d);
    expect(md.match(/\[Item 1\]/g)).toHaveLength(1);
    expect(md).toContain('also evidence for **[Returns agreement](https://x.slack.com/archives/C1/p2)**');
    expect(renderDigestHtml(d).match(/>Item 1</g)).toHaveLength(1);
  });
});
