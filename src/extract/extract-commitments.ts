// Proposes commitments from an announcement (pure): walks its blocks keeping the context a
// reader would (a list's lead-in, a minister's quotation, "Notes to editors"), classifies each
// clause, and for each promise resolves its due date, owners and a starting match rule.
// A sentence that only elaborates the previous promise ("The funding … will be allocated by the
// end of the year") or restates one (a minister repeating it) is merged into it, not proposed twice.

import type { Announcement, Block } from './announcement.ts';
import { classifyClause, splitClauses, type ClauseContext, type Detection } from './detect-commitment.ts';
import { findOwners, isInternational, namedEntities, publisherOwner } from './find-owners.ts';
import { contentWords } from './key-phrases.ts';
import { proposeRule, term } from './propose-rule.ts';
import { findDueCandidates, resolveDue, type ProposedDue } from './resolve-due.ts';
import { splitSentences } from './split-sentences.ts';

export interface ProposedCommitment {
  /** Slug from the key phrase, unique within the proposals. */
  id: string;
  title: string;
  source: { url: string; published: string; quote: string };
  owners: string[];
  due?: ProposedDue;
  match: { any: string[] };
  /** Each line checked against the stored history, when a store was there to check it (`extract` sets it). */
  ruleChecks?: string[];
  /** 0–1: how sure the extractor is that this is a commitment worth watching. */
  confidence: number;
  reasons: string[];
}

interface Draft extends ProposedCommitment {
  block: number;
  words: Set<string>;
  quoted: boolean;
}

