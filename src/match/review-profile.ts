// What the review tier knows about a commitment (pure): its profile, built from its own words (title,
// quote, the announcement's words around the quote) weighted by how rare each word is in the stored
// history, and the examples people gave it (evidence they confirmed, items they marked not related).
// Each profile word is either its *mechanism* (what was promised: customs, supply chain, legislation,
// social media, Frontex) or its *topic* (what the whole announcement is about: small boats, smuggling,
// places). A word is topic when it is a place, is in the announcement's title, or is shared by two or
// more commitments from the same announcement, or by a fifth of all watched commitments (at least 3),
// or, in a history of 200 items or more, by more than 4% of them. Topic alone never raises an item: a
// statistics release on small-boat crossings shares the topic of every Calais commitment and the
// mechanism of none.

import { isPair, lowerCaseTerms, type TextTerm, textTerms } from './review-terms.ts';

export interface ReviewCommitment {
  id: string;
  title: string;
  quote: string;
  context?: string;
  /** Commitments from one announcement share it: their shared words are topic. */
  sourceUrl: string;
  /** `YYYY-MM-DD`: items on an earlier local day are never candidates. */
  sinceDate: string;
  /** The announcement's item key: never a candidate for its own commitment. */
  sourceKey?: string;
  /** The announcement's title, when stored. */
  announcementTitle?: string;
  /** The terms of its `any` rules as written (`supply chain`, `smuggl*`): the analyst's own words. */
  ruleTerms?: string[];
}

/** An item a person (or a rule) said is, or is not, about the commitment. */
export interface ReviewExample {
  itemId: number;
  title: string;
  summary: string;
  /** evidence: a person confirmed it; not-related: a person rejected it. */
  verdict: 'evidence' | 'not-related';
}

/** Document frequencies of the stored history (items_fts), for weights. */
export interface TermStats {
  docs: number;
  df(term: string): number;
}

export type TermRole = 'mechanism' | 'topic';

export interface ProfileTerm {
  term: string;
  word: string;
  role: TermRole;
  weight: number;
  /** A word of the rules, or a pair of the commitment's own words: an item must share one to be raised. */
  anchor?: boolean;
  /** A rule's `word*`: any item word starting with the stem. */
  prefix?: boolean;
  /** How much it counts towards the two mechanism ideas an item needs: 1, or ½ for a word of the
   *  announcement's context or of a name ("Coast" of the European Border and Coast Guard). */
  idea: number;
  /** Learned from evidence people confirmed (in two items or more, in none they rejected): their titles. */
  learnedFrom?: string[];
}

export interface ExampleVector {
  itemId: number;
  title: string;
  terms: Map<string, ProfileTerm>;
  norm: number;
}

export interface ReviewProfile {
  id: string;
  sinceDate: string;
  sourceKey?: string;
  terms: Map<string, ProfileTerm>;
  /** Single-word mechanism stems, for family matches (supply ~ supplier). */
  mechanismStems: string[];
  norm: number;
  evidence: ExampleVector[];
  rejected: ExampleVector[];
}

// A history this small says little about which words are common: its weights are blended with a
// prior that takes every kept word as rare, and trusted fully from about a thousand items.
const priorDocs = 200;
const priorIdf = Math.log(1000);
const topicShare = 0.04;
const fieldWeights = { title: 1, quote: 1, context: 0.6, rule: 0.8 } as const;
/** Topic words still count a little: an item about the mechanism is usually about the topic too. */
export const topicFactor = 0.35;

export function termWeight(stats: TermStats, term: string): number {
  if (term.endsWith('*')) return termWeight(stats, term.slice(0, -1));
  if (isPair(term)) {
    const [a, b] = term.split(' ') as [string, string];
    return 0.5 * (termWeight(stats, a) + termWeight(stats, b));
  }
  const n = stats.docs;
  const idf = Math.log((n + 1) / (stats.df(term) + 0.5));
  const trust = n / (n + priorDocs);
  return Math.max(0.1, trust * idf + (1 - trust) * priorIdf);
}

function commonInHistory(stats: TermStats, term: string): boolean {
  if (stats.docs < priorDocs || isPair(term)) return false;
  return stats.df(term) / stats.docs > topicShare;
}

