import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.ts';
import { ConfigError, type ConfigProblem } from '../../../src/errors.ts';

function write(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ft-config-'));
  const file = join(dir, 'followthrough.yaml');
  writeFileSync(file, text);
  return file;
}

function problems(text: string): ConfigProblem[] {
  try {
    loadConfig(write(text), {}, '/srv/app');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}

const valid = `timezone: Europe/London
database: db/ft.db
commitments: commitments.yaml
feeds:
  - id: home-office
    url: https://www.gov.uk/government/organisations/home-office.atom
    recover: https://www.gov.uk/api/search.json?filter_organisations=home-office
  - id: search
    url: https://www.gov.uk/api/search.json?filter_organisations=home-office
slack:
  channel: "#followthrough"
`;

describe('loadConfig', () => {
  it('applies defaults and resolves paths against the file’s folder', () => {
    const file = write(valid);
    const dir = join(file, '..');
    const c = loadConfig(file, {}, '/srv/app');
    expect(c.database).toBe(join(dir, 'db/ft.db'));
    expect(c.commitmentsFile).toBe(join(dir, 'commitments.yaml'));
    expect(c.digestDir).toBe(join(dir, 'db/digests'));
    expect(c.schedule).toEqual({
      poll: '*/15 * * * *',
      overdue: '0 9 * * *',
      deliver: '* * * * *',
      digest: '0 9 * * 1',
    });
    expect(c.feeds.map((f) => [f.id, f.type])).toEqual([
      ['home-office', 'atom'],
      ['search', 'search'],
    ]);
    expect(c.slack).toEqual({
      channel: '#followthrough',
      reminderDays: 7,
      reminderMaxDays: 112,
      reviewers: [],
    });
    expect(c.staleDays).toBe(90);
  });

  it('FOLLOWTHROUGH_DB overrides the database, relative to the working directory', () => {
    expect(loadConfig(write(valid), { databasePath: 'other.db' }, '/srv/app').database).toBe(
      '/srv/app/other.db',
    );
  });

  it('without `database:` the default data/followthrough.db is relative to the working directory', () => {
    expect(loadConfig(write(valid.replace('database: db/ft.db\n', '')), {}, '/srv/app').database).toBe(
      '/srv/app/data/followthrough.db',
    );
  });

  it('reports every problem at once, each with its field, line and fix', () => {
    const found = problems(`timezone: Europe/Londn
schedul:
  poll: "*/15 * * * *"
feeds:
  - id: home-office
    url: ftp://www.gov.uk/feed.atom
  - id: home-office
    url: https://www.gov.uk/x.atom
    intervall: 5
slack:
  channel: followthrough
schedule:
  poll: "every 15 minutes"
`);
    const byField = Object.fromEntries(found.map((p) => [p.field, p]));
    expect(Object.keys(byField).sort()).toEqual(
      [
        'feeds[0].url',
        'feeds[1].id',
        'feeds[1].intervall',
        'schedul',
        'schedule.poll',
        'slack.channel',
        'timezone',
      ].sort(),
    );
    expect(byField.timezone).toMatchObject({ line: 1, message: 'unknown time zone "Europe/Londn"' });
    expect(byField.schedul).toMatchObject({ line: 2, message: 'unknown key "schedul"' });
    expect(byField.schedul!.fix).toContain('did you mean "schedule"');
    expect(byField['feeds[0].url']).toMatchObject({ line: 6 });
    expect(byField['feeds[0].url']!.fix).toContain('https://');
    expect(byField['feeds[1].id']!.message).toBe('feed id "home-office" is used twice');
    expect(byField['feeds[1].intervall']!.fix).toContain('did you mean "interval_minutes"');
    expect(byField['slack.channel']!.fix).toContain('"#followthrough"');
    expect(byField['schedule.poll']).toMatchObject({
      line: 13,
      message: '"every 15 minutes" is not a valid cron expression',
    });
    for (const p of found) expect(p.file.endsWith('followthrough.yaml')).toBe(true);
  });

  it('the error message names the file, line, field and fix', () => {
    try {
      loadConfig(write('feeds: []\nslack: { channel: "#x" }\nbogus: 1\n'), {}, '/');
      throw new Error('expected a ConfigError');
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toMatch(
        /1 problem in the configuration:\n.*followthrough\.yaml:3: bogus: unknown key "bogus"\n {2}fix: remove it; known keys here: /,
      );
    }
  });

  it('reports a YAML syntax error with its line', () => {
    const [p] = problems('timezone: Europe/London\nfeeds:\n  - id: x\n    url: "unclosed\n');
    expect(p!.field).toBe('(syntax)');
    expect(p!.line).toBeGreaterThanOrEqual(4);
  });

  it('says clearly when the file is missing', () => {
    try {
      loadConfig('/nonexistent/followthrough.yaml', {}, '/');
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as ConfigError).problems[0]).toMatchObject({ field: '(file)', message: 'file not found' });
    }
  });
});

describe('slack: reminder back-off and reviewers', () => {
  it('reads reminder_max_days and reviewers', () => {
    const c = loadConfig(
      write(
        valid.replace(
          'slack:\n  channel: "#followthrough"\n',
          'slack:\n  channel: "#followthrough"\n  reminder_days: 5\n  reminder_max_days: 40\n  reviewers: [U0123ABCD, W0987ZYXW]\n',
        ),
      ),
      {},
      '/srv/app',
    );
    expect(c.slack).toEqual({
      channel: '#followthrough',
      reminderDays: 5,
      reminderMaxDays: 40,
      reviewers: ['U0123ABCD', 'W0987ZYXW'],
    });
  });

  it('a cap below the first gap and a reviewer that is not a user id are problems with their fix', () => {
    const found = problems(
      valid.replace(
        'slack:\n  channel: "#followthrough"\n',
        'slack:\n  channel: "#followthrough"\n  reminder_days: 14\n  reminder_max_days: 7\n  reviewers: [alice]\n',
      ),
    );
    expect(found.map((p) => p.field)).toEqual(['slack.reminder_max_days', 'slack.reviewers[0]']);
    expect(found[0]!.message).toContain('shorter than reminder_days (14)');
    expect(found[1]!.message).toBe('"alice" is not a Slack user id');
    expect(found[1]!.fix).toContain('Copy member ID');
    expect(found.every((p) => p.line !== undefined)).toBe(true);
  });
});
