// One commitment's line in a digest section, in words (pure): the facts the section is about,
// its links, and for New evidence the week's items with the rule and words that matched.
// Text is decoded to plain text and URLs are checked here once; renderers only escape.

import { itemSourceLabel } from '../slack/item-source.ts';
import { addDays, daysBetween, formatCalendarDay, localDay } from '../calendar.ts';
import type { CommitmentStatus } from '../commitments/commitment.ts';
import type { DigestEntry, DigestEvidenceLine, DigestLink, DigestSectionId } from './build-digest.ts';
import type { DigestCommitment, DigestFacts, DigestWeek } from './digest-facts.ts';
import { plainText, plural, safeHttpUrl, splitHits } from './digest-text.ts';

export function daysToDue(c: DigestCommitment, today: string): number | undefined {
  if (c.daysToDue !== undefined) return c.daysToDue;
  return c.dueLastDay ? daysBetween(today, c.dueLastDay) : undefined;
}

export const fulfilments = (c: DigestCommitment): number =>
  c.newEvidence.filter((e) => e.kind === 'possible-fulfilment').length;

export function overdueDays(c: DigestCommitment, today: string): number {
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

export function entryFor(
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
      // Past its grace days too it is under Overdue (build-digest), never here.
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
        : `the announcement (${formatCalendarDay(c.sourcePublished, 'short')})`;
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
  // What it is and who published it: `Written statement · Home Office`.
  const displayType = plainText(itemSourceLabel(e.item));
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
    ? `due ${formatCalendarDay(c.dueLastDay, 'short')}`
    : `due ${text} (by ${formatCalendarDay(c.dueLastDay, 'short')})`;
}

function instantDay(iso: string, tz: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? plainText(iso) : formatCalendarDay(localDay(at, tz), 'short');
}

export function weekText(week: DigestWeek, tz: string): string {
  const first = localDay(new Date(week.start), tz);
  const last = addDays(localDay(new Date(week.end), tz), -1);
  return `${formatCalendarDay(first, 'short')} to ${formatCalendarDay(last, 'short')}`;
}

export function feedSummary(f: DigestFacts['feeds'][number], tz: string): string {
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
