// The real CLI, the real WebClient, a fake Slack and a fake GOV.UK: one post per new match in
// the commitment's thread, none on a second poll, overdue then reminders on time, nothing lost
// or doubled through an outage or a SIGKILL, and feed text that cannot ping anyone.

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGovuk, govukPaths, type FakeGovuk } from '../support/fake-govuk.ts';
import { startFakeSlack, type FakeMessage, type FakeSlack } from '../support/fake-slack.ts';
import { collect, runCli, startCli } from '../support/run-cli.ts';
import { tempConfig, type TempConfig } from '../support/temp-config.ts';

const token = 'xoxb-test-0000-secret';
let govuk: FakeGovuk;
let slack: FakeSlack;
let cfg: TempConfig;
let env: Record<string, string>;

const dueSoonCommitments = `commitments:
  - id: border-plan
    title: Publish the border security plan
    source:
      url: https://www.gov.uk/government/news/border-plan-promise
      published: 2025-06-01
      quote: We will publish a border security plan by October.
    owners: [UK]
    due: 2025-10
    match:
      any: [border security plan]
`;

function setUp(commitments?: string) {
  cfg = tempConfig({
    feeds: [{ id: 'home-office', url: govuk.url + govukPaths.organisationFeed }],
    ...(commitments ? { commitments } : {}),
  });
  env = { ...cfg.env, SLACK_BOT_TOKEN: token, SLACK_API_URL: slack.url };
}

beforeEach(async () => {
  govuk = await startFakeGovuk();
  slack = await startFakeSlack({ token });
});
afterEach(async () => {
  cfg?.cleanup();
  await slack.close();
  await govuk.close();
});

const poll = (now: string) => runCli(['poll', '--once', '--now', now], { env });
const alerts = (kind?: string) =>
  slack
    .messages('#followthrough')
    .filter(
      (m) =>
        m.metadata?.event_type === 'followthrough_alert' && (!kind || m.metadata.event_payload.kind === kind),
    );
const cards = () =>
  slack.messages('#followthrough').filter((m) => m.metadata?.event_type === 'followthrough_card');
const cardOf = (id: string) => cards().find((m) => m.metadata!.event_payload.commitment_id === id);

function outboxOrder(): string[] {
  const db = new Database(cfg.database, { readonly: true });
  try {
    return (
      db.prepare("SELECT alert_id FROM outbox WHERE state = 'sent' ORDER BY id").all() as Array<{
        alert_id: string;
      }>
    ).map((r) => r.alert_id);
  } finally {
    db.close();
  }
}

function alertIdsInSlack(): string[] {
  return alerts().map((m) => String(m.metadata!.event_payload.alert_id));
}

