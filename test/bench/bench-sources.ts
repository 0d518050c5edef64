// Sources beyond the feed itself, each beside a naive reader measured in the same run:
// - a poll cycle that finds N new GOV.UK items and reads their Content API bodies (paced, stored,
//   indexed) — beside a poller that fetches the feed and every body with the global fetch and
//   inserts them one by one;
// - a Parliament poll over a 7-day window — beside a reader that asks for every statement's detail
//   on every poll (the API has no "changed since"), measured when nothing is new and when 5 are.
// CPU is what is compared: our reads are paced per host (50 a second here), the naive ones are not.

import Parser from 'rss-parser';
import { fetchFeed } from '../../src/feeds/fetch-feed.ts';
import { createPacer } from '../../src/feeds/pacer.ts';
import { fetchBodies } from '../../src/jobs/fetch-bodies.ts';
import { pollFeeds } from '../../src/jobs/poll-feeds.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore, type Db } from '../../src/store/open-store.ts';
import { startFakeGovuk, type AtomEntry } from '../support/fake-govuk.ts';
import { startFakeParliament, type FakeStatement } from '../support/fake-parliament.ts';
import { feed, testConfig } from '../support/test-config.ts';
import { best, fmt, row } from './measure.ts';

const n = 20;

function naiveDb(): Db {
  const db = openStore(':memory:');
  db.exec('CREATE TABLE naive (key TEXT PRIMARY KEY, title TEXT, summary TEXT, body TEXT)');
  return db;
}

export async function benchSources(): Promise<string[]> {
  const out: string[] = [];
  const govuk = await startFakeGovuk();
  const parliament = await startFakeParliament();
  try {
    out.push(...(await bodies(govuk)));
    out.push(...(await statements(parliament)));
  } finally {
    await govuk.close();
    await parliament.close();
  }
  return out;
}

async function bodies(govuk: Awaited<ReturnType<typeof startFakeGovuk>>): Promise<string[]> {
  const path = '/government/organisations/bench-bodies.atom';
  let round = 0;
  const fresh = (): AtomEntry[] => {
    round += 1;
    const entries = Array.from({ length: n }, (_, i) => ({
      path: `/government/news/bodies-${round}-${i}`,
      title: `Home Office update ${round}.${i} on the customs partnership`,
      summary: 'One line from the feed.',
      updated: new Date(Date.parse('2025-01-01T09:00:00Z') + round * 3_600_000 + i * 60_000).toISOString(),
    }));
    for (const e of entries)
      govuk.setContent(e.path, {
        title: e.title,
        body: `<div class="govspeak">${'<p>The UK and France agreed a customs partnership to disrupt small boat supply chains, with data sharing and joint inspections.</p>'.repeat(12)}</div>`,
      });
    govuk.setAtomEntries(path, entries, 'organisation');
    return entries;
  };
  const config = testConfig({ feeds: [feed('bodies', govuk.url + path)] });
  const db = openStore(':memory:');
  let clock = Date.parse('2025-06-01T00:00:00Z');
  const cycle = async () => {
    const deps = { db, log: silentLogger, fetchFeed, clock: () => new Date(clock), pacer: createPacer(50) };
    await pollFeeds(config, deps);
    const r = await fetchBodies(config, deps);
    if (round > 1 && r.read !== n) throw new Error(`expected ${n} bodies, read ${r.read}`);
  };
  fresh();
  await cycle(); // the baseline
  const ours = await best(3, async () => {
    fresh();
    clock += 3_600_000;
    await cycle();
  });
  // What reading the bodies adds: the same poll, the bodies left unread.
  const feedOnly = await best(3, async () => {
    fresh();
    clock += 3_600_000;
    await pollFeeds(config, { db, log: silentLogger, fetchFeed, clock: () => new Date(clock) });
  });
  db.close();
  const naive = naiveDb();
  const insert = naive.prepare('INSERT OR IGNORE INTO naive (key, title, summary, body) VALUES (?, ?, ?, ?)');
  const parser = new Parser();
  const base = await best(3, async () => {
    const entries = fresh();
    const parsed = await parser.parseString(await (await fetch(govuk.url + path)).text());
    for (const [i, e] of parsed.items.entries()) {
      const page = (await (await fetch(`${govuk.url}/api/content${entries[i]!.path}`)).json()) as {
        details: { body: string };
      };
      insert.run(e.link ?? '', e.title ?? '', e.summary ?? '', page.details.body.replace(/<[^>]+>/g, ' '));
    }
  });
  naive.close();
  return [
    row(
      `poll: ${n} new GOV.UK items + their bodies (CPU ms)`,
      fmt(ours.cpuMs),
      fmt(base.cpuMs),
      `${fmt(base.cpuMs / ours.cpuMs)}× less`,
    ),
    row('  same, wall ms (ours paced at 50 a second)', fmt(ours.wallMs), fmt(base.wallMs), ''),
    row('  our poll of the feed alone, bodies unread (CPU ms)', fmt(feedOnly.cpuMs), '', ''),
  ];
}

