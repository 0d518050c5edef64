// The commitment engine through the real CLI: overdue as of --now, a person's decisions, replay.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGovuk, govukPaths, type FakeGovuk } from '../support/fake-govuk.ts';
import { runCli } from '../support/run-cli.ts';
import { tempConfig, type TempConfig } from '../support/temp-config.ts';

let govuk: FakeGovuk;
let cfg: TempConfig;

beforeEach(async () => {
  govuk = await startFakeGovuk();
  cfg = tempConfig({ feeds: [{ id: 'home-office', url: govuk.url + govukPaths.organisationFeed }] });
});
afterEach(async () => {
  cfg.cleanup();
  await govuk.close();
});

interface Listed {
  id: string;
  status: string;
  due: string | null;
}

async function list(): Promise<Record<string, Listed>> {
  const r = await runCli(['commitments', 'list', '--json'], { env: cfg.env });
  expect(r.code, r.stderr).toBe(0);
  return Object.fromEntries((JSON.parse(r.stdout) as Listed[]).map((c) => [c.id, c]));
}

describe('overdue is computed from --now', () => {
  it('poll --once --now 2024-05-08T09:00:00Z reports customs-partnership overdue', async () => {
    const r = await runCli(['poll', '--once', '--now', '2024-05-08T09:00:00Z'], { env: cfg.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /customs-partnership: open → overdue \(due 2024-04 \(last day 2024-04-30\); 7 days' grace ended 2024-05-07 with no resolution\)/,
    );
    expect((await list())['customs-partnership']!.status).toBe('overdue');
  });

  it('poll --once --now 2024-04-20T09:00:00Z leaves it open', async () => {
    const r = await runCli(['poll', '--once', '--now', '2024-04-20T09:00:00Z'], { env: cfg.env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('customs-partnership: open →');
    expect((await list())['customs-partnership']).toMatchObject({ status: 'open', due: '2024-04' });
  });
});

describe('a person decides', () => {
  it('resolve, snooze and reopen are recorded with who, when and why', async () => {
    await runCli(['poll', '--once', '--now', '2024-05-08T09:00:00Z'], { env: cfg.env });
    const resolved = await runCli(
      [
        'commitments',
        'resolve',
        'customs-partnership',
        '--status',
        'met',
        '--evidence',
        'https://www.gov.uk/government/news/customs-talks',
        '--note',
        'talks held in April',
        '--by',
        'analyst',
        '--now',
        '2024-05-09T10:00:00Z',
      ],
      { env: cfg.env },
    );
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout).toContain('customs-partnership is now met');

    // the matcher and the status check never undo a person's decision
    await runCli(['poll', '--once', '--now', '2024-06-01T09:00:00Z'], { env: cfg.env });
    expect((await list())['customs-partnership']!.status).toBe('met');

    const reopened = await runCli(
      ['commitments', 'reopen', 'customs-partnership', '--by', 'editor', '--now', '2024-06-02T10:00:00Z'],
      { env: cfg.env },
    );
    expect(reopened.stdout).toContain('reopened: now overdue');
    const snoozed = await runCli(
      [
        'commitments',
        'snooze',
        'customs-partnership',
        '--until',
        '2024-07-01',
        '--by',
        'editor',
        '--now',
        '2024-06-02T10:05:00Z',
      ],
      { env: cfg.env },
    );
    expect(snoozed.code, snoozed.stderr).toBe(0);

    const show = await runCli(['commitments', 'show', 'customs-partnership', '--json'], { env: cfg.env });
    const detail = JSON.parse(show.stdout) as {
      status: string;
      snoozed_until: string;
      history: Array<{
        kind: string;
        toStatus: string | null;
        actor: string;
        reason: string;
        evidenceUrl: string | null;
        at: string;
      }>;
    };
    expect(detail.status).toBe('overdue');
    expect(detail.snoozed_until).toBe('2024-06-30T23:00:00.000Z');
    const decisions = detail.history.filter((e) => e.actor !== 'followthrough');
    expect(decisions).toEqual([
      expect.objectContaining({
        kind: 'resolve',
        toStatus: 'met',
        actor: 'analyst',
        reason: 'talks held in April',
        evidenceUrl: 'https://www.gov.uk/government/news/customs-talks',
        at: '2024-05-09T10:00:00.000Z',
      }),
      expect.objectContaining({ kind: 'reopen', toStatus: 'overdue', actor: 'editor' }),
      expect.objectContaining({
        kind: 'snooze',
        actor: 'editor',
        reason: 'reminders paused until 2024-06-30T23:00:00.000Z',
      }),
    ]);
    const text = await runCli(['commitments', 'show', 'customs-partnership'], { env: cfg.env });
    expect(text.stdout).toContain(
      'resolve → met  talks held in April (https://www.gov.uk/government/news/customs-talks) — analyst',
    );
  });

  it('bad decisions are usage errors', async () => {
    const r = await runCli(['commitments', 'resolve', 'customs-partnership', '--status', 'done'], {
      env: cfg.env,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--status must be one of met, partly-met, dropped, superseded');
    const unknown = await runCli(['commitments', 'resolve', 'nope', '--status', 'met'], { env: cfg.env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no commitment "nope"');
  });
});

describe('replay', () => {
  it('gives the expected matches and overdue date on a small history', async () => {
    const r = await runCli(
      [
        'replay',
        '--from',
        '2024-03-01',
        '--to',
        '2024-06-30',
        '--items',
        'test/fixtures/history/small-history.jsonl',
        '--json',
      ],
      { env: cfg.env },
    );
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as {
      matches: Array<{ commitmentId: string; historyId: string; kind: string; matchedOn: string }>;
      commitments: Array<{ id: string; matches: number; overdueOn: string | null; finalStatus: string }>;
    };
    expect(result.matches.map((m) => [m.commitmentId, m.historyId, m.kind, m.matchedOn]).sort()).toEqual([
      ['customs-partnership', 'H3', 'possible-fulfilment', '2024-04-12'],
      ['social-media', 'H4', 'possible-fulfilment', '2024-05-02'],
    ]);
    // possible fulfilment is for a person to judge: the commitment still goes overdue
    expect(result.commitments.find((c) => c.id === 'customs-partnership')).toMatchObject({
      matches: 1,
      overdueOn: '2024-05-08',
      finalStatus: 'overdue',
    });
    const text = await runCli(
      [
        'replay',
        '--from',
        '2024-03-01',
        '--to',
        '2024-06-30',
        '--items',
        'test/fixtures/history/small-history.jsonl',
      ],
      { env: cfg.env },
    );
    expect(text.stdout).toContain('week of 2024-04-08');
    expect(text.stdout).toContain(
      '+ customs-partnership ← [possible-fulfilment] UK and France hold talks on customs partnership with Calais Group partners (2024-04-12)',
    );
    expect(text.stdout).toContain('~ customs-partnership: due-soon → overdue on 2024-05-08');
  });
});

describe('a person reviews an item', () => {
  it('commitments review records the verdict with who and why; show --json lists it; not-related withdraws it', async () => {
    const poll = await runCli(['poll', '--once', '--now', '2025-09-03T09:00:00Z'], { env: cfg.env });
    expect(poll.code, poll.stderr).toBe(0);
    const item = 'https://www.gov.uk/government/news/borders-and-asylum';
    const review = (verdict: string) =>
      runCli(
        [
          'commitments',
          'review',
          'frontex',
          '--item',
          item,
          '--verdict',
          verdict,
          '--by',
          'ana',
          '--note',
          'checked',
          '--json',
        ],
        {
          env: cfg.env,
        },
      );
    const first = await review('evidence');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      applied: true,
      verdict: 'evidence',
      item: { url: item },
    });
    const show = async () => {
      const r = await runCli(['commitments', 'show', 'frontex', '--json'], { env: cfg.env });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { evidence_count: number; verdicts: Array<Record<string, unknown>> };
    };
    expect(await show()).toMatchObject({
      evidence_count: 1,
      verdicts: [{ verdict: 'evidence', actor: 'ana', via: 'cli', note: 'checked', itemUrl: item }],
    });
    expect((await review('not-related')).code).toBe(0);
    const after = await show();
    expect(after.evidence_count).toBe(0);
    expect(after.verdicts.map((v) => v.verdict)).toEqual(['evidence', 'not-related']);

    const bad = await runCli(['commitments', 'review', 'frontex', '--item', item, '--verdict', 'maybe'], {
      env: cfg.env,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--verdict must be one of evidence, not-related');
  });
});
