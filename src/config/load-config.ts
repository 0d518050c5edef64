// Loads and validates the main config file. Every problem is collected and reported at once,
// each naming the file, the field, its line and the fix; unknown keys are errors.

import { dirname, resolve } from 'node:path';
import cron from 'node-cron';
import { isValidTimeZone } from '../calendar.ts';
import { ConfigError } from '../errors.ts';
import {
  checkKeys,
  collectProblems,
  isRecord,
  readInteger,
  readString,
  type Problems,
} from './check-fields.ts';
import { defaults, userAgent, type Config, type ScheduleConfig } from './config.ts';
import type { Env } from './env.ts';
import { readFeeds } from './read-feeds.ts';
import { readYamlFile } from './yaml-file.ts';
import { readSlack } from './read-slack.ts';

export const defaultConfigPath = 'config/followthrough.yaml';

const topKeys = [
  'timezone',
  'database',
  'commitments',
  'feeds',
  'slack',
  'schedule',
  'stale_days',
  'due_soon_days',
  'silent_rule_days',
  'digest_dir',
  'fetch',
] as const;

export function configPathFrom(env: Env, cwd: string = process.cwd()): string {
  return resolve(cwd, env.configPath ?? defaultConfigPath);
}

export function loadConfig(file: string, env: Env, cwd: string = process.cwd()): Config {
  const yf = readYamlFile(file);
  const p = collectProblems(yf);
  if (yf.problems.length) throw new ConfigError(p.list);
  const root = yf.value ?? {};
  if (!isRecord(root)) {
    p.add(
      [],
      'the file must be a mapping of keys (timezone:, feeds:, …)',
      'start from config/followthrough.yaml in the repository',
    );
    throw new ConfigError(p.list);
  }
  checkKeys(root, topKeys, [], p);
  const dir = dirname(resolve(file));

  const timezone =
    readString(root, 'timezone', [], p, { fix: 'use an IANA time zone name such as Europe/London' }) ??
    defaults.timezone;
  if (!isValidTimeZone(timezone))
    p.add(
      ['timezone'],
      `unknown time zone "${timezone}"`,
      'use an IANA time zone name such as Europe/London',
    );

  const dbField = readString(root, 'database', [], p, {
    fix: 'give a path to the SQLite file, e.g. ../data/followthrough.db',
  });
  // FOLLOWTHROUGH_DB wins; a path in the file is relative to the file; the default is relative to where it runs.
  const database = env.databasePath
    ? resolve(cwd, env.databasePath)
    : dbField
      ? resolve(dir, dbField)
      : resolve(cwd, defaults.database);

  const commitmentsField = readString(root, 'commitments', [], p, {
    fix: 'give the path of the commitments file, e.g. commitments.yaml',
  });
  const commitmentsFile = resolve(dir, commitmentsField ?? defaults.commitments);

  const digestField = readString(root, 'digest_dir', [], p, {
    fix: 'give a folder for the digest archive, e.g. ../data/digests',
  });
  const digestDir = digestField ? resolve(dir, digestField) : resolve(dirname(database), 'digests');

  const feeds = readFeeds(root.feeds, p);
  const slack = readSlack(root.slack, p);
  const schedule = readSchedule(root.schedule, p);
  const fetchSettings = readFetch(root.fetch, p);

  const config: Config = {
    file: resolve(file),
    timezone,
    database,
    commitmentsFile,
    digestDir,
    feeds,
    slack,
    schedule,
    staleDays: readInteger(root, 'stale_days', [], p, { min: 1, max: 3650 }, defaults.staleDays),
    dueSoonDays: readInteger(root, 'due_soon_days', [], p, { min: 0, max: 365 }, defaults.dueSoonDays),
    silentRuleDays: readInteger(
      root,
      'silent_rule_days',
      [],
      p,
      { min: 1, max: 3650 },
      defaults.silentRuleDays,
    ),
    fetch: fetchSettings,
  };
  if (p.list.length) throw new ConfigError(p.list);
  return config;
}

function readSchedule(value: unknown, p: Problems): ScheduleConfig {
  const schedule: ScheduleConfig = { ...defaults.schedule };
  if (value === undefined || value === null) return schedule;
  if (!isRecord(value)) {
    p.add(['schedule'], 'schedule must be a mapping', 'write schedule: { poll: "*/15 * * * *" }');
    return schedule;
  }
  const keys = Object.keys(defaults.schedule) as Array<keyof ScheduleConfig>;
  checkKeys(value, keys, ['schedule'], p);
  for (const key of keys) {
    const expr = readString(value, key, ['schedule'], p, {
      fix: `write a cron expression in quotes, e.g. ${key}: "${defaults.schedule[key]}"`,
    });
    if (expr === undefined) continue;
    if (!cron.validate(expr))
      p.add(
        ['schedule', key],
        `"${expr}" is not a valid cron expression`,
        `write five fields (minute hour day month weekday), e.g. "${defaults.schedule[key]}"`,
      );
    else schedule[key] = expr;
  }
  return schedule;
}

function readFetch(value: unknown, p: Problems): Config['fetch'] {
  const out = {
    timeoutSeconds: defaults.timeoutSeconds as number,
    maxBytes: defaults.maxMegabytes * 1024 * 1024,
    userAgent,
    requestsPerSecond: defaults.requestsPerSecond as number,
  };
  if (value === undefined || value === null) return out;
  if (!isRecord(value)) {
    p.add(['fetch'], 'fetch must be a mapping', 'write fetch: { timeout_seconds: 20, max_megabytes: 5 }');
    return out;
  }
  checkKeys(value, ['timeout_seconds', 'max_megabytes', 'requests_per_second'], ['fetch'], p);
  out.requestsPerSecond = readInteger(
    value,
    'requests_per_second',
    ['fetch'],
    p,
    { min: 1, max: 50 },
    defaults.requestsPerSecond,
  );
  out.timeoutSeconds = readInteger(
    value,
    'timeout_seconds',
    ['fetch'],
    p,
    { min: 1, max: 300 },
    defaults.timeoutSeconds,
  );
  out.maxBytes =
    readInteger(value, 'max_megabytes', ['fetch'], p, { min: 1, max: 100 }, defaults.maxMegabytes) *
    1024 *
    1024;
  return out;
}
