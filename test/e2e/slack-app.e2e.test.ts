// The Slack app end to end: the real worker (`followthrough run`) holds a Socket Mode connection
// with the real @slack/socket-mode client to the fake Slack, whose envelopes carry what Slack sends
// when a person presses a button, submits the resolve modal or types /followthrough. Checked the way
// a team would see it: the ack within 3 seconds, the thread reply, the card edited, and the record
// in `status --json` and `commitments show --json`.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemActionsBlock } from '../../src/slack/item-actions.ts';
import { startFakeGovuk, govukPaths, type FakeGovuk } from '../support/fake-govuk.ts';
import { startFakeSlack, type FakeMessage, type FakeSlack } from '../support/fake-slack.ts';
import {
  attachSocketMode,
  buttonPress,
  slashCommand,
  viewSubmission,
  type FakeSocketMode,
} from '../support/fake-socket-mode.ts';
import { collect, parseLogs, runCli, startCli, type CliResult } from '../support/run-cli.ts';
import { tempConfig, type TempConfig } from '../support/temp-config.ts';

const token = 'xoxb-test-0000-secret';
const appToken = 'xapp-1-AFAKE0001-0000-appsecret';
const reviewer = 'U0REVIEW1';
const stranger = 'U0STRANGE';
const cid = 'customs-partnership';
let govuk: FakeGovuk;
let slack: FakeSlack;
let socket: FakeSocketMode;
let cfg: TempConfig;

beforeEach(async () => {
  govuk = await startFakeGovuk();
  slack = await startFakeSlack({ token, appToken });
  socket = attachSocketMode(slack);
  cfg = tempConfig({
    feeds: [{ id: 'home-office', url: govuk.url + govukPaths.organisationFeed }],
    extra: { slack: { channel: '#followthrough', reviewers: [reviewer] } },
  });
});
afterEach(async () => {
  cfg.cleanup();
  await slack.close();
  await govuk.close();
});

interface Worker {
  stderr(): string;
  stop(): Promise<CliResult>;
}

async function until(what: string, done: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(done(), what).toBe(true);
}

/** `followthrough run` with the app token; resolves once its start-up cycle has posted. */
async function startWorker(
  extraEnv: Record<string, string> = { SLACK_APP_TOKEN: appToken },
): Promise<Worker> {
  const env = { ...cfg.env, SLACK_BOT_TOKEN: token, SLACK_API_URL: slack.url, ...extraEnv };
  const child = startCli(['run'], { env });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const done = collect(child, 90_000);
  await until('the start-up cycle ran', () => parseLogs(stderr).some((l) => l.event === 'job.cycle'));
  return {
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      return done;
    },
  };
}

const channelMessages = () => slack.messages('#followthrough');
const cardOf = (id: string) =>
  channelMessages().find(
    (m) => m.metadata?.event_type === 'followthrough_card' && m.metadata.event_payload.commitment_id === id,
  );
const alertsOf = (id: string, kind: string) =>
  channelMessages().filter(
    (m) =>
      m.metadata?.event_type === 'followthrough_alert' &&
      m.metadata.event_payload.commitment_id === id &&
      m.metadata.event_payload.kind === kind,
  );
