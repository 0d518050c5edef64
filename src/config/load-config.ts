// Loads and validates the main config file. Every problem is collected and reported at once,
// each naming the file, the field, its line and the fix; unknown keys are errors.

import { dirname, resolve } from 'node:path';
import cron from 'node-cron';
import { isValidTimeZone } from '../calendar.ts';
import { ConfigError } from '../errors.ts';
import {
  checkKeys,
  collectProblems,
  isHttpUrl,
  isRecord,
  readInteger,
  readString,
  type Problems,
} from './check-fields.ts';
import { defaults, userAgent, type Config, type FeedConfig, type ScheduleConfig } from './config.ts';
import type { Env } from './env.ts';
import { readSlack } from './read-slack.ts';
import { readYamlFile, type YamlPath } from './yaml-file.ts';

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
const feedKeys = ['id', 'url', 'type', 'recover', 'interval_minutes'] as const;
const slugPattern = /^[a-z0-9][a-z0-9-]*$/;

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

function readFeeds(value: unknown, p: Problems): FeedConfig[] {
  const fix =
    'list feeds as `- id: home-office` / `  url: https://www.gov.uk/government/organisations/home-office.atom`';
  if (value === undefined || value === null) {
    p.add(['feeds'], 'feeds is required', fix);
    return [];
  }
  if (!Array.isArray(value)) {
    p.add(['feeds'], 'feeds must be a list', fix);
    return [];
  }
  const feeds: FeedConfig[] = [];
  const seen = new Set<string>();
  value.forEach((raw, i) => {
    const path: YamlPath = ['feeds', i];
    if (!isRecord(raw)) {
      p.add(path, 'each feed must be a mapping with id and url', fix);
      return;
    }
    checkKeys(raw, feedKeys, path, p);
    const id = readString(raw, 'id', path, p, {
      required: true,
      pattern: slugPattern,
      what: 'a slug (lower-case letters, digits, hyphens)',
      fix: 'give the feed a short id such as home-office',
    });
    const url = readString(raw, 'url', path, p, {
      required: true,
      fix: 'give the feed address, starting https://',
    });
    if (url !== undefined && !isHttpUrl(url))
      p.add(
        [...path, 'url'],
        `url "${url}" is not an http(s) address`,
        'feeds are fetched over HTTP: use an address starting https://',
      );
    const recover = readString(raw, 'recover', path, p, {
      fix: 'give a GOV.UK Search API address, e.g. https://www.gov.uk/api/search.json?filter_organisations=home-office',
    });
    if (recover !== undefined && !isHttpUrl(recover))
      p.add(
        [...path, 'recover'],
        `recover "${recover}" is not an http(s) address`,
        'use a Search API address starting https://',
      );
    const typeField = readString(raw, 'type', path, p, {
      pattern: /^(atom|search)$/,
      what: 'atom or search',
      fix: 'write type: atom (Atom feed) or type: search (Search API JSON), or leave it out',
    });
    const type =
      (typeField as FeedConfig['type'] | undefined) ??
      (url && /\/api\/search\.json/.test(url) ? 'search' : 'atom');
    const intervalMinutes = readInteger(
      raw,
      'interval_minutes',
      path,
      p,
      { min: 5, max: 1440 },
      defaults.intervalMinutes,
    );
    if (id && seen.has(id))
      p.add([...path, 'id'], `feed id "${id}" is used twice`, 'give each feed its own id');
    if (id) seen.add(id);
    if (id && url) feeds.push({ id, url, type, intervalMinutes, ...(recover ? { recover } : {}) });
  });
  return feeds;
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
  };
  if (value === undefined || value === null) return out;
  if (!isRecord(value)) {
    p.add(['fetch'], 'fetch must be a mapping', 'write fetch: { timeout_seconds: 20, max_megabytes: 5 }');
    return out;
  }
  checkKeys(value, ['timeout_seconds', 'max_megabytes'], ['fetch'], p);
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
