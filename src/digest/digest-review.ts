// The digest's "For review" (pure): per commitment, the items raised for review during the week that
// no person has judged yet, each with why it was raised in words (the shared words marked, as the hit
// words of a context are). A verdict takes an item out: it is then evidence, or nothing. It is listed
// after the status sections, as a to-do, and counts in no headline figure: review items are not evidence.

import { formatCalendarDay, localDay } from '../calendar.ts';
import type { MatchReason } from '../match/match-types.ts';
import type { DigestCommitment } from './digest-facts.ts';
import { plainText, plural, safeHttpUrl, type TextPart } from './digest-text.ts';

export const reviewTitle = 'For review';

export interface DigestReviewLine {
  title: string;
  url?: string;
  /** The publisher (the item's display type), or GOV.UK. */
  publisher: string;
  /** Local day of the item's GOV.UK timestamp, formatted (`7 May 2024`). */
  day: string;
  /** Why it was raised, in words; the shared words are marked `hit`. */
  reason: TextPart[];
}

export interface DigestReviewEntry {
  id: string;
  title: string;
  threadUrl?: string;
  /** `2 items to judge in its thread`. */
  fact: string;
  items: DigestReviewLine[];
}

export interface DigestReview {
  title: string;
  entries: DigestReviewEntry[];
}

/** Undefined when nothing waits for a verdict. Commitments keep the order the facts give them. */
export function reviewSection(commitments: DigestCommitment[], tz: string): DigestReview | undefined {
  const entries = commitments
    .filter((c) => (c.forReview ?? []).length > 0)
    .map((c) => {
      const items = c.forReview!;
      return {
        id: c.id,
        title: plainText(c.title) || c.id,
        ...(safeHttpUrl(c.threadUrl) ? { threadUrl: safeHttpUrl(c.threadUrl)! } : {}),
        fact: `${plural(items.length, 'item')} to judge in its thread`,
        items: items.map((r) => ({
          title: plainText(r.item.title) || r.item.url,
          ...(safeHttpUrl(r.item.url) ? { url: safeHttpUrl(r.item.url)! } : {}),
          publisher: plainText(r.item.displayType ?? '') || 'GOV.UK',
          day: instantDay(r.item.updatedAt, tz),
          reason: reviewReasonParts(r.why),
        })),
      };
    });
  return entries.length > 0 ? { title: reviewTitle, entries } : undefined;
}

/** The reason a review item was raised, as the review message words it, the shared words marked. */
export function reviewReasonParts(why: MatchReason): TextPart[] {
  const parts: TextPart[] = [];
  const text = (t: string): void => void parts.push({ text: t, hit: false });
  const words = (list: string[]): void =>
    list
      .map(plainText)
      .filter((w) => w.length > 0)
      .forEach((w, i) => {
        if (i > 0) text(', ');
        parts.push({ text: w, hit: true });
      });
  const r = why.review;
  if (!r) {
    // A rule that matched only the page body.
    const terms = [...new Set(why.hits.map((h) => h.term))].slice(0, 4);
    text(`the rule ${plainText(why.rule)} matched only the page body`);
    if (terms.length) {
      text(' (');
      words(terms);
      text(')');
    }
    return parts;
  }
  if (r.basis === 'evidence' && r.like) {
    text('shares ');
    words(r.like.words);
    text(` with evidence a person confirmed: “${plainText(r.like.title)}”`);
    return parts;
  }
  text('shares ');
  words(r.mechanism.slice(0, 4));
  text(' with the commitment');
  if (r.topic.length) {
    text(', about ');
    words(r.topic.slice(0, 2));
  }
  return parts;
}

function instantDay(iso: string, tz: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? plainText(iso) : formatCalendarDay(localDay(at, tz), 'short');
}
