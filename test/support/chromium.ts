// Headless Chromium for tests that check HTML in a real browser. Debian's /usr/bin/chromium is used
// because npm's browser downloads fail offline (.ci/run installs it with apt). The flags stop it
// reaching for the network on its own (shared/STACK.md: "A real browser").

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Browser tests are skipped only on request, never because the browser is missing (CI must fail then). */
export function browserTestsSkipped(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.FOLLOWTHROUGH_SKIP_BROWSER === '1';
}

export interface HeadlessChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launch with a fresh profile in a temp dir (removed on close). */
export async function launchChromium(): Promise<HeadlessChromium> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `${chromiumPath} is missing: install it with \`apt-get install -y chromium\` (.ci/run does), or set FOLLOWTHROUGH_SKIP_BROWSER=1 to skip browser tests`,
    );
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'followthrough-chromium-'));
  try {
    // Playwright refuses --user-data-dir in args; a persistent context passes our fresh dir itself.
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [...chromiumArgs],
      timeout: 20_000,
    });
    return {
      context,
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
}
