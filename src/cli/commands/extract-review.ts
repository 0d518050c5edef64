// `extract --append` on a terminal: each proposal is shown and kept, dropped or edited before it
// is appended. An edit asks for each field with the proposal's value as the default, checking
// each answer as the commitments file's validation would.

import type { CommitmentEntry } from '../../config/edit-commitments.ts';
import { idPattern } from '../../config/load-commitments.ts';
import { parseDue } from '../../commitments/due-date.ts';
import type { ProposedCommitment } from '../../extract/extract-commitments.ts';
import { parseRule } from '../../match/rule-language.ts';
import type { CliIo } from '../io.ts';
import { type Asker, createAsker } from '../prompt.ts';

export interface Candidate {
  entry: CommitmentEntry;
  proposal: ProposedCommitment;
}

export async function askWhichToKeep(
  io: CliIo,
  entries: Candidate[],
  taken: (id: string) => boolean,
): Promise<Candidate[]> {
  const asker = createAsker(io);
  const kept: Candidate[] = [];
  try {
    for (const c of entries) {
      io.out(describe(c));
      const answer = await asker.ask('keep it? (y = yes, n = no, e = edit it first)', {
        default: c.proposal.confidence >= 0.5 ? 'y' : 'n',
        check: (a) => (/^(y|yes|n|no|e|edit)$/i.test(a) ? undefined : 'answer y, n or e'),
      });
      if (/^e/i.test(answer)) {
        const edited = await edit(asker, c, (id) => taken(id) || kept.some((k) => k.entry.id === id));
        io.out(`  kept as edited: ${edited.entry.id}`);
        kept.push(edited);
      } else if (/^y/i.test(answer)) kept.push(c);
    }
  } finally {
    asker.close();
  }
  return kept;
}

function describe(c: Candidate): string {
  const p = c.proposal;
  return (
    `\n${c.entry.id}  (confidence ${p.confidence.toFixed(2)})\n  "${p.source.quote}"\n` +
    `  due: ${p.due ? `${p.due.text} (${p.due.phrase})` : 'none'}` +
    `   owners: ${p.owners.join(', ') || '?'}\n` +
    `  match: ${p.match.any.join(' | ') || '(none: add one with commitments edit)'}` +
    (p.ruleChecks?.length ? `\n${p.ruleChecks.map((c) => `    ${c}`).join('\n')}` : '')
  );
}

async function edit(asker: Asker, c: Candidate, taken: (id: string) => boolean): Promise<Candidate> {
  const e = c.entry;
  const id = await asker.ask('  id', {
    default: String(e.id),
    check: (a) =>
      !idPattern.test(a)
        ? 'use lower-case letters, digits and hyphens'
        : taken(a)
          ? `${a} is already used`
          : undefined,
  });
  const title = await asker.ask('  title', { default: String(e.title) });
  const due = await asker.ask('  due (YYYY-MM-DD or YYYY-MM; "none" for no date)', {
    default: typeof e.due === 'string' ? e.due : 'none',
    check: (a) =>
      a === 'none' || !('error' in parseDue(a)) ? undefined : 'write 2024-04-30, 2024-04 or none',
  });
  const owners = await asker.ask('  owners (comma-separated)', {
    default: ((e.owners as string[] | undefined) ?? []).join(', ') || 'UK',
  });
  const rules = ((e.match as { any?: string[] } | undefined)?.any ?? []).join(' | ');
  const match = await asker.ask('  match rules (separate several with " | ")', {
    ...(rules ? { default: rules } : {}),
    check: (a) => {
      for (const rule of split(a, '|')) {
        const r = parseRule(rule);
        if (!r.ok) return `${rule}: ${r.error} — ${r.fix}`;
      }
      return undefined;
    },
  });
  // In the file's key order (proposalEntry's).
  return {
    proposal: c.proposal,
    entry: {
      id,
      title,
      source: e.source,
      owners: split(owners, ','),
      ...(due === 'none' ? {} : { due }),
      match: { ...(e.match as object), any: split(match, '|') },
    },
  };
}

function split(text: string, by: string): string[] {
  return text
    .split(by)
    .map((s) => s.trim())
    .filter(Boolean);
}
