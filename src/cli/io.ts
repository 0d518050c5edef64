// What a command may touch of the outside world, passed in so tests can run commands in-process.

import type { LogFormat } from '../log.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard output is a terminal: show progress. */
  isTTY: boolean;
  /** Where interactive answers come from, and whether a person is typing them. */
  input: NodeJS.ReadableStream;
  inputIsTTY: boolean;
  /** Standard error is a terminal: logs as readable lines rather than JSON. */
  errIsTTY: boolean;
  /** `--log-format`, when given. */
  logFormat?: LogFormat;
}

export function processIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    input: process.stdin,
    inputIsTTY: Boolean(process.stdin.isTTY),
    errIsTTY: Boolean(process.stderr.isTTY),
  };
}

/** 4: Slack refuses our posts (not_in_channel, invalid_auth…) until a person fixes it; `status` says how. */
export const exitCodes = { ok: 0, failure: 1, usage: 2, feedsFailed: 3, deliveryBlocked: 4 } as const;
