// Versioned schema. Each entry runs once, in order, inside a transaction, and bumps
// PRAGMA user_version; a database newer than this code is refused rather than guessed at.
// Never edit a shipped migration: add a new one.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

import { initial } from './migrations/001-initial.ts';
import { verdicts } from './migrations/002-verdicts.ts';
import { sources } from './migrations/003-sources.ts';
import { runningCounts } from './migrations/004-running-counts.ts';
import { slackApp } from './migrations/005-slack-app.ts';
import { reviewTier } from './migrations/006-review-tier.ts';
import { messageEdits } from './migrations/007-message-edits.ts';
import { batchItemCounts } from './migrations/008-batch-item-counts.ts';

export const migrations: Migration[] = [
  initial,
  verdicts,
  sources,
  runningCounts,
  slackApp,
  reviewTier,
  messageEdits,
  batchItemCounts,
];
