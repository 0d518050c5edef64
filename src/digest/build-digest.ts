// The weekly digest as a structure (pure: built from DigestFacts alone, `now` included).
// Each commitment appears in at most one status section, chosen in this order:
//   resolved this week → Resolved · overdue, or past its due date and grace days → Overdue ·
//   due within 14 days (or due-soon) → Due soon · stale → Stale · open with nothing new → Quiet.
// Anything past due (and its grace) is under Overdue, never Due soon, whatever status was recorded.
// Every figure is as of `facts.asOf` (the end of the week, for a past week), never the build time.
// Commitments with evidence matched this week also appear under New evidence; an open one with
// new evidence appears there only. Commitments resolved in an earlier week appear in no status section.
// Text is decoded to plain text and URLs are checked here once; renderers only escape.

import type { CommitmentStatus } from '../commitments/commitment.ts';
import { isManual } from '../commitments/lifecycle.ts';
import { localDay } from '../calendar.ts';
import type { DigestCommitment, DigestFacts, DigestWeek } from './digest-facts.ts';
import type { TextPart } from './digest-text.ts';
import { type DigestReview, reviewSection } from './digest-review.ts';
import { listSharedOnce } from './shared-evidence.ts';
import { daysToDue, entryFor, feedSummary, fulfilments, overdueDays, weekText } from './digest-entry.ts';

/** Grace days of a commitment whose facts do not say (the commitments file's default). */
const defaultGraceDays = 7;

/** Horizon of the Due soon section. */
export const dueSoonHorizonDays = 14;

export type DigestSectionId = 'overdue' | 'due-soon' | 'new-evidence' | 'resolved' | 'stale' | 'quiet';

export const sectionOrder: readonly DigestSectionId[] = [
  'overdue',
  'due-soon',
  'new-evidence',
  'resolved',
  'stale',
  'quiet',
];

export const sectionTitles: Readonly<Record<DigestSectionId, string>> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'new-evidence': 'New evidence this week',
  resolved: 'Resolved this week',
  stale: 'Stale',
  quiet: 'Quiet',
};

export interface DigestHeadline {
  /** Every commitment the digest covers, resolved ones included. */
  watched: number;
  /** Those not resolved by a person. */
  open: number;
  overdue: number;
  /** Due in the next 14 days (or in their grace days). */
  dueSoon: number;
  metThisWeek: number;
  withNewEvidence: number;
  /** Distinct items matched this week. */
  newItems: number;
  stale: number;
}

/** A link: `text` is what is shown (often feed text), `label` our words before it. `url` is a checked http(s) URL. */
export interface DigestLink {
  label?: string;
  text: string;
  url?: string;
}

/** Data for the HTML digest's bar: announcement → due date, with a marker for today. */
export interface DigestBar {
  /** `YYYY-MM-DD`, the announcement. */
  start: string;
  /** `YYYY-MM-DD`, the last on-time day; absent when there is no due date. */
  due?: string;
  /** `YYYY-MM-DD`, the local day of `now`. */
  today: string;
}

export interface DigestEvidenceLine {
  title: string;
  url?: string;
  displayType?: string;
  /** Local day of the item's GOV.UK timestamp, formatted (`7 May 2024`). */
  day: string;
  possibleFulfilment: boolean;
  /** The match rule that hit. */
  rule: string;
  terms: string[];
  /** Feed text around the hits, hit words marked. */
  contexts: TextPart[][];
  /** The fulfilment expression, for a possible fulfilment. */
  fulfilment?: string;
  /** Other commitments this item is evidence for (it is listed once, under the first). */
  alsoFor?: Array<{ id: string; title: string; threadUrl?: string }>;
}

export interface DigestEntry {
  id: string;
  title: string;
  status: CommitmentStatus;
  /** `overdue`, `due soon`, `partly met`… */
  statusLabel: string;
  threadUrl?: string;
  sourceUrl?: string;
  /** Short plain facts in reading order (`12 days overdue`, `due 2024-04 (by 30 Apr 2024)`). */
  facts: string[];
  links: DigestLink[];
  /** A person's words: the resolution note. */
  note?: string;
  /** Only in New evidence: the week's items, newest first. */
  evidence: DigestEvidenceLine[];
  bar: DigestBar;
}

export interface DigestSection {
  id: DigestSectionId;
  title: string;
  entries: DigestEntry[];
}

export interface DigestFeedProblem {
  id: string;
  url: string;
  dead: boolean;
  /** One plain line: `3 failures since 2 May 2024: HTTP 503` or the reason it is dead. */
  summary: string;
}

export interface DigestFooter {
  feeds: DigestFeedProblem[];
  itemsSeen: number;
  alertsDelivered: number;
}

