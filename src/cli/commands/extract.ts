// `extract <GOV.UK URL | file> [--append]`: propose commitments from an announcement as YAML for
// a person to review; with --append, add the ones they accept to the commitments file through
// the same validated, atomic path as `commitments add`, then catch them up against history.

import { isHttpUrl } from '../../config/check-fields.ts';
import {
  addEntry,
  hasCommitment,
  readCommitmentsDocument,
  writeCommitmentsDocument,
  type CommitmentEntry,
} from '../../config/edit-commitments.ts';
import { readEnv } from '../../config/env.ts';
import { FollowthroughError, UsageError } from '../../errors.ts';
import type { ProposedCommitment } from '../../extract/extract-commitments.ts';
import { extractCommitments } from '../../extract/extract-commitments.ts';
import { proposalEntry, proposalsToYaml, uniqueIds } from '../../extract/proposals-to-yaml.ts';
import { readAnnouncement } from '../../extract/read-announcement.ts';
import { parse, parseNow } from '../args.ts';
import { loadContext } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { createAsker } from '../prompt.ts';
import { catchUp } from './commitments/shared.ts';

const usage = `usage: followthrough extract <GOV.UK URL | file> [--source-url URL] [--min-confidence 0-1]
         [--append [--only ID,ID…] [--interactive]] [--now ISO]
Reads an announcement (a GOV.UK page through the Content API, a saved Content API JSON file,
an HTML file or plain text) and prints the commitments it makes as YAML for review.
--source-url   the announcement's address, when reading a file that does not say it
--append       add the proposals to the commitments file (validated, atomic, comments kept);
               on a terminal, or with --interactive, asks about each one first;
               --only keeps just the listed ids. Added commitments are matched against stored
               history at once and reported as one summary each.`;

export async function extractCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      append: { type: 'boolean' },
      only: { type: 'string' },
      interactive: { type: 'boolean' },
      'source-url': { type: 'string' },
      'min-confidence': { type: 'string' },
      now: { type: 'string' },
    },
    usage,
  );
  const input = positionals[0];
  if (!input) throw new UsageError(`what should be read? give a GOV.UK address or a file\n\n${usage}`);
  const sourceUrl = values['source-url'];
  if (sourceUrl !== undefined && !isHttpUrl(sourceUrl))
    throw new UsageError('--source-url must be an address starting https://');
  const minConfidence = values['min-confidence'] === undefined ? 0 : Number(values['min-confidence']);
  if (!(minConfidence >= 0 && minConfidence <= 1))
    throw new UsageError('--min-confidence must be a number from 0 to 1');

  const announcement = await readAnnouncement(input, {
    contentApiBase: readEnv(io.env).govukBaseUrl,
    ...configuredZone(io),
  });
  let proposals = extractCommitments(announcement).filter((p) => p.confidence >= minConfidence);
  if (sourceUrl) proposals = proposals.map((p) => ({ ...p, source: { ...p.source, url: sourceUrl } }));

  if (!values.append) {
    // Printing needs no config; when one loads, ids are kept clear of those already watched.
    const existing = existingIds(io);
    io.out(
      proposals.length
        ? proposalsToYaml(proposals, {
            existingIds: existing,
            header: `proposed from ${input} — review before adding`,
          }).trimEnd()
        : `# no commitments found in ${input}`,
    );
    return exitCodes.ok;
  }

  const now = parseNow(values.now);
  const ctx = loadContext(io);
  const doc = readCommitmentsDocument(ctx.config.commitmentsFile);
  const entries = toEntries(proposals, (id) => hasCommitment(doc, id));
  let chosen = entries;
  if (values.only) {
    const wanted = values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = wanted.filter((id) => !entries.some((e) => e.entry.id === id));
    if (unknown.length)
      throw new UsageError(
        `--only names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not among the proposals ` +
          `(${entries.map((e) => e.entry.id).join(', ') || 'none'})`,
      );
    chosen = entries.filter((e) => wanted.includes(String(e.entry.id)));
  } else if (values.interactive || io.inputIsTTY) {
    chosen = await askWhichToKeep(io, entries);
  }
  if (chosen.length === 0) {
    io.out('nothing appended');
    return exitCodes.ok;
  }
  const noUrl = chosen.filter((e) => !(e.entry.source as { url?: string }).url);
  if (noUrl.length) {
    throw new FollowthroughError(
      'source_url_missing',
      `${input} does not give its address, so ${noUrl.map((e) => e.entry.id).join(', ')} would have no source.url: ` +
        'add --source-url https://www.gov.uk/…',
    );
  }
  for (const { entry } of chosen) addEntry(doc, entry);
  const written = writeCommitmentsDocument(ctx.config.commitmentsFile, doc, {
    staleDays: ctx.config.staleDays,
  });
  io.out(`appended ${chosen.map((e) => e.entry.id).join(', ')} to ${ctx.config.commitmentsFile}`);
  catchUp(
    ctx,
    io,
    written,
    chosen.map((e) => String(e.entry.id)),
    now,
  );
  return exitCodes.ok;
}

interface Candidate {
  entry: CommitmentEntry;
  proposal: ProposedCommitment;
}

/** The file's form of each proposal, with an id that clashes with neither the file nor another proposal. */
function toEntries(ps: ProposedCommitment[], taken: (id: string) => boolean): Candidate[] {
  const ids = uniqueIds(ps, taken);
  return ps.map((p, i) => ({ entry: proposalEntry(p, ids[i]), proposal: p }));
}

async function askWhichToKeep(io: CliIo, entries: Candidate[]): Promise<Candidate[]> {
  const asker = createAsker(io);
  const kept: Candidate[] = [];
  try {
    for (const c of entries) {
      io.out(
        `\n${c.entry.id}  (confidence ${c.proposal.confidence.toFixed(2)})\n  "${c.proposal.source.quote}"\n` +
          `  due: ${c.proposal.due ? `${c.proposal.due.text} (${c.proposal.due.phrase})` : 'none'}` +
          `   owners: ${c.proposal.owners.join(', ') || '?'}\n` +
          `  match: ${c.proposal.match.any.join(' | ') || '(none: add one with commitments edit)'}`,
      );
      const answer = await asker.ask('keep it? (y/n)', {
        default: c.proposal.confidence >= 0.5 ? 'y' : 'n',
        check: (a) => (/^(y|yes|n|no)$/i.test(a) ? undefined : 'answer y or n'),
      });
      if (/^y/i.test(answer)) kept.push(c);
    }
  } finally {
    asker.close();
  }
  return kept;
}

/** The configured zone when a config loads (extraction needs none, and uses the default zone then). */
function configuredZone(io: CliIo): { timeZone?: string } {
  try {
    return { timeZone: loadContext(io).config.timezone };
  } catch {
    return {};
  }
}

function existingIds(io: CliIo): string[] {
  try {
    const ctx = loadContext(io);
    const doc = readCommitmentsDocument(ctx.config.commitmentsFile);
    const list = doc.toJS() as { commitments?: Array<{ id?: unknown }> } | null;
    return (list?.commitments ?? []).map((c) => String(c.id));
  } catch {
    return [];
  }
}
