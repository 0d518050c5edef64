// The Slack app as jobs: what each Socket Mode envelope does. Buttons → slack-buttons.ts, the resolve
// modal → slack-resolve.ts, `/followthrough` → slack-commands.ts. The adapter (slack/socket-mode.ts)
// sends each answer's ack within Slack's three seconds; the store work here is synchronous and fast.

import type { Config } from '../config/config.ts';
import { readButtonPresses, readSlashCommand, readViewSubmission } from '../slack/interaction.ts';
import type { Answer, SocketHandlers } from '../slack/socket-mode.ts';
import { onButton } from './slack-buttons.ts';
import { onSlashCommand } from './slack-commands.ts';
import type { SlackAppDeps } from './slack-app-deps.ts';
import { onResolveSubmission } from './slack-resolve.ts';

export type { SlackAppDeps } from './slack-app-deps.ts';

export function slackAppHandlers(config: Config, deps: SlackAppDeps): SocketHandlers {
  return {
    interactive: (body): Answer => {
      const [press] = readButtonPresses(body);
      if (press) return onButton(config, deps, press);
      const sub = readViewSubmission(body);
      if (sub) return onResolveSubmission(config, deps, sub);
      return { ack: {} };
    },
    slashCommand: (body): Answer => {
      const cmd = readSlashCommand(body);
      return cmd ? onSlashCommand(config, deps, cmd) : { ack: {} };
    },
  };
}
