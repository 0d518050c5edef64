import { describe, expect, it } from 'vitest';
import { findDueCandidates, resolveDue } from '../../../src/extract/resolve-due.ts';

describe('resolveDue against the publication date', () => {
  it.each([
    // [sentence, published, text, lastDay, phrase]
    ['invited to discuss it in detail in April.', '2024-03-05', '2024-04', '2024-04-30', 'in April'],
    ['invited to discuss it in detail in April.', '2024-05-05', '2025-04', '2025-04-30', 'in April'],
    ['The first deliveries will arrive in January.', '2024-12-10', '2025-01', '2025-01-31', 'in January'],
    [
      'It will be allocated by the end of the year.',
      '2024-03-05',
      '2024-12-31',
      '2024-12-31',
      'by the end of the year',
    ],
    [
      'It will be allocated by the end of the year.',
      '2024-12-20',
      '2024-12-31',
      '2024-12-31',
      'by the end of the year',
    ],
    ['Guidance will be published this spring.', '2024-03-05', '2024-05', '2024-05-31', 'this spring'],
    ['Guidance will be published in the spring.', '2024-11-20', '2025-05', '2025-05-31', 'in the spring'],
    ['The scheme opens next spring.', '2024-11-20', '2025-05', '2025-05-31', 'next spring'],
    ['Patients can choose from this summer.', '2025-01-06', '2025-08', '2025-08-31', 'from this summer'],
    ['The review will report in the autumn.', '2024-08-28', '2024-11', '2024-11-30', 'in the autumn'],
    ['Heating support will be paid this winter.', '2024-11-01', '2025-02', '2025-02-28', 'this winter'],
    ['It will be set out in legislation next year.', '2024-03-05', '2025-12-31', '2025-12-31', 'next year'],
    ['It will be set out in legislation next year.', '2024-12-31', '2025-12-31', '2025-12-31', 'next year'],
    ['The fund will close by 30 June 2025.', '2024-03-05', '2025-06-30', '2025-06-30', 'by 30 June 2025'],
    [
      '65% will be seen within 18 weeks by March 2026.',
      '2025-01-06',
      '2026-03',
      '2026-03-31',
      'by March 2026',
    ],
    [
      'A centre will open in Riga by the end of March.',
      '2024-12-19',
      '2025-03',
      '2025-03-31',
      'by the end of March',
    ],
    ['Allocations will follow within 6 weeks.', '2025-07-15', '2025-08-26', '2025-08-26', 'within 6 weeks'],
    [
      'Monitors will be installed within 12 months.',
      '2025-02-24',
      '2026-02-24',
      '2026-02-24',
      'within 12 months',
    ],
    ['Plans are due by the end of 2025-26.', '2025-07-15', '2026-03', '2026-03-31', 'by the end of 2025-26'],
    ['8GW will be built by 2030.', '2024-07-25', '2030-12-31', '2030-12-31', 'by 2030'],
    ['It will be established in 2026.', '2025-07-15', '2026-12-31', '2026-12-31', 'in 2026'],
    ['Training will run throughout 2025.', '2024-12-19', '2025-12-31', '2025-12-31', 'throughout 2025'],
    ['They will sign it later this year.', '2025-05-06', '2025-12-31', '2025-12-31', 'later this year'],
    ['They will launch a partnership next month.', '2024-08-28', '2024-09', '2024-09-30', 'next month'],
    ['They will launch a partnership next month.', '2024-12-28', '2025-01', '2025-01-31', 'next month'],
    ['A white paper will follow in early 2025.', '2024-06-01', '2025-04', '2025-04-30', 'in early 2025'],
    [
      '95% of claims will be paid within 30 days of a valid claim from 1 June.',
      '2025-03-11',
      '2025-06-01',
      '2025-06-01',
      'from 1 June',
    ],
  ])('%j published %s → %s', (sentence, published, text, lastDay, phrase) => {
    expect(resolveDue(sentence, published)).toEqual({ text, lastDay, phrase });
  });

  it.each([
    ['No date is given for the rollout.', '2024-03-05'],
    ['The cap will be extended until the end of March 2027.', '2025-07-15'],
    ['Funding will run the clubs for the summer term.', '2025-03-03'],
    ['Arrivals have fallen since December 2022.', '2024-03-05'],
    ['Tariffs fall to 40% by the tenth year of the agreement.', '2025-05-06'],
    ['They met yesterday evening (Monday 4 March).', '2024-03-05'],
    ['They discussed it in detail in April 2023.', '2024-03-05'],
    ['Applicants may apply to 2,000 schools.', '2024-06-01'],
    ['The review will set departmental budgets to 2028-29.', '2024-10-30'],
    ['It covers the day-to-day budget.', '2024-10-30'],
  ])('%j published %s has no due date', (sentence, published) => {
    expect(resolveDue(sentence, published)).toBeUndefined();
  });

  it('picks the deadline nearest after the committing verb, not one in a later clause', () => {
    const s =
      'The government will launch a commission this spring, which will report to ministers by the autumn.';
    expect(resolveDue(s, '2025-02-24', s.indexOf('will launch'))?.text).toBe('2025-05');
    expect(findDueCandidates(s, '2025-02-24').map((c) => c.text)).toEqual(['2025-05', '2025-11']);
    const t =
      'Councils will receive their allocations within 6 weeks, and must publish plans by the end of 2025-26.';
    expect(resolveDue(t, '2025-07-15', t.indexOf('will receive'))?.text).toBe('2025-08-26');
  });
});
