// The real CLI against every kind of source at once — GOV.UK Atom with its Content API, Parliament's
// written statements, an RSS publisher, a WordPress blog — with a fake Slack: each new item stored
// once with its body, one alert for a Commons statement and its Lords repeat, nothing on a second
// poll, and a match only in a page body recorded for review with the body named as its field.

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGovuk, type FakeGovuk } from '../support/fake-govuk.ts';
import { startFakeParliament, type FakeParliament, type FakeStatement } from '../support/fake-parliament.ts';
import { startFakePublisher, type FakePublisher } from '../support/fake-publisher.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { runCli } from '../support/run-cli.ts';
import { tempConfig, type TempConfig } from '../support/temp-config.ts';

const token = 'xoxb-test-0000-secret';
const feedPath = '/government/organisations/home-office.atom';
const commitments = `commitments:
  - id: customs-partnership
    title: UK and France lead a new customs partnership with the Calais Group
    source:
      url: https://www.gov.uk/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group
      published: 2024-03-05
      quote: The UK and France will lead a new customs partnership.
    owners: [UK, France]
    match:
      any:
        - customs partnership
        - Calais Group AND customs
`;

let govuk: FakeGovuk;
let parliament: FakeParliament;
let pub: FakePublisher;
let slack: FakeSlack;
let cfg: TempConfig;
let env: Record<string, string>;

