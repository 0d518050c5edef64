// `npm run screenshots`: the README's pictures, made from the real code in headless Chromium.
// The seed commitments are replayed over March–June 2024 (test/fixtures/eval/dev-items.jsonl)
// through the real CLI; then a status card with its progress alert, a commitment's thread, and
// the HTML digest of the week of 6 May 2024 are rendered and saved to test/screenshots/. Slack
// messages go through test/support/block-kit-html.ts (an approximate Slack look); the digest is
// the page followthrough itself writes.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { statusCardFacts } from '../../src/jobs/alert-facts.ts';
import { fixedClock } from '../../src/jobs/clock.ts';
import { broadcastKinds } from '../../src/jobs/deliver-row.ts';
import { loadWatched } from '../../src/jobs/load-watched.ts';
import { silentLogger } from '../../src/log.ts';
import type { SlackMessage } from '../../src/slack/alert.ts';
import { buildAlertMessage } from '../../src/slack/build-alert.ts';
import { buildStatusCard } from '../../src/slack/build-card.ts';
import { openStore } from '../../src/store/open-store.ts';
import { listOutbox } from '../../src/store/outbox-table.ts';
import { testConfig } from './test-config.ts';
import { messageHtml, slackPage } from './block-kit-html.ts';
import { launchChromium } from './chromium.ts';
import { repoRoot } from './run-cli.ts';
import { tempConfig } from './temp-config.ts';

const out = fileURLToPath(new URL('../screenshots/', import.meta.url));
const ctx = { timeZone: 'Europe/London' };
const cli = (args: string[], env: Record<string, string>) =>
  execFileSync(process.execPath, ['dist/cli/followthrough.js', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();

async function main(): Promise<void> {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: repoRoot,
  });
  mkdirSync(out, { recursive: true });
  const cfg = tempConfig({ feeds: [] });
  try {
    const history = join(repoRoot, 'test/fixtures/eval/dev-items.jsonl');
    cli(
      [
        'replay',
        '--from',
        '2024-03-01',
        '--to',
        '2024-06-30',
        '--items',
        history,
        '--database',
        cfg.database,
      ],
      cfg.env,
    );
    const digestFile = join(cfg.dir, 'digest.html');
    cli(
      [
        'digest',
        '--week',
        '2024-W19',
        '--format',
        'html',
        '--output',
        digestFile,
        '--now',
        '2024-05-13T09:00:00Z',
      ],
      cfg.env,
    );

    const db = openStore(cfg.database);
    const config = testConfig({ commitmentsFile: cfg.commitmentsFile, database: cfg.database });
    const { commitments } = loadWatched(config, {
      db,
      log: silentLogger,
      clock: fixedClock(new Date('2024-05-13T09:00:00Z')),
    });
    const rows = listOutbox(db);
    const card = (id: string, at: string): SlackMessage => {
      const c = commitments.find((x) => x.id === id)!;
      return buildStatusCard(statusCardFacts(db, c, new Date(at))!, ctx);
    };
    const alerts = (id: string) => rows.filter((r) => r.commitmentId === id);
    const time = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: ctx.timeZone,
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso));

    // 1. A card at the top of the channel, and the progress alert that replied under it.
    const progress = alerts('social-media').find((r) => r.kind === 'progress')!;
    const cardPage = slackPage('#followthrough', [
      '<div class="bar">#followthrough<span>commitments the government announced, and what followed</span></div>',
      messageHtml({ message: card('social-media', progress.createdAt), time: time(progress.createdAt) }),
      '<div class="replies">1 reply</div>',
      `<div class="thread">${messageHtml({ message: buildAlertMessage(progress.payload, ctx), time: time(progress.createdAt) })}</div>`,
    ]);
    // 2. A thread: the customs partnership falling due, then overdue, then the first reminder.
    const thread = alerts('customs-partnership')
      .filter((r) => ['due-soon', 'overdue', 'reminder'].includes(r.kind))
      .slice(0, 3);
    const threadPage = slackPage('thread', [
      '<div class="bar">Thread<span>#followthrough</span></div>',
      messageHtml({
        message: card('customs-partnership', '2024-05-13T09:00:00Z'),
        time: time(thread[0]!.createdAt),
      }),
      `<div class="replies">${thread.length} replies</div>`,
      `<div class="thread">${thread
        .map((r) =>
          messageHtml({
            message: buildAlertMessage(r.payload, ctx),
            time: time(r.createdAt),
            // as delivery does it: only the overdue alert is also sent to the channel
            broadcast: broadcastKinds.has(r.kind),
          }),
        )
        .join('')}</div>`,
    ]);
    db.close();

    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 760, height: 900 });
      for (const [name, html] of [
        ['card', cardPage],
        ['thread', threadPage],
      ] as const) {
        await page.setContent(html);
        await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 900, height: 1200 });
      await page.goto(pathToFileURL(digestFile).href);
      await page.screenshot({ path: join(out, 'digest.png') });
    } finally {
      await browser.close();
    }
    console.log(
      `wrote ${['card', 'thread', 'digest'].map((n) => join('test/screenshots', `${n}.png`)).join(', ')}`,
    );
  } finally {
    cfg.cleanup();
  }
}

await main();
