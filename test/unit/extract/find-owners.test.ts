import { describe, expect, it } from 'vitest';
import { findOwners, namedEntities, publisherOwner } from '../../../src/extract/find-owners.ts';

describe('findOwners', () => {
  it.each<[string, string, string, Parameters<typeof findOwners>[2], string[]]>([
    [
      'countries in the subject',
      'The UK and France',
      'lead a new customs partnership',
      { publisher: 'Home Office' },
      ['UK', 'France'],
    ],
    [
      'a minister stands for the department',
      'The Home Secretary',
      'publish a plan',
      { publisher: 'Home Office' },
      ['Home Office'],
    ],
    [
      '"the government" is the publisher',
      'The government',
      'publish a strategy',
      { publisher: 'Department for Education' },
      ['DfE'],
    ],
    [
      'a subject naming nobody falls back to the publisher',
      'Councils across England',
      'receive £450 million',
      { publisher: 'Ministry of Housing, Communities and Local Government' },
      ['MHCLG'],
    ],
    [
      'an agency',
      'The National Crime Agency',
      'target smuggling gangs',
      { publisher: 'Home Office' },
      ['NCA'],
    ],
    [
      'Border Force',
      'Border Force officers',
      'be deployed to Calais',
      { publisher: 'Home Office' },
      ['Border Force'],
    ],
    [
      'a partner named with "with" is an owner; in an international deal the minister is the UK',
      'the Home Secretary',
      'the new deal the UK has signed with Frontex, to exchange information',
      { publisher: 'Home Office' },
      ['UK', 'Frontex'],
    ],
    [
      'a list item inherits the forum of its lead-in, and the UK publisher takes part',
      '',
      'step up work with social media companies',
      { publisher: 'Home Office', inherited: ['Calais Group'] },
      ['UK', 'Calais Group'],
    ],
    [
      'a minister in an international list item becomes UK',
      'the Home Secretary',
      'the need for strengthened measures',
      { publisher: 'Home Office', inherited: ['Calais Group'] },
      ['UK', 'Calais Group'],
    ],
    [
      '"the two countries" are the countries the announcement names',
      'The two countries',
      'sign the agreement',
      { publisher: 'Department for Business and Trade', parties: ['UK', 'India'] },
      ['UK', 'India'],
    ],
    [
      'a foreign government',
      'The German government',
      'bring forward a law',
      { publisher: 'Home Office' },
      ['Germany'],
    ],
    [
      'the European Commission',
      'The European Commission',
      'propose new rules',
      { publisher: 'Home Office' },
      ['European Commission'],
    ],
    [
      'a name inside a longer name is not an owner',
      'The Ukraine Defence Contact Group',
      'increase production',
      { publisher: 'Ministry of Defence' },
      ['Ukraine Defence Contact Group'],
    ],
  ])('%s', (_what, subject, predicate, ctx, owners) => {
    const got = findOwners(subject, predicate, ctx);
    expect([...got].sort()).toEqual([...owners].sort());
  });

  it('keeps the order of the subject', () => {
    expect(findOwners('France and the UK', 'share data', { publisher: 'Home Office' })).toEqual([
      'France',
      'UK',
    ]);
  });

  it('maps GOV.UK organisation titles to short names, and keeps unknown ones as they are', () => {
    expect(publisherOwner('Department of Health and Social Care')).toBe('DHSC');
    expect(publisherOwner('Department for Environment, Food & Rural Affairs')).toBe('Defra');
    expect(publisherOwner("Prime Minister's Office, 10 Downing Street")).toBe('UK');
    expect(publisherOwner('Animal and Plant Health Agency')).toBe('Animal and Plant Health Agency');
    expect(publisherOwner(undefined)).toBeUndefined();
  });

  it('does not read a chancellor of another country as the Treasury', () => {
    expect(namedEntities('Chancellor Olaf Scholz and the German government')).toEqual(['Germany']);
    expect(namedEntities('the Chancellor will set out')).toEqual(['HM Treasury']);
  });
});
