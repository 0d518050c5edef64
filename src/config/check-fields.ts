// Small field checkers shared by the config and commitments loaders. They collect problems
// instead of throwing, so a person sees every mistake in one run, each with its line and fix.

import type { ConfigProblem } from '../errors.ts';
import type { YamlFile, YamlPath } from './yaml-file.ts';

export interface Problems {
  add(path: YamlPath, message: string, fix: string): void;
  list: ConfigProblem[];
}

/** `display` turns a YAML path into the field name people see (e.g. `commitments[frontex].due`). */
export function collectProblems(yf: YamlFile, display: (path: YamlPath) => string = fieldName): Problems {
  const list: ConfigProblem[] = [...yf.problems];
  return {
    list,
    add(path, message, fix) {
      list.push({ file: yf.file, field: display(path), line: yf.lineOf(path), message, fix });
    },
  };
}

export function fieldName(path: YamlPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || '(top level)';
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Unknown keys are errors: a typo (`schedul:`) must not be silently ignored. */
export function checkKeys(
  obj: Record<string, unknown>,
  allowed: readonly string[],
  path: YamlPath,
  p: Problems,
): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const near = closest(key, allowed);
    p.add(
      [...path, key],
      `unknown key "${key}"`,
      near
        ? `did you mean "${near}"? Known keys here: ${allowed.join(', ')}`
        : `remove it; known keys here: ${allowed.join(', ')}`,
    );
  }
}

export interface StringRule {
  required?: boolean;
  pattern?: RegExp;
  /** Said when the value is missing or does not fit. */
  fix: string;
  what?: string;
}

export function readString(
  obj: Record<string, unknown>,
  key: string,
  path: YamlPath,
  p: Problems,
  rule: StringRule,
): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (rule.required) p.add([...path, key], `${key} is required`, rule.fix);
    return undefined;
  }
  if (typeof v !== 'string' && typeof v !== 'number') {
    p.add([...path, key], `${key} must be ${rule.what ?? 'text'}, not ${describe(v)}`, rule.fix);
    return undefined;
  }
  const s = String(v).trim();
  if (s === '' && rule.required) {
    p.add([...path, key], `${key} is empty`, rule.fix);
    return undefined;
  }
  if (rule.pattern && !rule.pattern.test(s)) {
    p.add([...path, key], `${key} "${s}" is not ${rule.what ?? 'valid'}`, rule.fix);
    return undefined;
  }
  return s;
}

export function readInteger(
  obj: Record<string, unknown>,
  key: string,
  path: YamlPath,
  p: Problems,
  range: { min: number; max: number },
  fallback: number,
): number {
  const v = obj[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < range.min || v > range.max) {
    p.add(
      [...path, key],
      `${key} must be a whole number from ${range.min} to ${range.max}, not ${describe(v)}`,
      `write e.g. ${key}: ${fallback}`,
    );
    return fallback;
  }
  return v;
}

export function readStringList(
  obj: Record<string, unknown>,
  key: string,
  path: YamlPath,
  p: Problems,
  rule: { required?: boolean; fix: string },
): string[] {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (rule.required) p.add([...path, key], `${key} is required`, rule.fix);
    return [];
  }
  const items = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(items)) {
    p.add([...path, key], `${key} must be a list of text, not ${describe(v)}`, rule.fix);
    return [];
  }
  const out: string[] = [];
  items.forEach((item, i) => {
    if (typeof item !== 'string' && typeof item !== 'number') {
      p.add([...path, key, i], `must be text, not ${describe(item)}`, rule.fix);
    } else if (String(item).trim() === '') {
      p.add([...path, key, i], 'is empty', rule.fix);
    } else {
      out.push(String(item).trim());
    }
  });
  if (rule.required && out.length === 0 && items.length === 0)
    p.add([...path, key], `${key} is empty`, rule.fix);
  return out;
}

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** The candidate a slip of the keyboard most likely meant, if any is near enough. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  // A truncated or extended key (`intervall` for `interval_minutes`) is a likelier slip than a far edit.
  const prefixed = candidates.find(
    (c) => lower.length >= 4 && (c.startsWith(lower.slice(0, -1)) || lower.startsWith(c)),
  );
  if (prefixed) return prefixed;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
