// The HTML digest in a real headless Chromium: it must load cleanly from a file with no network,
// show every section, draw its bars and keep feed text as text.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../../src/digest/build-digest.ts';
import type { DigestCommitment, DigestEvidence, DigestFacts } from '../../../src/digest/digest-facts.ts';
import { renderDigestHtml } from '../../../src/digest/render-html.ts';
import { HIT_END, HIT_START } from '../../../src/match/match-types.ts';
import { browserSkipReason, launchChromium } from '../../support/chromium.ts';
import type { HeadlessChromium } from '../../support/chromium.ts';

const skipReason = browserSkipReason();
const skip = skipReason !== undefined;
if (skip) {
  console.warn(`\n!!! The HTML digest browser test is SKIPPED: ${skipReason}. !!!\n`);
}

const seedUrl =
  'https://www.gov.uk/government/news/uk-and-france-lead-calais-group-in-tackling-illegal-migration';
const thread = (id: string): string =>
  `https://example.slack.com/archives/C0FOLLOW/p17150000000${id.length}0100`;

function item(
  slug: string,
  title: string,
  context: string,
  kind: DigestEvidence['kind'] = 'progress',
): DigestEvidence {
  return {
    item: {
      url: `https://www.gov.uk/government/news/${slug}`,
      title,
      displayType: 'Press release',
      updatedAt: '2024-05-09T11:30:00Z',
    },
    kind,
    why: {
      rule: 'smuggl* AND "social media"',
      hits: [{ term: 'social media', fields: ['title', 'summary'], context }],
    },
    matchedAt: '2024-05-09T11:45:00Z',
  };
}

function commitment(
  over: Partial<DigestCommitment> & Pick<DigestCommitment, 'id' | 'title'>,
): DigestCommitment {
  return {
    status: 'open',
    owners: ['Home Office'],
    sourceUrl: seedUrl,
    sourcePublished: '2024-03-05',
    newEvidence: [],
    ...over,
  };
}

// The Calais Group commitments (test/fixtures/seed) a fortnight after the customs partnership fell due.
const facts: DigestFacts = {
  week: { label: '2024-W19', start: '2024-05-05T23:00:00.000Z', end: '2024-05-12T23:00:00.000Z' },
  timezone: 'Europe/London',
  channel: '#followthrough',
  now: '2024-05-13T08:00:00.000Z',
  commitments: [
    commitment({
      id: 'customs-partnership',
      title: 'UK and France lead a new customs partnership with Calais Group members',
      status: 'overdue',
      due: '2024-04',
      dueLastDay: '2024-04-30',
      daysOverdue: 13,
      daysToDue: -13,
      owners: ['Home Office', 'HMRC'],
      threadUrl: thread('customs-partnership'),
      lastRemindedAt: '2024-05-08T08:00:00Z',
      lastEvidence: {
        title: 'Calais Group ministers meet in Brussels',
        url: 'https://www.gov.uk/government/news/calais-group-brussels',
        updatedAt: '2024-04-02T09:00:00Z',
      },
    }),
    commitment({
      id: 'returns-agreement',
      title: 'Sign a returns agreement with Albania by the end of May',
      status: 'due-soon',
      due: '2024-05-24',
      dueLastDay: '2024-05-24',
      daysToDue: 11,
      threadUrl: thread('returns-agreement'),
    }),
    commitment({
      id: 'social-media',
      title: 'Step up work with social media companies against people-smuggling networks',
      threadUrl: thread('social-media'),
      newEvidence: [
        item(
          'online-smuggling-ads-removed',
          'Thousands of <script>alert("x")</script> smuggling adverts removed from social media &amp; apps',
          `gangs advertising on ${HIT_START}social media${HIT_END} were targeted`,
          'possible-fulfilment',
        ),
        item(
          'nca-social-media-taskforce',
          'NCA and tech firms form taskforce',
          `a new ${HIT_START}social media${HIT_END} taskforce`,
        ),
      ],
    }),
    commitment({
      id: 'frontex',
      title: 'Operationalise the new UK–Frontex deal',
      status: 'met',
      resolvedThisWeek: {
        status: 'met',
        at: '2024-05-10T15:00:00Z',
        actor: 'Priya Shah',
        note: 'Working arrangement signed 10 May.',
        evidenceUrl: 'https://www.gov.uk/government/news/uk-frontex-working-arrangement',
      },
    }),
    commitment({
      id: 'deterrent-measures',
      title: 'Strengthen deterrent measures against facilitation across Europe',
      status: 'stale',
      daysSinceEvidence: 69,
    }),
    commitment({
      id: 'joint-intelligence',
      title: 'Share intelligence on small-boat supply chains',
      due: '2024-09',
      dueLastDay: '2024-09-30',
      daysToDue: 140,
    }),
  ],
  feeds: [
    {
      id: 'home-office',
      url: 'https://www.gov.uk/government/organisations/home-office.atom',
      failures: 0,
      dead: false,
    },
    {
      id: 'nca',
      url: 'https://www.gov.uk/government/organisations/national-crime-agency.atom',
      failures: 3,
      lastError: 'GET answered 503 after 3 tries',
      lastSuccessAt: '2024-05-11T06:00:00Z',
      dead: false,
    },
    {
      id: 'old-finder',
      url: 'https://www.gov.uk/search/news-and-communications.atom?topical_events%5B%5D=x',
      failures: 0,
      dead: true,
      deadReason: 'This feed has ended',
    },
  ],
  itemsSeen: 137,
  alertsDelivered: 6,
};

