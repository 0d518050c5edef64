// matchItems against FTS5 itself, on random rules: the (commitment, item) pairs must be exactly those
// FTS5 MATCH finds with compile-fts.ts's query, and every hit must equal what the FTS5 reference
// (test/support/fts-oracle.ts) says, reasons, fields, scores and snippet() contexts included.
// Corpus: the eval dev set, the history fixtures, and synthetic items made of their words plus hard
// cases (diacritics, hyphens, apostrophes, agent nouns, prefixes, emoji, markers, long bodies).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type CommitmentRules, compileCommitment } from '../../../src/match/compile-commitment.ts';
import { matchItems } from '../../../src/match/match-items.ts';
import type { MatchableItem } from '../../../src/match/match-types.ts';
import { parseRule } from '../../../src/match/rule-language.ts';
import { ftsOracle } from '../../support/fts-oracle.ts';

const fixtures = fileURLToPath(new URL('../../fixtures', import.meta.url));
const tz = 'Europe/London';

function fixtureItems(): MatchableItem[] {
  const files = [
    'eval/dev-items.jsonl',
    ...readdirSync(join(fixtures, 'history')).map((f) => `history/${f}`),
  ];
  return files
    .flatMap((f) => readFileSync(join(fixtures, f), 'utf8').split('\n'))
    .filter((l) => l.trim())
    .map((l, n) => {
      const j = JSON.parse(l) as { title: string; summary: string; date: string; url: string };
      return { id: n + 1, title: j.title, summary: j.summary, updatedAt: `${j.date}T12:00:00Z`, key: j.url };
    });
}

let seed = 20240305;
// The high bits: the low bits of this generator repeat with a short period.
const rand = (n: number): number => (
  (seed = (seed * 1103515245 + 12345) % 2 ** 31), Math.floor(seed / 65536) % n
);
const pick = <T>(list: readonly T[]): T => list[rand(list.length)]!;

