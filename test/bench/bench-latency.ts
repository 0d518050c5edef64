// Latency benchmark: from a matching item appearing in a feed to its Slack post, for one poll
// cycle against the fake GOV.UK and the fake Slack (processing only: no schedule wait, and the
// one-message-a-second pacing is not slept). Beside a naive pipeline measured in the same run:
// fetch, parse, regex, post — with no store, no outbox, no thread, no duplicate check.

import Parser from 'rss-parser';
import { fetchFeed } from '../../src/feeds/fetch-feed.ts';
import { runCycle } from '../../src/jobs/run-cycle.ts';
import { silentLogger } from '../../src/log.ts';
import { createSlackClients } from '../../src/slack/slack-client.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startFakeGovuk } from '../support/fake-govuk.ts';
import { startFakeSlack } from '../support/fake-slack.ts';
import { feed, testConfig } from '../support/test-config.ts';
import { fmt, row } from './measure.ts';
import { fileURLToPath } from 'node:url';

const token = 'xoxb-bench';
const rounds = 7;
const path = '/government/organisations/bench.atom';
const commitmentsFile = fileURLToPath(new URL('../../config/commitments.yaml', import.meta.url));

function entry(n: number) {
  return {
    path: `/government/news/customs-partnership-meeting-${n}`,
    title: `UK and France hold customs partnership talks, round ${n}`,
    summary: 'Calais Group customs agencies met to disrupt the supply chain of small boat materials.',
    updated: new Date(Date.parse('2024-04-10T09:00:00Z') + n * 60_000).toISOString(),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchLatency(): Promise<string[]> {
  const govuk = await startFakeGovuk();
  const slack = await startFakeSlack({ token });
  try {
    govuk.setAtomEntries(path, [], 'organisation');
    const client = createSlackClients({ token, slackApiUrl: slack.url, logger: silentLogger });
    const config = testConfig({
      commitmentsFile,
      feeds: [feed('bench', govuk.url + path, { intervalMinutes: 5 })],
    });
    const db = openStore(':memory:');
    let clock = Date.parse('2024-04-10T09:00:00Z');
    const cycle = () =>
      runCycle(
        config,
        {
          db,
          log: silentLogger,
          clock: () => new Date(clock),
          fetchFeed,
          slack: client,
          sleep: async () => {},
        },
        { poll: true, status: false, deliver: true },
      );
    await cycle(); // the baseline poll, and the status cards' first posts
    const ours: number[] = [];
    for (let n = 0; n < rounds; n++) {
      clock += 10 * 60_000; // past the feed's politeness interval
      govuk.addAtomEntries(path, [entry(n)]);
      const before = slack.callsTo('chat.postMessage').length;
      const t0 = performance.now();
      await cycle();
      ours.push(performance.now() - t0);
      if (slack.callsTo('chat.postMessage').length <= before) throw new Error('the new item was not posted');
    }
    db.close();

    const naive: number[] = [];
    const parser = new Parser();
    for (let n = 0; n < rounds; n++) {
      govuk.addAtomEntries(path, [entry(100 + n)]);
      const t0 = performance.now();
      const parsed = await parser.parseString(await (await fetch(govuk.url + path)).text());
      for (const e of parsed.items.slice(0, 1)) {
        if (/customs\s+partnership/i.test(`${e.title}\n${e.summary ?? ''}`)) {
          await client.chat.postMessage({ channel: '#followthrough', text: `${e.title} ${e.link}` });
        }
      }
      naive.push(performance.now() - t0);
    }
    return [
      row(
        'item in feed → Slack post, one cycle (ms, median)',
        fmt(median(ours)),
        fmt(median(naive)),
        `${fmt(median(ours) / median(naive))}× slower`,
      ),
    ];
  } finally {
    await slack.close();
    await govuk.close();
  }
}
