// `/followthrough status | show <id> | help`, as a job: the facts come from the store and the
// commitments file in force; the answer goes back in the ack, shown only to the person who asked.

import { daysOverdue } from '../commitments/lifecycle.ts';
import type { Commitment } from '../commitments/commitment.ts';
import { commitmentView } from '../commitments/commitment-view.ts';
import type { Config } from '../config/config.ts';
import {
  type CommandCommitment,
  type CommandReply,
  helpReply,
  showReply,
  statusReply,
  unknownReply,
} from '../slack/command-reply.ts';
import type { SlashCommand } from '../slack/interaction.ts';
import type { Answer } from '../slack/socket-mode.ts';
import { getCommitmentState, listEvents } from '../store/commitment-state-table.ts';
import type { Db } from '../store/open-store.ts';
import { statusCardFacts } from './alert-facts.ts';
import { loadWatched } from './load-watched.ts';
import type { SlackAppDeps } from './slack-app-deps.ts';

export function onSlashCommand(config: Config, deps: SlackAppDeps, cmd: SlashCommand): Answer {
  const now = deps.clock();
  const ctx = { timeZone: config.timezone };
  const [sub = 'help', id] = cmd.text.split(/\s+/).filter(Boolean);
  const watched = () => loadWatched(config, deps).commitments;
  let reply: CommandReply;
  if (sub === 'help') reply = helpReply();
  else if (sub === 'status')
    reply = statusReply(
      watched().map((c) => facts(deps.db, config, c, now)),
      ctx,
    );
  else if (sub === 'show') {
    const list = watched();
    const c = list.find((x) => x.id === id);
    reply = c
      ? showReply(
          {
            ...facts(deps.db, config, c, now),
            quote: c.source.quote,
            history: listEvents(deps.db, c.id).map((e) => ({
              at: e.at,
              text: `${e.kind}${e.toStatus ? ` → ${e.toStatus}` : ''}: ${e.reason}${e.actor !== 'followthrough' ? ` (${e.actor})` : ''}`,
            })),
          },
          ctx,
        )
      : unknownReply(
          cmd.text,
          list.map((x) => x.id),
        );
  } else reply = unknownReply(cmd.text, []);
  deps.log.info('slack.command', { command: cmd.command, sub, user: cmd.user });
  return { ack: { ...reply } };
}

function facts(db: Db, config: Config, c: Commitment, now: Date): CommandCommitment {
  const card = statusCardFacts(db, c, now);
  const state = getCommitmentState(db, c.id);
  const status = card?.commitment.status ?? 'open';
  return {
    commitment: card?.commitment ?? commitmentView(c, status),
    evidenceCount: card?.evidenceCount ?? 0,
    ...(status === 'overdue' ? { daysOverdue: daysOverdue(c, now, config.timezone) } : {}),
    ...(state?.threadUrl ? { threadUrl: state.threadUrl } : {}),
    ...(card?.lastEvidence ? { lastEvidence: card.lastEvidence } : {}),
    ...(card?.snoozedUntil ? { snoozedUntil: card.snoozedUntil } : {}),
  };
}
