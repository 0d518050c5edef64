// `extract <GOV.UK URL | file> [--append]`: propose commitments from an announcement as YAML for
// a person to review; with --append, add the ones they accept to the commitments file through
// the same validated, atomic path as `commitments add`, then catch them up against history.

import { existsSync } from 'node:fs';
import { isHttpUrl } from '../../config/check-fields.ts';
import {
  addEntry,
  hasCommitment,
  readCommitmentsDocument,
  writeCommitmentsDocument,
} from '../../config/edit-commitments.ts';
import { readEnv } from '../../config/env.ts';
import { FollowthroughError, UsageError } from '../../errors.ts';
import type { ProposedCommitment } from '../../extract/extract-commitments.ts';
import { extractCommitments } from '../../extract/extract-commitments.ts';
import { type Duplicate, findDuplicate, type WatchedSource } from '../../extract/find-duplicate.ts';
import { proposalEntry, proposalsToYaml, uniqueIds } from '../../extract/proposals-to-yaml.ts';
import { readAnnouncement } from '../../extract/read-announcement.ts';
import { checkProposedLines, lineCheckText } from '../../jobs/check-proposed-lines.ts';
import { openStore } from '../../store/open-store.ts';
import { parse, parseNow } from '../args.ts';
import { loadContext } from '../context.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { askWhichToKeep, type Candidate } from './extract-review.ts';
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
  proposals = checkAgainstHistory(io, proposals);

  if (!values.append) {
    // Printing needs no config; when one loads, ids are kept clear of those already watched and
    // proposals that are already watched are named, not proposed again.
    const watchedNow = watchedEntries(io);
    const { fresh, duplicates } = splitDuplicates(proposals, watchedNow);
    const notes = duplicates.map((d) => `# already watched: ${duplicateLine(d)}`);
    io.out(
      [
        ...notes,
        fresh.length
          ? proposalsToYaml(fresh, {
              existingIds: watchedNow.map((w) => w.id),
              header: `proposed from ${input} — review before adding`,
            }).trimEnd()
          : `# no new commitments found in ${input}`,
      ].join('\n'),
    );
    return exitCodes.ok;
  }

  const now = parseNow(values.now);
  const ctx = loadContext(io);
  const doc = readCommitmentsDocument(ctx.config.commitmentsFile);
  const { fresh, duplicates } = splitDuplicates(proposals, entriesOf(doc.toJS()));
  for (const d of duplicates) io.out(`already watched, not appended: ${duplicateLine(d)}`);
  const entries = toEntries(fresh, (id) => hasCommitment(doc, id));
  let chosen = entries;
  if (values.only) {
    const wanted = values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = wanted.filter(
      (id) => !entries.some((e) => e.entry.id === id) && !duplicates.some((d) => d.proposal.id === id),
    );
    if (unknown.length)
      throw new UsageError(
        `--only names ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not among the proposals ` +
          `(${entries.map((e) => e.entry.id).join(', ') || 'none'})`,
      );
    chosen = entries.filter((e) => wanted.includes(String(e.entry.id)));
  } else if (values.interactive || io.inputIsTTY) {
    chosen = await askWhichToKeep(io, entries, (id) => hasCommitment(doc, id));
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

/** The file's form of each proposal, with an id that clashes with neither the file nor another proposal. */
function toEntries(ps: ProposedCommitment[], taken: (id: string) => boolean): Candidate[] {
  const ids = uniqueIds(ps, taken);
  return ps.map((p, i) => ({ entry: proposalEntry(p, ids[i]), proposal: p }));
}

/** With a config and a store: each proposed line with how many stored items it catches (nothing written). */
function checkAgainstHistory(io: CliIo, ps: ProposedCommitment[]): ProposedCommitment[] {
  let ctx: ReturnType<typeof loadContext>;
  try {
    ctx = loadContext(io);
  } catch {
    return ps;
  }
  if (!existsSync(ctx.config.database)) return ps;
  const db = openStore(ctx.config.database, { readonly: true });
  try {
    return ps.map((p) => ({
      ...p,
      ruleChecks: checkProposedLines(db, p.match.any, ctx.config.timezone).map(lineCheckText),
    }));
  } finally {
    db.close();
  }
}

/** The configured zone when a config loads (extraction needs none, and uses the default zone then). */
function configuredZone(io: CliIo): { timeZone?: string } {
  try {
    return { timeZone: loadContext(io).config.timezone };
  } catch {
    return {};
  }
}

function watchedEntries(io: CliIo): WatchedSource[] {
  try {
    const ctx = loadContext(io);
    return entriesOf(readCommitmentsDocument(ctx.config.commitmentsFile).toJS());
  } catch {
    return [];
  }
}

function entriesOf(js: unknown): WatchedSource[] {
  const list = (js as { commitments?: unknown } | null)?.commitments;
  if (!Array.isArray(list)) return [];
  return list.map((c: { id?: unknown; source?: { url?: string; quote?: string } }) => ({
    id: String(c?.id),
    ...(c?.source ? { source: c.source } : {}),
  }));
}

interface KnownDuplicate {
  proposal: ProposedCommitment;
  of: Duplicate;
}

function splitDuplicates(
  ps: ProposedCommitment[],
  watched: WatchedSource[],
): { fresh: ProposedCommitment[]; duplicates: KnownDuplicate[] } {
  const fresh: ProposedCommitment[] = [];
  const duplicates: KnownDuplicate[] = [];
  for (const p of ps) {
    const of = findDuplicate(p, watched);
    if (of) duplicates.push({ proposal: p, of });
    else fresh.push(p);
  }
  return { fresh, duplicates };
}

function duplicateLine(d: KnownDuplicate): string {
  return `"${d.proposal.title}" is the watched commitment ${d.of.id} (${d.of.why})`;
}
