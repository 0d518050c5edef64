// `commitments tune <id> [--json]`: the near misses the stored history holds for a commitment (review
// candidates, items sharing words with confirmed evidence) and rule lines that would catch what people
// marked evidence without catching what they marked not related, each checked over the history.
// Nothing is written: a line is added with `commitments edit <id> --match …`.

import { tuneCommitment, type TuneItem, type TuneReport } from '../../../jobs/tune-commitment.ts';
import { openStore } from '../../../store/open-store.ts';
import { parse, parseNow } from '../../args.ts';
import { loadContext } from '../../context.ts';
import { exitCodes, type CliIo } from '../../io.ts';
import { findCommitment, watched } from './shared.ts';

const usage = `usage: followthrough commitments tune <id> [--json]
Shows what the stored history says the commitment's rules miss (review candidates, items sharing words
with confirmed evidence) and proposes rule lines that catch the items marked evidence and none marked
not related, each with what it would newly catch.`;

export async function tuneCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, now: { type: 'string' } }, usage);
  const ctx = loadContext(io);
  const db = openStore(ctx.config.database);
  try {
    const open = watched(ctx, db, parseNow(values.now));
    const c = findCommitment(open, positionals[0], usage);
    const report = tuneCommitment(ctx.config, open, db, c);
    io.out(values.json ? JSON.stringify(report, null, 2) : formatTune(report));
    return exitCodes.ok;
  } finally {
    db.close();
  }
}

export function formatTune(r: TuneReport): string {
  const item = (i: TuneItem): string => `${i.day}  ${i.title}\n      ${i.url}`;
  const out = [
    `${r.commitmentId}: ${r.title}`,
    `judged by people: ${r.judged.evidence} evidence, ${r.judged.notRelated} not related`,
    '',
    'Review candidates (no rule matched them):',
    ...(r.reviewCandidates.length
      ? r.reviewCandidates.map((c) => `  ${item(c)}\n      why: ${c.why}`)
      : ['  none']),
    '',
    'Sharing words with confirmed evidence:',
    ...(r.nearEvidence.length
      ? r.nearEvidence.map((c) => `  ${item(c)}\n      shares ${c.words.join(', ')} with “${c.like}”`)
      : ['  none']),
    '',
    'Proposed rule lines:',
  ];
  if (r.proposals.length === 0)
    out.push(
      r.judged.evidence === 0
        ? '  none yet: mark review items as evidence (Slack, or `commitments review`) and run tune again'
        : '  none: no line catches the confirmed evidence without catching an item marked not related',
    );
  for (const p of r.proposals) {
    out.push(
      `  ${p.line}`,
      `      catches ${p.catchesEvidence.length} marked evidence and none marked not related`,
      `      would newly catch ${p.newlyTotal} stored item${p.newlyTotal === 1 ? '' : 's'}` +
        (p.catchesALot ? ' — a lot: read them before adding it' : ''),
      ...p.newlyCatches.map((n) => `        + ${n.day}  ${n.title}`),
      `      add it: npx followthrough commitments edit ${r.commitmentId} ${matchFlags([...r.lines, p.line])}`,
    );
  }
  return out.join('\n');
}

/** `--match` replaces the whole list: every line is given, the existing ones first. */
function matchFlags(lines: string[]): string {
  return lines.map((l) => `--match ${shellQuote(l)}`).join(' ');
}

/** One shell word: single quotes, a single quote inside written '\''. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