describe.skipIf(skip)(`HTML digest in headless Chromium${skip ? ` — SKIPPED: ${skipReason}` : ''}`, () => {
  let browser: HeadlessChromium;
  let dir: string;
  let fileUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthrough-digest-'));
    const file = join(dir, '2024-W19.html');
    await writeFile(file, renderDigestHtml(buildDigest(facts)));
    fileUrl = pathToFileURL(file).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['desktop', 1024],
    ['phone', 375],
  ])(
    'renders on a %s screen with no errors, no requests, every section, bars and links',
    async (_name, width) => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height: 800 });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      // Self-contained: anything but the file itself is a bug (and there is no network here anyway).
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        if (url === fileUrl) return route.continue();
        requests.push(url);
        return route.abort();
      });

      await page.goto(fileUrl, { waitUntil: 'load' });

      expect(await page.title()).toBe('Weekly digest 2024-W19 · followthrough');
      const headings = await page.locator('h2').allInnerTexts();
      expect(headings.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
        'Overdue (1)',
        'Due soon (1)',
        'New evidence this week (1)',
        'Resolved this week (1)',
        'Stale (1)',
        'Quiet (1)',
        'Feeds needing attention',
      ]);

      // One bar per entry, each drawn with a width; dated bars show a filled part and a today marker.
      const bars = await page.locator('table.bar').evaluateAll((tables) =>
        tables.map((t) => ({
          id: t.getAttribute('data-commitment'),
          width: t.getBoundingClientRect().width,
          cells: [...t.querySelectorAll('td')].map((td) => ({
            cls: td.className,
            width: td.getBoundingClientRect().width,
            height: td.getBoundingClientRect().height,
          })),
        })),
      );
      expect(bars.map((b) => b.id)).toEqual([
        'customs-partnership',
        'returns-agreement',
        'social-media',
        'frontex',
        'deterrent-measures',
        'joint-intelligence',
      ]);
      for (const bar of bars) {
        expect(bar.width, `bar of ${bar.id}`).toBeGreaterThan(100);
        for (const cell of bar.cells) {
          expect(cell.width, `${cell.cls} of ${bar.id}`).toBeGreaterThan(0);
          expect(cell.height, `${cell.cls} of ${bar.id}`).toBeGreaterThan(0);
        }
      }
      const overdue = bars.find((b) => b.id === 'customs-partnership');
      expect(overdue?.cells.map((c) => c.cls)).toEqual(['bar-planned', 'bar-overrun', 'bar-today']);
      // 5 March → 30 April is 56 days, then 13 days of overrun: the red part is about 13/69 of the bar.
      const overrun = overdue?.cells.find((c) => c.cls === 'bar-overrun')?.width ?? 0;
      expect(overrun / (overdue?.width ?? 1)).toBeGreaterThan(0.12);
      expect(overrun / (overdue?.width ?? 1)).toBeLessThan(0.26);
      expect(bars.find((b) => b.id === 'returns-agreement')?.cells.map((c) => c.cls)).toEqual([
        'bar-elapsed',
        'bar-today',
        'bar-remaining',
      ]);
      expect(bars.find((b) => b.id === 'social-media')?.cells.map((c) => c.cls)).toEqual(['bar-none']);

      // Links: threads, evidence, announcements.
      const hrefs = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toContain(thread('customs-partnership'));
      expect(hrefs).toContain('https://www.gov.uk/government/news/online-smuggling-ads-removed');
      expect(hrefs).toContain('https://www.gov.uk/government/news/uk-frontex-working-arrangement');
      expect(hrefs).toContain(seedUrl);
      expect(hrefs.every((h) => h?.startsWith('https://'))).toBe(true);

      // Feed text stays text: the <script> in a title shows as characters and no script element exists.
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('body').textContent()).toContain(
        'Thousands of <script>alert("x")</script> smuggling adverts removed from social media & apps',
      );
      expect(await page.locator('mark').first().textContent()).toBe('social media');

      // Nothing wider than the screen (e-mail on a phone).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    },
  );

  it('shows For review after the status sections, the shared words marked, within a phone screen', async () => {
    const withReview: DigestFacts = {
      ...facts,
      commitments: facts.commitments.map((c) =>
        c.id !== 'joint-intelligence'
          ? c
          : {
              ...c,
              forReview: [
                {
                  item: {
                    url: 'https://www.gov.uk/government/news/engines-seized-in-bulgaria',
                    title: 'Boat engines bound for <b>smugglers</b> seized in Bulgaria',
                    displayType: 'National Crime Agency',
                    updatedAt: '2024-05-08T10:00:00Z',
                  },
                  why: {
                    rule: '',
                    hits: [],
                    review: {
                      basis: 'commitment',
                      mechanism: ['supply chains', 'engines'],
                      topic: ['small boat'],
                    },
                  },
                  raisedAt: '2024-05-08T10:15:00Z',
                },
              ],
            },
      ),
    };
    const file = join(dir, '2024-W19-review.html');
    await writeFile(file, renderDigestHtml(buildDigest(withReview)));
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const headings = (await page.locator('h2').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
    expect(headings.slice(-2)).toEqual(['For review (1)', 'Feeds needing attention']);
    const line = page.locator('li.review');
    expect(await line.count()).toBe(1);
    expect(await line.locator('mark').allTextContents()).toEqual(['supply chains', 'engines', 'small boat']);
    expect(await line.textContent()).toContain('Boat engines bound for <b>smugglers</b> seized in Bulgaria');
    expect(await line.locator('a').getAttribute('href')).toBe(
      'https://www.gov.uk/government/news/engines-seized-in-bulgaria',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });
});
