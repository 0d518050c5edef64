// `commitments list` and `commitments show <id>`.

import type { Commitment } from '../../../commitments/commitment.ts';
import { getCommitmentState, listEvents } from '../../../store/commitment-state-table.ts';
import { HIT_END, HIT_START } from '../../../match/match-types.ts';
import { reviewReasonPlain } from '../../../slack/build-review.ts';
import { evidenceFor, relatedFor, type EvidenceRow } from '../../../store/matches-table.ts';
import { listVerdicts } from '../../../store/verdicts-table.ts';
import { openStore, type Db } from '../../../store/open-store.ts';
import { parse, parseNow } from '../../args.ts';
import { loadContext } from '../../context.ts';
import { exitCodes, type CliIo } from '../../io.ts';
import { findCommitment, watched } from './shared.ts';

const listUsage = 'usage: followthrough commitments list [--json]';
const showUsage = 'usage: followthrough commitments show <id> [--json]';

function describeCommitment(db: Db, c: Commitment) {
  const state = getCommitmentState(db, c.id);
  const evidence = evidenceFor(db, c.id);
  return {
    id: c.id,
    title: c.title,
    status: state?.status ?? 'open',
    status_since: state?.statusSince ?? null,
    due: c.due?.text ?? null,
    due_last_day: c.due?.lastDay ?? null,
    grace_days: c.graceDays,
    owners: c.owners,
    source: c.source,
    snoozed_until: state?.snoozedUntil ?? null,
    thread: state?.threadUrl ?? null,
    evidence_count: evidence.length,
    last_evidence: evidence[0]
      ? {
          title: evidence[0].title,
          url: evidence[0].url,
          published: evidence[0].itemUpdatedAt,
          kind: evidence[0].kind,
        }
      : null,
  };
}

export async function listCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' }, now: { type: 'string' } }, listUsage, false);
  const ctx = loadContext(io);
  const db = openStore(ctx.config.database);
  try {
    const rows = watched(ctx, db, parseNow(values.now)).map((c) => describeCommitment(db, c));
    if (values.json) io.out(JSON.stringify(rows, null, 2));
    else if (rows.length === 0)
      io.out('no commitments are watched: add one with `followthrough commitments add`');
    else {
      const w = Math.max(...rows.map((r) => r.id.length));
      for (const r of rows) {
        io.out(
          `${r.id.padEnd(w)}  ${r.status.padEnd(10)}  due ${(r.due ?? '—').padEnd(10)}  ` +
            `${String(r.evidence_count).padStart(3)} evidence` +
            `${r.last_evidence ? `, last ${r.last_evidence.published.slice(0, 10)}` : ''}` +
            `${r.snoozed_until ? `  (snoozed until ${r.snoozed_until.slice(0, 10)})` : ''}`,
        );
      }
    }
    return exitCodes.ok;
  } finally {
    db.close();
  }
}

