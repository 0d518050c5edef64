// readAnnouncement from each input kind: a GOV.UK address (Content API on a local server), a
// Content API JSON file, a saved HTML page and a text file.

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readAnnouncement } from '../../../src/extract/read-announcement.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const contentJson = readFileSync(`${fixtures}govuk/content-calais-group-press-release.json`, 'utf8');
const seedPath = '/government/news/new-measures-to-tackle-small-boats-agreed-by-calais-group';

let server: Server;
let base: string;
const requests: Array<{ url: string; headers: IncomingMessage['headers'] }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    const reply = (status: number, body: string, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    switch (req.url) {
      case `/api/content${seedPath}`:
        return reply(200, contentJson, { 'cache-control': 'max-age=300, public' });
      case '/api/content/government/news/some-guide/part-two':
        return reply(303, '', { location: '/api/content/government/news/some-guide' });
      case '/api/content/government/news/removed':
        return reply(410, '{"error":"gone"}');
      case '/api/content/government/news/broken':
        return reply(503, 'busy');
      case '/api/content/government/news/html-error':
        return reply(200, '<html><body>Error</body></html>', { 'content-type': 'text/html' });
      case '/api/content/government/news/slow':
        return; // never answers
      default:
        return reply(404, '{"error":"not found"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  requests.length = 0;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('readAnnouncement from a GOV.UK address', () => {
  it('reads the Content API document and keeps the page address', async () => {
    const a = await readAnnouncement(`https://www.gov.uk${seedPath}?utm_source=x#top`, {
      contentApiBase: base,
    });
    expect(requests.map((r) => r.url)).toEqual([`/api/content${seedPath}`]);
    expect(requests[0]!.headers.accept).toBe('application/json');
    expect(requests[0]!.headers['user-agent']).toMatch(/followthrough/);
    expect(a.url).toBe(`https://www.gov.uk${seedPath}`);
    expect(a.title).toBe('New measures to tackle small boats agreed by Calais Group');
    expect(a.published).toBe('2024-03-05');
    expect(a.publisher).toBe('Home Office');
    expect(a.blocks?.filter((b) => b.kind === 'list-item')).toHaveLength(3);
    expect(a.paragraphs[0]).toMatch(/^The UK and other northern European countries/);
  });

  it.each([
    [
      '/government/news/some-guide/part-two',
      'announcement_moved',
      /303 .*https:\/\/www\.gov\.uk\/government\/news\/some-guide/,
    ],
    ['/government/news/removed', 'announcement_gone', /410 Gone/],
    ['/government/news/missing', 'announcement_not_found', /404/],
    ['/government/news/broken', 'announcement_fetch_failed', /answered 503/],
    ['/government/news/html-error', 'announcement_unreadable', /not with JSON \(text\/html\)/],
  ])('%s fails with %s', async (path, code, message) => {
    await expect(
      readAnnouncement(`https://www.gov.uk${path}`, { contentApiBase: base }),
    ).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect(requests.map((r) => r.url)).toEqual([`/api/content${path}`]);
  });

  it('gives up on a server that does not answer', async () => {
    await expect(
      readAnnouncement('https://www.gov.uk/government/news/slow', { contentApiBase: base, timeoutMs: 200 }),
    ).rejects.toMatchObject({ code: 'announcement_fetch_failed' });
  });

  it('refuses addresses that are not GOV.UK pages, without a request', async () => {
    await expect(
      readAnnouncement('https://example.com/government/news/x', { contentApiBase: base }),
    ).rejects.toMatchObject({ code: 'announcement_bad_url' });
    await expect(readAnnouncement('https://www.gov.uk/', { contentApiBase: base })).rejects.toMatchObject({
      code: 'announcement_bad_url',
    });
    expect(requests).toEqual([]);
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const fakeFetch = (async (url: string | URL | Request) => {
      seen.push(String(url));
      return new Response(contentJson, { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const a = await readAnnouncement(`https://www.gov.uk${seedPath}`, {
      fetch: fakeFetch,
      contentApiBase: 'https://mirror.test/',
    });
    expect(seen).toEqual([`https://mirror.test/api/content${seedPath}`]);
    expect(a.published).toBe('2024-03-05');
  });
});

describe('readAnnouncement from a file', () => {
  it('reads a Content API JSON file', async () => {
    const a = await readAnnouncement(`${fixtures}govuk/content-calais-group-press-release.json`);
    expect(a).toMatchObject({
      url: `https://www.gov.uk${seedPath}`,
      published: '2024-03-05',
      publisher: 'Home Office',
    });
  });

  it('reads a saved GOV.UK HTML page: title, date, publisher, address and body only (no header, footer or scripts)', async () => {
    const a = await readAnnouncement(`${fixtures}announcements/energy-great-british-energy-2024-07-25.html`);
    expect(a.title).toBe(
      'Great British Energy to be headquartered in Aberdeen as bill introduced to Parliament',
    );
    expect(a.published).toBe('2024-07-25');
    expect(a.publisher).toBe('Department for Energy Security and Net Zero');
    expect(a.url).toBe(
      'https://www.gov.uk/government/news/great-british-energy-to-be-headquartered-in-aberdeen',
    );
    expect(a.paragraphs[0]).toMatch(/^The government has introduced legislation/);
    expect(a.text).not.toMatch(
      /Skip to main content|Open Government Licence|js-enabled|govuk-visually-hidden/,
    );
    expect(a.blocks?.find((b) => b.kind === 'heading')?.text).toBe('A new national champion');
  });

  it('reads a text file in the seed format', async () => {
    const a = await readAnnouncement(`${fixtures}seed/calais-group-2024-03-05.txt`);
    expect(a).toMatchObject({
      url: `https://www.gov.uk${seedPath}`,
      published: '2024-03-05',
      publisher: 'Home Office',
      title: 'New measures to tackle small boats agreed by Calais Group',
    });
    expect(a.text).not.toMatch(/Original article link/);
  });

  it('reads the seed the same way from text and from the Content API', async () => {
    const fromText = await readAnnouncement(`${fixtures}seed/calais-group-2024-03-05.txt`);
    const fromJson = await readAnnouncement(`${fixtures}govuk/content-calais-group-press-release.json`);
    expect(fromText.paragraphs).toEqual(fromJson.paragraphs);
    expect(fromText.blocks?.map((b) => b.kind)).toEqual(fromJson.blocks?.map((b) => b.kind));
  });

  it.each([
    ['a missing file', `${fixtures}no-such-file.txt`, undefined, 'announcement_unreadable', /no such file/],
    ['an empty file', 'empty.txt', async () => '  \n', 'announcement_unreadable', /is empty/],
    [
      'JSON that does not parse',
      'bad.json',
      async () => '{"title": ',
      'announcement_unreadable',
      /does not parse/,
    ],
    [
      'text with no date line',
      'notes.txt',
      async () => 'Title\nBody.',
      'announcement_no_date',
      /date YYYY-MM-DD/,
    ],
  ])('refuses %s', async (_what, path, readFile, code, message) => {
    await expect(readAnnouncement(path, readFile ? { readFile } : {})).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  });
});
