// `followthrough eval [--items FILE] [--commitments FILE] [--json]` (npm run eval): replays a
// labelled set through the real engine (rules and review tier, as the worker runs them) twice — cold,
// and with a simulated reviewer who gives the labelled verdict for every item presented, day by day —
// and prints both tiers per commitment and overall: the cold run over the commitments' whole period,
// the reviewer's run over its second half (what the verdicts taught).

import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { addDays, daysBetween } from '../../calendar.ts';
import type { Commitment } from '../../commitments/commitment.ts';
import type { Config } from '../../config/config.ts';
import { readHistoryFile, type HistoryItem } from '../../eval/history-file.ts';
import { replay, type ReplayResult } from '../../eval/replay.ts';
import { evaluateTiers, formatTierReport, type TierReport } from '../../eval/evaluate-tiers.ts';
import { simulatedReviewer } from '../../eval/simulated-reviewer.ts';
import { evaluateBodies, formatBodyEffect, type BodyEffect } from '../../eval/evaluate-bodies.ts';
import { parse } from '../args.ts';
import { loadContext } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { commitmentsFor } from './replay.ts';

export const defaultEvalSet = fileURLToPath(
  new URL('../../../test/fixtures/eval/dev-items.jsonl', import.meta.url),
);

const usage = `usage: followthrough eval [--items FILE.jsonl] [--commitments FILE] [--json]
Replays a labelled set (default: the dev set in test/fixtures/eval) through the engine with the
configured commitments, cold and with a simulated reviewer, and prints for alerts and review items
precision, recall, hard negatives and review items per week, per commitment and overall.`;

export interface EvalRuns {
  cold: TierReport;
  reviewer: TierReport;
  /** The reviewer's run over the whole period, for comparison with cold. */
  reviewerWhole: TierReport;
  verdicts: { verdicts: number; evidence: number; notRelated: number };
  /** What page bodies do (matches that need the body), on the cold run. */
  bodies: BodyEffect;
}

export async function evalCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    argv,
    { items: { type: 'string' }, commitments: { type: 'string' }, json: { type: 'boolean' } },
    usage,
    false,
  );
  const { config } = loadContext(io);
  const commitments = commitmentsFor(config, values.commitments, io.cwd);
  const items = readHistoryFile(values.items ? resolve(io.cwd, values.items) : defaultEvalSet);
  const runs = runEval(config, commitments, items);
  io.out(
    values.json
      ? JSON.stringify(runs, null, 2)
      : [
          formatTierReport(runs.cold),
          '',
          formatTierReport(runs.reviewer),
          `(the simulated reviewer gave ${runs.verdicts.verdicts} verdicts: ${runs.verdicts.evidence} evidence, ` +
            `${runs.verdicts.notRelated} not related)`,
          '',
          formatBodyEffect(runs.bodies),
        ].join('\n'),
  );
  return exitCodes.ok;
}

export function runEval(config: Config, commitments: Commitment[], items: HistoryItem[]): EvalRuns {
  const dates = items.map((i) => i.date).sort();
  const span = { from: dates[0]!, to: dates[dates.length - 1]! };
  const since = commitments.map((c) => ({ id: c.id, since: c.source.published }));
  // The period that can hold evidence: from the earliest announcement to the last item.
  const start = since.map((c) => c.since).sort()[0] ?? span.from;
  const period = { from: start > span.from ? start : span.from, to: span.to };
  const half = addDays(period.from, Math.ceil(daysBetween(period.from, period.to) / 2));
  const cold = replay({ config, commitments, items, ...span });
  const reviewer = simulatedReviewer(items);
  const taught = replay({ config, commitments, items, ...span, afterDay: reviewer.afterDay });
  return {
    cold: evaluateTiers('cold', items, tiers(cold), since, period),
    reviewer: evaluateTiers('with a simulated reviewer, second half', items, tiers(taught), since, {
      from: half,
      to: period.to,
    }),
    reviewerWhole: evaluateTiers('with a simulated reviewer', items, tiers(taught), since, period),
    verdicts: reviewer.log,
    bodies: evaluateBodies(
      items,
      bodyTiers(cold),
      commitments.map((c) => c.id),
    ),
  };
}

/**
 * The rule matches of a run, for the body measure: a `related` row a rule recorded (it needed the
 * body) stays `related`; one the review tier raised without a rule (its `why.rule` is empty) is left
 * to evaluateTiers.
 */
function bodyTiers(r: ReplayResult) {
  return r.matches
    .filter((m) => m.origin !== 'verdict' && (m.kind !== 'related' || m.why.rule !== ''))
    .map((m) => ({ itemId: m.historyId, commitmentId: m.commitmentId, kind: m.kind }));
}

function tiers(r: ReplayResult) {
  return r.matches
    .filter((m) => m.origin !== 'verdict')
    .map((m) => ({
      itemId: m.historyId,
      commitmentId: m.commitmentId,
      tier: m.kind === 'related' ? ('review' as const) : ('alert' as const),
      matchedOn: m.matchedOn,
    }));
}
