// Schema version 5: the Slack app. Each action a person takes from Slack is recorded once by its key
// (user, action and action_ts, or the modal's view id), so a delivery Slack repeats, perhaps under a
// new envelope id, changes nothing twice. The status card remembers a hash of the facts it last
// showed, so it is edited whenever they change (new evidence, a verdict, a snooze), not only its status.

import type { Migration } from '../migrations.ts';

export const slackApp: Migration = {
  version: 5,
  name: 'Slack actions and card facts',
  sql: `
    CREATE TABLE slack_actions (
      action_key    TEXT PRIMARY KEY,   -- user | action_id | action_ts (or view id for a modal)
      kind          TEXT NOT NULL,      -- evidence | not-related | resolve | snooze | reopen
      commitment_id TEXT NOT NULL,
      actor         TEXT NOT NULL,      -- the Slack user id
      at            TEXT NOT NULL
    );
    ALTER TABLE commitment_state ADD COLUMN card_facts TEXT;  -- hash of what the status card shows
  `,
};
