// What the matcher says about an (item, commitment) pair, and why — alerts show the reason.

export type MatchKind = 'progress' | 'possible-fulfilment';
export type ItemField = 'title' | 'summary' | 'body';

export interface TermHit {
  /** The term or phrase as the analyst wrote it in the rule (`customs partnership`, `smuggl*`). */
  term: string;
  /** Every field it hit, in the order title, summary, body. */
  fields: ItemField[];
  /**
   * Feed text around the hit (the summary's when it hit there, else the body's, else the title's),
   * plain text, with the hit words wrapped in HIT_START … HIT_END.
   */
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
  /** Set on a review item no rule matched (kind `related`): the words that tie it to the commitment. */
  review?: ReviewReason;
}

/** Why the review tier raised an item no rule matched (review-score.ts). */
export interface ReviewReason {
  /** `commitment`: it shares the commitment's own words; `evidence`: it is like an item a person confirmed. */
  basis: 'commitment' | 'evidence';
  /** The commitment's mechanism words it shares, strongest first (folded, as written). */
  mechanism: string[];
  /** Topic words it shares (places, what the whole announcement is about). */
  topic: string[];
  /** The confirmed evidence it is most like, and the rare words they share. */
  like?: { itemId: number; title: string; words: string[] };
}

export interface MatchHit {
  commitmentId: string;
  itemId: number;
  kind: MatchKind;
  /** Per distinct term, title hits count 2, summary 1, body 0.5: higher is stronger evidence. */
  score: number;
  why: MatchReason;
}

/** An item as the matcher sees it. */
export interface MatchableItem {
  id: number;
  title: string;
  summary: string;
  /** The page's text, when it has been fetched. */
  body?: string;
  /** ISO instant; items before a commitment's source date are never matched to it. */
  updatedAt: string;
  /** Identifies the publication (its canonical path): the commitment's own announcement is never a hit. */
  key?: string;
}