export async function showCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { json: { type: 'boolean' }, now: { type: 'string' } },
    showUsage,
  );
  const ctx = loadContext(io);
  const db = openStore(ctx.config.database);
  try {
    const list = watched(ctx, db, parseNow(values.now));
    const id = positionals[0];
    // A commitment removed from the file keeps its history in the database: still show it.
    if (id && !list.some((x) => x.id === id) && getCommitmentState(db, id))
      return showUnwatched(io, db, id, values.json === true);
    const c = findCommitment(list, id, showUsage);
    const summary = describeCommitment(db, c);
    const history = listEvents(db, c.id);
    const evidence = evidenceFor(db, c.id);
    const verdicts = listVerdicts(db, c.id);
    const review = relatedFor(db, c.id);
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            ...summary,
            match: c.match,
            fulfilment: c.fulfilment,
            history,
            evidence,
            for_review: review,
            verdicts,
          },
          null,
          2,
        ),
      );
      return exitCodes.ok;
    }
    const out = [
      `${c.id}: ${c.title}`,
      `  status   ${summary.status}${summary.status_since ? ` since ${summary.status_since}` : ''}`,
      `  due      ${c.due ? `${c.due.text} (last day ${c.due.lastDay}, ${c.graceDays} days' grace)` : 'no due date'}`,
      `  owners   ${c.owners.join(', ')}`,
      `  source   ${c.source.url} (${c.source.published})`,
      `  quote    “${c.source.quote}”`,
      ...(summary.snoozed_until ? [`  snoozed  until ${summary.snoozed_until}`] : []),
      ...(summary.thread ? [`  thread   ${summary.thread}`] : []),
      '',
      'HISTORY',
      ...history.map(
        (e) =>
          `  ${e.at}  ${e.kind}${e.toStatus ? ` → ${e.toStatus}` : ''}  ${e.reason}` +
          `${e.evidenceUrl ? ` (${e.evidenceUrl})` : ''}${e.actor !== 'followthrough' ? ` — ${e.actor}` : ''}`,
      ),
      '',
      `EVIDENCE (${evidence.length})`,
      ...evidence.flatMap((m) => [
        `  ${m.itemUpdatedAt.slice(0, 10)}  [${m.kind}] ${m.title}`,
        `              ${m.url}`,
        m.verdict === 'evidence'
          ? `              counted by ${m.verdictBy} on ${m.verdictAt?.slice(0, 10)}`
          : `              why: ${m.why.rule} — ${m.why.hits.map((h) => `${h.term} (${h.fields.join('+')})`).join(', ')}`,
      ]),
      ...(review.length
        ? [
            '',
            `FOR REVIEW (${review.length}): not counted until a person says it is evidence`,
            ...review.flatMap(reviewLines),
          ]
        : []),
      ...(verdicts.length
        ? [
            '',
            `VERDICTS (${verdicts.length})`,
            ...verdicts.map(
              (v) =>
                `  ${v.at}  ${v.verdict} by ${v.actor} (${v.via}): ${v.itemTitle}${v.note ? ` — ${v.note}` : ''}`,
            ),
          ]
        : []),
    ];
    io.out(out.join('\n'));
    return exitCodes.ok;
  } finally {
    db.close();
  }
}

function reviewLines(m: EvidenceRow): string[] {
  const head = [`  ${m.itemUpdatedAt.slice(0, 10)}  [related] ${m.title}`, `              ${m.url}`];
  const decide = `              decide: followthrough commitments review ${m.commitmentId} --item ${m.url} --verdict evidence|not-related`;
  // Raised by the review tier (no rule matched), or by a rule that matched only the page body.
  if (m.why.review) return [...head, `              why: ${reviewReasonPlain(m.why)}`, decide];
  return [
    ...head,
    `              why: rule ${m.why.rule}, only in the page body`,
    ...m.why.hits.map(
      (h) =>
        `                ${h.term} (${h.fields.join('+')}): ` +
        h.context.split(HIT_START).join('[').split(HIT_END).join(']'),
    ),
    decide,
  ];
}

function showUnwatched(io: CliIo, db: Db, id: string, json: boolean): number {
  const state = getCommitmentState(db, id)!;
  const history = listEvents(db, id);
  const evidence = evidenceFor(db, id);
  if (json) {
    io.out(
      JSON.stringify(
        { id, watched: false, status: state.status, status_since: state.statusSince, history, evidence },
        null,
        2,
      ),
    );
    return exitCodes.ok;
  }
  io.out(
    [
      `${id}: no longer in the commitments file (its record is kept)`,
      `  status   ${state.status} since ${state.statusSince}`,
      '',
      'HISTORY',
      ...history.map(
        (e) =>
          `  ${e.at}  ${e.kind}${e.toStatus ? ` → ${e.toStatus}` : ''}  ${e.reason}` +
          `${e.actor !== 'followthrough' ? ` — ${e.actor}` : ''}`,
      ),
      '',
      `EVIDENCE (${evidence.length})`,
      ...evidence.map(
        (m) => `  ${m.itemUpdatedAt.slice(0, 10)}  [${m.kind}] ${m.title}\n              ${m.url}`,
      ),
    ].join('\n'),
  );
  return exitCodes.ok;
}