async function statements(parliament: Awaited<ReturnType<typeof startFakeParliament>>): Promise<string[]> {
  const window = 40;
  let next = 10_000;
  const add = (count: number): void => {
    const made: FakeStatement[] = Array.from({ length: count }, () => {
      const id = next++;
      return {
        id,
        uin: `HCWS${id}`,
        day: `2024-12-${String(4 + (id % 7)).padStart(2, '0')}`,
        title: `Statement ${id}`,
        html: `<p>${'Today I am updating the House on the work of the Home Office. '.repeat(20)}</p>`,
        house: 'Commons',
      };
    });
    parliament.addStatements(made);
  };
  add(window);
  const config = testConfig({
    feeds: [feed('statements', parliament.listUrl(), { type: 'parliament-statements' })],
  });
  const db = openStore(':memory:');
  let clock = Date.parse('2024-12-11T09:00:00Z');
  const poll = () =>
    pollFeeds(config, {
      db,
      log: silentLogger,
      fetchFeed,
      clock: () => new Date(clock),
      pacer: createPacer(50),
    });
  await poll(); // the baseline reads all 40 in detail
  const idle = await best(3, async () => {
    clock += 16 * 60_000;
    await poll();
  });
  const five = await best(3, async () => {
    add(5);
    clock += 16 * 60_000;
    const r = await poll();
    if (r.feeds[0]!.inserted !== 5) throw new Error(`expected 5 new statements, got ${r.feeds[0]!.inserted}`);
  });
  db.close();
  // The naive reader: the list, then every statement in it in detail, on every poll.
  const naive = naiveDb();
  const insert = naive.prepare('INSERT OR IGNORE INTO naive (key, title, summary, body) VALUES (?, ?, ?, ?)');
  const naivePoll = async () => {
    const list = (await (
      await fetch(`${parliament.listUrl()}&madeWhenFrom=2024-12-04&skip=0&take=100`)
    ).json()) as { results: Array<{ value: { id: number; title: string } }> };
    for (const r of list.results) {
      const d = (await (
        await fetch(`${parliament.url}/api/writtenstatements/statements/${r.value.id}`)
      ).json()) as {
        value: { text: string };
      };
      insert.run(String(r.value.id), r.value.title, '', d.value.text);
    }
  };
  const naiveIdle = await best(3, naivePoll);
  const naiveFive = await best(3, async () => {
    add(5);
    await naivePoll();
  });
  naive.close();
  return [
    row(
      `Parliament poll, 7-day window, nothing new (CPU ms)`,
      fmt(idle.cpuMs),
      fmt(naiveIdle.cpuMs),
      `${fmt(naiveIdle.cpuMs / idle.cpuMs)}× less`,
    ),
    row(
      '  same, 5 new statements (CPU ms)',
      fmt(five.cpuMs),
      fmt(naiveFive.cpuMs),
      `${fmt(naiveFive.cpuMs / five.cpuMs)}× less`,
    ),
    row('  same, 5 new, wall ms (ours paced)', fmt(five.wallMs), fmt(naiveFive.wallMs), ''),
  ];
}
