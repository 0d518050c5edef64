// A watched commitment as loaded and validated from the commitments file (config/commitments.yaml).

export type ManualStatus = 'met' | 'partly-met' | 'dropped' | 'superseded';
export type AutoStatus = 'open' | 'due-soon' | 'overdue' | 'stale';
export type CommitmentStatus = AutoStatus | ManualStatus;

export const manualStatuses: readonly ManualStatus[] = ['met', 'partly-met', 'dropped', 'superseded'];

export interface DueDate {
  /** As written: `2024-04-30` (a day) or `2024-04` (by the end of that month). */
  text: string;
  /** The last day that still counts as on time, `YYYY-MM-DD` (a month resolves to its last day). */
  lastDay: string;
}

export interface CommitmentSource {
  url: string;
  /** Publication date of the announcement, `YYYY-MM-DD`; items published before it are never evidence. */
  published: string;
  /** The committing sentence, verbatim. */
  quote: string;
  /** The announcement's own words around the quote (what it elaborates): the review tier reads them. */
  context?: string;
}

export interface MatchRules {
  /** Expressions in the rule language (src/match/rule-language.ts); any one of them is enough. */
  any: string[];
  /** Expressions that, when they hit an item, stop it being evidence. */
  exclude: string[];
}

export interface Commitment {
  id: string;
  title: string;
  source: CommitmentSource;
  owners: string[];
  /** Slack channel override; the config's default channel otherwise. */
  channel?: string;
  due?: DueDate;
  /** Days after the due date before it counts as overdue (default 7). */
  graceDays: number;
  /** Days without evidence after which a commitment is stale (default from config, 90). */
  staleDays: number;
  match: MatchRules;
  /** Expressions that mark an item as possible fulfilment rather than progress. */
  fulfilment: string[];
}
