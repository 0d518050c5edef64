// Precision and recall of extraction over the labelled announcements in
// test/fixtures/announcements (README there), and accuracy of due-date resolution.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  evaluateExtraction,
  formatExtractionReport,
  type ExpectedAnswer,
} from '../../../src/eval/evaluate-extraction.ts';
import { extractCommitments } from '../../../src/extract/extract-commitments.ts';
import { readAnnouncement } from '../../../src/extract/read-announcement.ts';

const dir = fileURLToPath(new URL('../../fixtures/announcements/', import.meta.url));

async function runAll(): Promise<ReturnType<typeof evaluateExtraction>> {
  const answers = readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort();
  const cases = [];
  for (const file of answers) {
    const answer = JSON.parse(readFileSync(dir + file, 'utf8')) as ExpectedAnswer;
    const announcement = await readAnnouncement(dir + answer.announcement);
    cases.push({ answer, proposed: extractCommitments(announcement) });
  }
  return evaluateExtraction(cases);
}

describe('extraction over the evaluation set', () => {
  it('finds the labelled commitments with few false ones, and resolves their due dates', async () => {
    const report = await runAll();
    console.log(formatExtractionReport(report));
    expect(report.cases.length).toBeGreaterThanOrEqual(6);
    expect(report.overall.expected).toBeGreaterThanOrEqual(40);
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.8);
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.75);
    expect(report.overall.dueAccuracy).toBeGreaterThanOrEqual(0.85);
    // Statements of fact and rhetoric listed in the answers are never proposed.
    expect(report.overall.claimsProposed).toBe(0);
  });
});
