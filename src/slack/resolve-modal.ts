// The "Resolve…" modal (pure): outcome (met, partly met, dropped, superseded), an evidence link and a
// note — what `commitments resolve` takes — and reading its submission back, with the errors Slack
// shows beside a field when something is wrong. The commitment travels in private_metadata.
// https://api.slack.com/surfaces/modals

import { manualStatuses, type ManualStatus } from '../commitments/commitment.ts';
import type { CommitmentView } from '../commitments/commitment-view.ts';
import { checkedUrl, ownText } from './feed-text.ts';
import type { ViewSubmission } from './interaction.ts';
import { truncate } from './limits.ts';
import { statusWords } from './status-label.ts';

export const resolveCallbackId = 'followthrough_resolve';

export interface ResolveInput {
  commitmentId: string;
  status: ManualStatus;
  evidenceUrl?: string;
  note?: string;
}

export function buildResolveModal(
  c: Pick<CommitmentView, 'id' | 'title'>,
  evidenceUrl?: string,
): Record<string, unknown> {
  const initial = checkedUrl(evidenceUrl);
  return {
    type: 'modal',
    callback_id: resolveCallbackId,
    private_metadata: JSON.stringify({ c: c.id }),
    title: { type: 'plain_text', text: 'Resolve commitment' },
    submit: { type: 'plain_text', text: 'Resolve' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${ownText(c.title, 2800)}*` } },
      {
        type: 'input',
        block_id: 'status',
        label: { type: 'plain_text', text: 'Outcome' },
        element: {
          type: 'static_select',
          action_id: 'status',
          placeholder: { type: 'plain_text', text: 'Choose' },
          options: manualStatuses.map((s) => ({
            text: { type: 'plain_text', text: statusWords(s) },
            value: s,
          })),
        },
      },
      {
        type: 'input',
        block_id: 'evidence',
        optional: true,
        label: { type: 'plain_text', text: 'Evidence link' },
        element: {
          type: 'url_text_input',
          action_id: 'evidence',
          ...(initial ? { initial_value: initial } : {}),
        },
      },
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: { type: 'plain_text', text: 'Note' },
        element: { type: 'plain_text_input', action_id: 'note', multiline: true, max_length: 2000 },
      },
    ],
  };
}

/** The submitted resolution, or the errors to show beside the fields. */
export function readResolveSubmission(
  v: ViewSubmission,
): { ok: true; input: ResolveInput } | { ok: false; errors: Record<string, string> } {
  let commitmentId: string | undefined;
  try {
    const meta = JSON.parse(v.privateMetadata) as { c?: unknown };
    if (typeof meta.c === 'string' && meta.c) commitmentId = meta.c;
  } catch {
    // not ours
  }
  const status = v.values.status?.status?.selected_option?.value ?? undefined;
  const evidence = v.values.evidence?.evidence?.value?.trim() || undefined;
  const note = v.values.note?.note?.value?.trim() || undefined;
  const errors: Record<string, string> = {};
  if (!commitmentId) errors.status = 'This form no longer names a commitment: open it again from the card.';
  if (!status || !(manualStatuses as readonly string[]).includes(status))
    errors.status ??= 'Choose an outcome.';
  if (evidence && !checkedUrl(evidence)) errors.evidence = 'Give an http(s) address, or leave it empty.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      commitmentId: commitmentId!,
      status: status as ManualStatus,
      ...(evidence ? { evidenceUrl: evidence } : {}),
      ...(note ? { note: truncate(note, 2000) } : {}),
    },
  };
}