const notesHeading = /\bnotes?\s+(?:to|for)\s+editors?\b|\beditors['’]?\s+notes?\b/i;
const attribution = /\b(?:said|says|added|commented|explained|told [\w ]+|continued)\s*:\s*$/i;
const firstPerson = /\b(?:we|our|us|ours|we['’](?:re|ve|ll))\b|\bI\b|\bmy\b/i;
const openingQuote = /^["“‘']/;

export function extractCommitments(a: Announcement): ProposedCommitment[] {
  const blocks: Block[] = a.blocks ?? a.paragraphs.map((text) => ({ kind: 'paragraph' as const, text }));
  const publisher = publisherOwner(a.publisher);
  // "The two countries", "both governments": the countries the title and opening name.
  const parties = [...new Set([...namedEntities(a.title), ...namedEntities(blocks[0]?.text ?? '')])].filter(
    (n) => n === 'UK' || isInternational(n),
  );
  const drafts: Draft[] = [];
  let notes = false;
  let inQuote = false;
  let leadIn: string | undefined;

  blocks.forEach((block, bi) => {
    if (block.kind === 'heading') {
      notes = notesHeading.test(block.text);
      inQuote = false;
      return;
    }
    if (block.kind !== 'list-item') {
      leadIn = block.text.trim().endsWith(':') ? block.text.trim() : undefined;
      if (attribution.test(block.text)) {
        inQuote = true;
        return;
      }
      // A quotation runs on while its paragraphs speak in the first person or sit in quotation marks.
      if (inQuote && !block.quoted && !openingQuote.test(block.text) && !firstPerson.test(block.text))
        inQuote = false;
    }
    const quotedBlock =
      block.quoted === true || (block.kind !== 'list-item' && (inQuote || openingQuote.test(block.text)));
    for (const sentence of splitSentences(block.text)) {
      for (const clause of splitClauses(sentence)) {
        const text = clause
          .trim()
          .replace(/^["“‘]|["”’]$/g, '')
          .trim();
        const dues = findDueCandidates(text, a.published);
        const ctx: ClauseContext = {
          quoted: quotedBlock || openingQuote.test(sentence),
          listItem: block.kind === 'list-item',
          hasDue: dues.length > 0,
          ...(block.kind === 'list-item' && leadIn ? { leadIn } : {}),
        };
        const verdict = classifyClause(text, ctx);
        if (!verdict.ok) continue;
        const draft = propose(a, text, verdict, ctx, { publisher, parties, notes, block: bi });
        place(drafts, draft, verdict);
      }
    }
  });
  const used = new Set<string>();
  return drafts.map(({ block: _b, words: _w, quoted: _q, ...p }) => ({ ...p, id: uniqueId(p.id, used) }));
}

interface ProposeContext {
  publisher?: string;
  parties: string[];
  notes: boolean;
  block: number;
}

function propose(
  a: Announcement,
  clause: string,
  d: Detection,
  ctx: ClauseContext,
  pc: ProposeContext,
): Draft {
  const due = resolveDue(clause, a.published, d.index);
  const inherited = ctx.listItem && ctx.leadIn && d.kind !== 'lead-in' ? namedEntities(ctx.leadIn) : [];
  const ownerCtx = {
    ...(pc.publisher ? { publisher: pc.publisher } : {}),
    inherited,
    parties: pc.parties,
  };
  const owners = findOwners(d.subject, d.predicate, ownerCtx);
  const subjectNames = namedEntities(d.subject);
  // The topic is what is promised; who promises it (subject, publisher, countries) is not.
  const topicText = [
    subjectNames.length || /\b(?:government|we|ministers)\b/i.test(d.subject) ? '' : d.subject,
    d.predicate,
  ]
    .join(' ')
    .replace(due ? new RegExp(escapeRegExp(due.phrase), 'i') : /$^/, ' ');
  // Known bodies are owners or venues unless the promise is made with them ("a deal … with Frontex").
  const partners = namedEntities(d.predicate).filter((n) => isPartner(n, d.predicate));
  const exclude = [
    ...namedEntities(topicText),
    ...owners,
    ...(pc.publisher ? [pc.publisher] : []),
    ...(a.publisher ? [a.publisher] : []),
    'Secretary',
    'Minister',
    'Prime Minister',
  ].filter((n) => !partners.includes(n));
  const rule = proposeRule(topicText, exclude, partners);
  const reasons = [...d.reasons];
  let confidence = d.strength;
  if (due) {
    confidence += 0.15;
    reasons.push(`due "${due.phrase}" → ${due.text}`);
  }
  const named =
    subjectNames.length > 0 || inherited.length > 0 || /\b(?:government|we|ministers)\b/i.test(d.subject);
  if (named) confidence += 0.1;
  reasons.push(
    owners.length
      ? `owners ${owners.join(', ')}${named ? '' : ' (publisher, no owner named)'}`
      : 'no owner found',
  );
  const best = rule.phrases[0];
  if (best && (best.proper || best.words.length > 1)) confidence += 0.05;
  if (!rule.any.length) {
    confidence -= 0.1;
    reasons.push('no key phrase found: write the match rule by hand');
  }
  if (ctx.quoted) confidence -= 0.15;
  if (pc.notes) {
    confidence -= 0.1;
    reasons.push('in the notes to editors');
  }
  if (/\balready\b/i.test(clause)) {
    confidence -= 0.05;
    reasons.push('mentions "already": check it is not a past achievement');
  }
  const keyWords = rule.used.map((p) => term(p, false));
  return {
    id:
      slug(keyWords.join(' ')) || slug([...contentWords(d.predicate)].slice(0, 4).join(' ')) || 'commitment',
    title: titleFrom(clause),
    source: {
      url: a.url ?? '',
      published: a.published,
      quote: clause.replace(/[.;,:]+$/, '') + (/[.]$/.test(clause) ? '.' : ''),
    },
    owners,
    ...(due ? { due } : {}),
    match: { any: rule.any },
    confidence: Math.round(Math.min(0.95, Math.max(0.05, confidence)) * 100) / 100,
    reasons,
    block: pc.block,
    words: contentWords(`${d.kind === 'modal' ? d.trigger : ''} ${d.predicate}`),
    quoted: ctx.quoted === true,
  };
}

/** Adds a draft, or merges it into the promise it elaborates or restates. */
function place(drafts: Draft[], draft: Draft, d: Detection): void {
  const previous = drafts[drafts.length - 1];
  // "It will also publish …" adds a promise of its own; "The funding … will be allocated by …" elaborates.
  if (
    d.anaphoric &&
    previous &&
    draft.block - previous.block <= 1 &&
    !/^also\b|\balso\b/.test(`${d.trigger} ${d.predicate.slice(0, 12)}`)
  ) {
    merge(previous, draft, 'elaborated');
    return;
  }
  const same = drafts.find((p) => sameWords(p.words, draft.words));
  if (same) {
    merge(same, draft, 'restated');
    return;
  }
  drafts.push(draft);
}

function merge(into: Draft, from: Draft, how: 'elaborated' | 'restated'): void {
  into.reasons.push(`${how} by: "${clip(from.source.quote, 90)}"`);
  if (!into.due && from.due) {
    into.due = from.due;
    into.reasons.push(`due "${from.due.phrase}" → ${from.due.text} (from that sentence)`);
    into.confidence = Math.min(0.95, Math.round((into.confidence + 0.1) * 100) / 100);
  }
  // A promise stated in the department's own words is the better quote than a minister's version.
  if (into.quoted && !from.quoted) {
    into.source = from.source;
    into.title = from.title;
    into.quoted = false;
  }
  into.confidence = Math.max(into.confidence, from.confidence);
}

/** Two statements of one promise share most words: Jaccard ≥ 0.5, or the shorter (≥ 3 words) lies almost wholly in the longer. */
function sameWords(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const smaller = Math.min(a.size, b.size);
  return shared / (a.size + b.size - shared) >= 0.5 || (shared >= 3 && shared / smaller >= 0.75);
}

function titleFrom(clause: string): string {
  let t = clause.trim().replace(/[.;:,]+$/, '');
  if (t.length > 100) {
    const cut = t
      .slice(30)
      .search(
        new RegExp(
          String.raw`,\s+(?:which|who|focusing|including|as part of|as the first step|after which|` +
            String.raw`the (?:\w+\s){0,3}(?:said|announced|confirmed)|to ensure|preventing)\b`,
          'i',
        ),
      );
    if (cut !== -1) t = t.slice(0, cut + 30);
  }
  if (t.length > 140) t = `${t.slice(0, 137).replace(/\s+\S*$/, '')}…`;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function slug(text: string): string {
  const full = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return full.length <= 48 ? full : full.slice(0, 48).replace(/-[^-]*$/, '');
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id.slice(0, 60)}-${n}`;
  used.add(candidate);
  return candidate;
}

function isPartner(name: string, predicate: string): boolean {
  return new RegExp(`\\b(?:with|alongside)\\s+(?:the\\s+)?${escapeRegExp(name)}\\b`).test(predicate);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
