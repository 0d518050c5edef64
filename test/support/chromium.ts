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

/**
 * Why the browser tests cannot run here, or undefined when they must run. On a developer's machine
 * without Chromium they are skipped with the reason said; under CI=true they are required, and a
 * missing browser fails them (.ci/run installs it). FOLLOWTHROUGH_SKIP_BROWSER=1 skips them anywhere.
 */
export function browserSkipReason(
  env: NodeJS.ProcessEnv = process.env,
  installed: (path: string) => boolean = existsSync,
): string | undefined {
  if (env.FOLLOWTHROUGH_SKIP_BROWSER === '1') return 'FOLLOWTHROUGH_SKIP_BROWSER=1 is set';
  if (env.CI === 'true' || env.CI === '1') return undefined;
  if (!installed(chromiumPath))
    return `${chromiumPath} is not installed (install it with \`apt-get install -y chromium\`; under CI=true it is required)`;
  return undefined;
}

export interface HeadlessChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launch with a fresh profile in a temp dir (removed on close). */
export async function launchChromium(): Promise<HeadlessChromium> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `${chromiumPath} is missing: install it with \`apt-get install -y chromium\` (.ci/run does); browser tests are required under CI=true`,
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
