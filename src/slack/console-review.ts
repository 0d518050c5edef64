// A review message as console text, for a run without a Slack token: each item with its reason and
// the command that gives the verdict the Slack buttons give.

import { formatDay } from '../calendar.ts';
import type { AlertPayload, MessageContext } from './alert.ts';
import { reviewReasonPlain } from './build-review.ts';

export function formatConsoleReview(
  p: AlertPayload,
  ctx: MessageContext,
  clean: (text: string, max: number) => string,
): string {
  const c = p.commitment;
  const out = [`[followthrough] for review — ${clean(c.title, 300)} (${c.id})`];
  for (const e of p.reviewItems ?? []) {
    out.push(
      `  - ${clean(e.item.title, 200)} (${clean(e.item.displayType ?? 'GOV.UK', 60)}, ${formatDay(e.item.updatedAt, ctx.timeZone)})`,
      `    ${clean(e.item.url, 500)}`,
      `    why: ${clean(reviewReasonPlain(e.why), 400)}`,
      `    verdict: npx followthrough commitments review ${c.id} --item ${clean(e.item.url, 500)} --verdict evidence|not-related`,
    );
  }
  return out.join('\n');
}
