// The weekly digest as a structure (pure: built from DigestFacts alone, `now` included).
// Each commitment appears in at most one status section, chosen in this order:
//   resolved this week → Resolved · overdue → Overdue · due within 14 days (or due-soon) → Due soon ·
//   stale → Stale · open with nothing new → Quiet.
// Commitments with evidence matched this week also appear under New evidence; an open one with
// new evidence appears there only. Commitments resolved in an earlier week appear in no status section.
// Text is decoded to plain text and URLs are checked here once; renderers only escape.

import type { CommitmentStatus } from '../commitments/commitment.ts';
import { manualStatuses } from '../commitments/commitment.ts';
import { addDays, daysBetween, localDay } from '../calendar.ts';
import type { DigestCommitment, DigestFacts, DigestWeek } from './digest-facts.ts';
import type { TextPart } from './digest-text.ts';
import { formatDay, plainText, plural, safeHttpUrl, splitHits } from './digest-text.ts';

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
  /** `YYYY-MM-DD` local day of `now`. */
  today: string;
  builtAt: string;
  headline: DigestHeadline;
  /** Non-empty sections, in `sectionOrder`. */
  sections: DigestSection[];
  /** No new evidence and no resolution this week: the digest says so. */
  nothingNew: boolean;
  footer: DigestFooter;
}

export function buildDigest(facts: DigestFacts): Digest {
  const tz = facts.timezone;
  const now = new Date(facts.now);
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
    sections.push({
      id,
      title: sectionTitles[id],
      entries: list.map((c) => entryFor(id, c, now, today, tz)),
    });
  }
  const count = (id: DigestSectionId): number => buckets.get(id)?.length ?? 0;
  const itemUrls = new Set(facts.commitments.flatMap((c) => c.newEvidence.map((e) => e.item.url)));

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

function isManual(status: CommitmentStatus): boolean {
  return (manualStatuses as readonly string[]).includes(status);
}

function daysToDue(c: DigestCommitment, today: string): number | undefined {
  if (c.daysToDue !== undefined) return c.daysToDue;
  return c.dueLastDay ? daysBetween(today, c.dueLastDay) : undefined;
}

function statusSection(c: DigestCommitment, today: string): DigestSectionId | undefined {
  if (c.resolvedThisWeek) return 'resolved';
  if (isManual(c.status)) return undefined;
  if (c.status === 'overdue') return 'overdue';
  const left = daysToDue(c, today);
  if (c.status === 'due-soon' || (left !== undefined && left <= dueSoonHorizonDays)) return 'due-soon';
  if (c.status === 'stale') return 'stale';
  return c.newEvidence.length > 0 ? undefined : 'quiet';
}

type Compare = (a: DigestCommitment, b: DigestCommitment) => number;

