import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, type MatchReason, type TermHit } from '../../../src/match/match-types.ts';
import type { AlertItem, AlertKind, AlertPayload, SlackMessage } from '../../../src/slack/alert.ts';
import { buildAlertMessage, summaryListMax } from '../../../src/slack/build-alert.ts';
import { limits } from '../../../src/slack/limits.ts';

const commitment = {
  id: 'customs-partnership',
  title: 'UK and France lead a new customs partnership with the Calais Group',
  status: 'open' as const,
  due: '2024-04',
  dueLastDay: '2024-04-30',
  owners: ['UK', 'France'],
  sourceUrl: 'https://www.gov.uk/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group',
};

const item = (over: Partial<AlertItem> = {}): AlertItem => ({
  url: 'https://www.gov.uk/government/news/uk-and-france-launch-customs-partnership',
  title: 'UK and France launch customs partnership',
  displayType: 'Press release',
  summary: 'Customs agencies will share information to disrupt shipments of small-boat materials.',
  updatedAt: '2024-04-18T08:30:00.000Z',
  ...over,
});

const why: MatchReason = {
  rule: 'customs partnership',
  hits: [
    {
      term: 'customs partnership',
      fields: ['title'],
      context: `UK and France launch ${HIT_START}customs partnership${HIT_END}`,
    },
  ],
  fulfilment: 'customs partnership AND (launched OR agreed OR signed)',
  fulfilmentHits: [
    {
      term: 'launched',
      fields: ['title'],
      context: `UK and France ${HIT_START}launch${HIT_END} customs partnership`,
    },
  ],
};

const payload = (kind: AlertKind, over: Partial<AlertPayload> = {}): AlertPayload => {
  const base: AlertPayload = {
    alertId: 'ft_0123456789abcdef',
    kind,
    commitment,
    raisedAt: '2024-05-08T09:00:00.000Z',
  };
  if (kind === 'progress' || kind === 'possible-fulfilment') Object.assign(base, { item: item(), why });
  if (kind === 'due-soon' || kind === 'overdue' || kind === 'reminder') {
    Object.assign(base, {
      daysOverdue: kind === 'due-soon' ? 0 : 8,
      evidenceCount: 2,
      lastEvidence: {
        title: 'Calais Group customs talks',
        url: 'https://www.gov.uk/government/news/calais-group-customs-talks',
        updatedAt: '2024-04-02T10:00:00.000Z',
      },
    });
  }
  if (kind === 'summary') {
    Object.assign(base, {
      summaryOrigin: 'baseline',
      summaryItems: [
        { item: item(), why, kind: 'possible-fulfilment' },
        {
          item: item({
            url: 'https://www.gov.uk/government/news/calais-group-customs-talks',
            title: 'Calais Group customs talks',
          }),
          why,
          kind: 'progress',
        },
      ],
    });
  }
  return { ...base, ...over };
};

/** Every text object of a message, with where it sits. */
function texts(msg: SlackMessage): Array<{ kind: string; text: string }> {
  const out: Array<{ kind: string; text: string }> = [];
  for (const b of msg.blocks) {
    const t = b.text as { text: string } | undefined;
    if (t) out.push({ kind: b.type as string, text: t.text });
    for (const f of (b.fields ?? []) as Array<{ text: string }>) out.push({ kind: 'field', text: f.text });
    for (const e of (b.elements ?? []) as Array<{ text: string | { text: string } }>)
      if (typeof e.text === 'string') out.push({ kind: 'context', text: e.text });
      // Buttons: plain text of at most 75 characters.
      else expect(e.text.text.length).toBeLessThanOrEqual(75);
  }
  return out;
}

function allText(msg: SlackMessage): string {
  return [msg.text, ...texts(msg).map((t) => t.text)].join('\n');
}