const real = fixtureItems();
const realWords = real
  .flatMap((i) => `${i.title} ${i.summary}`.split(/\s+/u))
  .map((w) => w.replace(/["()*]/gu, ''))
  .filter((w) => w && w !== 'AND' && w !== 'OR');
// biome-ignore format: a word list, kept compact
const hard = [
  'smugglers', 'smuggling', 'smuggler', 'people-smugglers', 'traffickers', 'trafficking', 'operational',
  'operations', 'operator', 'Côte', 'd’Ivoire', 'café', 'cafe\u0301', 'naïve', 'net-zero', 'O’Brien', "O'Brien",
  'Government’s', '🚤', 'small🚤boat', '2024', '£1.5bn', '10:30', 'Москва', '東京都', '\uE000marker\uE001', 'a',
  'the', 'is', 'partnership', 'partnerships', 'boats', 'boat', 'agreed', 'agreement', 'lone\uD800surrogate',
  '\uDC00', 'x\uFFFEy',
];
const vocabulary = [...realWords, ...hard];

function sentence(n: number): string {
  const words = Array.from({ length: n }, () => (rand(10) < 7 ? pick(realWords) : pick(vocabulary)));
  return `${words.join(rand(12) === 0 ? '  ' : ' ')}${pick(['.', '.', ':', ',', '', '!'])}`;
}

function prose(sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(2 + rand(14))).join(pick([' ', ' ', '\n', ' \t']));
}

function synthetic(n: number, firstId: number): MatchableItem[] {
  const days = ['2023-12-31', '2024-03-04', '2024-03-05', '2024-06-01', '2025-01-15'];
  return Array.from({ length: n }, (_, k) => ({
    id: firstId + k,
    title: sentence(3 + rand(12)),
    summary: rand(8) === 0 ? '' : prose(1 + rand(4)),
    ...(rand(2) === 0 ? { body: prose(2 + rand(25)) } : {}),
    updatedAt: `${pick(days)}T${pick(['00:30', '12:00', '23:30'])}:00Z`,
    key: `/synthetic/${firstId + k}`,
  }));
}

const items = [...real, ...synthetic(1500, 1000)];

// Mostly words of four letters or more: a rule of `the` or `a` matches nearly everything.
function word(): string {
  let w = pick(vocabulary);
  while (rand(10) > 0 && !/\p{L}{4}/u.test(w)) w = pick(vocabulary);
  const letters = /^\p{L}{4,}/u.exec(w);
  if (letters && rand(6) === 0) return `${letters[0].slice(0, 3 + rand(letters[0].length - 2))}*`;
  return w;
}

// Side by side words from real text hit as phrases; random words seldom do.
function phrase(): string {
  if (rand(3) === 0) {
    const source = pick(items);
    const words = pick([source.title, source.summary, source.body ?? source.title])
      .split(/\s+/u)
      .map((w) => w.replace(/["()*]/gu, ''))
      .filter((w) => w && w !== 'AND' && w !== 'OR');
    const at = rand(Math.max(1, words.length - 2));
    const p = words.slice(at, at + 2 + rand(2)).join(' ');
    if (p) return rand(5) === 0 ? `"${p.replaceAll('"', '""')}"` : p;
  }
  const p = Array.from({ length: 1 + (rand(3) === 0 ? 1 : 0) }, word).join(' ');
  return rand(8) === 0 && !p.includes('*') ? `"${p}"` : p;
}

function expression(depth = 0): string {
  const r = rand(depth === 0 ? 6 : 10);
  if (r === 0) return `${expression(depth + 1)} AND ${expression(depth + 1)}`;
  if (r === 1) return `${expression(depth + 1)} OR ${expression(depth + 1)}`;
  if (r === 2 && depth < 2) return `(${expression(depth + 1)} OR ${expression(depth + 1)}) AND ${phrase()}`;
  return phrase();
}

function expressions(n: number): string[] {
  const out: string[] = [];
  while (out.length < n) {
    const e = expression();
    if (parseRule(e).ok) out.push(e);
  }
  return out;
}

const oracle = ftsOracle(items);
afterAll(() => oracle.close());

describe('matchItems agrees with FTS5', () => {
  it('finds exactly the items FTS5 MATCH finds for edge cases and 3,000 random rules', () => {
    // Edge cases first: a part with no token after a prefix (FTS5 then asks for the word exactly), quirks.
    const edges = [
      'smuggl* 🚤',
      'oper* 🚤 boat',
      '🚤 oper*',
      'boats OR "small 🚤"',
      'small 🚤 boat',
      'Côte*',
      'cote d*',
      'O’Brien',
      'net-zer*',
      'people-smuggl*',
      'smugglers AND (France OR French)',
      'agre*',
      'a',
      '"the the"',
      'marker',
    ];
    const rules = [...edges, ...expressions(3000)];
    const commitments = rules.map((e, n) =>
      compileCommitment({
        id: `r${n}`,
        source: { published: '0000-01-01' },
        match: { any: [e], exclude: [] },
        fulfilment: [],
      }),
    );
    const ours = matchItems(items, commitments, { timeZone: tz }).map((h) => `${h.commitmentId} ${h.itemId}`);
    const fts = commitments.flatMap((c) =>
      [...oracle.matching(c.any[0]!.fts)].sort((a, b) => a - b).map((id) => `${c.id} ${id}`),
    );
    expect(ours).toEqual(fts);
    // The rules are worth the name: many hit, prefixes and phrases of several words among them.
    const hitting = commitments.filter((c) => oracle.matching(c.any[0]!.fts).size > 0);
    expect(fts.length).toBeGreaterThan(100_000);
    expect(hitting.length).toBeGreaterThan(1000);
    expect(hitting.filter((c) => c.any[0]!.text.includes('*')).length).toBeGreaterThan(100);
    expect(hitting.filter((c) => /"[^"]*\s[^"]*"/u.test(c.any[0]!.fts)).length).toBeGreaterThan(300);
  });

  it('explains every hit of 200 random commitments as the FTS5 reference does, contexts included', () => {
    const days = ['0000-01-01', '2024-03-05', '2024-06-01'];
    const rules: CommitmentRules[] = Array.from({ length: 200 }, (_, n) => ({
      id: `c${n}`,
      source: { published: pick(days) },
      match: { any: expressions(1 + rand(3)), exclude: rand(3) === 0 ? expressions(1) : [] },
      fulfilment: expressions(rand(3)),
      ...(rand(10) === 0 ? { sourceKey: pick(items).key! } : {}),
    }));
    const commitments = rules.map(compileCommitment);
    const ours = matchItems(items, commitments, { timeZone: tz });
    const expected = oracle.match(commitments, tz);
    expect(ours.length).toBe(expected.length);
    for (let k = 0; k < ours.length; k++) expect(ours[k], `hit ${k}`).toEqual(expected[k]);
    expect(ours.length).toBeGreaterThan(20_000);
    expect(ours.filter((h) => h.why.hits.some((t) => t.fields.includes('body'))).length).toBeGreaterThan(
      10_000,
    );
    expect(ours.filter((h) => h.why.hits.some((t) => t.fields.join() === 'title')).length).toBeGreaterThan(
      1000,
    );
    expect(ours.filter((h) => h.kind === 'possible-fulfilment').length).toBeGreaterThan(2000);
  });
});
