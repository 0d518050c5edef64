// The shipped Slack app manifest gives the app what the code uses: the scopes of every Web API
// method followthrough calls, Socket Mode, interactivity, and the slash command it answers.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../../support/run-cli.ts';

const manifest = parse(readFileSync(join(repoRoot, 'config', 'slack-app-manifest.yaml'), 'utf8')) as {
  features: { slash_commands: Array<{ command: string }>; bot_user: { display_name: string } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; interactivity: { is_enabled: boolean } };
};

describe('config/slack-app-manifest.yaml', () => {
  it('asks for the scopes of the methods followthrough calls, and nothing it does not use', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['channels:history', 'channels:read', 'chat:write', 'commands', 'groups:history', 'groups:read'].sort(),
    );
  });

  it('turns on Socket Mode and interactivity, and declares /followthrough', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/followthrough']);
    expect(manifest.features.bot_user.display_name).toBe('followthrough');
  });
});
