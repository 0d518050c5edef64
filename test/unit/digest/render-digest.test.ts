import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../src/digest/build-digest.ts';
import type { Digest } from '../../../src/digest/build-digest.ts';
import type { DigestCommitment, DigestEvidence, DigestFacts } from '../../../src/digest/digest-facts.ts';
import { renderDigestHtml } from '../../../src/digest/render-html.ts';
import { renderDigestMarkdown } from '../../../src/digest/render-markdown.ts';
import { renderDigestSlack } from '../../../src/digest/render-slack.ts';
import { HIT_END, HIT_START } from '../../../src/match/match-types.ts';
import type { SlackMessage } from '../../../src/slack/alert.ts';
import { limits } from '../../../src/slack/limits.ts';
import { digestCommitment, weekFacts } from '../../support/digest-fixtures.ts';

const thread = 'https://example.slack.com/archives/C0123/p1715000000000100';

const commitment = digestCommitment;

function evidence(
  n: number,
  over: { title?: string; context?: string; kind?: DigestEvidence['kind'] } = {},
): DigestEvidence {
  return {
    item: {
      url: `https://www.gov.uk/government/news/item-${n}`,
      title: over.title ?? `Home Office update number ${n}`,
      displayType: 'Press release',
      updatedAt: '2024-05-08T10:00:00Z',
    },
    kind: over.kind ?? 'progress',
    why: {
      rule: '"customs partnership" AND France',
      hits: [
        {
          term: 'customs partnership',
          fields: ['summary'],
          context:
            over.context ??
            `UK and France launch the ${HIT_START}customs partnership${HIT_END} agreed in March`,
        },
      ],
    },
    matchedAt: '2024-05-08T10:15:00Z',
  };
}

const facts = (commitments: DigestCommitment[], over: Partial<DigestFacts> = {}): DigestFacts =>
  weekFacts(commitments, { itemsSeen: 120, alertsDelivered: 9, ...over });

function everySection(): DigestFacts {
  return facts(
    [
      commitment('late', {
        status: 'overdue',
        due: '2024-04',
        dueLastDay: '2024-04-30',
        daysOverdue: 13,
        threadUrl: thread,
        newEvidence: [evidence(1)],
      }),
      commitment('soon', { status: 'due-soon', due: '2024-05-20', dueLastDay: '2024-05-20', daysToDue: 7 }),
      commitment('done', {
        status: 'met',
        resolvedThisWeek: {
          status: 'met',
          at: '2024-05-09T10:00:00Z',
          actor: 'Priya',
          note: 'Signed',
          evidenceUrl: 'https://www.gov.uk/government/news/signed',
        },
      }),
      commitment('old', { status: 'stale', daysSinceEvidence: 100 }),
      commitment('calm'),
    ],
    {
      feeds: [
        {
          id: 'nca',
          url: 'https://www.gov.uk/nca.atom',
          failures: 4,
          lastError: 'GET answered 503',
          dead: false,
        },
      ],
    },
  );
}

/** Everything Slack would display, for searching. */
function slackText(messages: SlackMessage[]): string {
  return JSON.stringify(messages.map((m) => [m.text, m.blocks]));
}

function expectWithinSlackLimits(m: SlackMessage): void {
  expect(m.blocks.length).toBeLessThanOrEqual(limits.blocksPerMessage);
  expect(JSON.stringify(m.blocks).length + m.text.length).toBeLessThanOrEqual(limits.messageTotal);
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(limits.messageText);
  for (const block of m.blocks) {
    const text = block.text as { text: string } | undefined;
    if (block.type === 'section') expect(text?.text.length).toBeLessThanOrEqual(limits.sectionText);
    if (block.type === 'header') expect(text?.text.length).toBeLessThanOrEqual(limits.headerText);
    if (block.type === 'context') {
      const elements = block.elements as Array<{ text: string }>;
      expect(elements.length).toBeLessThanOrEqual(limits.contextElements);
      for (const e of elements) expect(e.text.length).toBeLessThanOrEqual(limits.sectionText);
    }
  }
}

