// The facts a weekly digest is built from, gathered from the store by the digest job.
// The digest itself (sections, rendering) is a pure function of these facts.

import type { CommitmentStatus } from '../commitments/commitment.ts';
import type { CommitmentView } from '../commitments/commitment-view.ts';
import type { MatchKind, MatchReason } from '../match/match-types.ts';

export interface DigestWeek {
  /** ISO week label, e.g. `2024-W19`. */
  label: string;
  /** Monday 00:00 in the configured timezone, as an ISO UTC instant (inclusive). */
  start: string;
  /** The next Monday 00:00 local, ISO UTC instant (exclusive). */
  end: string;
}

export interface DigestEvidence {
  item: {
    url: string;
    title: string;
    displayType: string | null;
    publisher?: string | null;
    updatedAt: string;
  };
  kind: MatchKind | 'related';
  why: MatchReason;
  /** When followthrough matched it (within the week for "new evidence"). */
  matchedAt: string;
}

/** An item the review tier raised: no rule matched it, and no person has judged it yet. */
export interface DigestReviewItem {
  item: { url: string; title: string; displayType: string | null; updatedAt: string };
  why: MatchReason;
  /** When it was raised. */
  raisedAt: string;
}

/** The commitment as alerts show it (its status as of the end of the week, or `now` if earlier), and the week's facts. */
export interface DigestCommitment extends CommitmentView {
  /** `YYYY-MM-DD`, the announcement's date: the start of the bar in the HTML digest. */
  sourcePublished: string;
  /** Link to the commitment's Slack thread, when it has one. */
  threadUrl?: string;
  daysOverdue?: number;
  /** Days after the due date before it is overdue (7 when absent). */
  graceDays?: number;
  /** Days until the due date (negative once past). */
  daysToDue?: number;
  lastEvidence?: { title: string; url: string; updatedAt: string };
  daysSinceEvidence?: number;
  lastRemindedAt?: string;
  snoozedUntil?: string;
  /** Evidence matched during the week, newest first. */
  newEvidence: DigestEvidence[];
  /** Items raised for review during the week that no person has judged yet, best first. */
  forReview?: DigestReviewItem[];
  /** A person's resolution during the week. */
  resolvedThisWeek?: {
    status: CommitmentStatus;
    at: string;
    actor: string;
    note?: string;
    evidenceUrl?: string;
  };
}

export interface DigestFeedHealth {
  id: string;
  url: string;
  failures: number;
  lastError?: string;
  lastSuccessAt?: string;
  dead: boolean;
  deadReason?: string;
}

export interface DigestFacts {
  week: DigestWeek;
  timezone: string;
  /** Slack channel the digest is for (commitments whose channel resolves to it). */
  channel: string;
  /** When the digest was built, ISO instant. */
  now: string;
  /**
   * The instant every figure is computed as of: the end of the week, or `now` if that is earlier.
   * A digest for a past week says what was true then; nothing of "today" leaks in. Absent: `now`.
   */
  asOf?: string;
  commitments: DigestCommitment[];
  /** Every feed; the digest's footer lists those failing or dead. */
  feeds: DigestFeedHealth[];
  itemsSeen: number;
  alertsDelivered: number;
}
