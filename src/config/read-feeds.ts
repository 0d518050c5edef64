// The `feeds:` list of the main config: every source is an entry with `id`, `url` and optional `type`
// (none: any RSS or Atom feed), each problem named with its line and fix.

import { checkKeys, isHttpUrl, isRecord, readInteger, readString, type Problems } from './check-fields.ts';
import { defaults, type FeedConfig } from './config.ts';
import type { YamlPath } from './yaml-file.ts';

const feedKeys = [
  'id',
  'url',
  'type',
  'recover',
  'interval_minutes',
  'content',
  'publisher',
  'window_days',
] as const;
const feedTypes = /^(atom|search|parliament-statements)$/;
const slugPattern = /^[a-z0-9][a-z0-9-]*$/;

export function readFeeds(value: unknown, p: Problems): FeedConfig[] {
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
      pattern: feedTypes,
      what: 'atom, search or parliament-statements',
      fix:
        'leave type out for any RSS or Atom feed; write type: search (GOV.UK Search API JSON) or ' +
        'type: parliament-statements (the written statements API)',
    });
    const content = readString(raw, 'content', path, p, {
      fix: 'give the base URL of a GOV.UK Content API, e.g. https://www.gov.uk, or leave content out',
    });
    if (content !== undefined && !isHttpUrl(content))
      p.add(
        [...path, 'content'],
        `content "${content}" is not an http(s) address`,
        'give the base URL of a GOV.UK Content API, e.g. https://www.gov.uk',
      );
    const publisher = readString(raw, 'publisher', path, p, {
      fix: 'name who publishes the feed, e.g. publisher: National Crime Agency',
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
    const windowDays = readInteger(raw, 'window_days', path, p, { min: 1, max: 90 }, defaults.windowDays);
    if (raw.window_days !== undefined && type !== 'parliament-statements')
      p.add(
        [...path, 'window_days'],
        'window_days applies only to type: parliament-statements',
        'remove window_days, or set type: parliament-statements',
      );
    if (id && seen.has(id))
      p.add([...path, 'id'], `feed id "${id}" is used twice`, 'give each feed its own id');
    if (id) seen.add(id);
    if (id && url)
      feeds.push({
        id,
        url,
        type,
        intervalMinutes,
        windowDays,
        ...(recover ? { recover } : {}),
        ...(content ? { content: content.replace(/\/+$/, '') } : {}),
        ...(publisher ? { publisher } : {}),
      });
  });
  return feeds;
}
