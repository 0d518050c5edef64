import { describe, expect, it } from 'vitest';
import type { CommitmentStatus } from '../../../src/commitments/commitment.ts';
import { buildStatusCard, cardFingerprint } from '../../../src/slack/build-card.ts';
import type { StatusCardFacts } from '../../../src/slack/alert.ts';
import { limits } from '../../../src/slack/limits.ts';

const facts = (over: Partial<StatusCardFacts> = {}, status: CommitmentStatus = 'open'): StatusCardFacts => ({
  commitment: {
    id: 'customs-partnership',
    title: 'UK and France lead a new customs partnership with the Calais Group',
    status,
    due: '2024-04',
    dueLastDay: '2024-04-30',
    owners: ['UK', 'France'],
    sourceUrl: 'https://www.gov.uk/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group',
  },
  evidenceCount: 3,
  lastEvidence: {
    title: 'Calais Group customs talks',
    url: 'https://www.gov.uk/government/news/calais-group-customs-talks',
    updatedAt: '2024-04-02T10:00:00.000Z',
  },
  asOf: '2024-05-08T09:00:00.000Z',
  ...over,
});

const allText = (m: ReturnType<typeof buildStatusCard>): string => JSON.stringify(m.blocks) + m.text;

const ctx = { timeZone: 'Europe/London' };

describe('buildStatusCard', () => {
  it('shows title, status, due date, owners, evidence, last evidence and source, with card metadata', () => {
    const card = buildStatusCard(facts(), ctx);
    const fields = (card.blocks.find((b) => b.fields)!.fields as Array<{ text: string }>).map((f) => f.text);
    expect(card.blocks[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: ':large_blue_circle: UK and France lead a new customs partnership with the Calais Group',
        emoji: true,
      },
    });
    expect(fields).toEqual([
      '*Status*\n:large_blue_circle: Open',
      '*Due*\nApril 2024 (by 30 April 2024)',
      '*Owners*\nUK, France',
      '*Evidence*\n3 items',
      '*Last evidence*\n<https://www.gov.uk/government/news/calais-group-customs-talks|Calais Group customs talks> (2 April 2024)',
      '*Source*\n<https://www.gov.uk/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group|the announcement>',
    ]);
    expect(card.metadata).toEqual({
      event_type: 'followthrough_card',
      event_payload: { commitment_id: 'customs-partnership' },
    });
    expect(card.text).toBe(
      'UK and France lead a new customs partnership with the Calais Group — status: open, due April 2024 (by 30 April 2024), 3 evidence',
    );
  });

  it.each<[CommitmentStatus, string, string]>([
    ['open', ':large_blue_circle:', 'Open'],
    ['due-soon', ':hourglass_flowing_sand:', 'Due soon'],
    ['overdue', ':red_circle:', 'Overdue'],
    ['stale', ':zzz:', 'Stale'],
    ['met', ':white_check_mark:', 'Met'],
    ['partly-met', ':large_yellow_circle:', 'Partly met'],
    ['dropped', ':x:', 'Dropped'],
    ['superseded', ':arrows_counterclockwise:', 'Superseded'],
  ])('status %s has its emoji and its words', (status, emoji, words) => {
    const card = buildStatusCard(facts({}, status), ctx);
    expect((card.blocks[0]!.text as { text: string }).text.startsWith(`${emoji} `)).toBe(true);
    expect(allText(card)).toContain(`*Status*\\n${emoji} ${words}`);
  });

  it('shows a short quote and leaves out a long one; says when reminders are snoozed', () => {
    expect(
      allText(
        buildStatusCard(facts({ quote: 'The UK and France will lead a new customs partnership.' }), ctx),
      ),
    ).toContain('> The UK and France will lead');
    expect(allText(buildStatusCard(facts({ quote: 'x'.repeat(400) }), ctx))).not.toContain('xxxx');
    expect(allText(buildStatusCard(facts({ snoozedUntil: '2024-06-01T00:00:00.000Z' }), ctx))).toContain(
      'Reminders snoozed until 1 June 2024',
    );
    expect(allText(buildStatusCard(facts({ lastEvidence: undefined as never }), ctx))).toContain(
      '*Last evidence*\\nnone yet',
    );
  });

  it('escapes feed text in the last evidence and keeps a 10,000-character title within limits', () => {
    const huge = '<!channel> & '.repeat(800);
    const card = buildStatusCard(
      facts({
        commitment: { ...facts().commitment, title: huge },
        lastEvidence: {
          title: '<!channel> &amp; <@U1>',
          url: 'https://www.gov.uk/a',
          updatedAt: '2024-04-02T10:00:00.000Z',
        },
      }),
      ctx,
    );
    const text = allText(card);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U1>');
    expect(text).toContain('|&lt;!channel&gt; &amp; &lt;@U1&gt;>');
    expect((card.blocks[0]!.text as { text: string }).text.length).toBeLessThanOrEqual(limits.headerText);
    expect(JSON.stringify(card.blocks).length + card.text.length).toBeLessThanOrEqual(limits.messageTotal);
    expect(card.text.length).toBeLessThanOrEqual(limits.messageText);
  });
});

describe('the status card with the Slack app', () => {
  const interactive = { timeZone: 'Europe/London', interactive: true };
  const buttons = (card: ReturnType<typeof buildStatusCard>) =>
    card.blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => (b.elements as Array<{ action_id: string; value: string }>).map((e) => e.action_id));

  it.each<[CommitmentStatus, string[]]>([
    ['open', ['followthrough_resolve', 'followthrough_snooze']],
    ['overdue', ['followthrough_resolve', 'followthrough_snooze']],
    ['met', ['followthrough_reopen']],
    ['dropped', ['followthrough_reopen']],
  ])('%s: %j', (status, expected) => {
    expect(buttons(buildStatusCard(facts({}, status), interactive))).toEqual(expected);
    expect(buttons(buildStatusCard(facts({}, status), ctx))).toEqual([]);
  });

  it('no due date: nothing to snooze', () => {
    const noDue = facts({ commitment: { ...facts().commitment, due: undefined, dueLastDay: undefined } });
    expect(buttons(buildStatusCard(noDue, interactive))).toEqual(['followthrough_resolve']);
  });

  it('the fingerprint changes with what the card shows, not with the day it was built', () => {
    const base = cardFingerprint(facts(), ctx);
    expect(cardFingerprint(facts({ asOf: '2025-01-01T00:00:00.000Z' }), ctx)).toBe(base);
    for (const changed of [
      facts({ evidenceCount: 4 }),
      facts({
        lastEvidence: { title: 'Newer', url: 'https://www.gov.uk/n', updatedAt: '2024-05-01T10:00:00.000Z' },
      }),
      facts({ snoozedUntil: '2024-06-01T00:00:00.000Z' }),
      facts({}, 'overdue'),
    ])
      expect(cardFingerprint(changed, ctx)).not.toBe(base);
    expect(cardFingerprint(facts(), interactive)).not.toBe(base);
  });
});
