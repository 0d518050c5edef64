// Configuring watched commitments through the real CLI: add/edit/remove keep the file's comments
// and refuse invalid edits without touching it; extract → append → `commitments test` finds the
// evidence already stored.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/run-cli.ts';
import { tempConfig, type TempConfig } from '../support/temp-config.ts';

const seed = join(repoRoot, 'test/fixtures/seed/calais-group-2024-03-05.txt');
const history = join(repoRoot, 'test/fixtures/history/small-history.jsonl');

const header = '# Our watch list — reviewed every Monday.\n# Keep ids stable: Slack threads hang off them.\n';

let cfg: TempConfig;
beforeEach(() => {
  cfg = tempConfig({ feeds: [], commitments: `${header}commitments: []\n` });
});
afterEach(() => cfg.cleanup());

const file = () => readFileSync(cfg.commitmentsFile, 'utf8');

/** Fill the database with a small history, as polling would have. */
async function storeHistory(): Promise<void> {
  const r = await runCli(
    ['replay', '--from', '2024-03-01', '--to', '2024-06-30', '--items', history, '--database', cfg.database],
    { env: cfg.env },
  );
  expect(r.code, r.stderr).toBe(0);
}

const addFlags = [
  'commitments',
  'add',
  '--id',
  'customs-talks',
  '--title',
  'Customs partnership talks in April',
  '--source-url',
  'https://www.gov.uk/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group',
  '--published',
  '2024-03-05',
  '--quote',
  'The UK and France will lead a new customs partnership',
  '--owners',
  'UK, France',
  '--due',
  '2024-04',
  '--match',
  'customs partnership',
];

