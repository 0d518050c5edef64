// `commitments add | edit | remove`: change the commitments file safely (comments and layout
// kept, validated before writing, written atomically), then catch the change up against
// stored history at once so evidence already published is not missed.

import { parseDue } from '../../../commitments/due-date.ts';
import { isCalendarDay } from '../../../calendar.ts';
import { isHttpUrl } from '../../../config/check-fields.ts';
import {
  addEntry,
  editEntry,
  hasCommitment,
  readCommitmentsDocument,
  removeEntry,
  writeCommitmentsDocument,
  type CommitmentEntry,
} from '../../../config/edit-commitments.ts';
import { idPattern } from '../../../config/load-commitments.ts';
import { FollowthroughError, UsageError } from '../../../errors.ts';
import { confirmRemoval } from '../../../jobs/load-watched.ts';
import { parseRule } from '../../../match/rule-language.ts';
import { addEvent, getCommitmentState } from '../../../store/commitment-state-table.ts';
import { countEvidence } from '../../../store/matches-table.ts';
import { openStore } from '../../../store/open-store.ts';
import { parse, parseDay, parseNow } from '../../args.ts';
import { loadContext } from '../../context.ts';
import { exitCodes, type CliIo } from '../../io.ts';
import { createAsker } from '../../prompt.ts';
import { actor, catchUp } from './shared.ts';

const fields = {
  title: { type: 'string' },
  due: { type: 'string' },
  owners: { type: 'string' },
  channel: { type: 'string' },
  'source-url': { type: 'string' },
  published: { type: 'string' },
  quote: { type: 'string' },
  'grace-days': { type: 'string' },
  match: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  fulfilment: { type: 'string', multiple: true },
  now: { type: 'string' },
} as const;

const addUsage = `usage: followthrough commitments add [--id ID --title TEXT --source-url URL --published YYYY-MM-DD --quote TEXT
         --owners "UK, France" --match EXPR [--match EXPR…] [--due YYYY-MM[-DD]] [--grace-days N] [--exclude EXPR…]
         [--fulfilment EXPR…] [--channel "#name"] [--since YYYY-MM-DD] [--interactive]]
On a terminal, asks for whatever is missing. The new commitment is matched against stored
history at once (from --since, default its source date); what it finds is reported as one summary.`;
const editUsage = `usage: followthrough commitments edit <id> [--title … --due YYYY-MM[-DD]|none --owners … --channel …|none
         --source-url … --published … --quote … --grace-days N --match EXPR… --exclude EXPR… --fulfilment EXPR…]
--match, --exclude and --fulfilment replace the whole list.`;
const removeUsage = `usage: followthrough commitments remove <id> [--force]
Stops watching a commitment. Refuses while it has evidence unless --force; its history in the database is kept.`;

export async function addCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(
    argv,
    { ...fields, id: { type: 'string' }, since: { type: 'string' }, interactive: { type: 'boolean' } },
    addUsage,
    false,
  );
  const since = parseDay(values.since, '--since');
  const now = parseNow(values.now);
  const ctx = loadContext(io);
  let entry = entryFromFlags(values, values.id);
  const missing = requiredMissing(entry);
  if (missing.length && (values.interactive || io.inputIsTTY)) entry = await askFor(io, entry);
  else if (missing.length)
    throw new UsageError(
      `missing ${missing.map((m) => `--${m}`).join(', ')} (or run on a terminal to be asked)\n\n${addUsage}`,
    );
  const doc = readCommitmentsDocument(ctx.config.commitmentsFile);
  addEntry(doc, entry);
  const written = writeCommitmentsDocument(ctx.config.commitmentsFile, doc, {
    staleDays: ctx.config.staleDays,
  });
  io.out(`added ${String(entry.id)} to ${ctx.config.commitmentsFile}`);
  catchUp(ctx, io, written, [String(entry.id)], now, since ? { [String(entry.id)]: since } : {});
  return exitCodes.ok;
}

export async function editCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, fields, editUsage);
  const id = positionals[0];
  if (!id) throw new UsageError(`which commitment? give its id\n\n${editUsage}`);
  const now = parseNow(values.now);
  const ctx = loadContext(io);
  const changes = changesFromFlags(values);
  if (changes.length === 0) throw new UsageError(`nothing to change\n\n${editUsage}`);
  const doc = readCommitmentsDocument(ctx.config.commitmentsFile);
  editEntry(doc, id, changes);
  const written = writeCommitmentsDocument(ctx.config.commitmentsFile, doc, {
    staleDays: ctx.config.staleDays,
  });
  io.out(`updated ${id}: ${changes.map((c) => c.path.join('.')).join(', ')}`);
  catchUp(ctx, io, written, [id], now);
  return exitCodes.ok;
}

