// Worker memory: resident set (peak, VmHWM) of the real `followthrough run` process through its
// start-up cycle — polling the fake GOV.UK feed, matching, posting to the fake Slack — beside the
// same worker run from src/ under the TypeScript loader (how it ran before the compiled build).
// Goal: ≤ 120 MB.

import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFakeGovuk, govukPaths } from '../support/fake-govuk.ts';
import { startFakeSlack } from '../support/fake-slack.ts';
import { isolatedEnv, parseLogs, repoRoot } from '../support/run-cli.ts';
import { tempConfig } from '../support/temp-config.ts';
import { fmt, row } from './measure.ts';

const token = 'xoxb-bench-memory';

async function peakRss(args: string[], env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: isolatedEnv(env),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const deadline = Date.now() + 60_000;
  try {
    while (!parseLogs(stderr).some((l) => l.event === 'job.cycle')) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`the worker did not finish a cycle:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1000)); // the delivery tail and digest catch-up
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
  }
}

export async function benchPeakMemory(): Promise<string[]> {
  execFileSync(
    process.execPath,
    [
      fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)),
      '-p',
      'tsconfig.build.json',
    ],
    {
      cwd: repoRoot,
    },
  );
  const govuk = await startFakeGovuk();
  const slack = await startFakeSlack({ token });
  const measureOne = async (args: string[]) => {
    const cfg = tempConfig({ feeds: [{ id: 'home-office', url: govuk.url + govukPaths.organisationFeed }] });
    try {
      return await peakRss(args, { ...cfg.env, SLACK_BOT_TOKEN: token, SLACK_API_URL: slack.url });
    } finally {
      cfg.cleanup();
    }
  };
  try {
    const ours = await measureOne(['dist/cli/followthrough.js', 'run']);
    const before = await measureOne(['--import', 'tsx', 'src/cli/followthrough.ts', 'run']);
    return [
      row('worker peak resident memory, start-up cycle (MB)', fmt(ours, 0), fmt(before, 0), `goal ≤ 120`),
    ];
  } finally {
    await slack.close();
    await govuk.close();
  }
}