const byTitle: Compare = (a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
const fulfilments = (c: DigestCommitment): number =>
  c.newEvidence.filter((e) => e.kind === 'possible-fulfilment').length;

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

function overdueDays(c: DigestCommitment, today: string): number {
  return c.daysOverdue ?? -(daysToDue(c, today) ?? 0);
}

const statusLabels: Record<CommitmentStatus, string> = {
  open: 'open',
  'due-soon': 'due soon',
  overdue: 'overdue',
  stale: 'stale',
  met: 'met',
  'partly-met': 'partly met',
  dropped: 'dropped',
  superseded: 'superseded',
};

function entryFor(
  section: DigestSectionId,
  c: DigestCommitment,
  now: Date,
  today: string,
  tz: string,
): DigestEntry {
  const facts: string[] = [];
  const links: DigestLink[] = [];
  const due = dueFact(c);
  const left = daysToDue(c, today);
  const lastEvidence = (): void => {
    if (c.lastEvidence) {
      links.push({
        label: `last evidence, ${instantDay(c.lastEvidence.updatedAt, tz)}`,
        text: plainText(c.lastEvidence.title),
        url: safeHttpUrl(c.lastEvidence.url),
      });
    } else {
      facts.push('no evidence yet');
    }
  };
  const owners = (): void => {
    if (c.owners.length > 0) facts.push(`owners: ${c.owners.map(plainText).join(', ')}`);
  };
  let note: string | undefined;

  switch (section) {
    case 'overdue': {
      facts.push(`${plural(overdueDays(c, today), 'day')} overdue`);
      if (due) facts.push(due);
      facts.push(c.lastRemindedAt ? `last reminded ${instantDay(c.lastRemindedAt, tz)}` : 'not reminded yet');
      if (c.snoozedUntil && Date.parse(c.snoozedUntil) > now.getTime())
        facts.push(`reminders snoozed until ${instantDay(c.snoozedUntil, tz)}`);
      owners();
      lastEvidence();
      break;
    }
    case 'due-soon': {
      if (left !== undefined)
        facts.push(
          left > 0
            ? `due in ${plural(left, 'day')}`
            : left === 0
              ? 'due today'
              : `${plural(-left, 'day')} past due, in its grace days`,
        );
      if (due) facts.push(due);
      owners();
      lastEvidence();
      break;
    }
    case 'new-evidence': {
      facts.push(plural(c.newEvidence.length, 'new item'));
      const possible = fulfilments(c);
      if (possible > 0) facts.push(plural(possible, 'possible fulfilment'));
      if (due) facts.push(due);
      break;
    }
    case 'resolved': {
      const r = c.resolvedThisWeek;
      if (r) {
        facts.push(`marked ${statusLabels[r.status]} by ${plainText(r.actor)} on ${instantDay(r.at, tz)}`);
        if (r.note && plainText(r.note)) note = plainText(r.note);
        const url = safeHttpUrl(r.evidenceUrl);
        if (r.evidenceUrl) links.push({ label: 'evidence', text: url ?? plainText(r.evidenceUrl), url });
      }
      if (due) facts.push(due);
      break;
    }
    case 'stale': {
      const since = c.lastEvidence
        ? 'the last evidence'
        : `the announcement (${formatDay(c.sourcePublished)})`;
      const days =
        c.daysSinceEvidence ??
        daysBetween(
          c.lastEvidence ? localDay(new Date(c.lastEvidence.updatedAt), tz) : c.sourcePublished,
          today,
        );
      facts.push(`no evidence for ${plural(days, 'day')} since ${since}`);
      if (due) facts.push(due);
      if (c.lastEvidence) lastEvidence();
      break;
    }
    case 'quiet': {
      facts.push(due ?? 'no due date');
      lastEvidence();
      break;
    }
  }

  return {
    id: c.id,
    title: plainText(c.title) || c.id,
    status: c.resolvedThisWeek?.status ?? c.status,
    statusLabel: statusLabels[c.resolvedThisWeek?.status ?? c.status],
    threadUrl: safeHttpUrl(c.threadUrl),
    sourceUrl: safeHttpUrl(c.sourceUrl),
    facts,
    links,
    ...(note ? { note } : {}),
    evidence: section === 'new-evidence' ? c.newEvidence.map((e) => evidenceLine(e, tz)) : [],
    bar: { start: c.sourcePublished, ...(c.dueLastDay ? { due: c.dueLastDay } : {}), today },
  };
}

function evidenceLine(e: DigestCommitment['newEvidence'][number], tz: string): DigestEvidenceLine {
  const hits = [...e.why.hits, ...(e.why.fulfilmentHits ?? [])];
  const displayType = e.item.displayType ? plainText(e.item.displayType) : '';
  const fulfilment = e.why.fulfilment ? plainText(e.why.fulfilment) : '';
  return {
    title: plainText(e.item.title) || e.item.url,
    url: safeHttpUrl(e.item.url),
    ...(displayType ? { displayType } : {}),
    day: instantDay(e.item.updatedAt, tz),
    possibleFulfilment: e.kind === 'possible-fulfilment',
    rule: plainText(e.why.rule),
    terms: [...new Set(hits.map((h) => plainText(h.term)).filter((t) => t.length > 0))],
    contexts: dedupe(hits.map((h) => h.context))
      .map(splitHits)
      .filter((parts) => parts.length > 0),
    ...(fulfilment ? { fulfilment } : {}),
  };
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

function dueFact(c: DigestCommitment): string | undefined {
  if (!c.dueLastDay) return undefined;
  const text = c.due ? plainText(c.due) : c.dueLastDay;
  return text === c.dueLastDay
    ? `due ${formatDay(c.dueLastDay)}`
    : `due ${text} (by ${formatDay(c.dueLastDay)})`;
}

function instantDay(iso: string, tz: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? plainText(iso) : formatDay(localDay(at, tz));
}

function weekText(week: DigestWeek, tz: string): string {
  const first = localDay(new Date(week.start), tz);
  const last = addDays(localDay(new Date(week.end), tz), -1);
  return `${formatDay(first)} to ${formatDay(last)}`;
}

function feedSummary(f: DigestFacts['feeds'][number], tz: string): string {
  const error = f.lastError ? plainText(f.lastError) : '';
  const lastOk = f.lastSuccessAt ? `last success ${instantDay(f.lastSuccessAt, tz)}` : 'no success yet';
  if (f.dead)
    return [`dead: ${plainText(f.deadReason ?? '') || error || 'no reason recorded'}`, lastOk].join(' · ');
  return [
    `${plural(f.failures, 'failure')} in a row`,
    lastOk,
    ...(error ? [`last error: ${error}`] : []),
  ].join(' · ');
}
