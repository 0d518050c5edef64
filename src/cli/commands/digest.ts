// `followthrough digest [--now ISO] [--week 2024-W15] [--dry-run] [--format slack|markdown|html] [--output FILE]`
// Without --dry-run (and in the default slack format) the digest of the week is sent and
// recorded, once per (week, channel), and archived; --dry-run, or --format markdown|html, only
// renders it.

import { resolve } from 'node:path';
import { digestWeekByLabel, digestWeekEndingBefore } from '../../digest/digest-week.ts';
import { renderDigestHtml } from '../../digest/render-html.ts';
import { renderDigestMarkdown } from '../../digest/render-markdown.ts';
import { renderDigestSlack } from '../../digest/render-slack.ts';
import { UsageError } from '../../errors.ts';
import { fixedClock } from '../../jobs/clock.ts';
import { digestChannels } from '../../jobs/gather-digest-facts.ts';
import { loadWatched } from '../../jobs/load-watched.ts';
import { buildWeekDigest, sendDigests } from '../../jobs/send-digest.ts';
import { writeFileAtomic } from '../../write-file-atomic.ts';
import { parse, parseNow } from '../args.ts';
import { loadContext, openDatabase } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { makeSlack } from '../slack-adapter.ts';

const usage =
  'usage: followthrough digest [--now ISO] [--week YYYY-Www] [--dry-run] [--format slack|markdown|html] ' +
  `[--output FILE] [--channel "#name"]
The weekly digest (default: the week that ended most recently before --now). Without --dry-run
it is posted to Slack (or the console without a token) once per week and channel, and archived
as <digest_dir>/<week>.md and .html. --dry-run, or --format markdown|html, only prints it
(or writes it to --output).`;

const formats = ['slack', 'markdown', 'html'] as const;

export async function digestCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    argv,
    {
      now: { type: 'string' },
      week: { type: 'string' },
      'dry-run': { type: 'boolean' },
      format: { type: 'string' },
      output: { type: 'string' },
      channel: { type: 'string' },
    },
    usage,
    false,
  );
  const format = (values.format ?? 'slack') as (typeof formats)[number];
  if (!formats.includes(format))
    throw new UsageError(`--format must be one of ${formats.join(', ')}\n\n${usage}`);
  const now = parseNow(values.now);
  const { env, config, log } = loadContext(io);
  const week = values.week
    ? digestWeekByLabel(values.week, config.timezone)
    : digestWeekEndingBefore(now, config.timezone);
  const db = openDatabase(config);
  try {
    const { commitments } = loadWatched(config, { db, log, clock: fixedClock(now) });
    const channels = values.channel ? [values.channel] : digestChannels(config, commitments);
    if (values['dry-run'] || format !== 'slack') {
      const rendered = channels
        .map((channel) => {
          const digest = buildWeekDigest(config, commitments, db, week, channel, now);
          return format === 'html'
            ? renderDigestHtml(digest)
            : format === 'markdown'
              ? renderDigestMarkdown(digest)
              : JSON.stringify(renderDigestSlack(digest), null, 2);
        })
        .join('\n');
      if (values.output) {
        writeFileAtomic(resolve(io.cwd, values.output), rendered);
        io.out(`wrote ${values.output}`);
      } else {
        io.out(rendered);
      }
      return exitCodes.ok;
    }
    const outcomes = await sendDigests(
      config,
      commitments.filter((c) => !values.channel || (c.channel ?? config.slack.channel) === values.channel),
      {
        db,
        log,
        clock: fixedClock(now),
        slack: makeSlack(env, log),
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        console: (t) => io.out(t),
      },
      week,
    );
    for (const o of outcomes) {
      io.out(
        o.outcome === 'already-sent'
          ? `${o.week} ${o.channel}: already sent, not sent again`
          : o.outcome === 'sent'
            ? `${o.week} ${o.channel}: sent (${o.parts} message${o.parts === 1 ? '' : 's'})` +
              (o.files.length ? `; archived ${o.files.join(', ')}` : '')
            : `${o.week} ${o.channel}: NOT SENT YET (${o.error ?? 'waiting for an earlier part'}); ` +
              `it stays in the outbox and is retried${o.nextAttemptAt ? ` from ${o.nextAttemptAt}` : ''} (see \`followthrough status\`)`,
      );
    }
    return outcomes.some((o) => o.outcome === 'pending') ? exitCodes.failure : exitCodes.ok;
  } finally {
    db.close();
  }
}
