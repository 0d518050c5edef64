// `followthrough replay --from DATE --to DATE --items FILE.jsonl [--commitments FILE] [--json]`:
// what the engine would have raised, and when, over a history of items — how to try new rules
// before going live.

import { resolve } from 'node:path';
import type { Commitment } from '../../commitments/commitment.ts';
import { loadCommitments } from '../../config/load-commitments.ts';
import { UsageError } from '../../errors.ts';
import { readHistoryFile } from '../../eval/history-file.ts';
import { replay, type ReplayResult } from '../../eval/replay.ts';
import type { Config } from '../../config/config.ts';
import { parse, parseDay } from '../args.ts';
import { loadContext } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';

const usage =
  'usage: followthrough replay --from YYYY-MM-DD --to YYYY-MM-DD --items FILE.jsonl ' +
  `[--commitments FILE] [--database NEW.db] [--json]
Runs the engine day by day over a history of items (the JSONL format of the eval set) in a
fresh temporary database and prints, week by week, the matches, status changes and alerts
it would have raised. Nothing is sent. --commitments tries another commitments file;
--database keeps the replayed database (a new file) for \`status\`, \`commitments show\` or \`digest\`.`;

export async function replayCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    argv,
    {
      from: { type: 'string' },
      to: { type: 'string' },
      items: { type: 'string' },
      commitments: { type: 'string' },
      database: { type: 'string' },
      json: { type: 'boolean' },
    },
    usage,
    false,
  );
  const from = parseDay(values.from, '--from');
  const to = parseDay(values.to, '--to');
  if (!from || !to || !values.items)
    throw new UsageError(`--from, --to and --items are required\n\n${usage}`);
  if (to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
  const { config } = loadContext(io);
  const commitments = commitmentsFor(config, values.commitments, io.cwd);
  const items = readHistoryFile(resolve(io.cwd, values.items));
  const result = replay({
    config,
    commitments,
    items,
    from,
    to,
    ...(values.database ? { database: resolve(io.cwd, values.database) } : {}),
  });
  io.out(values.json ? JSON.stringify(result, null, 2) : formatReplay(result));
  return exitCodes.ok;
}

export function commitmentsFor(config: Config, file: string | undefined, cwd: string): Commitment[] {
  return loadCommitments(file ? resolve(cwd, file) : config.commitmentsFile, { staleDays: config.staleDays });
}

export function formatReplay(r: ReplayResult): string {
  const out = [`replay ${r.from} → ${r.to}: ${r.items} items`];
  for (const w of r.weeks) {
    out.push('', `week of ${w.monday}`);
    for (const m of w.matches) {
      out.push(`  + ${m.commitmentId} ← [${m.kind}] ${m.title} (${m.published})`);
      out.push(
        `      why: ${m.why.rule} — ${m.why.hits.map((h) => `${h.term} in ${h.fields.join('+')}`).join(', ')}`,
      );
    }
    for (const s of w.statusChanges)
      out.push(`  ~ ${s.commitmentId}: ${s.from} → ${s.to} on ${s.on} (${s.reason})`);
    for (const a of w.alerts)
      out.push(
        `  ! alert ${a.kind} for ${a.commitmentId} on ${a.on}${a.itemTitle ? `: ${a.itemTitle}` : ''}`,
      );
  }
  out.push('', 'per commitment:');
  const w = Math.max(0, ...r.commitments.map((c) => c.id.length));
  for (const c of r.commitments) {
    out.push(
      `  ${c.id.padEnd(w)}  ${String(c.matches).padStart(3)} match${c.matches === 1 ? '  ' : 'es'}` +
        `  first ${c.firstEvidence ?? '—'}  overdue ${c.overdueOn ?? '—'}  now ${c.finalStatus}`,
    );
  }
  return out.join('\n');
}