const buttonValues = (m: FakeMessage, actionId: string) =>
  ((m.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.action_id === actionId)
    .map((e) => JSON.parse(e.value) as { c: string; u?: string });
const evidenceOnCard = (id: string) =>
  Number(/\*Evidence\*\\n(\d+) item/.exec(JSON.stringify(cardOf(id)?.blocks))?.[1] ?? Number.NaN);

async function json<T>(args: string[]): Promise<T> {
  const r = await runCli([...args, '--json'], { env: cfg.env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

interface Shown {
  evidence_count: number;
  status: string;
  evidence: Array<{ url: string }>;
  verdicts: Array<{ verdict: string; actor: string; via: string; itemUrl: string; at: string }>;
  history: Array<{ kind: string; actor: string; toStatus: string | null }>;
}
interface StatusJson {
  commitments: Array<{
    id: string;
    evidence: number;
    lastVerdict: { verdict: string; actor: string; via: string } | null;
  }>;
}

describe('the Slack app (Socket Mode, end to end)', () => {
  it('Not related on an alert withdraws the item; a retried delivery applies once; a stranger is refused; Counts as evidence on a review line counts it', async () => {
    const worker = await startWorker();
    await socket.connected();
    await until('the earlier matches were posted', () => alertsOf(cid, 'summary').length === 1);
    const [summary] = alertsOf(cid, 'summary') as [FakeMessage];
    const lines = buttonValues(summary, 'followthrough_not_related');
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(summary.blocks)).not.toContain('npx followthrough');
    const before = await json<Shown>(['commitments', 'show', cid]);
    expect(evidenceOnCard(cid)).toBe(before.evidence_count);

    // A person not in slack.reviewers is told why, privately, and nothing changes.
    const refused = await socket.send(
      'interactive',
      buttonPress(summary, 'followthrough_not_related', stranger),
    );
    expect(refused.ms).toBeLessThan(3000);
    await until('the refusal was explained', () => slack.callsTo('chat.postEphemeral').length === 1);
    const note = slack.callsTo('chat.postEphemeral')[0]!.body;
    expect(note).toMatchObject({ user: stranger, channel: summary.channel });
    expect(String(note.text)).toContain(`<@${reviewer}>`);
    expect((await json<Shown>(['commitments', 'show', cid])).verdicts).toEqual([]);

    // A reviewer presses Not related: acked in time, applied once even when Slack delivers it again.
    const press = buttonPress(summary, 'followthrough_not_related', reviewer, '1717000000.123456');
    const ack = await socket.send('interactive', press);
    expect(ack.ms).toBeLessThan(3000);
    const retried = await socket.send('interactive', press, { retryAttempt: 1, retryReason: 'timeout' });
    expect(retried.envelopeId).not.toBe(ack.envelopeId);
    const replies = () => alertsOf(cid, 'reply');
    await until('the thread reply was posted', () => replies().length === 1);
    await until('the card shows one item fewer', () => evidenceOnCard(cid) === before.evidence_count - 1);
    const [reply] = replies() as [FakeMessage];
    expect(reply.thread_ts).toBe(cardOf(cid)!.ts);
    expect(reply.reply_broadcast).toBeUndefined();
    expect(JSON.stringify(reply.blocks)).toContain(`Marked not related by <@${reviewer}>`);
    expect(slack.callsTo('chat.update').some((u) => u.body.ts === cardOf(cid)!.ts)).toBe(true);
    // The pressed message itself says who judged that line, and offers only the change of mind.
    await until('the pressed message shows the verdict', () =>
      JSON.stringify(alertsOf(cid, 'summary')[0]!.blocks).includes(`Marked not related by <@${reviewer}>`),
    );
    const pressed = alertsOf(cid, 'summary')[0]!;
    expect(buttonValues(pressed, 'followthrough_not_related').map((v) => v.u)).not.toContain(lines[0]!.u);
    expect(buttonValues(pressed, 'followthrough_evidence').map((v) => v.u)).toContain(lines[0]!.u);

    const shown = await json<Shown>(['commitments', 'show', cid]);
    expect(shown.verdicts).toEqual([
      expect.objectContaining({
        verdict: 'not-related',
        actor: reviewer,
        via: 'slack',
        itemUrl: lines[0]!.u,
      }),
    ]);
    expect(shown.evidence.map((e) => e.url)).not.toContain(lines[0]!.u);
    expect(shown.history.filter((h) => h.kind === 'verdict').map((h) => h.actor)).toEqual([reviewer]);
    const status = await json<StatusJson>(['status']);
    const line = status.commitments.find((c) => c.id === cid)!;
    expect(line.evidence).toBe(before.evidence_count - 1);
    expect(line.lastVerdict).toMatchObject({ verdict: 'not-related', actor: reviewer, via: 'slack' });

    // A review line (an item no rule matched) carries the same buttons: Counts as evidence counts it.
    const unmatched = 'https://www.gov.uk/government/news/borders-and-asylum';
    expect(shown.evidence.map((e) => e.url)).not.toContain(unmatched);
    const reviewLine: FakeMessage = {
      ...summary,
      ts: summary.ts,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '• Borders and Asylum' } },
        itemActionsBlock({ commitmentId: cid, itemUrl: unmatched }),
      ],
    };
    await socket.send('interactive', buttonPress(reviewLine, 'followthrough_evidence', reviewer));
    await until('the second reply was posted', () => replies().length === 2);
    expect(JSON.stringify(replies()[1]!.blocks)).toContain(`Counted as evidence by <@${reviewer}>`);
    await until('the card counts it', () => evidenceOnCard(cid) === before.evidence_count);
    const after = await json<Shown>(['commitments', 'show', cid]);
    expect(after.evidence.map((e) => e.url)).toContain(unmatched);
    expect(after.verdicts.map((v) => v.verdict)).toEqual(['not-related', 'evidence']);

    const result = await worker.stop();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain(appToken);
    expect(result.stderr).not.toContain('appsecret');
  });

  it('Resolve… opens the modal; its submission resolves the commitment and stops its reminders; /followthrough status lists every commitment', async () => {
    const worker = await startWorker();
    await socket.connected();
    await until('the overdue alert was posted', () => alertsOf(cid, 'overdue').length === 1);
    const [overdue] = alertsOf(cid, 'overdue') as [FakeMessage];
    expect(overdue.reply_broadcast).toBe(true);
    expect(buttonValues(overdue, 'followthrough_resolve')).toEqual([{ c: cid }]);
    expect(buttonValues(overdue, 'followthrough_snooze')).toEqual([{ c: cid }]);

    const press = buttonPress(overdue, 'followthrough_resolve', reviewer);
    expect((await socket.send('interactive', press)).ms).toBeLessThan(3000);
    await until('the modal was opened', () => slack.callsTo('views.open').length === 1);
    const open = slack.callsTo('views.open')[0]!.body as {
      trigger_id: string;
      view: Record<string, unknown>;
    };
    expect(open.trigger_id).toBe(press.trigger_id);
    expect(open.view).toMatchObject({ type: 'modal', callback_id: 'followthrough_resolve' });

    // An invalid link keeps the modal open with the error beside the field.
    const bad = await socket.send(
      'interactive',
      viewSubmission(open.view, reviewer, { status: 'met', evidence: 'not a link' }),
    );
    expect(bad.payload).toEqual({
      response_action: 'errors',
      errors: { evidence: expect.stringContaining('http') },
    });
    const evidence = 'https://www.gov.uk/government/news/uk-and-france-launch-customs-partnership';
    const submitted = viewSubmission(open.view, reviewer, {
      status: 'met',
      evidence,
      note: 'Launched at the Calais Group',
    });
    const ok = await socket.send('interactive', submitted);
    expect(ok.payload).toEqual({});
    expect(ok.ms).toBeLessThan(3000);
    await socket.send('interactive', submitted, { retryAttempt: 1, retryReason: 'timeout' });

    await until('the resolution reply was posted', () => alertsOf(cid, 'reply').length === 1);
    expect(JSON.stringify(alertsOf(cid, 'reply')[0]!.blocks)).toContain(`Marked *Met* by <@${reviewer}>`);
    await until(
      'the card says Met and offers Reopen',
      () => buttonValues(cardOf(cid)!, 'followthrough_reopen').length === 1,
    );
    expect(JSON.stringify(cardOf(cid)!.blocks)).toContain(':white_check_mark: Met');
    const shown = await json<Shown>(['commitments', 'show', cid]);
    expect(shown.status).toBe('met');
    expect(shown.history.filter((h) => h.kind === 'resolve')).toEqual([
      expect.objectContaining({ actor: reviewer, toStatus: 'met' }),
    ]);

    // /followthrough status: every watched commitment, only to the person who asked.
    const answer = await socket.send('slash_commands', slashCommand('status', stranger, overdue.channel));
    expect(answer.ms).toBeLessThan(3000);
    expect(answer.payload.response_type).toBe('ephemeral');
    const text = JSON.stringify(answer.payload.blocks);
    const watched = (await json<Array<{ title: string }>>(['commitments', 'list'])).map((c) => c.title);
    expect(watched.length).toBeGreaterThan(1);
    expect(text).toContain(`Watched commitments (${watched.length})`);
    for (const title of watched) expect(text).toContain(title.replaceAll('&', '&amp;'));
    expect(text).toContain(':white_check_mark: Met');
    const help = await socket.send('slash_commands', slashCommand('', stranger, overdue.channel));
    expect(JSON.stringify(help.payload.blocks)).toContain('/followthrough show');
    const one = await socket.send('slash_commands', slashCommand(`show ${cid}`, stranger, overdue.channel));
    expect(JSON.stringify(one.payload.blocks)).toContain('Launched at the Calais Group');

    expect((await worker.stop()).code).toBe(0);
    // Months later: no reminder for a resolved commitment.
    const later = new Date(Date.now() + 120 * 86_400_000).toISOString();
    const poll = await runCli(['poll', '--once', '--now', later], {
      env: { ...cfg.env, SLACK_BOT_TOKEN: token, SLACK_API_URL: slack.url },
    });
    expect(poll.code, poll.stderr).toBe(0);
    expect(alertsOf(cid, 'reminder')).toHaveLength(0);
    expect(alertsOf(cid, 'reply')).toHaveLength(1);
  });

  it('without SLACK_APP_TOKEN: no buttons, the commands instead, and the worker says once how to turn them on', async () => {
    const worker = await startWorker({});
    await until('the overdue alert was posted', () => alertsOf(cid, 'overdue').length === 1);
    const result = await worker.stop();
    const off = result.logs.filter((l) => l.event === 'slack.buttons_off');
    expect(off).toHaveLength(1);
    expect(String(off[0]!.fix)).toContain('config/slack-app-manifest.yaml');
    expect(slack.callsTo('apps.connections.open')).toHaveLength(0);
    for (const m of channelMessages()) expect(JSON.stringify(m.blocks)).not.toContain('"type":"actions"');
    expect(JSON.stringify(alertsOf(cid, 'overdue')[0]!.blocks)).toContain(
      'npx followthrough commitments resolve',
    );
  });
});
