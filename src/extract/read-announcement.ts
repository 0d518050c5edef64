// Reads an announcement from a GOV.UK address (through the Content API) or a saved file.
// The only I/O of the extractor: everything after this is pure.

import { readFile as readFileFromDisk } from 'node:fs/promises';
import { FollowthroughError } from '../errors.ts';
import type { Announcement } from './announcement.ts';
import { fromContentApi, parseAnnouncement } from './parse-announcement.ts';

export interface ReadAnnouncementDeps {
  fetch?: typeof fetch;
  readFile?: (path: string) => Promise<string>;
  /** Where the Content API lives; tests point it at a local server. */
  contentApiBase?: string;
  timeoutMs?: number;
  /** The configured zone, in which a publication instant becomes its day. */
  timeZone?: string;
}

const defaultBase = 'https://www.gov.uk';
// A press release is tens of kilobytes; anything this large is not one.
const maxBytes = 5 * 1024 * 1024;

export async function readAnnouncement(
  input: string,
  deps: ReadAnnouncementDeps = {},
): Promise<Announcement> {
  if (/^https?:\/\//i.test(input.trim())) return fetchAnnouncement(input.trim(), deps);
  const read = deps.readFile ?? ((path: string) => readFileFromDisk(path, 'utf8'));
  let body: string;
  try {
    body = await read(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FollowthroughError(
      'announcement_unreadable',
      code === 'ENOENT'
        ? `${input}: no such file; give a GOV.UK address (https://www.gov.uk/…) or the path of a saved announcement`
        : `${input}: cannot read it (${code ?? (err as Error).message})`,
      { cause: err },
    );
  }
  if (!body.trim()) throw new FollowthroughError('announcement_unreadable', `${input} is empty`);
  return parseAnnouncement(body, input, deps.timeZone);
}

/** `https://www.gov.uk/government/news/x?y#z` → `/government/news/x` */
export function govukPath(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FollowthroughError('announcement_bad_url', `"${url}" is not a web address`);
  }
  if (!/^(www\.)?gov\.uk$/i.test(parsed.hostname)) {
    throw new FollowthroughError(
      'announcement_bad_url',
      `${url} is not on www.gov.uk: only GOV.UK pages can be read by address; save the page and give its file instead`,
    );
  }
  const path = parsed.pathname.replace(/^\/api\/content(?=\/)/, '').replace(/\/+$/, '');
  if (!path)
    throw new FollowthroughError(
      'announcement_bad_url',
      `${url} names no page: give the announcement's address, e.g. https://www.gov.uk/government/news/…`,
    );
  return path;
}

async function fetchAnnouncement(url: string, deps: ReadAnnouncementDeps): Promise<Announcement> {
  const path = govukPath(url);
  const base = (deps.contentApiBase ?? defaultBase).replace(/\/+$/, '');
  const api = `${base}/api/content${path}`;
  const doFetch = deps.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(api, {
      headers: { accept: 'application/json', 'user-agent': 'followthrough (commitment extractor)' },
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 20_000),
    });
  } catch (err) {
    throw new FollowthroughError(
      'announcement_fetch_failed',
      `GET ${api} failed (${(err as Error).message}): check the network, or save the page and give its file`,
      { cause: err },
    );
  }
  // Content API: 303 for a route that is not a page's base path, 410 for a removed page (GOVUK.md).
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get('location');
    const where = location ? new URL(location, api).pathname.replace(/^\/api\/content/, '') : undefined;
    throw new FollowthroughError(
      'announcement_moved',
      `GOV.UK answered ${res.status} for ${path}: it is not a page of its own` +
        `${where ? `; its page is https://www.gov.uk${where} — give that address instead` : ''}`,
    );
  }
  if (res.status === 410)
    throw new FollowthroughError(
      'announcement_gone',
      `GOV.UK answered 410 Gone for ${path}: the page was removed; if you have a saved copy, give its file instead`,
    );
  if (res.status === 404)
    throw new FollowthroughError(
      'announcement_not_found',
      `GOV.UK has no page at ${path} (404): check the address`,
    );
  if (!res.ok)
    throw new FollowthroughError(
      'announcement_fetch_failed',
      `GET ${api} answered ${res.status}: try again later`,
    );
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > maxBytes)
    throw new FollowthroughError(
      'announcement_too_large',
      `GET ${api} sent ${length} bytes: that is not a press release`,
    );
  const body = await res.text();
  if (body.length > maxBytes)
    throw new FollowthroughError(
      'announcement_too_large',
      `GET ${api} sent more than ${maxBytes} bytes: that is not a press release`,
    );
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new FollowthroughError(
      'announcement_unreadable',
      `GET ${api} answered ${res.status} but not with JSON ` +
        `(${res.headers.get('content-type') ?? 'no content type'}): is contentApiBase right?`,
    );
  }
  return fromContentApi(json, url, deps.timeZone);
}
