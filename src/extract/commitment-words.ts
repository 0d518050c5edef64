// The word lists and patterns detect-commitment.ts and find-trigger.ts read clauses with (pure data).

import { wordSet } from './word-set.ts';

export const embeddedQuestion = /\b(?:how|what|whether|where|if|when|why)\s+(?:[\w’'-]+\s+){0,4}$/i;
export const adverbs = new RegExp(
  '^(?:(?:also|now|then|soon|initially|first|still|further|jointly|together|immediately|' +
    'shortly|each|all|both|quickly|formally|officially|urgently|swiftly|rapidly|directly|' +
    String.raw`today|next|in turn|for the first time),?(?:\s+|(?=[:;.]|$)))+`,
  'i',
);
export const consequenceVerbs = wordSet(
  'help mean benefit boost enable allow transform pave shape inform underpin complement ' +
    'contribute bolster get see drive unlock support save mark',
);
export const pronounSubject =
  /^(?:(?:and|but|so|also)\s+)?(?:this|that|it|these|those|which|doing so|in turn)\b(?:\s+[\w’'-]+){0,2}\s*$/i;
export const anaphoricSubject = new RegExp(
  String.raw`^(?:the|this|these|its|that)\s+(?:new\s+|additional\s+|extra\s+)?` +
    '(?:funding|money|fund|scheme|programme|package|investment|initiative|plan|policy|' +
    String.raw`strategy|measures?|changes?|cash|grant|allocation)\b`,
  'i',
);
export const vague = new RegExp(
  String.raw`\b(?:continue|continues|keep|remain|stand (?:with|by|behind|up for)|not rest|` +
    'do (?:everything|all|whatever)|leave no stone|stop at nothing|go further|' +
    'work tirelessly|always|never|for as long as it takes|whatever it takes|make sure|' +
    String.raw`for good\b|step up (?:our|their|its|my) (?:support|efforts?|work)|` +
    'play (?:a|its|our|their) (?:full |key |leading )?(?:part|role)|look (?:to|at)|seek to|' +
    'strive|endeavour|do more|be relentless|be a national|put .* first|back (?:british|our)' +
    ')',
  'i',
);
export const concreteVerbs = wordSet(
  'publish introduce legislate build deliver launch open set create provide fund invest ' +
    'recruit hire train cut ban halve double triple sign bring consult review appoint establish ' +
    'extend expand abolish scrap raise lower reduce end close give pay allocate spend lay table ' +
    'implement roll install require offer host hold start begin complete replace reform ' +
    'increase lift remove freeze cap award release issue deploy procure buy return announce ' +
    'respond report produce update convene negotiate conclude ratify transfer upgrade hand ' +
    'write fix put nationalise outlaw criminalise enshrine overhaul double match',
);
export const irregularParticiples = wordSet(
  'given built paid set held made laid sent run met brought taken shown led spent cut put ' +
    'sold bought done seen known written drawn chosen frozen begun kept won rolled overseen ' +
    'undertaken rebuilt split shut let told found heard left lent sought taught thought ' +
    'understood upheld withdrawn broken spoken stolen driven ridden risen grown thrown flown ' +
    'forgiven hidden bound fed read',
);
export const futureInPast = new RegExp(
  String.raw`\b(?:had|previously|the previous government|the last government|the former government|` +
    String.raw`formerly|would|was going to|were going to|used to)\b`,
  'i',
);
export const rhetoricNoun = new RegExp(
  String.raw`\b(?:demonstrates?|shows?|underlines?|reflects?|reaffirms?|proves?|highlights?|` +
    String.raw`illustrates?|underscores?)\s+(?:[\w’'-]+\s+){0,3}commitment`,
  'i',
);
export const actionNouns = new RegExp(
  String.raw`\b(?:the\s+need\s+for|(?:the\s+)?(?:operationalisation|operationalization|` +
    'implementation|launch|creation|establishment|introduction|development|roll-?out|' +
    String.raw`expansion|delivery|strengthening|adoption|setting up)\s+of)\b`,
  'i',
);
export const discussionOnly = new RegExp(
  String.raw`^(?:[\w’'-]+\s+){0,4}(?:discussed|considered|explored|noted|welcomed|praised|` +
    String.raw`reflected on|heard|reviewed|looked at)\s+` +
    '(?:how|whether|ways|options|the situation|progress|the progress|the importance|recent)' +
    String.raw`\b|^(?:[\w’'-]+\s+){0,4}(?:welcomed|praised|noted|thanked|congratulated|recognised|` +
    String.raw`acknowledged)\b`,
  'i',
);
export const modalLeadIn = new RegExp(
  String.raw`\b(will|shall|(?:have |has )?agreed to|(?:are |is )?committed to|plans? to|intends?` +
    String.raw` to|(?:is|are) set to|pledged to)(?:\s+(?:also|now|jointly|further|together))*\s*:\s*$`,
  'i',
);

export function isParticiple(word: string): boolean {
  return (
    (/^[a-z][a-z-]*(?:ed|en)$/.test(word) &&
      !/^(?:open|often|even|seven|eleven|between|green|keen)$/.test(word)) ||
    irregularParticiples.has(word)
  );
}