export function buildProfiles(
  commitments: ReviewCommitment[],
  stats: TermStats,
  examples: ReadonlyMap<string, ReviewExample[]> = new Map(),
): ReviewProfile[] {
  const own = commitments.map((c) => ownTerms(c));
  // In how many commitments each term occurs, overall and per announcement.
  const overall = new Map<string, number>();
  const perSource = new Map<string, Map<string, number>>();
  commitments.forEach((c, i) => {
    const bySource = perSource.get(c.sourceUrl) ?? new Map<string, number>();
    perSource.set(c.sourceUrl, bySource);
    for (const term of mentions(c, own[i]!)) {
      overall.set(term, (overall.get(term) ?? 0) + 1);
      bySource.set(term, (bySource.get(term) ?? 0) + 1);
    }
  });
  const crowd = Math.max(3, Math.ceil(commitments.length / 5));
  return commitments.map((c, i) => {
    const headline = new Set(textTerms(c.announcementTitle ?? '').map((t) => t.term));
    const terms = new Map<string, ProfileTerm>();
    const isTopic = (term: string, t: TextTerm): boolean =>
      t.place ||
      headline.has(term) ||
      (perSource.get(c.sourceUrl)?.get(term) ?? 0) >= 2 ||
      (perSource.get(c.sourceUrl)?.get(term.replace(/\*$/, '')) ?? 0) >= 2 ||
      (overall.get(term) ?? 0) >= crowd ||
      commonInHistory(stats, term) ||
      (isPair(term) && term.split(' ').every((s) => headline.has(s)));
    const topics = new Map([...own[i]!].map(([term, o]) => [term, isTopic(term, o.t)]));
    const topicStems = new Set([...topics].filter(([term, topic]) => topic && !isPair(term)).map(([k]) => k));
    for (const [term, { t, field, rule, prefix }] of own[i]!) {
      const topic = topics.get(term)!;
      const role: TermRole = topic ? 'topic' : 'mechanism';
      const weight = termWeight(stats, term) * field * (topic ? topicFactor : 1);
      // A pair of the commitment's own words anchors it only when neither word is its topic: "smuggling
      // networks" names who the commitment is against, which every item on the topic shares.
      const ownPair =
        isPair(term) && term.split(' ').every((s) => !topicStems.has(s) && !topicStems.has(`${s}*`));
      const anchor = role === 'mechanism' && (rule || ownPair);
      const idea = isPair(term) || (field >= fieldWeights.rule && !t.namePart) ? 1 : 0.5;
      terms.set(term, {
        term,
        word: prefix ? prefixWord(t.word, c) : t.word,
        role,
        weight,
        idea,
        ...(anchor ? { anchor } : {}),
        ...(prefix ? { prefix } : {}),
      });
    }
    const own_ = examples.get(c.id) ?? [];
    learn(terms, own_, stats);
    return {
      id: c.id,
      sinceDate: c.sinceDate,
      ...(c.sourceKey !== undefined ? { sourceKey: c.sourceKey } : {}),
      terms,
      mechanismStems: [...terms.values()]
        .filter((t) => t.role === 'mechanism' && !isPair(t.term))
        .map((t) => t.term),
      norm: norm(terms),
      evidence: own_.filter((e) => e.verdict === 'evidence').map((e) => exampleVector(e, stats)),
      rejected: own_.filter((e) => e.verdict === 'not-related').map((e) => exampleVector(e, stats)),
    };
  });
}

interface OwnTerm {
  t: TextTerm;
  field: number;
  rule: boolean;
  prefix: boolean;
}

/**
 * How a rule's `word*` reads in a reason: a word of the commitment's own text that starts with it
 * ("smuggl*" → "smuggling"), so people see a word, not the rule's syntax; else the stem and "…".
 */
function prefixWord(stem: string, c: ReviewCommitment): string {
  const lower = stem.toLowerCase();
  const text = `${c.title} ${c.quote} ${c.context ?? ''}`;
  for (const m of text.matchAll(/\p{L}+/gu))
    if (m[0].toLowerCase().startsWith(lower)) return m[0].toLowerCase();
  return `${stem}…`;
}

/** Every term a commitment's words or rules mention, the single words of its rule phrases included. */
function mentions(c: ReviewCommitment, own: Map<string, OwnTerm>): Set<string> {
  const out = new Set(own.keys());
  for (const leaf of c.ruleTerms ?? [])
    for (const t of textTerms(leaf.replace(/\*/g, ' '))) {
      out.add(t.term);
      out.add(`${t.term}*`);
    }
  return out;
}

