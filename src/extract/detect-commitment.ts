// Decides whether a clause commits someone to do something (pure), and says why.
//
// A commitment is a clause whose main verb phrase promises a future action: "will <verb>",
// "(have) agreed / committed / pledged to <verb>", "a renewed commitment to <verb>", "plans /
// intends / is set to <verb>", a list item under a lead-in that carries the promise ("the
// government will also:"), or — in a list of points a meeting covered — an item that names an
// action ("the need for strengthened measures", "discussed the operationalisation of …").
// Not commitments: statements of fact and past achievements (no future verb), the future seen
// from the past ("had promised to", "said it would"), consequences and forecasts ("this will
// help", "will be able to", "is expected to"), descriptions ("will be a national champion"),
// embedded questions ("how they will use"), and rhetoric ("will stand with Ukraine for as long
// as it takes", "our enduring commitment to"). In a minister's quotation only a concrete action
// counts ("we will publish", not "we will make Britain a superpower").

export type TriggerKind = 'modal' | 'agreement' | 'commitment-noun' | 'plan' | 'lead-in' | 'action-noun';

export interface ClauseContext {
  /** Inside a minister's quotation. */
  quoted?: boolean;
  /** A list item; `leadIn` is the paragraph that introduced the list (ending with ':'). */
  listItem?: boolean;
  leadIn?: string;
  /** A due phrase was found in the clause: it turns "will be able to apply in the autumn" into a promise. */
  hasDue?: boolean;
}

export interface Detection {
  ok: true;
  kind: TriggerKind;
  /** The committing words as written ("will lead", "have agreed to", "a renewed commitment to"). */
  trigger: string;
  /** Where the trigger starts in the clause (0 for a lead-in's items). */
  index: number;
  /** Who, as written: the clause before the trigger, or the lead-in's subject. */
  subject: string;
  /** What: the clause after the trigger. */
  predicate: string;
  /** Base confidence of this kind of wording. */
  strength: number;
  /** The subject refers back ("The funding", "This"): it elaborates the previous commitment. */
  anaphoric: boolean;
  reasons: string[];
}

export interface Rejection {
  ok: false;
  reason: string;
}

export type Verdict = Detection | Rejection;

import { concreteVerbs, futureInPast, isParticiple, modalLeadIn, vague } from './commitment-words.ts';
import { findTrigger, fromActionNoun, fromLeadIn } from './find-trigger.ts';

export function classifyClause(clause: string, ctx: ClauseContext = {}): Verdict {
  const text = clause.trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (/\?\s*["”’]?$/.test(text)) return { ok: false, reason: 'a question' };

  const found = findTrigger(text, ctx);
  if (!found.ok) {
    if (ctx.listItem && ctx.leadIn && modalLeadIn.test(ctx.leadIn)) return fromLeadIn(text, ctx);
    if (ctx.listItem) {
      const nominal = fromActionNoun(text);
      if (nominal) return nominal;
    }
    return found;
  }
  const d = found;
  const before = text.slice(0, d.index);
  if (
    futureInPast.test(`${before.split(/[,;]\s+(?=[a-z])/).pop() ?? before} ${d.trigger}`) &&
    d.kind !== 'commitment-noun'
  ) {
    return { ok: false, reason: 'the future seen from the past ("had promised to", "would")' };
  }
  if (vague.test(d.predicate.slice(0, 80)) || vague.test(d.trigger))
    return { ok: false, reason: 'rhetoric or an open-ended aim, not a checkable action' };
  if (ctx.quoted) {
    const verb = /([\w’'-]+)$/.exec(d.trigger)?.[1] ?? '';
    if (
      d.kind === 'modal' &&
      !concreteVerbs.has(verb) &&
      !/^be\b/.test(d.trigger.replace(/^(?:will|shall)\s+/, '')) &&
      !isParticiple(verb)
    ) {
      return { ok: false, reason: `in a quotation, "${d.trigger}" names no concrete action` };
    }
    d.reasons.push('in a quotation: lower confidence');
  }
  return d;
}

/** A Detection or undefined: the short form for callers that do not need the reason. */
export function detectCommitment(clause: string, ctx: ClauseContext = {}): Detection | undefined {
  const v = classifyClause(clause, ctx);
  return v.ok ? v : undefined;
}

/**
 * Splits a sentence where a second subject makes its own promise:
 * "NHS England will publish …, and the Department … will set out …" → two clauses.
 */
export function splitClauses(sentence: string): string[] {
  const boundary = /(?:,\s+(?:and|but|while|whereas)\s+|;\s+(?:and\s+)?)/g;
  for (const m of sentence.matchAll(boundary)) {
    const right = sentence.slice(m.index! + m[0].length);
    const ownSubject = new RegExp(
      String.raw`^(?:that\s+)?(?:the|a|an|its|their|our|we|they|it|he|she|this|these|both|all|each|` +
        String.raw`[A-Z][\w’'-]*|[a-z][\w’'-]*(?=\s+(?:for|of|in|on|from|to|at|with|and|[a-z]+s)\b))` +
        String.raw`\b[^,;]{0,80}?\b(?:will|shall|(?:has|have)\s+(?:also\s+)?agreed|agreed to|(?:is|are)` +
        String.raw` set to|plans to|intends to|(?:has|have|is|are) committed to)\b`,
    ).exec(right);
    if (!ownSubject || /^(?:will|shall)\b/i.test(right)) continue;
    const left = sentence.slice(0, m.index!);
    if (left.split(/\s+/).length < 3) continue;
    return [left, ...splitClauses(right)];
  }
  return [sentence];
}
