// Loads and validates the commitments file. Every problem names the commitment (by id where
// it has one), the field, its line and the fix, and all problems are reported together.

import { resolve } from 'node:path';
import type { Commitment, DueDate } from '../commitments/commitment.ts';
import { parseDue } from '../commitments/due-date.ts';
import { isCalendarDay } from '../calendar.ts';
import { ConfigError } from '../errors.ts';
import { validateRules } from '../match/compile-commitment.ts';
import {
  checkKeys,
  collectProblems,
  fieldName,
  isHttpUrl,
  isRecord,
  readInteger,
  readString,
  readStringList,
  type Problems,
} from './check-fields.ts';
import { readYamlFile, type YamlFile, type YamlPath } from './yaml-file.ts';

export const commitmentKeys = [
  'id',
  'title',
  'source',
  'owners',
  'channel',
  'due',
  'grace_days',
  'stale_days',
  'match',
  'fulfilment',
] as const;
const sourceKeys = ['url', 'published', 'quote', 'context'] as const;
const matchKeys = ['any', 'exclude'] as const;
export const idPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface CommitmentDefaults {
  staleDays: number;
}

export function loadCommitments(file: string, defaults: CommitmentDefaults, text?: string): Commitment[] {
  const yf = readYamlFile(resolve(file), text);
  return validateCommitmentsFile(yf, defaults);
}

/** The file says `commitments: []` in so many words: an empty set meant, not an emptied file. */
export function hasExplicitList(file: string, text: string): boolean {
  const yf = readYamlFile(resolve(file), text);
  return isRecord(yf.value) && Array.isArray(yf.value.commitments);
}

export function validateCommitmentsFile(yf: YamlFile, defaults: CommitmentDefaults): Commitment[] {
  const root = yf.value;
  // Field names say which commitment, by id, so a problem can be found in a long file.
  const ids = new Map<number, string>();
  if (isRecord(root) && Array.isArray(root.commitments)) {
    root.commitments.forEach((c, i) => {
      if (isRecord(c) && typeof c.id === 'string' && c.id.trim()) ids.set(i, c.id.trim());
    });
  }
  const display = (path: YamlPath): string => {
    if (path[0] === 'commitments' && typeof path[1] === 'number') {
      const name = ids.get(path[1]);
      return fieldName(['commitments', path[1], ...path.slice(2)]).replace(
        `commitments[${path[1]}]`,
        `commitments[${name ?? `#${path[1] + 1}`}]`,
      );
    }
    return fieldName(path);
  };
  const p = collectProblems(yf, display);
  if (yf.problems.length) throw new ConfigError(p.list);
  if (root === undefined || root === null) return [];
  if (!isRecord(root)) {
    p.add(
      [],
      'the file must be a mapping with a `commitments:` list',
      'start the file with `commitments:` followed by a list of commitments',
    );
    throw new ConfigError(p.list);
  }
  checkKeys(root, ['commitments'], [], p);
  const list = root.commitments ?? [];
  if (!Array.isArray(list)) {
    p.add(
      ['commitments'],
      'commitments must be a list',
      'write each commitment as an item starting with `- id: …`',
    );
    throw new ConfigError(p.list);
  }
  const seen = new Map<string, number>();
  const out: Commitment[] = [];
  list.forEach((raw, i) => {
    const c = readCommitment(raw, ['commitments', i], p, defaults);
    if (!c) return;
    if (seen.has(c.id)) {
      p.add(
        ['commitments', i, 'id'],
        `id "${c.id}" is also used by commitment #${seen.get(c.id)! + 1}`,
        'give every commitment its own id: ids are how alerts, threads and history find it',
      );
      return;
    }
    seen.set(c.id, i);
    out.push(c);
  });
  if (p.list.length) throw new ConfigError(p.list);
  return out;
}

