// What the matcher says about an (item, commitment) pair, and why — alerts show the reason.

export type MatchKind = 'progress' | 'possible-fulfilment';
export type ItemField = 'title' | 'summary';

export interface TermHit {
  /** The term or phrase as the analyst wrote it in the rule (`customs partnership`, `smuggl*`). */
  term: string;
  /** Where it hit. */
  fields: ItemField[];
  /** Feed text around the hit, plain text, with the hit words wrapped in HIT_START … HIT_END. */
  context: string;
}

/** Marker characters (Unicode private use) around hit words in `TermHit.context`; renderers turn them into bold. */
export const HIT_START = '\uE000';
export const HIT_END = '\uE001';

export interface MatchReason {
  /** The expression from the commitment's `match` list that matched. */
  rule: string;
  hits: TermHit[];
  /** The `fulfilment` expression that hit, when the kind is possible-fulfilment. */
  fulfilment?: string;
  fulfilmentHits?: TermHit[];
}

export interface MatchHit {
  commitmentId: string;
  itemId: number;
  kind: MatchKind;
  /** Title hits count 2, summary hits 1, per distinct term: higher is stronger evidence. */
  score: number;
  why: MatchReason;
}

/** An item as the matcher sees it. */
export interface MatchableItem {
  id: number;
  title: string;
  summary: string;
  /** ISO instant; items before a commitment's source date are never matched to it. */
  updatedAt: string;
}
