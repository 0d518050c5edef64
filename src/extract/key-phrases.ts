// Key noun phrases of a clause (pure), for match rules and ids: runs of content words between
// stop words, verbs and punctuation, trimmed of generic words ("new", "measures", "companies"),
// scored so that distinctive multi-word phrases and names early in the clause come first.

export interface KeyPhrase {
  /** Words as written (hyphens and possessives removed). */
  words: string[];
  /** A name: capitalised words ("Frontex", "Operation Interflex", "NHS Online"). */
  proper: boolean;
  /** Where it starts in the text. */
  index: number;
  score: number;
}

const stop = new Set(
  (
    'a an the and or but nor of to in on at by for from with without within into onto over under about above below across after before ' +
    'between through during since until than then as so such that this these ' +
    'those there here it its they them their we our us you your he she his her ' +
    'i me my who whom whose which what when where why how all any both each ' +
    'every either neither some more most other another own same few many much ' +
    'is are was were be been being am do does did doing have has had having will would shall should can could may might must not no yes ' +
    'also only just still even very too now up out off down again further once ' +
    'around along among against towards toward per via upon whether while ' +
    'if because including include includes included like unlike next last ' +
    'first second third day one two three four five six seven eight nine ten ' +
    'january february march april may june july august september october november ' +
    'december spring summer autumn winter year years month months week weeks ' +
    'today yesterday tomorrow end start beginning early late mid later soon ' +
    'time times part number range breadth amount level levels way ways ' +
    'said says say announced confirmed according mr mrs ms dr rt hon mp mps least around nearly almost approximately roughly'
  ).split(/\s+/),
);
const verbs = new Set(
  (
    'lead leads led invite invited discuss discussed work works worked ' +
    'build builds built deliver delivers delivered launch launched launches ' +
    'publish published publishes introduce introduced provide provided provides set ' +
    'setting step tackle tackling take taking taken exchange share sharing ensure ensuring ' +
    'focus focusing focused use used using make making made give giving given open ' +
    'opened expand expanded cut cuts halve halved sign signed start starting started ' +
    'begin beginning bring bringing increase increased reduce reduced reducing receive ' +
    'received allocate allocated develop developed developing require requiring required ' +
    'meet meeting paid pay paying hire hired install installed ban banned hold held ' +
    'offer offered help helped helps apply applied establish established extend extended ' +
    'train trained link linking consult consulted include including lay laid move moved buy ' +
    'bought emphasised emphasized stressed agreed agree committed commit commits pledged ' +
    'renewed prevent preventing disrupt disrupting keep kept run running get getting see ' +
    'seeing cover covering covered close closing create created creating fund funded ' +
    'invest invested support supported supporting boost improve improved improving ' +
    'put putting falling fall rise rising grow growing grew become becoming ' +
    'will shall conclude concluded appoint appointed recruit recruited review ' +
    'reviewed bring forward respond report reported produce update replace ' +
    'transform protect protecting secure secured drive driving continue continuing ' +
    'shape evaluate deciding decide decided allow allowing enable enabling mean means ' +
    'face facing cooperate plans plan intends intend aims aim operate operating ' +
    'based seeking seek aimed aiming leave left show shows shown go going'
  ).split(/\s+/),
);
const generic = new Set(
  (
    'new further more additional other key major renewed strengthened ' +
    'effective better best improved joint national local government ministers ' +
    'minister secretary department people work measures measure plans efforts support ' +
    'action actions need needs group members member countries country nations ' +
    'companies company networks network activity activities information detail details ' +
    'areas area place pressure today funding money million billion thousand cent ' +
    'percent £ initiative initiatives programme scheme package plan approach ' +
    'system systems services service issue issues problem problems changes change ' +
    'process stage phase step steps first full whole wider wide broad greater ' +
    'great good strong stronger clear significant important vital critical ' +
    'global international european online potential possible able available ' +
    'current existing future long-term short-term cross-government together ' +
    'everyone every agencies agency partners partner organisations organisation bodies body parties party sector sectors industry ' +
    'role roles things thing lot lots total overall various multiple several certain particular specific numbers proposals proposal ' +
    'announcement announcements statement strategy commitment commitments ' +
    'promise pledge operational legislative facilitation operationalisation ' +
    'ones millions billions thousands hundreds dozens implementation launch creation establishment ' +
    'introduction development delivery expansion rollout roll-out strengthening adoption'
  ).split(/\s+/),
);
// Places are where, not what: as a rule on their own they match everything about them.
const places = [
  'Europe',
  'European',
  'England',
  'Scotland',
  'Wales',
  'Northern Ireland',
  'Britain',
  'British',
  'UK',
  'London',
  'Brussels',
  'Westminster',
  'Whitehall',
  'English',
  'Government',
  'Parliament',
  'GOV.UK',
  'GOV',
];
// Words that only make sense with a noun: as a phrase on their own they match too much.
const adjectiveEnding = /(?:al|ive|ous|ful|ible|able|ic|ary|ory|ant|less)$/;