function readCommitment(
  raw: unknown,
  path: YamlPath,
  p: Problems,
  defaults: CommitmentDefaults,
): Commitment | undefined {
  if (!isRecord(raw)) {
    p.add(
      path,
      'each commitment must be a mapping (id:, title:, source:, …)',
      'see the first commitment in config/commitments.yaml for the shape',
    );
    return undefined;
  }
  const before = p.list.length;
  checkKeys(raw, commitmentKeys, path, p);
  const id = readString(raw, 'id', path, p, {
    required: true,
    pattern: idPattern,
    what: 'a slug (lower-case letters, digits and hyphens, up to 64)',
    fix: 'use a short stable slug such as customs-partnership; it must not change later',
  });
  const title = readString(raw, 'title', path, p, {
    required: true,
    fix: 'give a one-line title a person will recognise',
  });
  const owners = readStringList(raw, 'owners', path, p, {
    required: true,
    fix: 'list who committed, e.g. owners: [UK, France]',
  });
  const channel = readString(raw, 'channel', path, p, {
    pattern: /^(#[a-z0-9._-]+|[CGD][A-Z0-9]{6,})$/,
    what: 'a Slack channel (#name or C… id)',
    fix: 'write channel: "#name" in quotes, or leave it out to use the default channel',
  });

  let source: Commitment['source'] | undefined;
  const src = raw.source;
  if (!isRecord(src)) {
    p.add(
      [...path, 'source'],
      src === undefined ? 'source is required' : 'source must be a mapping',
      'give source: { url: <announcement URL>, published: YYYY-MM-DD, quote: <the committing sentence> }',
    );
  } else {
    checkKeys(src, sourceKeys, [...path, 'source'], p);
    const url = readString(src, 'url', [...path, 'source'], p, {
      required: true,
      fix: 'give the announcement address, starting https://www.gov.uk/',
    });
    if (url && !isHttpUrl(url))
      p.add(
        [...path, 'source', 'url'],
        `"${url}" is not an http(s) address`,
        'give the announcement address, starting https://',
      );
    const published = readString(src, 'published', [...path, 'source'], p, {
      required: true,
      fix: 'give the announcement date as YYYY-MM-DD, e.g. 2024-03-05',
    });
    if (published && !isCalendarDay(published))
      p.add(
        [...path, 'source', 'published'],
        `"${published}" is not a date`,
        'write the date as YYYY-MM-DD, e.g. 2024-03-05',
      );
    const quote = readString(src, 'quote', [...path, 'source'], p, {
      required: true,
      fix: 'paste the committing sentence, verbatim',
    });
    const context = readString(src, 'context', [...path, 'source'], p, {
      fix: "paste the announcement's sentences around the quote, verbatim, or leave it out",
    });
    if (url && published && quote && isCalendarDay(published))
      source = { url, published, quote, ...(context ? { context } : {}) };
  }

  let due: DueDate | undefined;
  const dueRaw = readString(raw, 'due', path, p, {
    fix: 'write a date (2024-04-30) or a month (2024-04, meaning by its end), in quotes if your editor changes it',
  });
  if (dueRaw !== undefined) {
    const parsed = parseDue(dueRaw);
    if ('error' in parsed)
      p.add(
        [...path, 'due'],
        parsed.error,
        'write a date (2024-04-30) or a month (2024-04, meaning by its end); leave it out when no date was given',
      );
    else due = parsed;
  }
  const graceDays = readInteger(raw, 'grace_days', path, p, { min: 0, max: 365 }, 7);
  const staleDays = readInteger(raw, 'stale_days', path, p, { min: 1, max: 3650 }, defaults.staleDays);

  let any: string[] = [];
  let exclude: string[] = [];
  const match = raw.match;
  if (!isRecord(match)) {
    p.add(
      [...path, 'match'],
      match === undefined ? 'match is required' : 'match must be a mapping with an `any:` list',
      'write match: { any: [ "customs partnership", "customs AND small boat" ] } — one matching line is enough',
    );
  } else {
    checkKeys(match, matchKeys, [...path, 'match'], p);
    any = readStringList(match, 'any', [...path, 'match'], p, {
      required: true,
      fix: 'list at least one expression, e.g. any: [ customs partnership ]',
    });
    exclude = readStringList(match, 'exclude', [...path, 'match'], p, {
      fix: 'list expressions that rule an item out, e.g. exclude: [ Rwanda ]',
    });
  }
  const fulfilment = readStringList(raw, 'fulfilment', path, p, {
    fix: 'list expressions that suggest the promise was kept, e.g. fulfilment: [ customs partnership AND launched ]',
  });

  if (id) {
    for (const rp of validateRules({ id, match: { any, exclude }, fulfilment })) {
      p.add([...path, ...parseField(rp.field)], rp.message, rp.fix);
    }
  }
  if (p.list.length > before || !id || !title || !source) return undefined;
  return {
    id,
    title,
    source,
    owners,
    graceDays,
    staleDays,
    match: { any, exclude },
    fulfilment,
    ...(channel ? { channel } : {}),
    ...(due ? { due } : {}),
  };
}

/** `match.any[2]` → ['match', 'any', 2] */
function parseField(field: string): YamlPath {
  const out: YamlPath = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}
