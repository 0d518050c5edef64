// `followthrough eval [--items FILE] [--commitments FILE] [--json]` (npm run eval): replays a
// labelled set through the real engine and prints precision and recall per commitment.

import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { readHistoryFile } from '../../eval/history-file.ts';
import { replay } from '../../eval/replay.ts';
import { evaluateBodies, formatBodyEffect } from '../../eval/evaluate-bodies.ts';
import { evaluateMatches, formatEvalReport } from '../../eval/evaluate-matches.ts';
import { parse } from '../args.ts';
import { loadContext } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { commitmentsFor } from './replay.ts';

export const defaultEvalSet = fileURLToPath(
  new URL('../../../test/fixtures/eval/dev-items.jsonl', import.meta.url),
);

const usage = `usage: followthrough eval [--items FILE.jsonl] [--commitments FILE] [--json]
Replays a labelled set (default: the dev set in test/fixtures/eval) through the engine with the
configured commitments and prints precision and recall per commitment and overall.`;

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
  const dates = items.map((i) => i.date).sort();
  const result = replay({ config, commitments, items, from: dates[0]!, to: dates[dates.length - 1]! });
  const matched = result.matches.map((m) => ({
    itemId: m.historyId,
    commitmentId: m.commitmentId,
    kind: m.kind,
  }));
  const ids = commitments.map((c) => c.id);
  // What would be alerted: a match that needs the body is for review, scored on its own below.
  const report = evaluateMatches(
    items,
    matched.filter((m) => m.kind !== 'related'),
    ids,
  );
  const bodies = evaluateBodies(items, matched, ids);
  io.out(
    values.json
      ? JSON.stringify({ ...report, bodies }, null, 2)
      : `${formatEvalReport(report)}\n${formatBodyEffect(bodies)}`,
  );
  return exitCodes.ok;
}