describe('alerts in Slack (end to end)', () => {
  it('a new matching item: exactly one post, in its commitment’s thread, with the metadata; polling again posts nothing', async () => {
    setUp();
    const first = await poll('2025-09-02T10:00:00Z');
    expect(first.code, first.stderr).toBe(0);
    const before = slack.messages('#followthrough').length;
    expect(cardOf('customs-partnership')).toBeDefined();

    govuk.addAtomEntries(govukPaths.organisationFeed, [
      {
        path: '/government/news/customs-partnership-next-steps',
        title: 'Customs partnership: Calais Group members set out next steps',
        summary: 'Customs agencies will share information on shipments of small boat materials.',
        updated: '2025-09-02T10:30:00Z',
      },
    ]);
    const second = await poll('2025-09-02T11:00:00Z');
    expect(second.code, second.stderr).toBe(0);
    const fresh = slack.messages('#followthrough').slice(before);
    expect(fresh).toHaveLength(1);
    const [post] = fresh as [FakeMessage];
    expect(post.thread_ts).toBe(cardOf('customs-partnership')!.ts);
    expect(post.metadata).toEqual({
      event_type: 'followthrough_alert',
      event_payload: {
        alert_id: expect.stringMatching(/^ft_[0-9a-f]{16}$/),
        commitment_id: 'customs-partnership',
        kind: 'progress',
        item_url: 'https://www.gov.uk/government/news/customs-partnership-next-steps',
      },
    });
    expect(post.unfurl_links).toBe(false);
    expect(post.text).toContain('Customs partnership: Calais Group members set out next steps');
    const postCall = slack.callsTo('chat.postMessage').at(-1)!;
    expect(postCall.auth).toBe(`Bearer ${token}`);
    expect(postCall.body).not.toHaveProperty('link_names');
    expect(postCall.body).not.toHaveProperty('parse');

    const third = await poll('2025-09-02T11:30:00Z');
    expect(third.code, third.stderr).toBe(0);
    expect(slack.messages('#followthrough')).toHaveLength(before + 1);
    expect(second.stderr + third.stderr).not.toContain('secret');
  });

  it('overdue once when due + grace has passed, then a reminder after the interval, not before', async () => {
    setUp(dueSoonCommitments);
    await poll('2025-09-02T10:00:00Z');
    expect(alerts('overdue')).toHaveLength(0);
    await poll('2025-10-25T09:00:00Z');
    expect(alerts('due-soon')).toHaveLength(1);
    const overdue = await poll('2025-11-08T09:00:00Z');
    expect(overdue.code, overdue.stderr).toBe(0);
    expect(alerts('overdue')).toHaveLength(1);
    expect(alerts('overdue')[0]!.reply_broadcast).toBe(true);
    expect(alerts('overdue')[0]!.thread_ts).toBe(cardOf('border-plan')!.ts);
    await poll('2025-11-08T12:00:00Z');
    await poll('2025-11-15T08:59:00Z');
    expect(alerts('reminder')).toHaveLength(0);
    await poll('2025-11-15T09:00:00Z');
    expect(alerts('reminder')).toHaveLength(1);
    expect(alerts('overdue')).toHaveLength(1);
    // the card was brought up to date
    const updates = slack.callsTo('chat.update');
    expect(updates.some((u) => JSON.stringify(u.body.blocks).includes(':red_circle: Overdue'))).toBe(true);
  });

  it('Slack down for a whole cycle, then back: every alert arrives exactly once, in order', async () => {
    setUp();
    slack.script('chat.postMessage', { kind: 'http-error', status: 500 }, Infinity);
    const down = await poll('2025-09-02T10:00:00Z');
    expect(down.code, down.stderr).toBe(0);
    expect(slack.messages('#followthrough')).toHaveLength(0);
    expect(down.logs.some((l) => l.event === 'slack.transient')).toBe(true);
    slack.clearScripts();
    // back off is counted from the failed attempt; an hour later everything is due
    const back = await poll('2025-09-02T11:00:00Z');
    expect(back.code, back.stderr).toBe(0);
    const ids = alertIdsInSlack();
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(outboxOrder());
    await poll('2025-09-02T12:00:00Z');
    expect(alertIdsInSlack()).toEqual(ids);
  });

  it('status says why alerts are stuck (last error, next attempt), in text and --json', async () => {
    setUp();
    slack.script('chat.postMessage', { kind: 'http-error', status: 503 }, Infinity);
    const down = await poll('2025-09-02T10:00:00Z');
    expect(down.code, down.stderr).toBe(0);
    const text = await runCli(['status'], { env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/OUTBOX {2}\d+ pending/);
    expect(text.stdout).toMatch(
      /! .+ → #followthrough: .*503.* · 1 attempt · next attempt 2025-09-02T10:\d\d/,
    );
    const json = JSON.parse((await runCli(['status', '--json'], { env })).stdout) as {
      stuck: Array<{ lastError: string; nextAttemptAt: string; attempts: number; what: string }>;
      stuckTotal: number;
    };
    expect(json.stuckTotal).toBeGreaterThan(0);
    expect(json.stuck[0]).toMatchObject({ attempts: 1 });
    expect(json.stuck[0]!.lastError).toMatch(/503/);
    expect(Date.parse(json.stuck[0]!.nextAttemptAt)).toBeGreaterThan(Date.parse('2025-09-02T10:00:00Z'));
  });

  it('blocked delivery (not_in_channel): poll --once and status exit 4 until it is fixed', async () => {
    setUp();
    slack.script('chat.postMessage', { kind: 'error', error: 'not_in_channel' }, Infinity);
    const blocked = await poll('2025-09-02T10:00:00Z');
    expect(blocked.code, blocked.stderr).toBe(4);
    expect(blocked.stderr).toMatch(/#followthrough blocked: not_in_channel — fix: /);
    const status = await runCli(['status'], { env });
    expect(status.code).toBe(4);
    expect(status.stdout).toMatch(/held: not_in_channel/);
    slack.clearScripts();
    // the hourly probe after the fix releases everything; then all is well again
    const fixed = await poll('2025-09-02T11:05:00Z');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect((await runCli(['status'], { env })).code).toBe(0);
  });

  it('killed (SIGKILL) after Slack accepted a post but before it was marked sent: no duplicate after restart', async () => {
    setUp();
    // The first post is stored by Slack, but its answer never comes: the process is killed while waiting.
    slack.script('chat.postMessage', { kind: 'store-then-hang' }, 1);
    const child = startCli(['poll', '--once', '--now', '2025-09-02T10:00:00Z'], { env });
    const done = collect(child);
    const deadline = Date.now() + 20_000;
    while (slack.messages('#followthrough').length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(slack.messages('#followthrough')).toHaveLength(1);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');

    const again = await poll('2025-09-02T10:30:00Z');
    expect(again.code, again.stderr).toBe(0);
    expect(
      again.logs.some(
        (l) =>
          l.event === 'slack.card_found' ||
          l.event === 'slack.duplicate_avoided' ||
          String(l.event).includes('found'),
      ),
    ).toBe(true);
    const perCommitment = new Map<string, number>();
    for (const c of cards())
      perCommitment.set(
        String(c.metadata!.event_payload.commitment_id),
        (perCommitment.get(String(c.metadata!.event_payload.commitment_id)) ?? 0) + 1,
      );
    expect([...perCommitment.values()].every((n) => n === 1)).toBe(true);
    const ids = alertIdsInSlack();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(outboxOrder());
  });

  it('feed titles with <!channel>, <@U1>, <url|label> and &amp; render as text', async () => {
    setUp();
    await poll('2025-09-02T10:00:00Z');
    const before = slack.messages('#followthrough').length;
    govuk.addAtomEntries(govukPaths.organisationFeed, [
      {
        path: '/government/news/customs-partnership-injection',
        title: 'Customs partnership <!channel> <@U1> <https://evil.example|gov.uk> Smith &amp; Co',
        summary: 'Customs <!here> partnership',
        updated: '2025-09-02T10:30:00Z',
      },
    ]);
    await poll('2025-09-02T11:00:00Z');
    const [post] = slack.messages('#followthrough').slice(before);
    const wire = JSON.stringify({ text: post!.text, blocks: post!.blocks });
    for (const raw of [
      '<!channel>',
      '<!here>',
      '<@U1>',
      '<https://evil.example|gov.uk>',
      '<https://evil.example',
    ])
      expect(wire).not.toContain(raw);
    expect(wire).toContain('&lt;!channel&gt;');
    expect(wire).toContain('&lt;@U1&gt;');
    expect(wire).toContain('&lt;https://evil.example|gov.uk&gt;');
    expect(wire).toContain('Smith &amp; Co');
    expect(wire).not.toContain('&amp;amp;');
  });

  it('Block Kit limits hold for a 10,000-character title and summary', async () => {
    setUp();
    await poll('2025-09-02T10:00:00Z');
    const before = slack.messages('#followthrough').length;
    govuk.addAtomEntries(govukPaths.organisationFeed, [
      {
        path: '/government/news/customs-partnership-long',
        title: `Customs partnership ${'very long title '.repeat(625)}`,
        summary: `customs partnership ${'and a very long summary '.repeat(420)}`,
        updated: '2025-09-02T10:30:00Z',
      },
    ]);
    const r = await poll('2025-09-02T11:00:00Z');
    expect(r.code, r.stderr).toBe(0);
    const fresh = slack.messages('#followthrough').slice(before);
    expect(fresh).toHaveLength(1);
    const blocks = fresh[0]!.blocks as Array<Record<string, unknown>>;
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(blocks).length).toBeLessThan(13_000);
    expect(JSON.stringify(blocks)).toContain('…');
  });
});