/** How often each `item-N` link appears across the messages. */
function itemLinkCounts(messages: SlackMessage[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of messages) {
    for (const block of m.blocks) {
      const text = (block.text as { text?: string } | undefined)?.text ?? '';
      for (const match of text.matchAll(/<https:\/\/www\.gov\.uk\/government\/news\/item-(\d+)\|/g)) {
        const n = Number(match[1]);
        counts.set(n, (counts.get(n) ?? 0) + 1);
      }
    }
  }
  return counts;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('renderDigestSlack', () => {
  it('fits a small digest in one message with the headline, every section and the metadata', () => {
    const messages = renderDigestSlack(buildDigest(everySection()));
    expect(messages).toHaveLength(1);
    const [parent] = messages as [SlackMessage];
    expectWithinSlackLimits(parent);
    expect(parent.metadata).toEqual({
      event_type: 'followthrough_digest',
      event_payload: { week: '2024-W19', channel: '#followthrough', part: 1, parts: 1 },
    });
    expect(parent.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Weekly digest · 2024-W19' },
    });
    const all = slackText(messages);
    for (const heading of [
      '*Overdue* (1)',
      '*Due soon* (1)',
      '*New evidence this week* (1)',
      '*Resolved this week* (1)',
      '*Stale* (1)',
      '*Quiet* (1)',
      '*Feeds and delivery*',
    ]) {
      expect(all).toContain(heading);
    }
    expect(all.indexOf('*Overdue*')).toBeLessThan(all.indexOf('*Due soon*'));
    expect(all.indexOf('*Stale*')).toBeLessThan(all.indexOf('*Quiet*'));
    expect(all).toContain(`<${thread}|Commitment late>`);
    expect(all).toContain('*1* overdue');
    expect(all).toContain('*nca* (failing)');
    expect(all).not.toContain('Continued in the thread');
  });

  it('says so when nothing happened this week', () => {
    const all = slackText(renderDigestSlack(buildDigest(facts([]))));
    expect(all).toContain('Nothing new this week');
  });

  it.each([
    [
      'one commitment with 100 items',
      () => [commitment('big', { newEvidence: range(100).map((n) => evidence(n)) })],
    ],
    [
      '20 commitments with 5 items each',
      () =>
        range(20).map((c) =>
          commitment(`c${c}`, { newEvidence: range(5).map((i) => evidence((c - 1) * 5 + i)) }),
        ),
    ],
    [
      '100 items with long titles and contexts',
      () => [
        commitment('wordy', {
          newEvidence: range(100).map((n) =>
            evidence(n, {
              title: `Title ${n} ${'word '.repeat(55)}`,
              context: `${'before '.repeat(80)}${HIT_START}customs partnership${HIT_END}${' after'.repeat(80)}`,
            }),
          ),
        }),
      ],
    ],
  ])('splits a week with %s across messages, each within limits, every item exactly once', (_name, make) => {
    const messages = renderDigestSlack(
      buildDigest(
        facts([
          commitment('late', { status: 'overdue', dueLastDay: '2024-04-30', daysOverdue: 13 }),
          ...make(),
        ]),
      ),
    );
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach((m, i) => {
      expectWithinSlackLimits(m);
      expect(m.metadata).toEqual({
        event_type: 'followthrough_digest',
        event_payload: { week: '2024-W19', channel: '#followthrough', part: i + 1, parts: messages.length },
      });
    });
    const counts = itemLinkCounts(messages);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(range(100));
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    // The parent keeps the headline and the whole sections that fit, and points at the thread.
    const parent = slackText(messages.slice(0, 1));
    expect(parent).toContain('(100 items)');
    expect(parent).toContain('*Overdue* (1)');
    expect(parent).toContain('Continued in the thread');
    expect(slackText(messages.slice(1))).toContain('*New evidence this week*');
    expect(slackText(messages.slice(1))).toContain('*Feeds and delivery*');
    // Replies are labelled with their part.
    expect(messages[1]?.text).toBe(`Weekly digest 2024-W19, part 2 of ${messages.length}`);
  });

  it('marks a section that continues into the next reply', () => {
    const messages = renderDigestSlack(
      buildDigest(facts([commitment('big', { newEvidence: range(100).map((n) => evidence(n)) })])),
    );
    expect(messages.length).toBeGreaterThan(2);
    expect(slackText(messages.slice(2))).toContain('*New evidence this week* (1) (continued)');
  });

  it('shortens only a single over-long feed title, with an ellipsis', () => {
    const long = `Long ${'x'.repeat(5000)}`;
    const messages = renderDigestSlack(
      buildDigest(facts([commitment('c', { newEvidence: [evidence(1, { title: long }), evidence(2)] })])),
    );
    expect(messages).toHaveLength(1);
    messages.forEach(expectWithinSlackLimits);
    const all = slackText(messages);
    expect(all).toMatch(/<https:\/\/www\.gov\.uk\/government\/news\/item-1\|Long x+…>/);
    expect(all).not.toContain('x'.repeat(300));
    expect(all).toContain('<https://www.gov.uk/government/news/item-2|Home Office update number 2>');
  });
});

