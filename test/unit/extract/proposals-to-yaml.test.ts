import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateCommitmentsFile } from '../../../src/config/load-commitments.ts';
import { readYamlFile } from '../../../src/config/yaml-file.ts';
import type { ProposedCommitment } from '../../../src/extract/extract-commitments.ts';
import { proposalsToYaml } from '../../../src/extract/proposals-to-yaml.ts';

const proposals: ProposedCommitment[] = [
  {
    id: 'customs-partnership',
    title: 'The UK and France will lead a new customs partnership',
    source: {
      url: 'https://www.gov.uk/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group',
      published: '2024-03-05',
      quote:
        'The UK and France will lead a new customs partnership, which they have invited other Calais Group members to discuss in detail in April.',
    },
    owners: ['UK', 'France'],
    due: { text: '2024-04', lastDay: '2024-04-30', phrase: 'in April' },
    match: { any: ['customs partnership'] },
    confidence: 0.85,
    reasons: ['future action: "will lead"', 'due "in April" → 2024-04'],
  },
  {
    id: 'social-media-smuggling',
    title: 'A renewed commitment to step up work with social media companies: "quotes", colons # and hashes',
    source: {
      url: 'https://www.gov.uk/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group',
      published: '2024-03-05',
      quote:
        'a renewed commitment to step up work with social media companies to tackle online activity by people smuggling networks',
    },
    owners: ['UK', 'Calais Group'],
    match: { any: ['social media AND smuggl*'] },
    confidence: 0.6,
    reasons: ['stated commitment: "a renewed commitment to" + an action', 'a reason\nwith a line break'],
  },
];

describe('proposalsToYaml', () => {
  it('round-trips: the YAML reads back as the proposals, in the commitments file format', () => {
    const doc = parse(proposalsToYaml(proposals)) as { commitments: Array<Record<string, unknown>> };
    expect(doc.commitments).toEqual([
      {
        id: 'customs-partnership',
        title: proposals[0]!.title,
        source: proposals[0]!.source,
        owners: ['UK', 'France'],
        due: '2024-04',
        match: { any: ['customs partnership'] },
      },
      {
        id: 'social-media-smuggling',
        title: proposals[1]!.title,
        source: proposals[1]!.source,
        owners: ['UK', 'Calais Group'],
        match: { any: ['social media AND smuggl*'] },
      },
    ]);
  });

  it('passes the real commitments-file validation (rules parse, dates and ids are valid)', () => {
    const text = proposalsToYaml(proposals);
    const loaded = validateCommitmentsFile(readYamlFile('proposed.yaml', text), { staleDays: 90 });
    expect(loaded.map((c) => [c.id, c.due?.lastDay, c.match.any])).toEqual([
      ['customs-partnership', '2024-04-30', ['customs partnership']],
      ['social-media-smuggling', undefined, ['social media AND smuggl*']],
    ]);
  });

  it('puts confidence and reasons in a comment before each entry', () => {
    const text = proposalsToYaml(proposals);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('- id: customs-partnership'));
    expect(lines.slice(at - 3, at)).toEqual([
      '  # proposed, confidence 0.85:',
      '  #   - future action: "will lead"',
      '  #   - due "in April" → 2024-04',
    ]);
    // A reason with a line break stays inside the comment.
    expect(text).toContain('#   - a reason with a line break');
  });

  it('renames ids that the commitments file already uses', () => {
    const doc = parse(
      proposalsToYaml(proposals, { existingIds: ['customs-partnership', 'customs-partnership-2'] }),
    ) as { commitments: Array<{ id: string }> };
    expect(doc.commitments.map((c) => c.id)).toEqual(['customs-partnership-3', 'social-media-smuggling']);
  });

  it('gives only the list items for appending under an existing `commitments:`', () => {
    const items = proposalsToYaml(proposals, { form: 'items', header: 'from the Calais Group release' });
    expect(items).not.toContain('commitments:');
    expect(items).not.toContain('from the Calais Group release');
    expect(items.startsWith('  # proposed, confidence 0.85:')).toBe(true);
    const appended = parse(`commitments:\n  - id: existing\n    title: x\n${items}`) as {
      commitments: Array<{ id: string }>;
    };
    expect(appended.commitments.map((c) => c.id)).toEqual([
      'existing',
      'customs-partnership',
      'social-media-smuggling',
    ]);
  });

  it('flags an unknown source address and a missing rule for the reviewer', () => {
    const bare: ProposedCommitment = {
      ...proposals[1]!,
      source: { ...proposals[1]!.source, url: '' },
      match: { any: [] },
    };
    const text = proposalsToYaml([bare]);
    expect(text).toContain('source.url unknown');
    expect(text).toContain('no match rule found');
  });
});
