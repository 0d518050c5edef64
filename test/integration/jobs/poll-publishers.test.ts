// Feeds off GOV.UK through pollFeeds: an RSS publisher whose body changes on every request (NCA's
// lastBuildDate) and a WordPress Atom blog whose posts get edited.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../src/feeds/fetch-feed.ts';
import { pollFeeds } from '../../../src/jobs/poll-feeds.ts';
import { silentLogger } from '../../../src/log.ts';
import { getFeedState } from '../../../src/store/feeds-table.ts';
import { countItems, getItemByPath, itemUpdates } from '../../../src/store/items-table.ts';
import { startFakePublisher, type FakePublisher } from '../../support/fake-publisher.ts';
import { tempDb, type TempDb } from '../../support/temp-db.ts';
import { feed, testConfig } from '../../support/test-config.ts';

let pub: FakePublisher;
let t: TempDb;
beforeEach(async () => {
  pub = await startFakePublisher();
  t = tempDb();
});
afterEach(async () => {
  t.cleanup();
  await pub.close();
});

const start = '2024-04-22T09:00:00Z';
const minutes = (n: number) => new Date(Date.parse(start) + n * 60_000);

function news(n: number) {
  return {
    link: `${pub.url}/news/seizure-${n}?utm_source=rss`,
    title: `Boat engines seized with Bulgarian partners, case ${n}`,
    description: `<p>Officers seized <strong>${n * 10}</strong> outboard engines.</p>`,
    pubDate: `Fri, 19 Apr 2024 1${n}:30:00 +0100`,
  };
}

describe('pollFeeds: an RSS publisher (NCA)', () => {
  it('keys items by canonical link, names the publisher, and an unchanged item list costs no parse or write', async () => {
    pub.setRssItems([news(1), news(2)]);
    const cfg = testConfig({ feeds: [feed('nca', pub.rssUrl, { publisher: 'National Crime Agency' })] });
    const poll = (now: Date) => pollFeeds(cfg, { db: t.db, log: silentLogger, fetchFeed, clock: () => now });
    expect((await poll(new Date(start))).feeds[0]).toMatchObject({ outcome: 'stored', inserted: 2 });
    const item = getItemByPath(t.db, `${pub.url}/news/seizure-1`)!;
    expect(item).toMatchObject({
      url: `${pub.url}/news/seizure-1`,
      summary: 'Officers seized 10 outboard engines.',
      publisher: 'National Crime Agency',
      displayType: null,
      updatedAt: '2024-04-19T10:30:00.000Z',
    });
    const seen = item.lastSeenAt;

    // the body differs (lastBuildDate) but the items do not
    const second = await poll(minutes(16));
    expect(second.feeds[0]).toMatchObject({ outcome: 'unchanged', inserted: 0 });
    expect(pub.requestsTo('/news').map((r) => r.status)).toEqual([200, 200]);
    expect(getItemByPath(t.db, item.path)!.lastSeenAt).toBe(seen);
    expect(getFeedState(t.db, 'nca')).toMatchObject({ lastStatus: 200, failures: 0 });

    pub.setRssItems([news(3), news(1), news(2)]);
    expect((await poll(minutes(32))).feeds[0]).toMatchObject({ outcome: 'stored', inserted: 1 });
    expect(countItems(t.db).total).toBe(3);
  });

  it('without `publisher:` the feed’s own title names the publisher', async () => {
    pub.setRssItems([news(1)]);
    const cfg = testConfig({ feeds: [feed('nca', pub.rssUrl)] });
    await pollFeeds(cfg, { db: t.db, log: silentLogger, fetchFeed, clock: () => new Date(start) });
    expect(getItemByPath(t.db, `${pub.url}/news/seizure-1`)!.publisher).toBe('News');
  });
});

describe('pollFeeds: a WordPress Atom blog', () => {
  const post = {
    id: 90001,
    slug: '2024/04/19/factsheet-customs-cooperation/',
    title: 'Factsheet: UK&#8211;France customs cooperation',
    published: '2024-04-19T15:40:00Z',
    updated: '2024-04-19T16:02:11Z',
    summary: 'Officials agreed a joint work plan &#8230;',
    content: '<p>Officials from the two customs services agreed a joint work plan.</p>',
  };

  it('follows /feed/ to /feed/atom/, stores the content as the body; an edit is a major update, a new slug the same post', async () => {
    pub.setBlogEntries([post]);
    const cfg = testConfig({ feeds: [feed('ho-media', `${pub.url}/feed/`)] });
    const poll = (now: Date) => pollFeeds(cfg, { db: t.db, log: silentLogger, fetchFeed, clock: () => now });
    expect((await poll(new Date(start))).feeds[0]).toMatchObject({ outcome: 'stored', inserted: 1 });
    const path = `${pub.url}/${post.slug}`;
    expect(getItemByPath(t.db, path)).toMatchObject({
      title: 'Factsheet: UK–France customs cooperation',
      body: 'Officials from the two customs services agreed a joint work plan.',
      publisher: 'Home Office in the media',
    });
    expect((await poll(minutes(16))).feeds[0]!.outcome).toBe('not-modified');

    pub.editBlogEntry(90001, {
      updated: '2024-04-20T10:00:00Z',
      content: '<p>Officials agreed a joint work plan, and the first inspections began.</p>',
    });
    expect((await poll(minutes(32))).feeds[0]).toMatchObject({ inserted: 0, majorUpdates: 1 });
    const edited = getItemByPath(t.db, path)!;
    expect(edited.body).toBe('Officials agreed a joint work plan, and the first inspections began.');
    expect(itemUpdates(t.db, edited.id)).toHaveLength(1);

    // the post's address changes; its id does not
    pub.editBlogEntry(90001, { slug: '2024/04/19/customs-cooperation-factsheet/' });
    expect((await poll(minutes(48))).feeds[0]).toMatchObject({ inserted: 0, majorUpdates: 0 });
    expect(countItems(t.db).total).toBe(1);
  });
});
