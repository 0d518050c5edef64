// The review tier's view of the watched commitments: their words, their rules' terms as written, and
// their announcement's key and title when it is stored.

import type { Commitment } from '../commitments/commitment.ts';
import { canonicalPath } from '../feeds/normalise.ts';
import { compileExpression } from '../match/compile-commitment.ts';
import type { ReviewCommitment } from '../match/review-profile.ts';
import { getItemByPath } from '../store/items-table.ts';
import type { Db } from '../store/open-store.ts';

/** The review tier's view of the watched commitments (their words, rules and announcement). */
export function reviewCommitments(db: Db, commitments: Commitment[]): ReviewCommitment[] {
  return commitments.map((c) => {
    const sourceKey = canonicalPath(c.source.url);
    const announcement = getItemByPath(db, sourceKey);
    return {
      id: c.id,
      title: c.title,
      quote: c.source.quote,
      ...(c.source.context ? { context: c.source.context } : {}),
      sourceUrl: c.source.url,
      sinceDate: c.source.published,
      sourceKey,
      ...(announcement ? { announcementTitle: announcement.title } : {}),
      ruleTerms: c.match.any.flatMap((e) => compileExpression(e).leaves.map((l) => l.term)),
    };
  });
}
