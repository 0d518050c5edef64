// `followthrough check-config`: validate the config and commitments files and print the
// effective configuration, secrets redacted.

import { contentBase } from '../../feeds/content-base.ts';
import { stringify } from 'yaml';
import { loadCommitments } from '../../config/load-commitments.ts';
import { ConfigError, type ConfigProblem } from '../../errors.ts';
import { parse } from '../args.ts';
import { loadContext } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';

const usage = `usage: followthrough check-config [--json]
Validates config/followthrough.yaml (or $FOLLOWTHROUGH_CONFIG) and its commitments file,
then prints the effective configuration with secrets redacted.`;

export async function checkConfigCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } }, usage, false);
  const { env, config } = loadContext(io);
  let problems: ConfigProblem[] = [];
  let commitments: ReturnType<typeof loadCommitments> = [];
  try {
    commitments = loadCommitments(config.commitmentsFile, { staleDays: config.staleDays });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems = err.problems;
  }
  if (problems.length) throw new ConfigError(problems);
  const effective = {
    config_file: config.file,
    timezone: config.timezone,
    database: config.database,
    commitments_file: config.commitmentsFile,
    digest_dir: config.digestDir,
    feeds: config.feeds.map((f) => ({
      id: f.id,
      url: f.url,
      type: f.type,
      interval_minutes: f.intervalMinutes,
      ...(f.recover ? { recover: f.recover } : {}),
      ...(f.type === 'parliament-statements' ? { window_days: f.windowDays } : {}),
      ...(f.publisher ? { publisher: f.publisher } : {}),
      ...(f.type !== 'parliament-statements' ? { content: contentBase(f) } : {}),
    })),
    slack: {
      channel: config.slack.channel,
      reminder_days: config.slack.reminderDays,
      reminder_max_days: config.slack.reminderMaxDays,
      reviewers: config.slack.reviewers.length ? config.slack.reviewers : '(anyone in the channel)',
      token: env.slackToken ? redact(env.slackToken) : '(not set: alerts go to the console)',
      app_token: env.slackAppToken
        ? redact(env.slackAppToken)
        : '(not set: messages carry no buttons; see the README, "Slack app")',
      api_url: env.slackApiUrl ?? 'https://slack.com/api/',
    },
    schedule: config.schedule,
    stale_days: config.staleDays,
    due_soon_days: config.dueSoonDays,
    silent_rule_days: config.silentRuleDays,
    fetch: {
      timeout_seconds: config.fetch.timeoutSeconds,
      max_bytes: config.fetch.maxBytes,
      user_agent: config.fetch.userAgent,
      requests_per_second: config.fetch.requestsPerSecond,
    },
    commitments: commitments.map((c) => ({ id: c.id, due: c.due?.text ?? null, rules: c.match.any.length })),
  };
  io.out(
    values.json ? JSON.stringify(effective, null, 2) : `# configuration is valid\n${stringify(effective)}`,
  );
  return exitCodes.ok;
}

/** Shows a token's kind and length only. */
export function redact(token: string): string {
  const kind = /^xox[a-z]-/.test(token) ? token.slice(0, 5) : token.startsWith('xapp-') ? 'xapp-' : '';
  return `${kind}…[redacted, ${token.length} characters]`;
}
