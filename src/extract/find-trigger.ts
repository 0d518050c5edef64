// Finds the verb phrase that makes a clause a commitment (pure): a modal, an agreement, a
// commitment noun, a plan, a list item's lead-in, or an action noun. detect-commitment.ts decides
// whether what it finds is a checkable promise.

import type { ClauseContext, Detection, Rejection, TriggerKind, Verdict } from './detect-commitment.ts';
import {
  actionNouns,
  adverbs,
  anaphoricSubject,
  consequenceVerbs,
  discussionOnly,
  embeddedQuestion,
  isParticiple,
  modalLeadIn,
  pronounSubject,
  rhetoricNoun,
  vague,
} from './commitment-words.ts';

export function findTrigger(text: string, ctx: ClauseContext): Verdict {
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

export function fromLeadIn(text: string, ctx: ClauseContext): Verdict {
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

export function fromActionNoun(text: string): Detection | undefined {
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
