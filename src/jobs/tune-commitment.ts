// `commitments tune <id>`: what the history says a commitment's rules miss, and lines that would catch
// it. Near misses are the review candidates (raised and not judged yet, or what the review tier would
// raise now from the stored history) and the items that share rare words with evidence a person
// confirmed. Proposed lines (match/propose-lines.ts) catch the items marked evidence and none marked not
// related; each is then run by the real matcher over the whole stored history, and what it would newly
// catch (beyond the current rules) is shown, flagged when it is a lot. Nothing is written.

import { dayOfInstant } from '../calendar.ts';
import type { Commitment } from '../commitments/commitment.ts';
import type { Config } from '../config/config.ts';
import { compileCommitment, compileExpression } from '../match/compile-commitment.ts';
import { matchHistory } from '../match/match-history.ts';
import { proposeLines } from '../match/propose-lines.ts';
import { exampleVector } from '../match/review-profile.ts';
import { indexProfiles, itemVector, scoreReviews } from '../match/review-score.ts';
import { reviewReasonPlain } from '../slack/build-review.ts';
import { historyQueries } from '../store/item-queries.ts';
import { getItem } from '../store/items-table.ts';
import type { Db } from '../store/open-store.ts';
import { judgedItems, termStats, unjudgedReviews } from '../store/review-queries.ts';
import { compileWatched } from './match-pending.ts';
import { reviewIndexFor } from './review-index-cache.ts';

export interface TuneItem {
  url: string;
  title: string;
  /** Local day of its public timestamp. */
  day: string;
}

export interface TuneProposal {
  line: string;
  /** The confirmed items it catches. */
  catchesEvidence: TuneItem[];
  /** Stored items it catches that the current rules do not (newest first, the first few). */
  newlyCatches: TuneItem[];
  newlyTotal: number;
  /** It would newly catch far more than the evidence it was made from: read them before adding it. */
  catchesALot: boolean;
}

export interface TuneReport {
  commitmentId: string;
  title: string;
  /** Its `match.any` lines now. */
  lines: string[];
  judged: { evidence: number; notRelated: number };
  reviewCandidates: Array<TuneItem & { why: string }>;
  nearEvidence: Array<TuneItem & { words: string[]; like: string }>;
  proposals: TuneProposal[];
}

const shown = 10;