export interface Digest {
  week: DigestWeek;
  /** `6 May 2024 to 12 May 2024`: the week's first and last local days. */
  weekText: string;
  channel: string;
  timezone: string;
  /** `YYYY-MM-DD` local day the figures are as of (the week's last day, for a past week). */
  today: string;
  builtAt: string;
  headline: DigestHeadline;
  /** Non-empty sections, in `sectionOrder`. */
  sections: DigestSection[];
  /** Items raised for review this week and not judged yet, per commitment; absent when none wait. */
  forReview?: DigestReview;
  /** No new evidence and no resolution this week: the digest says so. */
  nothingNew: boolean;
  footer: DigestFooter;
}

export function buildDigest(facts: DigestFacts): Digest {
  const tz = facts.timezone;
  const now = new Date(facts.asOf ?? facts.now);
  const today = localDay(now, tz);
  const buckets = new Map<DigestSectionId, DigestCommitment[]>(sectionOrder.map((id) => [id, []]));
  for (const c of facts.commitments) {
    if (c.newEvidence.length > 0) buckets.get('new-evidence')?.push(c);
    const section = statusSection(c, today);
    if (section) buckets.get(section)?.push(c);
  }

  const sections: DigestSection[] = [];
  for (const id of sectionOrder) {
    const list = [...(buckets.get(id) ?? [])].sort(sectionSort[id](today));
    if (list.length === 0) continue;
    const entries = list.map((c) => entryFor(id, c, now, today, tz));
    sections.push({
      id,
      title: sectionTitles[id],
      entries: id === 'new-evidence' ? listSharedOnce(entries) : entries,
    });
  }
  const count = (id: DigestSectionId): number => buckets.get(id)?.length ?? 0;
  const itemUrls = new Set(facts.commitments.flatMap((c) => c.newEvidence.map((e) => e.item.url)));
  const forReview = reviewSection(facts.commitments, tz);

  return {
    week: facts.week,
    weekText: weekText(facts.week, tz),
    channel: facts.channel,
    timezone: tz,
    today,
    builtAt: facts.now,
    headline: {
      watched: facts.commitments.length,
      open: facts.commitments.filter((c) => !isManual(c.status)).length,
      overdue: count('overdue'),
      dueSoon: count('due-soon'),
      metThisWeek: facts.commitments.filter((c) => c.resolvedThisWeek?.status === 'met').length,
      withNewEvidence: count('new-evidence'),
      newItems: itemUrls.size,
      stale: count('stale'),
    },
    sections,
    ...(forReview ? { forReview } : {}),
    nothingNew: count('new-evidence') === 0 && count('resolved') === 0,
    footer: {
      feeds: facts.feeds
        .filter((f) => f.dead || f.failures > 0)
        .sort((a, b) => Number(b.dead) - Number(a.dead) || a.id.localeCompare(b.id))
        .map((f) => ({ id: f.id, url: f.url, dead: f.dead, summary: feedSummary(f, tz) })),
      itemsSeen: facts.itemsSeen,
      alertsDelivered: facts.alertsDelivered,
    },
  };
}

function statusSection(c: DigestCommitment, today: string): DigestSectionId | undefined {
  if (c.resolvedThisWeek) return 'resolved';
  if (isManual(c.status)) return undefined;
  const left = daysToDue(c, today);
  if (c.status === 'overdue' || (left !== undefined && left < -(c.graceDays ?? defaultGraceDays)))
    return 'overdue';
  if (c.status === 'due-soon' || (left !== undefined && left <= dueSoonHorizonDays)) return 'due-soon';
  if (c.status === 'stale') return 'stale';
  return c.newEvidence.length > 0 ? undefined : 'quiet';
}

type Compare = (a: DigestCommitment, b: DigestCommitment) => number;

const byTitle: Compare = (a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

const sectionSort: Record<DigestSectionId, (today: string) => Compare> = {
  overdue: (today) => (a, b) => overdueDays(b, today) - overdueDays(a, today) || byTitle(a, b),
  'due-soon': (today) => (a, b) => (daysToDue(a, today) ?? 0) - (daysToDue(b, today) ?? 0) || byTitle(a, b),
  'new-evidence': () => (a, b) =>
    fulfilments(b) - fulfilments(a) || b.newEvidence.length - a.newEvidence.length || byTitle(a, b),
  resolved: () => (a, b) =>
    (a.resolvedThisWeek?.at ?? '').localeCompare(b.resolvedThisWeek?.at ?? '') || byTitle(a, b),
  stale: () => (a, b) => (b.daysSinceEvidence ?? 0) - (a.daysSinceEvidence ?? 0) || byTitle(a, b),
  quiet: (today) => (a, b) =>
    (daysToDue(a, today) ?? Infinity) - (daysToDue(b, today) ?? Infinity) || byTitle(a, b),
};