beforeEach(async () => {
  [govuk, parliament, pub, slack] = await Promise.all([
    startFakeGovuk(),
    startFakeParliament(),
    startFakePublisher(),
    startFakeSlack({ token }),
  ]);
  cfg = tempConfig({
    feeds: [
      { id: 'home-office', url: govuk.url + feedPath },
      {
        id: 'home-office-statements',
        type: 'parliament-statements',
        url: parliament.listUrl('answeringBodies=1'),
      },
      { id: 'nca-news', url: pub.rssUrl, publisher: 'National Crime Agency' },
      { id: 'home-office-media', url: pub.blogUrl },
    ],
    commitments,
    extra: { fetch: { requests_per_second: 50 } },
  });
  env = { ...cfg.env, SLACK_BOT_TOKEN: token, SLACK_API_URL: slack.url };
});
afterEach(async () => {
  cfg.cleanup();
  await Promise.all([govuk.close(), parliament.close(), pub.close(), slack.close()]);
});

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(cfg.database, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const poll = (now: string) => runCli(['poll', '--once', '--now', now], { env });
const statementText =
  '<p>Today I am updating the House on the Calais Group meeting, where customs agencies agreed to share ' +
  'import data on small boat engines.</p><p>The partners also agreed a joint action plan.</p>';
const statement = (over: Partial<FakeStatement> & Pick<FakeStatement, 'id' | 'uin'>): FakeStatement => ({
  day: '2024-12-10',
  title: 'Calais Group',
  html: statementText,
  house: 'Commons',
  ...over,
});
const alertsFor = (url: string) =>
  slack
    .messages('#followthrough')
    .filter(
      (m) => m.metadata?.event_type === 'followthrough_alert' && m.metadata.event_payload.item_url === url,
    );

describe('sources beyond GOV.UK, end to end', () => {
  it('stores each item once with its body, alerts once for a Commons/Lords pair, and explains a body-only match', async () => {
    // the baseline: one item in each source, none of them about the commitment
    govuk.setAtomEntries(
      feedPath,
      [
        {
          path: '/government/news/police-pay',
          title: 'Police pay award',
          summary: 'Pay rises.',
          updated: '2024-12-09T09:30:00Z',
        },
      ],
      'organisation',
    );
    govuk.setContent('/government/news/police-pay', {
      title: 'Police pay award',
      body: '<p>Officers get a rise.</p>',
    });
    parliament.setStatements([
      statement({ id: 500, uin: 'HCWS100', title: 'Police grant', html: '<p>Police funding.</p>' }),
    ]);
    pub.setRssItems([
      {
        link: `${pub.url}/news/fraud`,
        title: 'Fraudster jailed',
        description: '<p>A fraudster was jailed.</p>',
        pubDate: 'Mon, 09 Dec 2024 10:00:00 +0000',
      },
    ]);
    pub.setBlogEntries([
      {
        id: 1,
        slug: '2024/12/09/visas/',
        title: 'Visa processing',
        published: '2024-12-09T10:00:00Z',
        updated: '2024-12-09T10:00:00Z',
        content: '<p>On visas.</p>',
      },
    ]);
    const first = await poll('2024-12-11T08:00:00Z');
    expect(first.code, first.stderr).toBe(0);

    // then, live: a Commons statement and its Lords repeat, and a GOV.UK page whose body alone says it
    parliament.addStatements([
      statement({ id: 601, uin: 'HCWS300' }),
      statement({
        id: 602,
        uin: 'HLWS200',
        house: 'Lords',
        html: `<p>My right honourable Friend has today made the following Written Ministerial Statement:</p>${statementText}`,
      }),
    ]);
    govuk.addAtomEntries(feedPath, [
      {
        path: '/government/news/home-secretary-in-brussels',
        title: 'Home Secretary meets European counterparts',
        summary: 'Talks in Brussels on migration.',
        updated: '2024-12-11T08:10:00Z',
      },
    ]);
    govuk.setContent('/government/news/home-secretary-in-brussels', {
      title: 'Home Secretary meets European counterparts',
      description: 'Talks in Brussels on migration.',
      body: '<p>The ministers agreed to widen the customs partnership to Belgium and the Netherlands.</p>',
    });
    const second = await poll('2024-12-11T08:20:00Z');
    expect(second.code, second.stderr).toBe(0);

    const items = query<{ path: string; body: string | null }>('SELECT path, body FROM items ORDER BY id');
    // sources are polled concurrently: the order of ids is not fixed, the set is
    expect(items.map((i) => i.path).sort()).toEqual(
      [
        '/government/news/police-pay',
        'wms:500',
        `${pub.url}/news/fraud`,
        `${pub.url}/2024/12/09/visas/`,
        'wms:601',
        '/government/news/home-secretary-in-brussels',
      ].sort(),
    );
    const body = (path: string) => items.find((i) => i.path === path)!.body;
    expect(body('wms:601')).toContain('customs agencies agreed to share import data');
    expect(body('/government/news/home-secretary-in-brussels')).toBe(
      'The ministers agreed to widen the customs partnership to Belgium and the Netherlands.',
    );
    expect(body(`${pub.url}/2024/12/09/visas/`)).toBe('On visas.');
    expect(query('SELECT key FROM item_keys WHERE key = ?', 'wms:602')).toHaveLength(1);

    // one alert for the pair, saying what and whose it is, linking to the public page
    const page = 'https://questions-statements.parliament.uk/written-statements/detail/2024-12-10/HCWS300';
    const [alert, ...more] = alertsFor(page);
    expect(more).toEqual([]);
    expect(JSON.stringify(alert!.blocks)).toContain('Written statement · Home Office · 10 December 2024');
    expect(
      alertsFor('https://questions-statements.parliament.uk/written-statements/detail/2024-12-10/HLWS200'),
    ).toEqual([]);

    // the body-only match: recorded for review, not alerted, its reason naming the body
    const brussels = 'https://www.gov.uk/government/news/home-secretary-in-brussels';
    expect(alertsFor(brussels)).toEqual([]);
    const reviews = slack
      .messages('#followthrough')
      .filter((m) => m.metadata?.event_payload.kind === 'review');
    expect(reviews.some((m) => (m.metadata!.event_payload.item_urls as string[]).includes(brussels))).toBe(
      true,
    );
    const [related] = query<{ kind: string; why: string }>(
      "SELECT m.kind, m.why FROM matches m JOIN items i ON i.id = m.item_id WHERE i.path = '/government/news/home-secretary-in-brussels'",
    );
    expect(related!.kind).toBe('related');
    expect(JSON.parse(related!.why).hits).toEqual([
      { term: 'customs partnership', fields: ['body'], context: expect.stringContaining('widen the') },
    ]);
    const show = await runCli(['commitments', 'show', 'customs-partnership'], { env });
    expect(show.stdout).toContain('FOR REVIEW (1)');
    expect(show.stdout).toMatch(
      /customs partnership \(body\): .*widen the \[customs partnership\] to Belgium/,
    );
    expect(show.stdout).toContain('EVIDENCE (1)');
    // full-text search reads bodies too
    const search = await runCli(['items', 'search', 'widen', 'Netherlands'], { env });
    expect(search.stdout).toContain('Home Secretary meets European counterparts');

    // a second poll: no alert, no statement read again in detail
    const posted = slack.messages('#followthrough').length;
    const details = parliament.requests.length - parliament.requestsFor('list').length;
    const third = await poll('2024-12-11T08:40:00Z');
    expect(third.code, third.stderr).toBe(0);
    expect(slack.messages('#followthrough')).toHaveLength(posted);
    expect(parliament.requests.length - parliament.requestsFor('list').length).toBe(details);
    expect(query('SELECT id FROM items')).toHaveLength(6);
  });
});
