import { describe, expect, it } from 'vitest';
import {
  classifyClause,
  splitClauses,
  type ClauseContext,
  type TriggerKind,
} from '../../../src/extract/detect-commitment.ts';

describe('classifyClause: commitments', () => {
  it.each<[string, TriggerKind, string, ClauseContext?]>([
    [
      'The UK and France will lead a new customs partnership, which they have invited other Calais Group members to discuss in detail in April.',
      'modal',
      'will lead',
    ],
    ['Ministers have agreed to publish a joint action plan.', 'agreement', 'have agreed to'],
    ['The two governments agreed to share border data in real time.', 'agreement', 'agreed to'],
    ['The Treasury is committed to reviewing the rules.', 'agreement', 'is committed to'],
    [
      'The strategy commits the department to halving waiting times.',
      'agreement',
      'commits the department to',
    ],
    ['The council has pledged to plant 10,000 trees.', 'agreement', 'has pledged to'],
    [
      'a renewed commitment to step up work with social media companies to tackle online activity by people smuggling networks',
      'commitment-noun',
      'a renewed commitment to',
      { listItem: true, leadIn: 'several other key points were covered by the Calais Group:' },
    ],
    ['The department plans to open 20 new centres.', 'plan', 'plans to'],
    ['The regulator intends to consult on the changes.', 'plan', 'intends to'],
    ['A new pay deal is set to be agreed in the autumn.', 'plan', 'is set to'],
    ['The new service will launch in June.', 'modal', 'will launch'],
    ['The guidance will be published this spring.', 'modal', 'will be published'],
    ['Applications will be able to be made online from May.', 'modal', 'will be', { hasDue: true }],
    ['Schools will be able to apply in the autumn.', 'modal', 'will be', { hasDue: true }],
    [
      'Partnership countries and their customs agencies will, through the customs partnership, share information.',
      'modal',
      'will, through the customs partnership, share',
    ],
    ['The hospital will now open a second site.', 'modal', 'will now open'],
    ['Its first projects will include a Local Power Plan.', 'modal', 'will include'],
    ['We will publish the review in full by the end of the year.', 'modal', 'will publish', { quoted: true }],
    [
      'publish a strategy to end rough sleeping',
      'lead-in',
      'will also',
      { listItem: true, leadIn: 'As part of the plan, the government will also:' },
    ],
    [
      'the Home Secretary emphasised the need for strengthened measures to ensure a more effective deterrent',
      'action-noun',
      'the need for',
      { listItem: true, leadIn: 'several other key points were covered by the Calais Group:' },
    ],
    [
      'the Home Secretary also discussed the operationalisation of the new deal the UK has signed with Frontex',
      'action-noun',
      'the operationalisation of',
      { listItem: true, leadIn: 'several other key points were covered by the Calais Group:' },
    ],
    [
      'agreed to increase the production of air defence missiles',
      'agreement',
      'agreed to',
      { listItem: true, leadIn: 'At the meeting, allies also:' },
    ],
    ['A further 1,000 cells are to be installed on existing sites.', 'plan', 'are to be installed'],
    [
      'The government is setting out a strategy, with 14,000 new places to be built by 2031.',
      'plan',
      'to be built',
      { hasDue: true },
    ],
    ['The first AI Growth Zone will be in Culham, Oxfordshire.', 'modal', 'will be'],
  ])('%j is a commitment (%s)', (clause, kind, trigger, ctx) => {
    const v = classifyClause(clause, ctx);
    expect(v.ok, v.ok ? '' : v.reason).toBe(true);
    if (!v.ok) return;
    expect(v.kind).toBe(kind);
    expect(v.trigger).toBe(trigger);
  });
});

