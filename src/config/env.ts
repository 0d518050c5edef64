// The only code that reads process.env. Everything else receives these values.

export interface Env {
  /** FOLLOWTHROUGH_CONFIG: path of the main config file. */
  configPath?: string;
  /** FOLLOWTHROUGH_DB: overrides `database` in the config. */
  databasePath?: string;
  /** SLACK_BOT_TOKEN: with none, alerts go to the console. */
  slackToken?: string;
  /** SLACK_APP_TOKEN (`xapp-…`): with it, `run` holds a Socket Mode connection and messages carry buttons. */
  slackAppToken?: string;
  /** SLACK_API_URL: base URL of the Slack Web API (tests, proxies). */
  slackApiUrl?: string;
  /** FOLLOWTHROUGH_LOG_LEVEL: debug | info | warn | error. */
  logLevel?: string;
  /** FOLLOWTHROUGH_LOG_FORMAT: json | pretty (default: pretty on a terminal, json otherwise). */
  logFormat?: string;
  /** GOVUK_BASE_URL: where `extract` reads the Content API (tests, mirrors). */
  govukBaseUrl?: string;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const pick = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  return {
    configPath: pick('FOLLOWTHROUGH_CONFIG'),
    databasePath: pick('FOLLOWTHROUGH_DB'),
    slackToken: pick('SLACK_BOT_TOKEN'),
    slackAppToken: pick('SLACK_APP_TOKEN'),
    slackApiUrl: pick('SLACK_API_URL'),
    logLevel: pick('FOLLOWTHROUGH_LOG_LEVEL'),
    logFormat: pick('FOLLOWTHROUGH_LOG_FORMAT'),
    govukBaseUrl: pick('GOVUK_BASE_URL'),
  };
}
