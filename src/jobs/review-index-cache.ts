// The review tier's profiles, kept between polls (per open database): building 500 of them costs far
// more than scoring a batch against them, and they change only when a commitment does (its words, its
// rules, its announcement becoming stored), when a person gives a verdict (its examples and learned
// words), or when the history grows enough to move the words' weights: by more than `docsDrift` of
// the items it was built on. Anything else reuses the index as it was.

import type { Commitment } from '../commitments/commitment.ts';
import { canonicalPath } from '../feeds/normalise.ts';
import { buildProfiles } from '../match/review-profile.ts';
import { indexProfiles, type ReviewIndex } from '../match/review-score.ts';
import type { Db } from '../store/open-store.ts';
import {
  lastVerdictId,
  reviewExamples,
  storedItemCount,
  storedPathCount,
  termStats,
} from '../store/review-queries.ts';
import { reviewCommitments } from './review-commitments.ts';

/** A history grown (or shrunk) by more than this share rebuilds the profiles: weights move slowly. */
export const docsDrift = 0.02;

interface Cached {
  key: string;
  docs: number;
  index: ReviewIndex;
}

const cache = new WeakMap<Db, Cached>();

export interface ReviewIndexOutcome {
  index: ReviewIndex;
  rebuilt: boolean;
}

export function reviewIndexFor(db: Db, open: Commitment[]): ReviewIndexOutcome {
  const docs = storedItemCount(db);
  const key = JSON.stringify([
    open.map((c) => [c.id, c.title, c.source, c.match.any]),
    lastVerdictId(db),
    storedPathCount(db, [...new Set(open.map((c) => canonicalPath(c.source.url)))]),
  ]);
  const held = cache.get(db);
  if (held && held.key === key && Math.abs(docs - held.docs) <= held.docs * docsDrift)
    return { index: held.index, rebuilt: false };
  const index = indexProfiles(buildProfiles(reviewCommitments(db, open), termStats(db), reviewExamples(db)));
  cache.set(db, { key, docs, index });
  return { index, rebuilt: true };
}