interface Token {
  raw: string;
  lower: string;
  index: number;
  word: boolean;
  possessive: boolean;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9£$€][A-Za-z0-9&-]*(?:['’][A-Za-z]+)?|[^\sA-Za-z0-9]/g)) {
    const possessive = /['’]s?$/i.test(m[0]);
    const raw = m[0]
      .replace(/['’]s$/i, '')
      .replace(/['’]$/, '')
      .replace(/-+$/, '');
    out.push({ raw, lower: raw.toLowerCase(), index: m.index!, word: /^[A-Za-z]/.test(raw), possessive });
  }
  return out;
}

const isProperToken = (t: Token, first: boolean): boolean =>
  /^[A-Z]{2,}[a-z]?$/.test(t.raw) || (!first && /^[A-Z][a-z]/.test(t.raw));

// Operator words of the rule language never go into a rule, nor do single letters.
const isBreak = (t: Token): boolean =>
  !t.word ||
  t.raw.length < 2 ||
  /^(?:AND|OR|NOT|NEAR)$/.test(t.raw) ||
  stop.has(t.lower) ||
  verbs.has(t.lower) ||
  (/ed$/.test(t.lower) && t.lower.length > 4 && !generic.has(t.lower));

/** Key phrases of `text`, best first. `exclude` lists names (owners, the publisher) that are not topics. */
export function keyPhrases(rawText: string, exclude: string[] = [], favour: string[] = []): KeyPhrase[] {
  const excluded = [...exclude, ...places].map((e) => e.toLowerCase().split(/\s+/));
  const favoured = favour.map((f) => f.toLowerCase());
  // "Frontex, the European Border and Coast Guard Agency, …": the appositive only renames.
  const text = rawText.replace(
    /(\b[A-Z][\w’'-]*),\s+the\s+[A-Z][^,]*,/g,
    (m, name: string) => `${name},${' '.repeat(m.length - name.length - 1)}`,
  );
  const tokens = tokenize(text);
  const phrases: KeyPhrase[] = [];
  // Later parts of a clause ("…, focusing on …", "…, which …") elaborate; they count for less.
  // An aside closed by a comma soon after (", including operational and legislative,") is not a tail.
  const tailAt =
    [
      ...text.matchAll(
        new RegExp(
          String.raw`,\s+(?:focusing|including|which|who|where|bringing|setting|covering|as part of|` +
            String.raw`as the first step|after which|preventing|the (?:\w+\s){0,3}(?:said|announced|confirmed))\b`,
          'gi',
        ),
      ),
    ].find((m) => !/^[^,]{0,50},/.test(text.slice(m.index! + 1)))?.index ?? -1;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // A capital at the start of a sentence is only a name if another capital follows ("Operation Interflex").
    const next = tokens[i + 1];
    const first =
      (i === 0 || /^[.:;!?"“”]$/.test(tokens[i - 1]!.raw)) && !(next?.word && isProperToken(next, false));
    // A name: capitalised words, joined by "of", "and", "for", "&" when a capital follows.
    if (t.word && !isBreak(t) && isProperToken(t, first)) {
      // A possessive ends a name: "Children’s Wellbeing and Schools Bill" → "Wellbeing and Schools Bill"
      // (an FTS phrase cannot span the ’s).
      const run: Token[] = [t];
      let j = i + 1;
      while (j < tokens.length && !run[run.length - 1]!.possessive) {
        const n = tokens[j]!;
        if (n.word && !isBreak(n) && isProperToken(n, false)) {
          run.push(n);
          j++;
          continue;
        }
        const after = tokens[j + 1];
        if (/^(?:of|and|for|&)$/i.test(n.raw) && after?.word && isProperToken(after, false)) {
          run.push(n);
          j++;
          continue;
        }
        break;
      }
      while (run.length > 1 && /^(?:The|A|An)$/.test(run[0]!.raw)) run.shift();
      if (run.length > 1 && run[run.length - 1]!.possessive) run.pop();
      const words = run.map((r) => r.raw);
      // Ministers speak for the promise; they are not what it is about.
      const role = /^(?:Secretary|Minister|Chancellor|MP|Spokesperson)$/.test(words[words.length - 1]!);
      if (
        !role &&
        !isExcluded(words, excluded) &&
        !run.every((r) => stop.has(r.lower) || generic.has(r.lower))
      ) {
        phrases.push({ words, proper: true, index: t.index, score: 0 });
      }
      i = j;
      continue;
    }
    if (isBreak(t) || /^\d/.test(t.raw)) {
      i++;
      continue;
    }
    const run: Token[] = [];
    let j = i;
    while (j < tokens.length && !isBreak(tokens[j]!) && (j === i || !isProperToken(tokens[j]!, false))) {
      run.push(tokens[j++]!);
      if (run[run.length - 1]!.possessive) {
        if (run.length === 1) run.pop(); // "the company’s founding statement": the owner is not the topic
        break;
      }
    }
    i = Math.max(j, i + 1);
    while (run.length && generic.has(run[0]!.lower)) run.shift();
    while (run.length && generic.has(run[run.length - 1]!.lower)) run.pop();
    if (!run.length) continue;
    const kept = run.slice(-3);
    const words = kept.map((r) => r.lower);
    if (words.length === 1 && adjectiveEnding.test(words[0]!)) continue;
    if (isExcluded(words, excluded)) continue;
    phrases.push({ words, proper: false, index: kept[0]!.index, score: 0 });
  }
  const length = Math.max(text.length, 1);
  for (const p of phrases) {
    // A single capitalised word is often a place or a venue ("in Riga"); a partner named in the promise is the topic.
    const name = p.words.join(' ').toLowerCase();
    const base = favoured.includes(name)
      ? 2.2
      : p.proper
        ? p.words.length > 1
          ? 2
          : 1.5
        : p.words.length === 1
          ? 1
          : p.words.length === 2
            ? 1.6
            : 1.7;
    const position = 1 - 0.4 * (p.index / length);
    p.score = base * position * (tailAt !== -1 && p.index > tailAt ? 0.5 : 1);
  }
  return dedupe(phrases).sort((a, b) => b.score - a.score || a.index - b.index);
}

/** An excluded name, alone or with generic words only ("Calais Group members"); "NHS Online" is not "NHS". */
function isExcluded(words: string[], excluded: string[][]): boolean {
  const lower = words.map((w) => w.toLowerCase());
  return excluded.some(
    (e) =>
      e.length > 0 &&
      e.every((w) => lower.includes(w)) &&
      lower.every((w) => e.includes(w) || generic.has(w) || stop.has(w)),
  );
}

function dedupe(phrases: KeyPhrase[]): KeyPhrase[] {
  const seen = new Set<string>();
  return phrases.filter((p) => {
    const key = p.words.join(' ').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Crude stems of a phrase's words, to tell two phrases about the same thing ("breakfast clubs" / "breakfast club"). */
export function stems(words: string[]): string[] {
  return words.map(stem);
}

/** drones, drone → dron; activities → activity; smuggling → smuggl. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  return w.replace(/e$/, '');
}

/** Content words of a text, crudely stemmed, for comparing two statements of the same promise. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) {
    if (!t.word || stop.has(t.lower) || t.lower.length < 3) continue;
    out.add(stem(t.lower));
  }
  return out;
}
