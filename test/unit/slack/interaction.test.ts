import { describe, expect, it } from 'vitest';
import { statusReply, type CommandCommitment } from '../../../src/slack/command-reply.ts';
import { readButtonPresses, readSlashCommand, readViewSubmission } from '../../../src/slack/interaction.ts';
import { buildResolveModal, readResolveSubmission } from '../../../src/slack/resolve-modal.ts';
import { limits } from '../../../src/slack/limits.ts';

const actions = (list: unknown[]) => ({
  type: 'block_actions',
  user: { id: 'U0REVIEW1' },
  trigger_id: 't1',
  container: { type: 'message', channel_id: 'C0FOLLOW01', message_ts: '1.1', thread_ts: '0.9' },
  actions: list,
});

describe('reading what Slack sends', () => {
  it('a button press: ours only, with what makes a repeat recognisable', () => {
    expect(
      readButtonPresses(
        actions([
          { action_id: 'followthrough_evidence', value: 'v', action_ts: '2.2' },
          { action_id: 'other_app', value: 'v', action_ts: '2.3' },
          { action_id: 'followthrough_snooze' },
        ]),
      ),
    ).toEqual([
      {
        actionId: 'followthrough_evidence',
        value: 'v',
        user: 'U0REVIEW1',
        actionTs: '2.2',
        channel: 'C0FOLLOW01',
        messageTs: '1.1',
        threadTs: '0.9',
        triggerId: 't1',
      },
    ]);
    expect(readButtonPresses({ type: 'view_submission' })).toEqual([]);
    expect(readButtonPresses({ type: 'block_actions', actions: 'x' })).toEqual([]);
    expect(
      readSlashCommand({ command: '/followthrough', text: '  status ', user_id: 'U1', channel_id: 'C1' }),
    ).toEqual({
      command: '/followthrough',
      text: 'status',
      user: 'U1',
      channel: 'C1',
    });
    expect(readSlashCommand({ text: 'x' })).toBeUndefined();
  });

  it('the resolve modal round-trips: outcome, evidence link, note; errors beside the fields', () => {
    const view = buildResolveModal(
      { id: 'customs-partnership', title: 'Customs <b>' },
      'javascript:alert(1)',
    );
    expect(JSON.stringify(view)).not.toContain('javascript:');
    expect(JSON.stringify(view)).toContain('Customs &lt;b&gt;');
    const submit = (values: Record<string, unknown>, meta = view.private_metadata) =>
      readResolveSubmission(
        readViewSubmission({
          type: 'view_submission',
          user: { id: 'U1' },
          view: { id: 'V1', callback_id: 'followthrough_resolve', private_metadata: meta, state: { values } },
        })!,
      );
    expect(
      submit({
        status: { status: { selected_option: { value: 'partly-met' } } },
        evidence: { evidence: { value: ' https://www.gov.uk/a ' } },
        note: { note: { value: 'Half done' } },
      }),
    ).toEqual({
      ok: true,
      input: {
        commitmentId: 'customs-partnership',
        status: 'partly-met',
        evidenceUrl: 'https://www.gov.uk/a',
        note: 'Half done',
      },
    });
    expect(
      submit({
        status: { status: { selected_option: { value: 'open' } } },
        evidence: { evidence: { value: 'ftp://x' } },
      }),
    ).toEqual({
      ok: false,
      errors: { status: 'Choose an outcome.', evidence: 'Give an http(s) address, or leave it empty.' },
    });
    expect(submit({ status: { status: { selected_option: { value: 'met' } } } }, 'junk')).toMatchObject({
      ok: false,
      errors: { status: expect.stringContaining('no longer names a commitment') },
    });
  });

  it('/followthrough status for 500 commitments stays within Slack’s limits and counts the rest', () => {
    const list: CommandCommitment[] = Array.from({ length: 500 }, (_, i) => ({
      commitment: {
        id: `c${i}`,
        title: `Commitment ${i} ${'word '.repeat(30)}`,
        status: 'overdue',
        owners: [],
        sourceUrl: 'https://www.gov.uk/x',
      },
      daysOverdue: 10,
      evidenceCount: 2,
      lastEvidence: {
        title: 'Item <!channel>',
        url: 'https://www.gov.uk/i',
        updatedAt: '2024-05-01T10:00:00.000Z',
      },
    }));
    const reply = statusReply(list, { timeZone: 'Europe/London' });
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks.length).toBeLessThanOrEqual(limits.blocksPerMessage);
    expect(JSON.stringify(reply.blocks).length).toBeLessThanOrEqual(limits.messageTotal);
    expect(JSON.stringify(reply.blocks)).toMatch(/and \d+ more/);
    expect(JSON.stringify(reply.blocks)).toContain(':red_circle: Overdue 10 days');
    expect(JSON.stringify(reply.blocks)).not.toContain('<!channel>');
  });
});