describe('classifyClause: not commitments', () => {
  it.each<[string, RegExp, ClauseContext?]>([
    // Statements of fact and past achievements.
    [
      'The number of small boats crossing the English Channel is down by 46% on last year.',
      /statement of fact/,
    ],
    [
      'We have already made significant progress by reducing small boat crossings by 36%.',
      /statement of fact/,
    ],
    [
      'The UK also returned more than 25,000 people without the right to be here last year.',
      /statement of fact/,
    ],
    [
      'Ministers welcomed the joint progress achieved since the last meeting of the Calais Group in December 2022.',
      /statement of fact/,
    ],
    [
      'The nations discussed how best to progress joint efforts in tackling the global migration crisis.',
      /statement of fact/,
    ],
    [
      'The UK and other northern European countries discussed new commitments to disrupt the supply chain of small boats.',
      /statement of fact/,
    ],
    ['Since 2010 the department has built 2,000 schools.', /statement of fact/],
    // The future seen from the past.
    ['The government had previously promised to end the practice.', /future seen from the past/],
    ['The previous government had committed to eliminating long waits by 2023.', /future seen from the past/],
    ['The company said it would cooperate fully.', /statement of fact/],
    ['Ministers were going to publish the plan in 2022.', /statement of fact/],
    // Consequences, forecasts, descriptions.
    ['This funding will help councils move families into secure homes.', /consequence/],
    ['It will put money in people’s pockets.', /consequence/],
    ['The plan will help cut waiting lists.', /consequence/],
    [
      'Partnership countries and their customs agencies will, through the customs partnership, be able to share information more effectively.',
      /consequence/,
    ],
    ['Trade between the two countries is expected to grow by £10 billion.', /forecast/],
    [
      'The Office for Budget Responsibility forecasts that the economy will grow by 1.1% next year.',
      /forecast/,
    ],
    ['Great British Energy will be a national champion, owned by the British people.', /description/],
    ['2025 will be a critical year.', /description|prediction/],
    [
      'This is an initiative to work with countries, and will build on the effective work already being done.',
      /consequence|continuation/,
    ],
    // Rhetoric.
    [
      'Our new customs partnership demonstrates our enduring commitment to smashing the business model of criminal gangs.',
      /rhetoric/,
    ],
    ['Britain will stand with Ukraine for as long as it takes.', /rhetoric|open-ended/],
    ['We will continue to seek deals that open new markets.', /rhetoric|open-ended/],
    ['We will not rest until every family has a home.', /refusal|rhetoric/],
    // In a minister's quotation only a concrete action counts.
    ['We will make Britain a clean energy superpower by 2030.', /quotation/, { quoted: true, hasDue: true }],
    [
      'We will step up our support to put Ukraine in the strongest possible position.',
      /rhetoric|quotation/,
      { quoted: true },
    ],
    // Grammar that only looks like a promise.
    ['Councils must publish plans showing how they will use the money.', /embedded question/],
    ['The UK has pledged to Ukraine £3 billion a year.', /noun, not an action/],
    ['Will the government publish the report?', /question/],
    ['As part of today’s announcement, the government will also:', /lead-in/],
    [
      'discussed how to speed up the delivery of ammunition',
      /discussion|statement of fact/,
      { listItem: true, leadIn: 'At the meeting, allies also:' },
    ],
    [
      'welcomed Denmark’s decision to fund artillery',
      /discussion|statement of fact/,
      { listItem: true, leadIn: 'At the meeting, allies also:' },
    ],
  ])('%j is not a commitment', (clause, reason, ctx) => {
    const v = classifyClause(clause, ctx);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.reason).toMatch(reason);
  });
});

describe('splitClauses', () => {
  it.each([
    [
      'NHS England will publish monthly progress, and the Department of Health and Social Care will set out reforms in the spring.',
      [
        'NHS England will publish monthly progress',
        'the Department of Health and Social Care will set out reforms in the spring.',
      ],
    ],
    [
      'The government will publish a strategy in the spring, and that the review will set budgets.',
      ['The government will publish a strategy in the spring', 'that the review will set budgets.'],
    ],
    [
      'The offer will cap payments, so that money reaches more farms, and payments for hedgerows will increase from July.',
      [
        'The offer will cap payments, so that money reaches more farms',
        'payments for hedgerows will increase from July.',
      ],
    ],
    // Same subject: one clause.
    [
      'The department will publish guidance this spring, and will evaluate the scheme.',
      ['The department will publish guidance this spring, and will evaluate the scheme.'],
    ],
    [
      'We will publish the strategy in the spring, and we will not rest until it is done.',
      ['We will publish the strategy in the spring', 'we will not rest until it is done.'],
    ],
    // A second clause with no promise of its own stays attached.
    [
      'Councils will receive the money within 6 weeks, and must publish plans.',
      ['Councils will receive the money within 6 weeks, and must publish plans.'],
    ],
  ])('%j', (sentence, clauses) => {
    expect(splitClauses(sentence)).toEqual(clauses);
  });
});
