// Who made a commitment (pure): the countries, departments and bodies in the subject of the
// committing clause, plus partners named with "with …" ("a deal … with Frontex").
//
// Convention: a minister stands for their department ("the Home Secretary" → Home Office) and
// "the government" / "we" for the publishing department. When the commitment is international
// (another country or an international body is an owner), UK ministers and departments are
// written as "UK": between states the UK is the party that promised. This reproduces the seed
// file's owners ([UK, France], [UK, Calais Group], [UK, Frontex]).

export interface OwnerContext {
  /** Publishing organisation, as GOV.UK names it. */
  publisher?: string;
  /** Owners of the list this item belongs to (the lead-in's subject, e.g. the Calais Group). */
  inherited?: string[];
  /** Countries named in the title or first paragraph, for "the two countries" / "both governments". */
  parties?: string[];
}

interface Entry {
  name: string;
  pattern: RegExp;
  kind: 'country' | 'international' | 'uk-body' | 'body';
}

const entries: Entry[] = [
  // Countries, and the governments and adjectives that stand for them.
  {
    name: 'UK',
    kind: 'country',
    pattern: new RegExp(
      String.raw`\b(?:the UK|UK government|United Kingdom|(?:Great )?Britain|British government|` +
        String.raw`HM Government|His Majesty's Government)\b|` +
        String.raw`\bUK\b(?!\s+(?:economy|exports?|imports?|companies|businesses|citizens|residents))`,
    ),
  },
  ...[
    'France',
    'Germany',
    'Belgium',
    'Italy',
    'Spain',
    'Ireland',
    'Poland',
    'Latvia',
    'Lithuania',
    'Estonia',
    'Ukraine',
    'India',
    'China',
    'Japan',
    'Canada',
    'Australia',
    'Norway',
    'Sweden',
    'Denmark',
    'Finland',
    'Greece',
    'Turkey',
    'Albania',
    'Iraq',
    'Vietnam',
    'Rwanda',
    'Switzerland',
    'Austria',
    'Portugal',
    'Luxembourg',
    'Saudi Arabia',
    'Qatar',
    'Israel',
    'Egypt',
    'Kenya',
    'Nigeria',
    'South Africa',
    'Brazil',
    'Mexico',
    'South Korea',
    'New Zealand',
    'Singapore',
  ].map((c): Entry => ({ name: c, kind: 'country', pattern: new RegExp(`\\b${c}\\b`) })),
  { name: 'Netherlands', kind: 'country', pattern: /\b(?:the )?Netherlands\b|\bDutch government\b/ },
  { name: 'US', kind: 'country', pattern: /\b(?:the )?(?:US|USA|United States)\b(?! dollars?)/ },
  { name: 'France', kind: 'country', pattern: /\bFrench (?:government|authorities|ministers?)\b/ },
  { name: 'Germany', kind: 'country', pattern: /\bGerman (?:government|authorities|ministers?)\b/ },
  // International bodies and forums.
  { name: 'European Commission', kind: 'international', pattern: /\bEuropean Commission\b/ },
  { name: 'EU', kind: 'international', pattern: /\b(?:the )?(?:EU|European Union)\b/ },
  { name: 'Frontex', kind: 'international', pattern: /\bFrontex\b/ },
  { name: 'Europol', kind: 'international', pattern: /\bEuropol\b/ },
  { name: 'Calais Group', kind: 'international', pattern: /\bCalais Group\b/ },
  { name: 'NATO', kind: 'international', pattern: /\bNATO\b/ },
  { name: 'G7', kind: 'international', pattern: /\bG7\b/ },
  { name: 'G20', kind: 'international', pattern: /\bG20\b/ },
  { name: 'UN', kind: 'international', pattern: /\b(?:the )?(?:UN|United Nations)\b/ },
  {
    name: 'Ukraine Defence Contact Group',
    kind: 'international',
    pattern: /\bUkraine Defence Contact Group\b/,
  },
  // UK departments and agencies, with the ministers who speak for them.
  {
    name: 'Home Office',
    kind: 'uk-body',
    pattern: new RegExp(
      String.raw`\bHome Office\b|\bHome Secretary\b|` +
        String.raw`\b(?:Border Security|Immigration|Security|Policing|Safeguarding) Minister\b|` +
        String.raw`\bMinister for (?:Border Security|Immigration|Security|Policing)\b`,
    ),
  },
  { name: 'NCA', kind: 'uk-body', pattern: /\bNCA\b|\bNational Crime Agency\b/ },
  { name: 'Border Force', kind: 'uk-body', pattern: /\bBorder Force\b/ },
  {
    name: 'DHSC',
    kind: 'uk-body',
    pattern:
      /\bDepartment of Health(?: and Social Care)?\b|\bDHSC\b|\bHealth(?: and Social Care)? Secretary\b|\bHealth Minister\b/,
  },
  { name: 'NHS England', kind: 'uk-body', pattern: /\bNHS England\b/ },
  {
    name: 'NHS',
    kind: 'uk-body',
    pattern: /\b(?:the )?NHS\b(?! England| App| Online| staff| patients| waiting)/,
  },
  {
    name: 'DfE',
    kind: 'uk-body',
    pattern:
      /\bDepartment for Education\b|\bDfE\b|\bEducation Secretary\b|\b(?:Schools|Skills|Children's|Education) Minister\b/,
  },
  {
    name: 'MoD',
    kind: 'uk-body',
    pattern:
      /\bMinistry of Defence\b|\bMoD\b|\bDefence Secretary\b|\b(?:Armed Forces|Defence|Veterans) Minister\b/,
  },
  {
    name: 'DESNZ',
    kind: 'uk-body',
    pattern:
      /\bDepartment for Energy Security and Net Zero\b|\bDESNZ\b|\bEnergy(?: Security)?(?: and Net Zero)? Secretary\b|\bEnergy Minister\b/,
  },
  {
    name: 'HM Treasury',
    kind: 'uk-body',
    pattern: /\bHM Treasury\b|\bthe Treasury\b|\bChancellor of the Exchequer\b|\bthe Chancellor\b(?! [A-Z])/,
  },
  {
    name: 'DBT',
    kind: 'uk-body',
    pattern:
      /\bDepartment for Business and Trade\b|\bDBT\b|\b(?:Business(?: and Trade)?|Trade) Secretary\b|\bTrade Minister\b/,
  },
  {
    name: 'MHCLG',
    kind: 'uk-body',
    pattern: new RegExp(
      String.raw`\bMinistry of Housing, Communities and Local Government\b|\bMHCLG\b|` +
        String.raw`\bDepartment for Levelling Up, Housing and Communities\b|\bDLUHC\b|` +
        String.raw`\bHousing(?:, Communities and Local Government)? Secretary\b|` +
        String.raw`\b(?:Housing|Local Government|Homelessness) Minister\b`,
    ),
  },
  {
    name: 'DfT',
    kind: 'uk-body',
    pattern:
      /\bDepartment for Transport\b|\bDfT\b|\bTransport Secretary\b|\b(?:Rail|Roads|Buses|Transport|Aviation) Minister\b/,
  },
  {
    name: 'Defra',
    kind: 'uk-body',
    pattern: new RegExp(
      String.raw`\bDepartment for Environment, Food (?:and|&) Rural Affairs\b|\bDefra\b|` +
        String.raw`\bEnvironment Secretary\b|\b(?:Water|Environment|Farming) Minister\b`,
    ),
  },
  {
    name: 'FCDO',
    kind: 'uk-body',
    pattern:
      /\bForeign, Commonwealth (?:and|&) Development Office\b|\bFCDO\b|\bForeign Office\b|\bForeign Secretary\b/,
  },
  {
    name: 'MoJ',
    kind: 'uk-body',
    pattern:
      /\bMinistry of Justice\b|\bMoJ\b|\bJustice Secretary\b|\bLord Chancellor\b|\b(?:Prisons|Justice) Minister\b/,
  },
  {
    name: 'DWP',
    kind: 'uk-body',
    pattern: /\bDepartment for Work and Pensions\b|\bDWP\b|\bWork and Pensions Secretary\b/,
  },
  {
    name: 'DSIT',
    kind: 'uk-body',
    pattern: new RegExp(
      String.raw`\bDepartment for Science, Innovation and Technology\b|\bDSIT\b|` +
        String.raw`\bScience(?:, Innovation and Technology)? Secretary\b|\bTechnology Secretary\b`,
    ),
  },
  {
    name: 'DCMS',
    kind: 'uk-body',
    pattern: /\bDepartment for Culture, Media and Sport\b|\bDCMS\b|\bCulture Secretary\b/,
  },
  { name: 'Cabinet Office', kind: 'uk-body', pattern: /\bCabinet Office\b/ },
  { name: 'UK', kind: 'uk-body', pattern: /\bPrime Minister(?:['’]s Office)?\b|\b(?:10 )?Downing Street\b/ },
  { name: 'Environment Agency', kind: 'body', pattern: /\bEnvironment Agency\b/ },
  { name: 'Ofwat', kind: 'body', pattern: /\bOfwat\b/ },
  { name: 'Ofgem', kind: 'body', pattern: /\bOfgem\b/ },
  { name: 'Ofsted', kind: 'body', pattern: /\bOfsted\b/ },
  { name: 'Homes England', kind: 'body', pattern: /\bHomes England\b/ },
  { name: 'Network Rail', kind: 'body', pattern: /\bNetwork Rail\b/ },
  { name: 'The Crown Estate', kind: 'body', pattern: /\b[Tt]he Crown Estate\b/ },
  { name: 'Great British Energy', kind: 'body', pattern: /\bGreat British Energy\b(?! Bill)/ },
];

// Words for "the government" itself: they mean the publisher.
const selfWords = /\b(?:the government|ministers|we|the department|this government|UK ministers)\b/i;
const bothParties = new RegExp(
  String.raw`\b(?:the two (?:countries|governments|nations|leaders|sides)|` +
    String.raw`both (?:countries|governments|nations|leaders|sides)|the two prime ministers)\b`,
  'i',
);

const kindOf = new Map(entries.map((e) => [e.name, e.kind]));

/** Entities named in `text`, in order of appearance. */
export function namedEntities(text: string): string[] {
  const hits: Array<{ name: string; at: number; end: number }> = [];
  for (const e of entries) {
    const m = e.pattern.exec(text);
    if (m && !hits.some((h) => h.name === e.name))
      hits.push({ name: e.name, at: m.index, end: m.index + m[0].length });
  }
  // A name inside a longer one ("Ukraine" in "Ukraine Defence Contact Group", "NHS" in "NHS England") is not a separate owner.
  const kept = hits.filter(
    (h) => !hits.some((o) => o !== h && o.at <= h.at && o.end >= h.end && o.end - o.at > h.end - h.at),
  );
  return kept.sort((a, b) => a.at - b.at).map((h) => h.name);
}

/** The name this project uses for a publishing organisation (GOV.UK title → short name). */
export function publisherOwner(publisher: string | undefined): string | undefined {
  if (!publisher) return undefined;
  return namedEntities(publisher)[0] ?? publisher;
}

export function isInternational(name: string): boolean {
  const kind = kindOf.get(name);
  return (kind === 'country' && name !== 'UK') || kind === 'international';
}

export function isUkGovernment(name: string): boolean {
  return name === 'UK' || kindOf.get(name) === 'uk-body';
}

/**
 * Owners of a commitment whose clause is `subject` + `predicate` (split at the committing verb).
 * Falls back to the list's inherited owners, then to the publisher.
 */
export function findOwners(subject: string, predicate: string, ctx: OwnerContext = {}): string[] {
  const publisherName = publisherOwner(ctx.publisher);
  const own = namedEntities(subject);
  if (bothParties.test(subject) && ctx.parties?.length) own.push(...ctx.parties);
  // "The government will", "we will", or a subject that names nobody ("Councils will receive"): the publisher promises.
  if (!own.length && publisherName && (selfWords.test(subject) || !ctx.inherited?.length))
    own.push(publisherName);
  // Partners a commitment is made with: "signed with Frontex", "a partnership with France".
  const partners: string[] = [];
  for (const m of predicate.matchAll(
    /\b(?:with|alongside|between)\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)/g,
  )) {
    partners.push(...namedEntities(m[1]!).filter((n) => n !== 'UK' || !own.length));
  }
  let owners = unique([...own, ...partners, ...(ctx.inherited ?? [])]);
  if (owners.some(isInternational)) {
    // Between states the UK is the party: its ministers and departments become "UK".
    owners = owners.map((o) => (isUkGovernment(o) ? 'UK' : o));
    if (ctx.inherited?.some(isInternational) && publisherName && isUkGovernment(publisherName))
      owners.unshift('UK');
    owners = unique(owners);
  }
  return owners;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