describe('escaping feed text in every renderer', () => {
  const hostile = facts(
    [
      commitment('c', {
        title: 'Commitment <b>one</b>',
        status: 'met',
        resolvedThisWeek: {
          status: 'met',
          at: '2024-05-09T10:00:00Z',
          actor: '<@U123>',
          note: 'see <!here> & <script>alert(2)</script>',
        },
        newEvidence: [
          evidence(1, {
            title:
              '<!channel> <script>alert(1)</script> Fish &amp; chips [click](javascript:alert(3)) <https://evil.example|gov.uk>',
            context: `ignore <!channel> the ${HIT_START}customs partnership${HIT_END} &amp; <script>x</script>`,
          }),
        ],
      }),
    ],
    {
      feeds: [
        {
          id: 'f',
          url: 'https://www.gov.uk/f.atom',
          failures: 1,
          lastError: '<!everyone> <html><script>',
          dead: false,
        },
      ],
    },
  );
  const digest = buildDigest(hostile);

  it('Slack: control characters escaped once, hits in bold', () => {
    const all = slackText(renderDigestSlack(digest));
    for (const live of [
      '<!channel>',
      '<!here>',
      '<!everyone>',
      '<@U123>',
      '<script>',
      '<https://evil.example|',
      '<b>',
    ])
      expect(all).not.toContain(live);
    expect(all).toContain('&lt;!channel&gt; &lt;script&gt;alert(1)&lt;/script&gt; Fish &amp; chips');
    expect(all).toContain('see &lt;!here&gt; &amp; &lt;script&gt;');
    expect(all).toContain('&lt;@U123&gt;');
    expect(all).not.toContain('&amp;amp;');
    expect(all).toContain('*customs partnership* &amp; &lt;script&gt;x&lt;/script&gt;');
    expect(all).not.toMatch(/[\uE000\uE001]/);
  });

  it('Markdown: no inline HTML, no injected links, hits in bold', () => {
    const text = renderDigestMarkdown(digest);
    for (const live of ['<!channel>', '<script', '<b>', '<!here>', '<!everyone>'])
      expect(text).not.toContain(live);
    expect(text).toContain('&lt;!channel&gt; &lt;script&gt;alert(1)&lt;/script&gt; Fish &amp; chips');
    expect(text).toContain('\\[click\\](javascript:alert(3))');
    expect(text).not.toMatch(/[^\\]\]\(javascript:/);
    expect(text).not.toContain('&amp;amp;');
    expect(text).toContain('**customs partnership** &amp; &lt;script&gt;x&lt;/script&gt;');
    expect(text).not.toMatch(/[\uE000\uE001]/);
  });

  it('HTML: all text escaped, no script element, hits marked', () => {
    const html = renderDigestHtml(digest);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<b>/);
    expect(html).toContain('&lt;!channel&gt; &lt;script&gt;alert(1)&lt;/script&gt; Fish &amp; chips');
    expect(html).toContain('see &lt;!here&gt; &amp; &lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&lt;!everyone&gt; &lt;html&gt;&lt;script&gt;');
    expect(html).not.toContain('&amp;amp;');
    expect(html).toMatch(/<mark [^>]*>customs partnership<\/mark> &amp; &lt;script&gt;x&lt;\/script&gt;/);
    expect(html).not.toMatch(/[\uE000\uE001]/);
  });

  it('never links a javascript: URL', () => {
    const d = buildDigest(
      facts([
        commitment('c', {
          threadUrl: 'javascript:alert(1)',
          newEvidence: [{ ...evidence(1), item: { ...evidence(1).item, url: 'javascript:alert(2)' } }],
        }),
      ]),
    );
    expect(renderDigestHtml(d)).not.toContain('href="javascript');
    expect(renderDigestMarkdown(d)).not.toContain('](javascript');
    expect(slackText(renderDigestSlack(d))).not.toContain('<javascript');
  });
});