export async function removeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { force: { type: 'boolean' }, by: { type: 'string' }, now: { type: 'string' } },
    removeUsage,
  );
  const id = positionals[0];
  if (!id) throw new UsageError(`which commitment? give its id\n\n${removeUsage}`);
  const ctx = loadContext(io);
  const db = openStore(ctx.config.database);
  try {
    const evidence = countEvidence(db, id);
    if (evidence > 0 && !values.force) {
      throw new FollowthroughError(
        'has_evidence',
        `${id} has ${evidence} piece${evidence === 1 ? '' : 's'} of evidence: ` +
          `resolve it instead (\`commitments resolve ${id} --status dropped\`), ` +
          'or remove it anyway with --force (its history stays in the database)',
      );
    }
    const doc = readCommitmentsDocument(ctx.config.commitmentsFile);
    const now = parseNow(values.now);
    // Already gone from the file (a hand edit the worker refused as too big a drop): confirm it.
    const inFile = hasCommitment(doc, id);
    if (inFile) {
      removeEntry(doc, id);
      writeCommitmentsDocument(ctx.config.commitmentsFile, doc, { staleDays: ctx.config.staleDays });
    }
    const confirmed = confirmRemoval(db, id, now);
    if (!inFile && !confirmed) removeEntry(doc, id); // neither in the file nor in force: says so
    if (getCommitmentState(db, id))
      addEvent(db, {
        commitmentId: id,
        at: now.toISOString(),
        kind: 'unwatch',
        reason: 'removed from the commitments file',
        actor: actor(values.by, io.env),
      });
    const where = inFile
      ? `from ${ctx.config.commitmentsFile}`
      : 'from the set in force (it was already gone from the file)';
    io.out(
      `removed ${id} ${where}${evidence ? ` (its ${evidence} evidence and history stay in the database)` : ''}`,
    );
    return exitCodes.ok;
  } finally {
    db.close();
  }
}

type FlagValues = {
  [K in keyof typeof fields]?: (typeof fields)[K] extends { multiple: true } ? string[] : string;
};

function entryFromFlags(v: FlagValues, id: string | undefined): CommitmentEntry {
  const e: CommitmentEntry = {};
  if (id) e.id = id;
  if (v.title) e.title = v.title;
  if (v['source-url'] || v.published || v.quote)
    e.source = { url: v['source-url'], published: v.published, quote: v.quote };
  if (v.owners) e.owners = splitList(v.owners);
  if (v.channel) e.channel = v.channel;
  if (v.due) e.due = v.due;
  if (v['grace-days']) e.grace_days = Number(v['grace-days']);
  if (v.match?.length) e.match = { any: v.match, ...(v.exclude?.length ? { exclude: v.exclude } : {}) };
  if (v.fulfilment?.length) e.fulfilment = v.fulfilment;
  return e;
}

function changesFromFlags(v: FlagValues): Array<{ path: string[]; value: unknown }> {
  const out: Array<{ path: string[]; value: unknown }> = [];
  const none = (s: string) => (s === 'none' ? null : s);
  if (v.title) out.push({ path: ['title'], value: v.title });
  if (v.due) out.push({ path: ['due'], value: none(v.due) });
  if (v.owners) out.push({ path: ['owners'], value: splitList(v.owners) });
  if (v.channel) out.push({ path: ['channel'], value: none(v.channel) });
  if (v['source-url']) out.push({ path: ['source', 'url'], value: v['source-url'] });
  if (v.published) out.push({ path: ['source', 'published'], value: v.published });
  if (v.quote) out.push({ path: ['source', 'quote'], value: v.quote });
  if (v['grace-days']) out.push({ path: ['grace_days'], value: Number(v['grace-days']) });
  if (v.match?.length) out.push({ path: ['match', 'any'], value: v.match });
  if (v.exclude?.length) out.push({ path: ['match', 'exclude'], value: v.exclude });
  if (v.fulfilment?.length) out.push({ path: ['fulfilment'], value: v.fulfilment });
  return out;
}

function splitList(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

function requiredMissing(e: CommitmentEntry): string[] {
  const src = (e.source ?? {}) as Record<string, unknown>;
  return [
    !e.id && 'id',
    !e.title && 'title',
    !src.url && 'source-url',
    !src.published && 'published',
    !src.quote && 'quote',
    !e.owners && 'owners',
    !e.match && 'match',
  ].filter((x): x is string => Boolean(x));
}

/** Asks for each missing field, checking each answer as the file's validation would. */
async function askFor(io: CliIo, start: CommitmentEntry): Promise<CommitmentEntry> {
  const asker = createAsker(io);
  try {
    const e = { ...start };
    const src = { ...((e.source ?? {}) as Record<string, unknown>) };
    e.id ??= await asker.ask('id (a short stable slug, e.g. customs-partnership)', {
      check: (a) => (idPattern.test(a) ? undefined : 'use lower-case letters, digits and hyphens'),
    });
    e.title ??= await asker.ask('title');
    src.url ??= await asker.ask('source URL (the announcement)', {
      check: (a) => (isHttpUrl(a) ? undefined : 'give an address starting https://'),
    });
    src.published ??= await asker.ask('published (YYYY-MM-DD)', {
      check: (a) => (isCalendarDay(a) ? undefined : 'write the date as YYYY-MM-DD'),
    });
    src.quote ??= await asker.ask('quote (the committing sentence, verbatim)');
    e.source = src;
    e.owners ??= splitList(await asker.ask('owners (comma-separated)', { default: 'UK' }));
    if (e.due === undefined) {
      const due = await asker.ask('due (YYYY-MM-DD, or YYYY-MM for the end of a month)', {
        optional: true,
        check: (a) => ('error' in parseDue(a) ? 'write 2024-04-30 or 2024-04' : undefined),
      });
      if (due) e.due = due;
    }
    if (!e.match) {
      const rule = await asker.ask('match rule (e.g. customs partnership OR (customs AND small boat))', {
        check: (a) => {
          const r = parseRule(a);
          return r.ok ? undefined : `${r.error} — ${r.fix}`;
        },
      });
      e.match = { any: [rule] };
    }
    return e;
  } finally {
    asker.close();
  }
}