describe('commitments add, edit, remove', () => {
  it('add keeps the comments, and matches stored history at once as one summary', async () => {
    await storeHistory();
    const r = await runCli([...addFlags, '--now', '2024-07-01T09:00:00Z'], { env: cfg.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('added customs-talks');
    expect(r.stdout).toMatch(
      /1 stored item already matches[\s\S]*UK and France hold talks on customs partnership/,
    );
    const text = file();
    expect(text.startsWith(header)).toBe(true);
    expect(text).toMatch(/commitments:\n {2}- id: customs-talks\n/);
    expect(text).toContain('owners: [ UK, France ]');
  });

  it('edit changes one field and leaves the rest of the file as it was', async () => {
    await runCli(addFlags, { env: cfg.env });
    const before = file();
    const r = await runCli(['commitments', 'edit', 'customs-talks', '--due', '2024-05'], { env: cfg.env });
    expect(r.code, r.stderr).toBe(0);
    expect(file()).toBe(before.replace('due: 2024-04', 'due: 2024-05'));
  });

  it('an invalid edit is refused with the field and the fix, and the file is untouched', async () => {
    await runCli(addFlags, { env: cfg.env });
    const before = file();
    const badDue = await runCli(['commitments', 'edit', 'customs-talks', '--due', 'next spring'], {
      env: cfg.env,
    });
    expect(badDue.code).toBe(2);
    expect(badDue.stderr).toMatch(/customs-talks.*due/);
    const badRule = await runCli(
      ['commitments', 'edit', 'customs-talks', '--match', 'customs AND (small boat'],
      { env: cfg.env },
    );
    expect(badRule.code).toBe(2);
    expect(badRule.stderr).toMatch(/match/);
    const duplicate = await runCli(addFlags, { env: cfg.env });
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toContain('already exists');
    expect(file()).toBe(before);
  });

  it('remove refuses while there is evidence, unless --force; the history stays', async () => {
    await storeHistory();
    await runCli([...addFlags, '--now', '2024-07-01T09:00:00Z'], { env: cfg.env });
    const refused = await runCli(['commitments', 'remove', 'customs-talks'], { env: cfg.env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('has 1 piece of evidence');
    expect(file()).toContain('customs-talks');

    const forced = await runCli(['commitments', 'remove', 'customs-talks', '--force'], { env: cfg.env });
    expect(forced.code, forced.stderr).toBe(0);
    expect(file()).not.toContain('customs-talks');
    expect(file().startsWith(header)).toBe(true);
    const show = await runCli(['commitments', 'show', 'customs-talks', '--json'], { env: cfg.env });
    expect(show.code, show.stderr).toBe(0);
    const detail = JSON.parse(show.stdout) as { history: Array<{ kind: string }> };
    expect(detail.history.map((e) => e.kind)).toContain('unwatch');
  });

  it('asks for what is missing, re-asking until an answer is valid', async () => {
    const answers = `${[
      'Customs Talks!',
      'customs-talks', // id: refused, then accepted
      'Customs partnership talks in April', // title
      'gov.uk/news',
      'https://www.gov.uk/government/news/calais', // source URL: refused, then accepted
      '5 March',
      '2024-03-05', // published
      'The UK and France will lead a new customs partnership', // quote
      '', // owners: default UK
      '2024-04', // due
      'customs AND (partnership',
      'customs partnership', // rule: refused, then accepted
    ].join('\n')}\n`;
    const r = await runCli(['commitments', 'add', '--interactive'], { env: cfg.env, input: answers });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('use lower-case letters, digits and hyphens');
    expect(r.stdout).toContain('give an address starting https://');
    expect(r.stdout).toContain('write the date as YYYY-MM-DD');
    expect(r.stdout).toContain('added customs-talks');
    expect(file()).toMatch(
      /- id: customs-talks[\s\S]*owners: \[ UK \][\s\S]*due: 2024-04[\s\S]*- customs partnership/,
    );
  });
});

describe('extract', () => {
  it('proposes the seed commitments as YAML, with no statistic among them', async () => {
    const r = await runCli(['extract', seed], { env: cfg.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/- id: customs-partnership\n[\s\S]*?due: 2024-04/);
    expect(r.stdout).toContain('social media');
    expect(r.stdout).toContain('Frontex');
    expect(r.stdout).toMatch(/strengthened measures/);
    expect(r.stdout).not.toMatch(/quote:[^\n]*\d+%/);
    expect(file()).toBe(`${header}commitments: []\n`); // printing never writes
  });

  it('checks each proposed line against the stored history and says how many items it catches', async () => {
    await storeHistory();
    const r = await runCli(['extract', seed], { env: cfg.env });
    expect(r.code, r.stderr).toBe(0);
    // Several lines per commitment, each with its count over the stored history.
    expect(r.stdout).toMatch(
      /checked against the stored history:\n +# +- customs partnership: catches 1 of \d+ stored items\n +# +- customs AND \(agreement OR deal OR cooperation\): catches \d+ of \d+ stored items/,
    );
    expect(r.stdout).toMatch(
      /- \(legislative OR legislation OR bill OR new law OR new offence\*\) AND illegal migration: catches/,
    );
    expect(file()).toBe(`${header}commitments: []\n`); // printing never writes
  });

  it('--append adds the chosen proposals, and `commitments test` shows the stored matches', async () => {
    await storeHistory();
    const appended = await runCli(
      ['extract', seed, '--append', '--only', 'customs-partnership', '--now', '2024-07-01T09:00:00Z'],
      { env: cfg.env },
    );
    expect(appended.code, appended.stderr).toBe(0);
    expect(appended.stdout).toContain('appended customs-partnership');
    expect(appended.stdout).toContain('customs-partnership: 1 stored item already match');
    const text = file();
    expect(text.startsWith(header)).toBe(true);
    expect(text).toMatch(/- id: customs-partnership\n[\s\S]*due: 2024-04[\s\S]*- customs partnership/);

    const tested = await runCli(['commitments', 'test', 'customs-partnership'], { env: cfg.env });
    expect(tested.code, tested.stderr).toBe(0);
    expect(tested.stdout).toContain(
      'UK and France hold talks on customs partnership with Calais Group partners',
    );
    expect(tested.stdout).toMatch(/customs partnership/i);
    // the unrelated items of the same history are not shown
    expect(tested.stdout).not.toContain('Police workforce statistics');
  });

  it('says a proposal is already watched (same quote) instead of proposing customs-partnership-2', async () => {
    const first = await runCli(['extract', seed, '--append', '--only', 'customs-partnership'], {
      env: cfg.env,
    });
    expect(first.code, first.stderr).toBe(0);
    const again = await runCli(['extract', seed], { env: cfg.env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      /# already watched: ".+" is the watched commitment customs-partnership \(same quote\)/,
    );
    expect(again.stdout).not.toContain('customs-partnership-2');
    expect(again.stdout).toContain('Frontex'); // the others are still proposed
    const appendAll = await runCli(['extract', seed, '--append', '--only', 'customs-partnership'], {
      env: cfg.env,
    });
    expect(appendAll.stdout).toContain('already watched, not appended');
    expect(file().match(/- id: customs-partnership/g)).toHaveLength(1);
  });

  it('on a terminal, a proposal can be edited before it is appended', async () => {
    const proposals = await runCli(['extract', seed], { env: cfg.env });
    const count = (proposals.stdout.match(/^ {2}- id: /gm) ?? []).length;
    expect(count).toBeGreaterThan(1);
    // edit the first (id, title, due kept, owners, match), drop the rest
    const answers = [
      'e',
      'customs-deal',
      'Customs deal with France',
      '',
      'UK, France',
      'customs partnership | customs deal',
    ]
      .concat(Array.from({ length: count - 1 }, () => 'n'))
      .join('\n');
    const r = await runCli(['extract', seed, '--append', '--interactive'], {
      env: cfg.env,
      input: `${answers}\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('kept as edited: customs-deal');
    const text = file();
    expect(text).toMatch(/- id: customs-deal\n\s+title: Customs deal with France/);
    expect(text).toMatch(/owners: \[ UK, France \]/);
    expect(text).toMatch(/- customs deal/);
    expect(text.match(/- id: /g)).toHaveLength(1);
  });

  it('--only with an unknown id is a usage error and writes nothing', async () => {
    const r = await runCli(['extract', seed, '--append', '--only', 'nonsense'], { env: cfg.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not among the proposals');
    expect(file()).toBe(`${header}commitments: []\n`);
  });
});