function ownTerms(c: ReviewCommitment): Map<string, OwnTerm> {
  const out = new Map<string, OwnTerm>();
  const add = (text: string | undefined, field: number, rule = false, prefixLast = false): void => {
    // A phrase of a rule ("new law", "border security") is its pairs: "law" alone would be law enforcement.
    const words = textTerms(text ?? '');
    const phrase = rule && (text ?? '').trim().split(/\s+/).length > 1;
    const pairs = words.filter((t) => isPair(t.term));
    const found = !phrase ? words : pairs.length || !prefixLast ? pairs : words.slice(-1);
    found.forEach((t, i) => {
      const prefix = prefixLast && i === found.length - 1 && !isPair(t.term);
      const key = prefix ? `${t.term}*` : t.term;
      const seen = out.get(key);
      if (!seen || seen.field < field) out.set(key, { t: { ...t, term: key }, field, rule, prefix });
      else if (rule) seen.rule = true;
    });
  };
  add(c.title, fieldWeights.title);
  add(c.quote, fieldWeights.quote);
  add(c.context, fieldWeights.context);
  // A `word*` is kept as its bare stem plus `*`: textTerms stems the word as written, and FTS5 matches
  // the prefix before stemming, so `smuggl*` stays `smuggl` (porter leaves it).
  for (const leaf of c.ruleTerms ?? []) {
    const prefix = leaf.trim().endsWith('*');
    add(leaf.replace(/\*/g, ' '), fieldWeights.rule, true, prefix);
  }
  return out;
}

/** An example item as words weighted by rarity (its title counts more than its summary). */
export function exampleVector(e: ReviewExample, stats: TermStats): ExampleVector {
  const terms = new Map<string, ProfileTerm>();
  const add = (text: string, field: number): void => {
    for (const t of textTerms(text)) {
      if (terms.has(t.term)) continue;
      const role: TermRole = t.place || commonInHistory(stats, t.term) ? 'topic' : 'mechanism';
      const weight = termWeight(stats, t.term) * field * (role === 'topic' ? topicFactor : 1);
      terms.set(t.term, { term: t.term, word: t.word, role, weight, idea: 1 });
    }
  };
  add(e.title, 1);
  add(e.summary, 0.7);
  return { itemId: e.itemId, title: e.title, terms, norm: norm(terms) };
}

// Words that recur in the evidence people confirmed, and in nothing they rejected, join the profile:
// one item says little about which of its words matter; two that share a word say it may. It must also
// be mostly found in that evidence (half the stored items with it, at least): "arrested" or an agency's
// name recur in evidence because they recur everywhere. Words of the commitment's topic are not learned.
const learnedFactor = 0.6;

function learn(terms: Map<string, ProfileTerm>, examples: ReviewExample[], stats: TermStats): void {
  const rejected = new Set<string>();
  const seenIn = new Map<string, { word: string; titles: string[] }>();
  // A name says who, not what: the agency that publishes most evidence ("NCA", "National Crime Agency")
  // recurs in it as it recurs in everything it publishes. Only a word written in lower case somewhere in
  // the confirmed evidence is learned.
  const lowerCase = new Set<string>();
  for (const e of examples)
    if (e.verdict === 'evidence') for (const t of lowerCaseTerms(`${e.title} ${e.summary}`)) lowerCase.add(t);
  for (const e of examples) {
    const words = textTerms(`${e.title} ${e.summary}`).filter((t) => !t.place && !isPair(t.term));
    for (const t of words) {
      if (e.verdict === 'not-related') rejected.add(t.term);
      else {
        const s = seenIn.get(t.term) ?? { word: t.word, titles: [] };
        if (!s.titles.includes(e.title)) s.titles.push(e.title);
        seenIn.set(t.term, s);
      }
    }
  }
  for (const [term, s] of seenIn) {
    if (s.titles.length < 2 || rejected.has(term) || terms.has(term) || commonInHistory(stats, term))
      continue;
    if (!lowerCase.has(term)) continue;
    if (s.titles.length / Math.max(1, stats.df(term)) < 0.5) continue;
    if ([...terms.values()].some((t) => t.role === 'topic' && term.startsWith(t.term.replace(/\*$/, ''))))
      continue;
    terms.set(term, {
      term,
      word: s.word,
      role: 'mechanism',
      weight: termWeight(stats, term) * learnedFactor,
      idea: 1,
      learnedFrom: s.titles,
    });
  }
}

function norm(terms: Map<string, ProfileTerm>): number {
  let s = 0;
  for (const t of terms.values()) s += t.weight * t.weight;
  return Math.sqrt(s) || 1;
}
