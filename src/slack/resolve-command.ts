// The commands a person runs to act on an alert, written out in full so they can be copied.
// Arguments are shell-quoted: an evidence URL with `&` would otherwise end the command early.

import { checkedUrl } from './feed-text.ts';

export function resolveCommand(commitmentId: string, evidenceUrl?: string, status = 'met'): string {
  const evidence = checkedUrl(evidenceUrl);
  return (
    `npx followthrough commitments resolve ${shellQuote(commitmentId)} --status ${status} ` +
    `--evidence ${evidence ? shellQuote(evidence) : '<url>'} --note "…"`
  );
}

export function snoozeCommand(commitmentId: string, until: string): string {
  return `npx followthrough commitments snooze ${shellQuote(commitmentId)} --until ${shellQuote(until)} --note "…"`;
}

/** What `Counts as evidence` / `Not related` do, for a message sent without the Slack app. */
export function reviewCommand(commitmentId: string, itemUrl: string | undefined, verdict: string): string {
  const item = checkedUrl(itemUrl);
  return (
    `npx followthrough commitments review ${shellQuote(commitmentId)} ` +
    `--item ${item ? shellQuote(item) : '<url>'} --verdict ${verdict}`
  );
}

export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\-./:=@%+,]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
