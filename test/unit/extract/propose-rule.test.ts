import { describe, expect, it } from 'vitest';
import { keyPhrases } from '../../../src/extract/key-phrases.ts';
import { isPlainRule, maxLines, proposeRule } from '../../../src/extract/propose-rule.ts';
import { parseRule } from '../../../src/match/rule-language.ts';

describe('proposeRule', () => {
  it.each<[string, string[], string]>([
    [
      'lead a new customs partnership, which they have invited other Calais Group members to discuss in detail',
      ['UK', 'France', 'Calais Group'],
      'customs partnership',
    ],
    [
      'step up work with social media companies to tackle online activity by people smuggling networks',
      ['Calais Group'],
      'social media AND smuggl*',
    ],
    [
      'the need for strengthened measures, including operational and legislative, to ensure a more effective deterrent against the facilitation of illegal migration across Europe, focusing on the range of destinations and transit routes being used',
      ['Home Office', 'Calais Group'],
      'deterrent AND illegal migration',
    ],
    [
      'extend Operation Interflex, the training programme for Ukrainian recruits',
      ['MoD'],
      'Operation Interflex',
    ],
    ['open at least 17 new surgical hubs and expand 11 existing ones', ['NHS'], 'surgical hubs'],
  ])('%j → %j first', (text, exclude, rule) => {
    // The mechanism line comes first; other lines follow (next test).
    expect(proposeRule(text, exclude).any[0]).toEqual(rule);
  });

  it('adds a line per further idea, as an analyst writes them: other words, the object, how it is kept', () => {
    expect(
      proposeRule(
        'step up work with social media companies to tackle online activity by people smuggling networks',
        ['Calais Group'],
      ).any,
    ).toEqual([
      'social media AND smuggl*',
      '(social media OR online OR platforms OR tech companies OR tech firms) AND smuggl*',
    ]);
    expect(
      proposeRule(
        'the need for strengthened measures, including operational and legislative, to ensure a more effective deterrent against the facilitation of illegal migration across Europe, focusing on the range of destinations and transit routes being used',
        ['Home Office', 'Calais Group'],
      ).any,
    ).toEqual([
      'deterrent AND illegal migration',
      '(deterrent OR deter*) AND (illegal migration OR irregular migration)',
      '(legislative OR legislation OR bill OR new law OR new offence*) AND illegal migration',
      '(operational OR operation* OR joint investigation*) AND illegal migration',
    ]);
    expect(
      proposeRule(
        'lead a new customs partnership, which they have invited other Calais Group members to discuss',
        ['UK', 'France', 'Calais Group'],
      ).any,
    ).toEqual(['customs partnership', 'customs AND (agreement OR deal OR cooperation)']);
    // One idea and no other words for it: one line.
    expect(
      proposeRule('open at least 17 new surgical hubs and expand 11 existing ones', ['NHS']).any,
    ).toEqual(['surgical hubs']);
    expect(
      proposeRule('a long clause about jobs, housing, schools, hospitals, funding and tax', []).any.length,
    ).toBeLessThanOrEqual(maxLines);
  });

  it('prefers a partner the promise is made with over other names', () => {
    const text =
      'the new deal the UK has signed with Frontex, the European Border and Coast Guard Agency, to exchange information and intelligence and take on the people smuggling gangs together';
    // The name alone first; then its object and actors together.
    expect(proposeRule(text, ['UK', 'Calais Group'], ['Frontex']).any).toEqual([
      'Frontex',
      'smuggling gangs AND (intelligence OR information sharing OR data sharing)',
    ]);
  });

  it('leaves out the owners, places, ministers and generic words', () => {
    const words = keyPhrases(
      'The Home Secretary and the UK will work with partners across Europe on new measures for the Calais Group members',
      ['UK', 'Home Office', 'Calais Group'],
    ).map((p) => p.words.join(' '));
    expect(words).toEqual([]);
  });

  it('does not carry a possessive into a phrase (an FTS phrase cannot span the ’s)', () => {
    const lines = proposeRule('the Children’s Wellbeing and Schools Bill will make it a legal duty').any;
    expect(lines[0]).toEqual('Wellbeing and Schools Bill');
    for (const l of lines) expect(l).not.toMatch(/Children\W*s? Wellbeing/);
  });

  it('gives no rule when there is no topic', () => {
    expect(proposeRule('do more of it soon', []).any).toEqual([]);
  });

  // Every proposal must parse under the rule language, whatever the announcement's text holds.
  it.each([
    'publish a net-zero plan for "green" jobs AND skills (OR not) in 2025',
    'ban NEAR(a b) col:x a^b * {title}: + - offers 🚀 ✓ for £1.5bn',
    'introduce the Water (Special Measures) Act’s powers — “quickly”',
    'AND OR NOT NEAR',
    'cut VAT on children’s car seats, e-scooters and self-build homes',
    'set up Great British Railways; bring train operators and Network Rail together',
  ])('a proposal from %j parses', (text) => {
    for (const expr of proposeRule(text, []).any) {
      expect(isPlainRule(expr)).toBe(true);
      const parsed = parseRule(expr);
      expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
    }
  });
});