/** The checks Slack makes, plus ours: every `<…>` is a link we built to an http(s) URL. */
function expectValid(msg: SlackMessage): void {
  expect(msg.text.length).toBeGreaterThan(0);
  expect(msg.text.length).toBeLessThanOrEqual(limits.messageText);
  expect(msg.blocks.length).toBeLessThanOrEqual(limits.blocksPerMessage);
  expect(JSON.stringify(msg.blocks).length + msg.text.length).toBeLessThanOrEqual(limits.messageTotal);
  for (const t of texts(msg)) {
    const max =
      t.kind === 'header' ? limits.headerText : t.kind === 'section' ? limits.sectionText : limits.fieldText;
    expect(t.text.length, `${t.kind} text`).toBeLessThanOrEqual(max);
  }
  for (const text of [msg.text, ...texts(msg).map((t) => t.text)]) {
    // No half links: every < is closed, and every link is <http(s)://…|label>.
    const opens = [...text.matchAll(/</g)].length;
    const links = [...text.matchAll(/<(https?:\/\/[^|<>\s]+)\|[^<>]*>/g)];
    expect(links.length, `links in: ${text.slice(0, 200)}`).toBe(opens);
  }
}

const ctx = { timeZone: 'Europe/London' };

describe('buildAlertMessage', () => {
  const table: Array<{ kind: AlertKind; lead: string; has: string[]; payloadKeys: string[] }> = [
    {
      kind: 'progress',
      lead: '*<https://www.gov.uk/government/news/uk-and-france-launch-customs-partnership|UK and France launch',
      has: [
        '<https://www.gov.uk/government/news/uk-and-france-launch-customs-partnership|UK and France launch customs partnership>',
        'Press release · 18 April 2024',
        'Matched *customs partnership* in the title.',
        'Why: rule `customs partnership`',
        'April 2024 (by 30 April 2024)',
        ':large_blue_circle: Open',
        'npx followthrough commitments resolve customs-partnership --status met --evidence https://www.gov.uk/government/news/uk-and-france-launch-customs-partnership --note "…"',
      ],
      payloadKeys: ['alert_id', 'commitment_id', 'kind', 'item_url'],
    },
    {
      kind: 'possible-fulfilment',
      lead: ':eyes: *Possible fulfilment — a person should check* (*launch* in the title)',
      has: [
        '*Possible fulfilment — a person should check*',
        'Possible fulfilment: rule `customs partnership AND (launched OR agreed OR signed)`',
        'UK and France *launch* customs partnership',
      ],
      payloadKeys: ['alert_id', 'commitment_id', 'kind', 'item_url'],
    },
    {
      kind: 'due-soon',
      lead: '*UK and France lead a new customs partnership with the Calais Group* is due',
      has: [
        'is due April 2024 (by 30 April 2024)',
        '*Evidence*\n2 items',
        '<https://www.gov.uk/government/news/calais-group-customs-talks|Calais Group customs talks> (2 April 2024)',
        'npx followthrough commitments snooze customs-partnership --until 2024-05-22',
      ],
      payloadKeys: ['alert_id', 'commitment_id', 'kind'],
    },
    {
      kind: 'overdue',
      lead: '*UK and France lead a new customs partnership with the Calais Group* was due',
      has: [
        '*8 days overdue*',
        '*Days overdue*\n8',
        'npx followthrough commitments resolve customs-partnership --status met --evidence https://www.gov.uk/government/news/calais-group-customs-talks',
        '--until 2024-05-22',
      ],
      payloadKeys: ['alert_id', 'commitment_id', 'kind'],
    },
    {
      kind: 'reminder',
      lead: '*UK and France lead a new customs partnership with the Calais Group* was due',
      has: ['No resolution has been recorded yet.', '*Last evidence*'],
      payloadKeys: ['alert_id', 'commitment_id', 'kind'],
    },
    {
      kind: 'summary',
      lead: 'Found on the first poll of the feeds',
      has: [
        'Found on the first poll of the feeds: 2 items match this commitment, 1 of them a *possible fulfilment — a person should check*.',
        '<https://www.gov.uk/government/news/calais-group-customs-talks|Calais Group customs talks>',
        ':eyes: *possible fulfilment*',
      ],
      payloadKeys: ['alert_id', 'commitment_id', 'kind', 'item_urls'],
    },
  ];

  it.each(table)(
    '$kind: no header (it is a thread reply), facts in words, commands, metadata, fallback text',
    ({ kind, lead, has, payloadKeys }) => {
      const msg = buildAlertMessage(payload(kind), ctx);
      // A reply under the status card does not repeat the commitment's title as a header.
      expect(msg.blocks.some((b) => b.type === 'header')).toBe(false);
      expect(msg.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
      expect((msg.blocks[0]!.text as { text: string }).text.startsWith(lead)).toBe(true);
      const text = allText(msg);
      for (const s of has) expect(text, s).toContain(s);
      expect(text).not.toContain('Kind:');
      expect(Object.keys(msg.metadata!.event_payload).sort()).toEqual([...payloadKeys].sort());
      expect(msg.metadata).toEqual({
        event_type: 'followthrough_alert',
        event_payload: {
          alert_id: 'ft_0123456789abcdef',
          commitment_id: 'customs-partnership',
          kind,
          ...(payloadKeys.includes('item_url')
            ? { item_url: 'https://www.gov.uk/government/news/uk-and-france-launch-customs-partnership' }
            : {}),
          // A summary names every item it lists, as a review message does.
          ...(payloadKeys.includes('item_urls')
            ? {
                item_urls: [
                  'https://www.gov.uk/government/news/uk-and-france-launch-customs-partnership',
                  'https://www.gov.uk/government/news/calais-group-customs-talks',
                ],
              }
            : {}),
        },
      });
      expect(msg.text).toContain('UK and France lead a new customs partnership');
      expectValid(msg);
    },
  );

  it('a major update says it is an update of an earlier match', () => {
    const msg = buildAlertMessage(payload('progress', { item: item({ majorUpdate: true }) }), ctx);
    expect(allText(msg)).toContain('An update of an item that matched earlier');
    expect(msg.text).toContain('(updated)');
    expect(allText(buildAlertMessage(payload('progress'), ctx))).not.toContain('An update of an item');
  });

  it('feed text with mentions, links and entities shows as text everywhere, escaped exactly once', () => {
    const hostile = '<!channel> <@U123> <https://evil.example|gov.uk> Fish &amp; chips';
    const msg = buildAlertMessage(
      payload('possible-fulfilment', {
        item: item({ title: hostile, summary: hostile, displayType: '<!here>' }),
        why: {
          rule: 'r',
          hits: [
            {
              term: 'chips',
              fields: ['title'],
              context: `<!channel> fish &amp; ${HIT_START}chips${HIT_END} <@U123>`,
            },
          ],
        },
      }),
      ctx,
    );
    const text = allText(msg);
    for (const bad of ['<!channel>', '<@U123>', '<https://evil.example', '<!here>', '&amp;amp;'])
      expect(text).not.toContain(bad);
    expect(text).toContain(
      '&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|gov.uk&gt; Fish &amp; chips',
    );
    expect(text).toContain('&lt;!channel&gt; fish &amp; *chips* &lt;@U123&gt;');
    expect(msg.text).toContain('&lt;!channel&gt;');
    expectValid(msg);
  });

  it('feed text arriving with entities is decoded first: &lt;!channel&gt; is still shown, never sent as a mention', () => {
    const msg = buildAlertMessage(
      payload('progress', { item: item({ title: '&lt;!channel&gt; alert' }) }),
      ctx,
    );
    expect(allText(msg)).toContain('|&lt;!channel&gt; alert>');
    expect(allText(msg)).not.toContain('<!channel>');
  });

  it('only http(s) URLs become links', () => {
    const msg = buildAlertMessage(
      payload('progress', { item: item({ url: 'javascript:alert(1)', title: 'Odd item' }) }),
      ctx,
    );
    const text = allText(msg);
    expect(text).not.toContain('javascript:');
    expect(text).toContain('*Odd item*');
    expect(text).toContain('--evidence <url>'.replace('<', '&lt;').replace('>', '&gt;'));
    expectValid(msg);
  });

  it('hit markers become bold after escaping, and a marker cut off by the window is dropped', () => {
    const long = 'word '.repeat(200);
    const msg = buildAlertMessage(
      payload('progress', {
        why: {
          rule: 'r',
          hits: [
            {
              term: 'a',
              fields: ['summary'],
              context: `${long}the ${HIT_START}<b>customs</b> partnership${HIT_END} ${long}`,
            },
            { term: 'b', fields: ['summary'], context: `${HIT_START}${long}${long}${HIT_END}` },
          ],
        },
      }),
      ctx,
    );
    const text = allText(msg);
    expect(text).toContain('the *&lt;b&gt;customs&lt;/b&gt; partnership*');
    expect(text).not.toMatch(/[\uE000\uE001]/);
    expectValid(msg);
  });

  it.each<AlertKind>(['progress', 'possible-fulfilment', 'due-soon', 'overdue', 'reminder', 'summary'])(
    '%s: a 10,000-character title and summary and 200 hits still make a valid message',
    (kind) => {
      const huge = 'Customs & partnership <b> '.repeat(400).slice(0, 10_000);
      const hits: TermHit[] = Array.from({ length: 200 }, (_, i) => ({
        term: `term${i} & more`,
        fields: ['title', 'summary'],
        context: `${huge.slice(0, 3000)} ${HIT_START}term${i}${HIT_END} ${huge.slice(0, 3000)}`,
      }));
      const bigWhy: MatchReason = { rule: huge, hits, fulfilment: huge, fulfilmentHits: hits };
      const bigItem = item({
        title: huge,
        summary: huge,
        displayType: huge,
        url: `https://www.gov.uk/government/news/${'a'.repeat(900)}`,
      });
      const msg = buildAlertMessage(
        payload(kind, {
          commitment: {
            ...commitment,
            title: huge,
            owners: Array.from({ length: 100 }, () => huge.slice(0, 100)),
          },
          item: bigItem,
          why: bigWhy,
          lastEvidence: { title: huge, url: bigItem.url, updatedAt: bigItem.updatedAt },
          summaryItems: Array.from({ length: 60 }, () => ({
            item: bigItem,
            why: bigWhy,
            kind: 'possible-fulfilment' as const,
          })),
        }),
        ctx,
      );
      expectValid(msg);
      if (kind === 'progress') expect(allText(msg)).toMatch(/and 19\d more terms/);
      if (kind === 'summary') expect(allText(msg)).toMatch(/and \d+ more — /);
    },
  );

  it('a summary lists at most summaryListMax items and says how many more there are', () => {
    const entries = Array.from({ length: 25 }, (_, i) => ({
      item: item({ title: `Item ${i}`, url: `https://www.gov.uk/government/news/item-${i}` }),
      why,
      kind: 'progress' as const,
    }));
    const msg = buildAlertMessage(
      payload('summary', { summaryItems: entries, summaryOrigin: 'backfill' }),
      ctx,
    );
    const text = allText(msg);
    expect(text).toContain('Found by a backfill from the GOV.UK Search API: 25 items match this commitment.');
    expect(text).toContain(`|Item ${summaryListMax - 1}>`);
    expect(text).not.toContain(`|Item ${summaryListMax}>`);
    // Its metadata names the items it lists, and only those.
    expect(msg.metadata?.event_payload.item_urls).toEqual(
      entries.slice(0, summaryListMax).map((e) => e.item.url),
    );
    expect(text).toContain(`and ${25 - summaryListMax} more`);
    expect(msg.text).toBe(
      '25 earlier GOV.UK items match “UK and France lead a new customs partnership with the Calais Group”',
    );
    expectValid(msg);
  });
});

describe('buildAlertMessage with the Slack app (buttons instead of commands)', () => {
  const interactive = { timeZone: 'Europe/London', interactive: true };
  const actionsOf = (msg: SlackMessage) =>
    msg.blocks
      .filter((b) => b.type === 'actions')
      .map((b) => (b.elements as Array<{ action_id: string; value: string }>).map((e) => e.action_id));

  it.each<[AlertKind, string[][]]>([
    ['progress', [['followthrough_evidence', 'followthrough_not_related']]],
    ['possible-fulfilment', [['followthrough_evidence', 'followthrough_not_related']]],
    ['due-soon', [['followthrough_resolve', 'followthrough_snooze']]],
    ['overdue', [['followthrough_resolve', 'followthrough_snooze']]],
    ['reminder', [['followthrough_resolve', 'followthrough_snooze']]],
    [
      'summary',
      [
        ['followthrough_evidence', 'followthrough_not_related'],
        ['followthrough_evidence', 'followthrough_not_related'],
        ['followthrough_resolve', 'followthrough_snooze'],
      ],
    ],
  ])('%s carries its buttons and no shell command', (kind, expected) => {
    const msg = buildAlertMessage(payload(kind), interactive);
    expect(actionsOf(msg)).toEqual(expected);
    expect(allText(msg)).not.toContain('npx followthrough');
    expectValid(msg);
  });

  it('an item button names the commitment and the item it is under', () => {
    const msg = buildAlertMessage(payload('progress'), interactive);
    const [evidence] = msg.blocks.find((b) => b.type === 'actions')!.elements as Array<{ value: string }>;
    expect(JSON.parse(evidence!.value)).toEqual({
      c: 'customs-partnership',
      u: 'https://www.gov.uk/government/news/uk-and-france-launch-customs-partnership',
    });
  });

  it('a summary of 60 long items with buttons stays within the limits', () => {
    const entries = Array.from({ length: 60 }, (_, i) => ({
      item: item({
        title: `Item ${i} ${'long '.repeat(40)}`,
        url: `https://www.gov.uk/government/news/${'x'.repeat(300)}-${i}`,
      }),
      why,
      kind: 'progress' as const,
    }));
    const msg = buildAlertMessage(payload('summary', { summaryItems: entries }), interactive);
    expectValid(msg);
    expect(allText(msg)).toContain('`/followthrough show customs-partnership` lists them all');
  });

  it.each<[NonNullable<AlertPayload['reply']>, string]>([
    [
      {
        action: 'not-related',
        actor: 'U0REVIEW1',
        item: { url: 'https://www.gov.uk/a', title: 'A &amp; <b>' },
      },
      ':heavy_minus_sign: Marked not related by <@U0REVIEW1>: <https://www.gov.uk/a|A &amp; &lt;b&gt;>',
    ],
    [
      { action: 'evidence', actor: 'U0REVIEW1', item: { url: 'https://www.gov.uk/a', title: 'A' } },
      ':white_check_mark: Counted as evidence by <@U0REVIEW1>: <https://www.gov.uk/a|A>',
    ],
    [
      {
        action: 'resolve',
        actor: 'U0REVIEW1',
        status: 'partly-met',
        note: 'talks <!here>',
        evidenceUrl: 'https://www.gov.uk/b',
      },
      ':memo: Marked *Partly met* by <@U0REVIEW1> — “talks &lt;!here&gt;” · <https://www.gov.uk/b|evidence>',
    ],
    [
      { action: 'snooze', actor: 'U0REVIEW1', until: '2024-05-21T23:00:00.000Z' },
      ':zzz: Reminders snoozed until 22 May 2024 by <@U0REVIEW1>',
    ],
    [
      { action: 'reopen', actor: 'alice', status: 'overdue' },
      ':leftwards_arrow_with_hook: Reopened by alice: now *Overdue*',
    ],
  ])('a reply to an action is one short line: %j', (reply, line) => {
    const msg = buildAlertMessage(payload('reply', { reply }), ctx);
    expect(msg.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: line } }]);
    expect(msg.text.length).toBeGreaterThan(0);
    expect(msg.text).not.toContain('<!here>');
    expect(msg.metadata!.event_payload.kind).toBe('reply');
  });
});
