// Builds the Slack adapter from the environment: the real WebClient when SLACK_BOT_TOKEN is set,
// none (alerts go to the console) otherwise.

import type { Env } from '../config/env.ts';
import type { Logger } from '../log.ts';
import { createSlackClients, type SlackClients } from '../slack/slack-client.ts';

export function makeSlack(env: Env, log: Logger): SlackClients | null {
  if (!env.slackToken) return null;
  return createSlackClients({
    token: env.slackToken,
    logger: log,
    ...(env.slackApiUrl ? { slackApiUrl: env.slackApiUrl } : {}),
  });
}
