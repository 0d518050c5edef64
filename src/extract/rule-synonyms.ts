// The other words an analyst adds when writing a rule for a promise (pure data): what a follow-up
// announcement is likely to say instead of the promise's own word. General government vocabulary, not
// one announcement's: a bill for "legislative", platforms for "social media", a deal for "partnership".
// Keys are lower-case words or phrases of a key phrase; values are rule terms (a trailing `*` allowed).
// `hints` are words the key phrases leave out as too generic on their own ("online", "legislative")
// but that name how a promise is to be kept: each gives a line of its own, kept on the subject.

const table: Record<string, string[]> = {
  legislation: ['legislation', 'bill', 'new law', 'new offence*'],
  legislative: ['legislation', 'bill', 'new law', 'new offence*'],
  law: ['legislation', 'bill', 'new law'],
  bill: ['bill', 'legislation', 'act'],
  operational: ['operation*', 'joint investigation*'],
  'social media': ['online', 'platforms', 'tech companies', 'tech firms'],
  online: ['online', 'social media', 'platforms', 'adverts'],
  partnership: ['agreement', 'deal', 'cooperation'],
  agreement: ['agreement', 'deal', 'treaty'],
  deal: ['deal', 'agreement', 'arrangement'],
  intelligence: ['intelligence', 'information sharing', 'data sharing'],
  information: ['information sharing', 'intelligence', 'data sharing'],
  deterrent: ['deter*'],
  'illegal migration': ['illegal migration', 'irregular migration'],
  'supply chain': ['supply chain', 'supplier*', 'shipments'],
  funding: ['funding', 'investment', 'grant*'],
  investment: ['investment', 'funding'],
  hospitals: ['hospitals', 'NHS trusts'],
  homes: ['homes', 'housing'],
  housing: ['housing', 'homes'],
  jobs: ['jobs', 'employment'],
  ban: ['ban', 'prohibit*'],
  regulator: ['regulator', 'regulation'],
  tax: ['tax', 'levy', 'duty'],
  prisons: ['prisons', 'prison places'],
  schools: ['schools', 'pupils'],
  apprenticeships: ['apprenticeships', 'apprentices'],
};

/** Generic words of a clause that still say how the promise is kept. */
export const hints = ['legislative', 'operational', 'online', 'information', 'intelligence'];

/** Other terms for a phrase (lower case, as written), without the phrase itself; none when unknown. */
export function synonymsOf(phrase: string): string[] {
  const key = phrase.toLowerCase();
  return (table[key] ?? []).filter((t) => t.toLowerCase() !== key);
}
