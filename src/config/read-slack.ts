// The `slack:` section of the main config: the default channel, the reminder back-off (the first gap,
// doubling after each reminder up to the cap) and who may act from Slack's buttons and modals.

import {
  checkKeys,
  isRecord,
  readInteger,
  readString,
  readStringList,
  type Problems,
} from './check-fields.ts';
import { defaults, type Config } from './config.ts';

const slackKeys = ['channel', 'reminder_days', 'reminder_max_days', 'reviewers'] as const;
/** Slack user ids: U… or W… (Enterprise Grid). */
const userIdPattern = /^[UW][A-Z0-9]{6,}$/;

export function readSlack(value: unknown, p: Problems): Config['slack'] {
  const fix = 'write slack: { channel: "#followthrough" }';
  const fallback: Config['slack'] = {
    channel: '',
    reminderDays: defaults.reminderDays,
    reminderMaxDays: defaults.reminderMaxDays,
    reviewers: [],
  };
  if (!isRecord(value)) {
    p.add(['slack'], value === undefined ? 'slack is required' : 'slack must be a mapping', fix);
    return fallback;
  }
  checkKeys(value, slackKeys, ['slack'], p);
  const channel =
    readString(value, 'channel', ['slack'], p, {
      required: true,
      pattern: /^(#[a-z0-9._-]+|[CGD][A-Z0-9]{6,})$/,
      what: 'a channel name (#name) or id (C…)',
      fix: 'write channel: "#followthrough" (quoted: YAML reads an unquoted # as a comment) or a channel id like C0123456789',
    }) ?? '';
  const reminderDays = readInteger(
    value,
    'reminder_days',
    ['slack'],
    p,
    { min: 1, max: 365 },
    defaults.reminderDays,
  );
  const reminderMaxDays = readInteger(
    value,
    'reminder_max_days',
    ['slack'],
    p,
    { min: 1, max: 3650 },
    Math.max(defaults.reminderMaxDays, reminderDays),
  );
  if (reminderMaxDays < reminderDays)
    p.add(
      ['slack', 'reminder_max_days'],
      `reminder_max_days (${reminderMaxDays}) is shorter than reminder_days (${reminderDays})`,
      'the gap between reminders starts at reminder_days and doubles up to reminder_max_days: ' +
        `write reminder_max_days: ${Math.max(reminderDays, defaults.reminderMaxDays)}`,
    );
  const reviewerFix =
    'list Slack user ids (U0123ABCD: profile → ⋮ → Copy member ID), e.g. reviewers: [U0123ABCD], ' +
    'or leave it out to let anyone in the channel act';
  const reviewers = readStringList(value, 'reviewers', ['slack'], p, { fix: reviewerFix });
  reviewers.forEach((id, i) => {
    if (!userIdPattern.test(id))
      p.add(['slack', 'reviewers', i], `"${id}" is not a Slack user id`, reviewerFix);
  });
  return {
    channel,
    reminderDays,
    reminderMaxDays,
    reviewers: reviewers.filter((id) => userIdPattern.test(id)),
  };
}
