// The facts an alert is built from. Written to the outbox as JSON when the alert is created,
// so a message sent later (after an outage, a crash) says what was true when it was raised.

import type { CommitmentView } from '../commitments/commitment-view.ts';
import type { MatchReason } from '../match/match-types.ts';

/** Kinds sent in Slack metadata. `summary` reports a batch of matches found in history
 *  (first poll, backfill, a newly added commitment) as one message instead of a burst. */
export type AlertKind =
  | 'digest'
  | 'progress'
  | 'possible-fulfilment'
  | 'due-soon'
  | 'overdue'
  | 'reminder'
  | 'summary'
  | 'notice'
  /** A short thread reply saying what a person did from Slack ("Marked not related by @…"). */
  | 'reply'
  /** Items for review: probably about the commitment though no rule matched, one message per poll. */
  | 'review';

/** The `commitment` of a notice: notices are about followthrough itself, not one commitment. */
export const noticeSubject = '-';

export interface AlertItem {
  url: string;
  title: string;
  displayType: string | null;
  /** Who published it (Home Office, National Crime Agency), when known. */
  publisher?: string | null;
  summary: string;
  /** ISO instant of the GOV.UK public timestamp. */
  updatedAt: string;
  /** True when this is a major update of an item that had matched before. */
  majorUpdate?: boolean;
}

export interface AlertPayload {
  alertId: string;
  kind: AlertKind;
  commitment: CommitmentView;
  /** When the alert was raised (the cycle's `now`). */
  raisedAt: string;
  item?: AlertItem;
  why?: MatchReason;
  /** overdue / reminder: whole days past the due date. */
  daysOverdue?: number;
  /**
   * overdue: set when followthrough first saw the commitment already overdue (a first run, or a
   * commitment added long after its date): the local day it became overdue, `YYYY-MM-DD`. The alert
   * then says plainly "overdue since …" instead of counting hundreds of days.
   */
  overdueSince?: string;
  /** overdue / reminder / due-soon: the newest evidence, if any. */
  lastEvidence?: { title: string; url: string; updatedAt: string };
  evidenceCount?: number;
  /** summary: the matched items (newest first) and how they were found. */
  summaryItems?: Array<{ item: AlertItem; why: MatchReason; kind: 'progress' | 'possible-fulfilment' }>;
  summaryOrigin?: 'baseline' | 'backfill' | 'history';
  /** review: the items shown for a person to judge, best first, each with why it was raised. */
  reviewItems?: Array<{ item: AlertItem; why: MatchReason }>;
  /** digest: one part of a weekly digest. */
  digestPart?: DigestPart;
  /** notice: what went wrong and what to do, one line each (e.g. the commitments file's problems). */
  notice?: { title: string; lines: string[]; fix: string };
  /** reply: what a person did from Slack. */
  reply?: ActionReply;
}

/** What a person did from Slack, for the short reply in the commitment's thread. */
export interface ActionReply {
  action: 'evidence' | 'not-related' | 'resolve' | 'snooze' | 'reopen';
  /** A Slack user id (shown as a mention) or a name. */
  actor: string;
  item?: { url: string; title: string };
  /** resolve, reopen: the status it now has. */
  status?: string;
  /** snooze: ISO instant the reminders resume. */
  until?: string;
  note?: string;
  evidenceUrl?: string;
}

/** The status card: the top-level message of a commitment's thread, kept current with chat.update. */
export interface StatusCardFacts {
  commitment: CommitmentView;
  evidenceCount: number;
  lastEvidence?: {
    title: string;
    url: string;
    updatedAt: string;
    displayType?: string | null;
    publisher?: string | null;
  };
  snoozedUntil?: string;
  /** The committing sentence, shown on the card when short. */
  quote?: string;
  /** When the card was (re)built, ISO instant. */
  asOf: string;
}

/** What every message builder needs besides its facts. */
export interface MessageContext {
  /** The configured zone: dates are shown as the local day in it. */
  timeZone: string;
  /** The Slack app answers buttons (SLACK_APP_TOKEN is set): messages carry them instead of shell commands. */
  interactive?: boolean;
  /** Items of the message a person has judged, by address: they show the verdict instead of both buttons. */
  judged?: ReadonlyMap<string, Judgement>;
}

/** A person's verdict in force on an item, as a message shows it. */
export interface Judgement {
  verdict: 'evidence' | 'not-related';
  /** A Slack user id (shown as a mention) or a name from the CLI. */
  by: string;
  /** ISO instant. */
  at: string;
}

/** One message of a weekly digest, rendered when the digest was built and queued in the outbox. */
export interface DigestPart {
  /** ISO week, e.g. `2024-W19`. */
  week: string;
  part: number;
  parts: number;
  message: SlackMessage;
  /** The whole digest as Markdown, on part 1: what the console shows without a Slack token. */
  markdown?: string;
}

export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
  metadata?: { event_type: string; event_payload: Record<string, string | number | boolean | string[]> };
}