export function tuneCommitment(config: Config, open: Commitment[], db: Db, c: Commitment): TuneReport {
  const tz = config.timezone;
  const judged = judgedItems(db, c.id);
  const judgedIds = new Set(judged.map((j) => j.itemId));
  const q = historyQueries(db);
  const since = { timeZone: tz, since: c.source.published };
  const caughtNow = new Set(matchHistory(q, compileWatched(c), since).map((h) => h.itemId));
  const toItem = (id: number): TuneItem | undefined => {
    const i = getItem(db, id);
    return i ? { url: i.url, title: i.title, day: dayOfInstant(i.updatedAt, tz) ?? '' } : undefined;
  };
  const ix = reviewIndexFor(db, open.some((x) => x.id === c.id) ? open : [...open, c]).index;
  const profile = ix.profiles.find((p) => p.id === c.id)!;
  const stats = termStats(db);

  // Review candidates: raised and waiting, then what the tier would raise from the history now.
  const reviewCandidates: TuneReport['reviewCandidates'] = unjudgedReviews(db, c.id).map((r) => ({
    url: r.url,
    title: r.title,
    day: dayOfInstant(r.itemUpdatedAt, tz) ?? '',
    why: reviewReasonPlain(r.why),
  }));
  const mechanism = [...profile.terms.values()].filter((t) => t.role === 'mechanism').map((t) => t.word);
  const fromHistory = scoreReviews(historyItems(db, mechanism), indexProfiles([profile]), { timeZone: tz });
  for (const cand of fromHistory.sort((a, b) => b.score - a.score)) {
    if (caughtNow.has(cand.itemId) || judgedIds.has(cand.itemId)) continue;
    const item = toItem(cand.itemId);
    if (!item || reviewCandidates.some((r) => r.url === item.url)) continue;
    reviewCandidates.push({ ...item, why: reviewReasonPlain({ rule: '', hits: [], review: cand.reason }) });
  }

  // Items sharing rare words with confirmed evidence.
  const evidence = judged.filter((j) => j.verdict === 'evidence');
  const vectors = evidence.map((e) => exampleVector({ ...e, verdict: 'evidence' }, stats));
  const rare = [...new Set(vectors.flatMap((v) => topWords(v.terms)))];
  const nearEvidence: TuneReport['nearEvidence'] = [];
  for (const item of historyItems(db, rare)) {
    if (caughtNow.has(item.id) || judgedIds.has(item.id)) continue;
    if (dayOfInstant(item.updatedAt, tz)! < c.source.published) continue;
    const v = itemVector(item);
    let best: { like: string; words: string[] } | undefined;
    for (const e of vectors) {
      const words = [...e.terms.values()]
        .filter((t) => t.role === 'mechanism' && v.has(t.term) && profile.terms.get(t.term)?.role !== 'topic')
        .sort((a, b) => b.weight - a.weight)
        .map((t) => t.word)
        .filter((w, _, all) => !all.some((o) => o !== w && o.split(' ').includes(w)));
      if (
        words.length >= 1 &&
        v.size > 0 &&
        words.join(' ').split(' ').length >= 2 &&
        (!best || words.length > best.words.length)
      )
        best = { like: e.title, words };
    }
    const shownItem = best && toItem(item.id);
    if (best && shownItem) nearEvidence.push({ ...shownItem, ...best });
  }
  nearEvidence.sort((a, b) => b.words.length - a.words.length || b.day.localeCompare(a.day));

  const proposals = proposeLines({
    sinceDate: c.source.published,
    commitmentWords: [...profile.terms.values()].filter((t) => !t.learnedFrom).map((t) => t.word),
    examples: judged,
    stats,
    timeZone: tz,
  }).map((p): TuneProposal => {
    const withLine = compileCommitment({ ...c, match: { any: [p.line], exclude: c.match.exclude } });
    const hits = matchHistory(q, { ...withLine, sourceKey: compileWatched(c).sourceKey! }, since);
    const newly = hits.filter((h) => !caughtNow.has(h.itemId) && !judgedIds.has(h.itemId));
    return {
      line: p.line,
      catchesEvidence: p.catches.map(toItem).filter((x): x is TuneItem => x !== undefined),
      newlyCatches: newly.slice(0, shown).map((h) => toItem(h.itemId)!),
      newlyTotal: newly.length,
      catchesALot: newly.length > Math.max(10, 5 * p.catches.length),
    };
  });
  return {
    commitmentId: c.id,
    title: c.title,
    lines: c.match.any,
    judged: { evidence: evidence.length, notRelated: judged.length - evidence.length },
    reviewCandidates: reviewCandidates.slice(0, shown),
    nearEvidence: nearEvidence.slice(0, shown),
    proposals,
  };
}

/** The rarest mechanism words of an example, as a rule writes them. */
function topWords(terms: ReturnType<typeof exampleVector>['terms']): string[] {
  return [...terms.values()]
    .filter((t) => t.role === 'mechanism')
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 6)
    .map((t) => t.word);
}

/** Stored items with any of these words (items_fts narrows; a superset is fine). */
function historyItems(
  db: Db,
  words: string[],
): Array<{ id: number; title: string; summary: string; updatedAt: string; key: string }> {
  const usable = words.filter((w) => /^[a-z0-9]+( [a-z0-9]+)?\*?$/.test(w));
  if (usable.length === 0) return [];
  const q = historyQueries(db);
  const fts = compileExpression(usable.join(' OR ')).fts;
  return q.itemsByIds(q.candidateIds(fts)).map((i) => ({ ...i, key: i.path }));
}
