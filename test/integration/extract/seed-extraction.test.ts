// The seed announcement end to end: file → proposals → YAML that the commitments loader accepts.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateCommitmentsFile } from '../../../src/config/load-commitments.ts';
import { readYamlFile } from '../../../src/config/yaml-file.ts';
import { extractCommitments } from '../../../src/extract/extract-commitments.ts';
import { proposalsToYaml } from '../../../src/extract/proposals-to-yaml.ts';
import { readAnnouncement } from '../../../src/extract/read-announcement.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seedText = `${root}test/fixtures/seed/calais-group-2024-03-05.txt`;
const seedJson = `${root}test/fixtures/govuk/content-calais-group-press-release.json`;
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface SeedEntry {
  id: string;
  owners: string[];
  due?: string;
  source: { quote: string };
}
const seed = (parse(readFileSync(`${root}config/commitments.yaml`, 'utf8')) as { commitments: SeedEntry[] })
  .commitments;

describe('extracting the seed announcement', () => {
  it.each([
    ['text', seedText],
    ['Content API JSON', seedJson],
  ])('from %s proposes the four seed commitments and no statistic', async (_kind, file) => {
    const proposals = extractCommitments(await readAnnouncement(file));
    expect(proposals.map((p) => p.id)).toEqual([
      'customs-partnership',
      'deterrent-illegal-migration',
      'social-media-smuggling',
      'frontex',
    ]);
    const [customs, deterrent, social, frontex] = proposals;

    expect(customs!.due).toEqual({ text: '2024-04', lastDay: '2024-04-30', phrase: 'in April' });
    for (const p of [deterrent, social, frontex]) expect(p!.due).toBeUndefined();

    // The mechanism line first, as before; then a line per further idea of the clause.
    expect(customs!.match.any).toEqual([
      'customs partnership',
      'customs AND (agreement OR deal OR cooperation)',
    ]);
    expect(deterrent!.match.any).toEqual([
      'deterrent AND illegal migration',
      '(deterrent OR deter*) AND (illegal migration OR irregular migration)',
      '(legislative OR legislation OR bill OR new law OR new offence*) AND illegal migration',
      '(operational OR operation* OR joint investigation*) AND illegal migration',
    ]);
    expect(social!.match.any).toEqual([
      'social media AND smuggl*',
      '(social media OR online OR platforms OR tech companies OR tech firms) AND smuggl*',
    ]);
    expect(frontex!.match.any).toEqual([
      'Frontex',
      'smuggling gangs AND (intelligence OR information sharing OR data sharing)',
    ]);

    // Each proposal quotes the sentence the hand-written seed quotes, and names its owners.
    const seedIds = ['customs-partnership', 'deterrent-measures', 'social-media', 'frontex'];
    proposals.forEach((p, i) => {
      const entry = seed.find((c) => c.id === seedIds[i])!;
      expect(squash(p.source.quote)).toContain(squash(entry.source.quote));
      expect(p.owners).toEqual(expect.arrayContaining(entry.owners));
      expect(p.source).toMatchObject({
        url: 'https://www.gov.uk/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group',
        published: '2024-03-05',
      });
      expect(p.confidence).toBeGreaterThan(0.5);
      expect(p.reasons.length).toBeGreaterThan(0);
    });

    for (const p of proposals) expect(p.source.quote).not.toMatch(/46%|36%|25,000|welcomed|already made/);
  });

  it('writes YAML the commitments loader accepts, renaming ids the file already has', async () => {
    const proposals = extractCommitments(await readAnnouncement(seedText));
    const text = proposalsToYaml(proposals, {
      existingIds: seed.map((c) => c.id),
      header: 'proposed from the seed',
    });
    const loaded = validateCommitmentsFile(readYamlFile('proposed.yaml', text), { staleDays: 90 });
    expect(loaded.map((c) => c.id)).toEqual([
      'customs-partnership-2',
      'deterrent-illegal-migration',
      'social-media-smuggling',
      'frontex-2',
    ]);
    expect(loaded[0]!.due).toEqual({ text: '2024-04', lastDay: '2024-04-30' });
    expect(loaded[0]!.source.quote).toBe(proposals[0]!.source.quote);
  });
});