describe('renderDigestMarkdown', () => {
  it('writes the headline, the sections in order and the footer', () => {
    const text = renderDigestMarkdown(buildDigest(everySection()));
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'Overdue (1)',
      'Due soon (1)',
      'New evidence this week (1)',
      'Resolved this week (1)',
      'Stale (1)',
      'Quiet (1)',
    ]);
    expect(text.startsWith('# Weekly digest: 2024-W19\n')).toBe(true);
    expect(text).toContain(
      '**5** watched · **4** open · **1** overdue · **1** due in the next 14 days · **1** met this week',
    );
    expect(text).toContain(`- **[Commitment late](${thread})** (overdue): 13 days overdue`);
    expect(text).toContain(
      '  - [Home Office update number 1](https://www.gov.uk/government/news/item-1) (Press release, 8 May 2024)',
    );
    expect(text).toContain('  > Signed');
    expect(text).toContain('- nca (https://www.gov.uk/nca.atom): 4 failures in a row');
    expect(text).toContain('Items seen this week: 120 · Alerts delivered: 9');
    expect(text).not.toContain('Nothing new this week');
  });

  it('says so when nothing happened this week', () => {
    const text = renderDigestMarkdown(buildDigest(facts([commitment('calm')])));
    expect(text).toContain('_Nothing new this week: no new evidence and no resolutions._');
    expect([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Quiet (1)']);
  });
});

describe('renderDigestHtml', () => {
  const html = (d: Digest): string => renderDigestHtml(d);

  it('is one self-contained page: no scripts, no external assets', () => {
    const page = html(buildDigest(everySection()));
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const banned of [/<script/i, /\ssrc=/i, /<link/i, /url\(/i, /@import/i, /<style/i])
      expect(page).not.toMatch(banned);
  });

  it('has a heading per section, in order, and links', () => {
    const page = html(buildDigest(everySection()));
    const ids = [...page.matchAll(/<h2 id="([a-z-]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['overdue', 'due-soon', 'new-evidence', 'resolved', 'stale', 'quiet', 'feeds']);
    expect(page).toContain(`href="${thread}"`);
    expect(page).toContain('href="https://www.gov.uk/government/news/item-1"');
    expect(page).toContain('href="https://www.gov.uk/government/news/signed"');
  });

  it.each([
    [
      'overdue: the overrun past the due date, today at the end',
      commitment('c', { status: 'overdue', dueLastDay: '2024-04-30' }),
      ['bar-planned', 'bar-overrun', 'bar-today'],
      [],
    ],
    [
      'not yet due: elapsed, today, remaining',
      commitment('c', { status: 'due-soon', dueLastDay: '2024-05-20' }),
      ['bar-elapsed', 'bar-today', 'bar-remaining'],
      ['bar-overrun'],
    ],
    ['no due date: a plain bar', commitment('c'), ['bar-none'], ['bar-today', 'bar-elapsed']],
  ])('draws the bar for %s', (_name, c, present, absent) => {
    const page = html(buildDigest(facts([c])));
    const bar = /<table role="presentation" class="bar"[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
    const classes = [...bar.matchAll(/<td class="([a-z-]+)"/g)].map((m) => m[1]);
    expect(classes).toEqual(present);
    for (const cls of absent) expect(bar).not.toContain(cls);
    if (present.includes('bar-none')) expect(bar).toContain('no due date');
  });

  it('sizes the bar from announcement to due date: 69 of 76 days elapsed', () => {
    // 5 March to 20 May is 76 days; 5 March to 13 May (today) is 69.
    const page = html(
      buildDigest(facts([commitment('c', { status: 'due-soon', dueLastDay: '2024-05-20' })])),
    );
    expect(page).toContain('class="bar-elapsed" width="90.8%"');
    expect(page).toContain('class="bar-remaining" width="9.2%"');
  });

  it('says so when nothing happened this week', () => {
    expect(html(buildDigest(facts([])))).toContain('Nothing new this week');
  });
});
