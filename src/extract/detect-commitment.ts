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

const embeddedQuestion = /\b(?:how|what|whether|where|if|when|why)\s+(?:[\w’'-]+\s+){0,4}$/i;
const adverbs = new RegExp(
  '^(?:(?:also|now|then|soon|initially|first|still|further|jointly|together|immediately|' +
    'shortly|each|all|both|quickly|formally|officially|urgently|swiftly|rapidly|directly|' +
    String.raw`today|next|in turn|for the first time),?(?:\s+|(?=[:;.]|$)))+`,
  'i',
);
const consequenceVerbs = new Set([
  'help',
  'mean',
  'benefit',
  'boost',
  'enable',
  'allow',
  'transform',
  'pave',
  'shape',
  'inform',
  'underpin',
  'complement',
  'contribute',
  'bolster',
  'get',
  'see',
  'drive',
  'unlock',
  'support',
  'save',
  'mark',
]);
const pronounSubject =
  /^(?:(?:and|but|so|also)\s+)?(?:this|that|it|these|those|which|doing so|in turn)\b(?:\s+[\w’'-]+){0,2}\s*$/i;
const anaphoricSubject = new RegExp(
  String.raw`^(?:the|this|these|its|that)\s+(?:new\s+|additional\s+|extra\s+)?` +
    '(?:funding|money|fund|scheme|programme|package|investment|initiative|plan|policy|' +
    String.raw`strategy|measures?|changes?|cash|grant|allocation)\b`,
  'i',
);
const vague = new RegExp(
  String.raw`\b(?:continue|continues|keep|remain|stand (?:with|by|behind|up for)|not rest|` +
    'do (?:everything|all|whatever)|leave no stone|stop at nothing|go further|' +
    'work tirelessly|always|never|for as long as it takes|whatever it takes|make sure|' +
    String.raw`for good\b|step up (?:our|their|its|my) (?:support|efforts?|work)|` +
    'play (?:a|its|our|their) (?:full |key |leading )?(?:part|role)|look (?:to|at)|seek to|' +
    'strive|endeavour|do more|be relentless|be a national|put .* first|back (?:british|our)' +
    ')',
  'i',
);
const concreteVerbs = new Set([
  'publish',
  'introduce',
  'legislate',
  'build',
  'deliver',
  'launch',
  'open',
  'set',
  'create',
  'provide',
  'fund',
  'invest',
  'recruit',
  'hire',
  'train',
  'cut',
  'ban',
  'halve',
  'double',
  'triple',
  'sign',
  'bring',
  'consult',
  'review',
  'appoint',
  'establish',
  'extend',
  'expand',
  'abolish',
  'scrap',
  'raise',
  'lower',
  'reduce',
  'end',
  'close',
  'give',
  'pay',
  'allocate',
  'spend',
  'lay',
  'table',
  'implement',
  'roll',
  'install',
  'require',
  'offer',
  'host',
  'hold',
  'start',
  'begin',
  'complete',
  'replace',
  'reform',
  'increase',
  'lift',
  'remove',
  'freeze',
  'cap',
  'award',
  'release',
  'issue',
  'deploy',
  'procure',
  'buy',
  'return',
  'announce',
  'respond',
  'report',
  'produce',
  'update',
  'convene',
  'negotiate',
  'conclude',
  'ratify',
  'transfer',
  'upgrade',
  'hand',
  'write',
  'fix',
  'put',
  'nationalise',
  'outlaw',
  'criminalise',
  'enshrine',
  'overhaul',
  'double',
  'match',
]);
const irregularParticiples = new Set([
  'given',
  'built',
  'paid',
  'set',
  'held',
  'made',
  'laid',
  'sent',
  'run',
  'met',
  'brought',
  'taken',
  'shown',
  'led',
  'spent',
  'cut',
  'put',
  'sold',
  'bought',
  'done',
  'seen',
  'known',
  'written',
  'drawn',
  'chosen',
  'frozen',
  'begun',
  'kept',
  'won',
  'rolled',
  'overseen',
  'undertaken',
  'rebuilt',
  'split',
  'shut',
  'let',
  'told',
  'found',
  'heard',
  'left',
  'lent',
  'sought',
  'taught',
  'thought',
  'understood',
  'upheld',
  'withdrawn',
  'broken',
  'spoken',
  'stolen',
  'driven',
  'ridden',
  'risen',
  'grown',
  'thrown',
  'flown',
  'forgiven',
  'hidden',
  'bound',
  'fed',
  'read',
]);
const futureInPast = new RegExp(
  String.raw`\b(?:had|previously|the previous government|the last government|the former government|` +
    String.raw`formerly|would|was going to|were going to|used to)\b`,
  'i',
);
const rhetoricNoun = new RegExp(
  String.raw`\b(?:demonstrates?|shows?|underlines?|reflects?|reaffirms?|proves?|highlights?|` +
    String.raw`illustrates?|underscores?)\s+(?:[\w’'-]+\s+){0,3}commitment`,
  'i',
);
const actionNouns = new RegExp(
  String.raw`\b(?:the\s+need\s+for|(?:the\s+)?(?:operationalisation|operationalization|` +
    'implementation|launch|creation|establishment|introduction|development|roll-?out|' +
    String.raw`expansion|delivery|strengthening|adoption|setting up)\s+of)\b`,
  'i',
);
const discussionOnly = new RegExp(
  String.raw`^(?:[\w’'-]+\s+){0,4}(?:discussed|considered|explored|noted|welcomed|praised|` +
    String.raw`reflected on|heard|reviewed|looked at)\s+` +
    '(?:how|whether|ways|options|the situation|progress|the progress|the importance|recent)' +
    String.raw`\b|^(?:[\w’'-]+\s+){0,4}(?:welcomed|praised|noted|thanked|congratulated|recognised|` +
    String.raw`acknowledged)\b`,
  'i',
);
const modalLeadIn = new RegExp(
  String.raw`\b(will|shall|(?:have |has )?agreed to|(?:are |is )?committed to|plans? to|intends?` +
    String.raw` to|(?:is|are) set to|pledged to)(?:\s+(?:also|now|jointly|further|together))*\s*:\s*$`,
  'i',
);

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

function findTrigger(text: string, ctx: ClauseContext): Verdict {
  const candidates: Verdict[] = [];
  // 1. "will <verb>" — every occurrence, first acceptable wins.
  for (const m of text.matchAll(/\b(will|shall)\b|(?<=\w)(['’]ll)\b/gi)) {
    candidates.push(readModal(text, m.index!, m[0], ctx));
  }
  // 2. "(have) agreed / committed / pledged to <verb>", "commits the NHS to ensuring".
  const agreement = new RegExp(
    String.raw`\b(?:(?:has|have|had|is|are|was|were)\s+)?` +
      String.raw`(?:(?:also|now|today|jointly|formally|already|previously|both|all|firmly|publicly)\s+` +
      ')*(agreed|agrees|agree|committed|commits|commit|pledged|pledges|pledge|promised|' +
      String.raw`promises|promise|vowed|vows|vow|undertaken|undertakes|resolved|decided|decides)\s+` +
      String.raw`((?:(?:the|its|their|our|this)\s+(?:[\w’'-]+\s+){1,2})|` +
      String.raw`(?:(?:itself|themselves|ourselves|[A-Z][\w’'-]*)\s+){1,3})?to\s+([\w’'-]+)`,
    'g',
  );
  for (const m of text.matchAll(agreement)) {
    if (!startsAction(m[3]!)) {
      candidates.push({ ok: false, reason: `"${m[1]} to" is followed by a noun, not an action` });
      continue;
    }
    candidates.push(
      detection(
        text,
        'agreement',
        m.index!,
        m[0].replace(/\s+[\w’'-]+$/, ''),
        0.65,
        `"${m[0].replace(/\s+[\w’'-]+$/, '')}" + an action`,
      ),
    );
  }
  // 3. "a (renewed) commitment to <verb>" as what the clause is about — not "demonstrates our commitment to".
  const noun = new RegExp(
    String.raw`(?:^|\b(?:made|make|makes|gave|give|announced|set out|renewed|signed|reached|secured|` +
      String.raw`including|with)\s+)((?:(?:and|also|a|an|the|its|their|our)\s+)*` +
      '(?:(?:renewed|new|firm|clear|joint|shared|collective|further|strong|formal|specific)' +
      String.raw`\s+)*(?:commitment|pledge|promise|undertaking)s?\s+to\s+([\w’'-]+))`,
    'gi',
  );
  for (const m of text.matchAll(noun)) {
    if (rhetoricNoun.test(text.slice(0, m.index! + m[0].length))) {
      candidates.push({
        ok: false,
        reason: 'a commitment mentioned as rhetoric ("demonstrates our commitment to")',
      });
      continue;
    }
    if (!startsAction(m[2]!)) continue;
    const at = m.index! + m[0].length - m[1]!.length;
    const words = m[1]!.replace(/\s+[\w’'-]+$/, '');
    candidates.push(detection(text, 'commitment-noun', at, words, 0.6, `"${words}" + an action`));
  }
  for (const m of text.matchAll(
    /\b(demonstrates?|shows?|underlines?|reflects?|reaffirms?)\s+(?:[\w’'-]+\s+){0,3}commitment\b/gi,
  )) {
    candidates.push({ ok: false, reason: `"${m[0]}" is rhetoric, not a promise` });
  }
  // 4. Plans and intentions.
  const plan = new RegExp(
    String.raw`\b(?:(?:is|are)\s+)?(?:(?:also|now|currently|still)\s+)*` +
      '(plans|plan|intends|intend|aims|aim|proposes|propose|is set|are set|is due|are due|' +
      'is planning|are planning|is preparing|are preparing|expects|expect|is expected|' +
      String.raw`are expected|hopes|hope)\s+to\s+([\w’'-]+)`,
    'gi',
  );
  for (const m of text.matchAll(plan)) {
    const word = m[1]!.toLowerCase();
    if (/expect|hope/.test(word)) {
      candidates.push({ ok: false, reason: `"${m[1]} to" is a forecast, not a promise` });
      continue;
    }
    if (!startsAction(m[2]!)) continue;
    const strength = /aim/.test(word) ? 0.45 : 0.5;
    candidates.push(
      detection(
        text,
        'plan',
        m.index!,
        m[0].replace(/\s+[\w’'-]+$/, ''),
        strength,
        `"${m[0].replace(/\s+[\w’'-]+$/, '')}" + an action`,
      ),
    );
  }

  // "cells are to be installed", "zones are to be announced": the formal future.
  for (const m of text.matchAll(/\b(?:is|are)\s+(?:(?:also|now)\s+)?to\s+(?:be\s+)?([a-z][\w’'-]*)/g)) {
    if (!/^be\b/.test(m[0].split(/\s+to\s+/)[1] ?? '') && !startsAction(m[1]!)) continue;
    candidates.push(detection(text, 'plan', m.index!, m[0], 0.5, `"${m[0]}"`));
  }
  // "with 14,000 new places to be built by 2031": a dated plan stated as a noun phrase.
  if (ctx.hasDue) {
    for (const m of text.matchAll(/\b([a-z][\w’'-]*)\s+to\s+be\s+([a-z][\w’'-]*)/g)) {
      if (
        /^(?:is|are|was|were|due|set|expected|likely|going|able|have|has|had|needs?|ought|used|seems?|appears?)$/.test(
          m[1]!,
        ) ||
        !isParticiple(m[2]!)
      )
        continue;
      const at = m.index! + m[1]!.length + 1;
      candidates.push(detection(text, 'plan', at, `to be ${m[2]}`, 0.5, `"to be ${m[2]}" with a date`));
    }
  }
  const accepted = candidates.filter((c): c is Detection => c.ok).sort((a, b) => a.index - b.index);
  if (accepted.length) return accepted[0]!;
  const rejected = candidates.find((c): c is Rejection => !c.ok);
  return rejected ?? { ok: false, reason: 'no future action: a statement of fact' };
}

function readModal(text: string, at: number, word: string, ctx: ClauseContext): Verdict {
  const before = text.slice(0, at);
  if (embeddedQuestion.test(before)) return { ok: false, reason: 'an embedded question ("how they will …")' };
  // "The OBR forecasts that the economy will grow": someone else's prediction, not a promise.
  if (
    new RegExp(
      String.raw`\b(?:forecasts?|predicts?|projects?|estimates?|expects?|anticipates?|believes?|warns?|` +
        String.raw`suggests?|hopes?)\s+that\s+(?:[\w’'-]+\s+){0,5}$`,
      'i',
    ).test(before)
  ) {
    return { ok: false, reason: 'a forecast ("forecasts that … will"), not a promise' };
  }
  let rest = text.slice(at + word.length).replace(/^\s+/, '');
  // "will, through the customs partnership, be able to": skip the aside.
  rest = rest.replace(/^,[^,]{1,80},\s*/, '');
  rest = rest.replace(adverbs, '');
  if (/^(?:not|never)\b|^n['’]t\b/i.test(rest))
    return { ok: false, reason: '"will not": a refusal, not an action' };
  if (/^[:;.]?\s*$/.test(rest))
    return { ok: false, reason: 'a lead-in: the promises are in the list that follows' };
  const verb = firstWord(rest);
  if (!verb || !/^[a-z]/.test(rest)) return { ok: false, reason: `"${word}" is not a verb here` };
  const trigger = text.slice(at, text.length - rest.length) + verb;
  const subject = before.trim();
  const due = ctx.hasDue === true;
  if (verb === 'be') {
    const after = rest.slice(2).trim().replace(adverbs, '');
    const next = firstWord(after);
    if (/^able to\b/.test(after)) {
      if (!due) return { ok: false, reason: '"will be able to": a consequence, not an action' };
    } else if (/^have been$/.test(next)) {
      return { ok: false, reason: 'a prediction' };
    } else if (!isParticiple(next) && !/^(?:in|at|based|located|sited|headquartered)\s+[A-Z]/.test(after)) {
      if (!due) return { ok: false, reason: '"will be" + a description, not an action' };
    }
  }
  if (verb === 'have' && /^have\s+been\b/.test(rest))
    return { ok: false, reason: 'a prediction ("will have been")' };
  if (/^\d|^(?:19|20)\d\d\b/.test(subject) && verb === 'be')
    return { ok: false, reason: 'a prediction about a time' };
  if (pronounSubject.test(subject) && !due)
    return {
      ok: false,
      reason: `"${subject} ${word} ${verb}": a consequence of something else, not a new promise`,
    };
  if (consequenceVerbs.has(verb) && !due && (verb !== 'support' || pronounSubject.test(subject))) {
    return { ok: false, reason: `"will ${verb}": a consequence, not an action` };
  }
  if (/^build$/.test(verb) && /^build\s+on\b/.test(rest))
    return { ok: false, reason: '"will build on": continuation, not a new action' };
  if (/^lead$/.test(verb) && /^lead\s+to\b/.test(rest) && !due)
    return { ok: false, reason: '"will lead to": a consequence, not an action' };
  // "will be published": the participle is the action.
  const passive =
    verb === 'be'
      ? /^be\s+(?:(?:also|now|then|soon|first|jointly|formally)\s+)?([a-z][\w-]*)/.exec(rest)
      : null;
  const full =
    passive && isParticiple(passive[1]!) ? text.slice(at, text.length - rest.length) + passive[0] : trigger;
  const d = detection(text, 'modal', at, full, 0.55, `"${full}"`);
  return d;
}

function detection(
  text: string,
  kind: TriggerKind,
  index: number,
  trigger: string,
  strength: number,
  reason: string,
): Detection {
  const subject = text
    .slice(0, index)
    .trim()
    .replace(/[,;:]\s*$/, '');
  return {
    ok: true,
    kind,
    trigger: trigger.trim(),
    index,
    subject,
    predicate: text.slice(index + trigger.length).trim(),
    strength,
    anaphoric: anaphoricSubject.test(subject) || pronounSubject.test(subject),
    reasons: [`${kindLabel[kind]}: ${reason}`],
  };
}

const kindLabel: Record<TriggerKind, string> = {
  modal: 'future action',
  agreement: 'agreement',
  'commitment-noun': 'stated commitment',
  plan: 'plan',
  'lead-in': 'list under a promise',
  'action-noun': 'action named in a list of points covered',
};

function fromLeadIn(text: string, ctx: ClauseContext): Verdict {
  const lead = modalLeadIn.exec(ctx.leadIn!)!;
  const verb = firstWord(text.replace(adverbs, ''));
  if (!verb || !/^[a-z]/.test(text))
    return { ok: false, reason: 'the list item does not start with an action' };
  if (discussionOnly.test(text)) return { ok: false, reason: 'discussion or welcome, not an action' };
  if (vague.test(text.slice(0, 80)))
    return { ok: false, reason: 'rhetoric or an open-ended aim, not a checkable action' };
  const subject = ctx
    .leadIn!.slice(0, lead.index)
    .replace(/^.*?,\s+(?=[a-z]|the\b)/i, '')
    .trim();
  return {
    ok: true,
    kind: 'lead-in',
    trigger: lead[0].replace(/\s*:\s*$/, ''),
    index: 0,
    subject,
    predicate: text,
    strength: 0.55,
    anaphoric: false,
    reasons: [`${kindLabel['lead-in']}: "${ctx.leadIn!.trim()}"`],
  };
}

function fromActionNoun(text: string): Detection | undefined {
  if (discussionOnly.test(text)) return undefined;
  const m = actionNouns.exec(text);
  if (!m || m.index > 80) return undefined;
  const subject = text
    .slice(0, m.index)
    .replace(
      new RegExp(
        String.raw`\b(?:also\s+)?(?:emphasised|emphasized|stressed|underlined|highlighted|set out|` +
          String.raw`discussed|agreed|confirmed|announced|called for)\b.*$`,
        'i',
      ),
      '',
    )
    .trim();
  return {
    ok: true,
    kind: 'action-noun',
    trigger: m[0],
    index: m.index,
    subject,
    predicate: text.slice(m.index + m[0].length).trim(),
    strength: 0.45,
    anaphoric: false,
    reasons: [`${kindLabel['action-noun']}: "${m[0]}"`],
  };
}

/** The word after "to" starts an action: lower case and not a determiner ("agreed to the plan", "pledged to Ukraine"). */
function startsAction(word: string): boolean {
  return (
    /^[a-z]/.test(word) &&
    !/^(?:the|a|an|its|their|our|this|that|these|those|his|her|my|your|any|all|some|each|every|date)$/.test(
      word,
    )
  );
}

function firstWord(text: string): string {
  return /^[\s,]*([A-Za-z][\w’'-]*)/.exec(text)?.[1] ?? '';
}

function isParticiple(word: string): boolean {
  return (
    (/^[a-z][a-z-]*(?:ed|en)$/.test(word) &&
      !/^(?:open|often|even|seven|eleven|between|green|keen)$/.test(word)) ||
    irregularParticiples.has(word)
  );
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
