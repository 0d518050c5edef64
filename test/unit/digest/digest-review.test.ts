// The digest's "For review": per commitment, the week's review items not judged yet, each with why it
// was raised in words; rendered after the status sections by all three renderers, feed text escaped.

import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../src/digest/build-digest.ts';
import type { DigestCommitment, DigestFacts, DigestReviewItem } from '../../../src/digest/digest-facts.ts';
import { reviewReasonParts } from '../../../src/digest/digest-review.ts';
import { renderDigestHtml } from '../../../src/digest/render-html.ts';
import { renderDigestMarkdown } from '../../../src/digest/render-markdown.ts';
import { renderDigestSlack } from '../../../src/digest/render-slack.ts';
import { digestCommitment, weekFacts } from '../../support/digest-fixtures.ts';

const thread = 'https://example.slack.com/archives/C1/p1715000000000100';

const commitment = (id: string, over: Partial<DigestCommitment> = {}): DigestCommitment =>
  digestCommitment(id, { owners: [], ...over });

function review(slug: string, title: string, over: Partial<DigestReviewItem> = {}): DigestReviewItem {
  return {
    item: {
      url: `https://www.gov.uk/government/news/${slug}`,
      title,
      displayType: 'National Crime Agency',
      updatedAt: '2024-05-08T10:00:00Z',
    },
    why: {
      rule: '',
      hits: [],
      review: { basis: 'commitment', mechanism: ['shipments', 'materials'], topic: ['small boat'] },
    },
    raisedAt: '2024-05-08T10:15:00Z',
    ...over,
  };
}

const facts = (commitments: DigestCommitment[]): DigestFacts =>
  weekFacts(commitments, { itemsSeen: 3, alertsDelivered: 1 });

const week = facts([
  commitment('quiet'),
  commitment('customs', {
    threadUrl: thread,
    forReview: [
      review('seizure', 'Boat <b>materials</b> seized & shipments stopped'),
      review('engines', 'Engines intercepted', {
        why: {
          rule: '',
          hits: [],
          review: {
            basis: 'evidence',
            mechanism: ['engines'],
            topic: [],
            like: { itemId: 4, title: 'Engines seized at Dover', words: ['engines', 'intercepted'] },
          },
        },
      }),
    ],
  }),
  commitment('empty', { forReview: [] }),
]);

describe('For review in the digest', () => {
  it('lists the week’s review items per commitment, each with its reason in words', () => {
    const d = buildDigest(week);
    expect(d.forReview?.title).toBe('For review');
    expect(d.forReview?.entries.map((e) => [e.id, e.fact, e.threadUrl])).toEqual([
      ['customs', '2 items to judge in its thread', thread],
    ]);
    const [first, second] = d.forReview!.entries[0]!.items;
    expect(first).toMatchObject({
      title: 'Boat <b>materials</b> seized & shipments stopped',
      url: 'https://www.gov.uk/government/news/seizure',
      publisher: 'National Crime Agency',
      day: '8 May 2024',
    });
    expect(first!.reason.map((p) => p.text).join('')).toBe(
      'shares shipments, materials with the commitment, about small boat',
    );
    expect(first!.reason.filter((p) => p.hit).map((p) => p.text)).toEqual([
      'shipments',
      'materials',
      'small boat',
    ]);
    expect(second!.reason.map((p) => p.text).join('')).toBe(
      'shares engines, intercepted with evidence a person confirmed: “Engines seized at Dover”',
    );
    // Review items are not evidence: no headline figure and no status section changes.
    expect(d.headline.newItems).toBe(0);
    expect(d.nothingNew).toBe(true);
    expect(d.sections.map((s) => s.id)).toEqual(['quiet']);
  });

  it('is absent when nothing waits for a verdict', () => {
    expect(
      buildDigest(facts([commitment('a'), commitment('b', { forReview: [] })])).forReview,
    ).toBeUndefined();
  });

  it('words a rule that matched only the page body', () => {
    const parts = reviewReasonParts({
      rule: 'customs AND shipments',
      hits: [{ term: 'customs', fields: ['body'], context: '' }],
    });
    expect(parts.map((p) => p.text).join('')).toBe(
      'the rule customs AND shipments matched only the page body (customs)',
    );
  });

  it('renders it in Slack, Markdown and HTML after the status sections, feed text escaped', () => {
    const d = buildDigest(week);
    const slack = renderDigestSlack(d)
      .flatMap((m) => m.blocks.map((b) => (b.text as { text: string } | undefined)?.text ?? ''))
      .join('\n');
    expect(slack).toContain('*For review* (1)');
    expect(slack).toContain(`• *<${thread}|Commitment customs>*: 2 items to judge in its thread`);
    expect(slack).toContain(
      '◦ <https://www.gov.uk/government/news/seizure|Boat &lt;b&gt;materials&lt;/b&gt; seized &amp; shipments stopped>' +
        ' (National Crime Agency, 8 May 2024) · shares *shipments*, *materials* with the commitment, about *small boat*',
    );
    expect(slack.indexOf('*Quiet*')).toBeLessThan(slack.indexOf('*For review*'));
    expect(slack.indexOf('*For review*')).toBeLessThan(slack.indexOf('*Feeds and delivery*'));

    const md = renderDigestMarkdown(d);
    expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Quiet (3)', 'For review (1)']);
    expect(md).toContain(`- **[Commitment customs](${thread})**: 2 items to judge in its thread`);
    expect(md).toContain(
      '  - [Boat &lt;b&gt;materials&lt;/b&gt; seized &amp; shipments stopped](https://www.gov.uk/government/news/seizure)' +
        ' (National Crime Agency, 8 May 2024): shares **shipments**, **materials** with the commitment, about **small boat**',
    );

    const html = renderDigestHtml(d);
    expect([...html.matchAll(/<h2 id="([a-z-]+)"/g)].map((m) => m[1])).toEqual(['quiet', 'for-review']);
    expect(html).toContain('Boat &lt;b&gt;materials&lt;/b&gt; seized &amp; shipments stopped');
    expect(html).not.toContain('<b>materials');
    expect(html.match(/<li class="review"/g)).toHaveLength(2);
  });
});
