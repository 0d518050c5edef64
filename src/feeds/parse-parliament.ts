// The UK Parliament written statements API (SOURCES.md §1) → statements: a list page
// (`{ totalResults, results: [{ value, links }] }`, whose `text` is a 255-character preview) or one
// statement's detail (`{ value, links }`, full HTML text and its linked statements). `links[].href`
// changes between calls and is ignored; `uin` is reused across sessions, so `id` is the key.

import { errorMessage } from '../errors.ts';
import type { SkippedEntry } from './feed-item.ts';
import { unparseable } from './feed-xml.ts';
import { collapseWhitespace } from './normalise.ts';

export interface StatementLink {
  id: number;
  /** `CorrectedStatement`, … as the API names it. */
  type: string;
}

export interface Statement {
  id: number;
  uin: string;
  /** The day it was made, `YYYY-MM-DD` (the API gives a day, no time). */
  day: string;
  title: string;
  /** A plain-text preview in a list; the full HTML in a detail. */
  text: string;
  house: string;
  answeringBodyId: number | null;
  answeringBodyName: string;
  links: StatementLink[];
}

export interface StatementPage {
  total: number;
  statements: Statement[];
  skipped: SkippedEntry[];
}

const what = 'a written statements answer';

export function parseStatementList(json: string): StatementPage {
  const body = parseJson(json);
  const results = (body as { results?: unknown }).results;
  if (!Array.isArray(results)) throw unparseable(what, 'the JSON has no "results" array');
  const statements: Statement[] = [];
  const skipped: SkippedEntry[] = [];
  results.forEach((result, i) => {
    const value = record(record(result).value);
    const statement = toStatement(value);
    if (typeof statement === 'string')
      skipped.push({ ref: String(value.uin ?? value.id ?? `result ${i + 1}`), reason: statement });
    else statements.push(statement);
  });
  const total = (body as { totalResults?: unknown }).totalResults;
  return {
    total: typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : results.length,
    statements,
    skipped,
  };
}

export function parseStatementDetail(json: string): Statement {
  const statement = toStatement(record(record(parseJson(json)).value));
  if (typeof statement === 'string') throw unparseable(what, statement);
  return statement;
}

/** The statement, or why it cannot be used. */
function toStatement(v: Record<string, unknown>): Statement | string {
  const id = v.id;
  const day =
    typeof v.dateMade === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:T|$)/.exec(v.dateMade)?.[1] : undefined;
  const uin = typeof v.uin === 'string' ? v.uin.trim() : '';
  const title = typeof v.title === 'string' ? collapseWhitespace(v.title) : '';
  const problems = [
    typeof id === 'number' && Number.isInteger(id) && id > 0 ? null : 'no numeric id',
    day ? null : `no dateMade day (${JSON.stringify(v.dateMade ?? null)})`,
    /^[A-Za-z0-9]+$/.test(uin) ? null : 'no uin',
    title ? null : 'empty title',
  ].filter(Boolean);
  if (problems.length) return problems.join('; ');
  const links = Array.isArray(v.linkedStatements) ? v.linkedStatements : [];
  return {
    id: id as number,
    uin,
    day: day!,
    title,
    text: typeof v.text === 'string' ? v.text : '',
    house: typeof v.house === 'string' ? v.house : '',
    answeringBodyId: typeof v.answeringBodyId === 'number' ? v.answeringBodyId : null,
    answeringBodyName: typeof v.answeringBodyName === 'string' ? collapseWhitespace(v.answeringBodyName) : '',
    links: links.flatMap((l) => {
      const r = record(l);
      return typeof r.linkedStatementId === 'number'
        ? [{ id: r.linkedStatementId, type: typeof r.linkType === 'string' ? r.linkType : '' }]
        : [];
    }),
  };
}

/** The list address for one page of a day window: the configured filters kept, our own parameters set. */
export function statementListUrl(
  base: string,
  o: { from: string; to?: string; skip: number; take: number },
): string {
  const url = new URL(base);
  for (const name of ['madeWhenFrom', 'madeWhenTo', 'skip', 'take']) url.searchParams.delete(name);
  url.searchParams.set('madeWhenFrom', o.from);
  if (o.to) url.searchParams.set('madeWhenTo', o.to);
  url.searchParams.set('skip', String(o.skip));
  url.searchParams.set('take', String(o.take));
  return url.href;
}

/** `…/statements/{id}?expandMember=true`, beside the configured list address. */
export function statementDetailUrl(base: string, id: number): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${id}`;
  url.search = '?expandMember=true';
  return url.href;
}

/** The statement's public page, with the UIN as the API gives it. */
export function statementPageUrl(s: Pick<Statement, 'day' | 'uin'>): string {
  return `https://questions-statements.parliament.uk/written-statements/detail/${s.day}/${s.uin}`;
}

function parseJson(json: string): unknown {
  try {
    const body: unknown = JSON.parse(json);
    if (typeof body !== 'object' || body === null) throw new Error('not an object');
    return body;
  } catch (err) {
    throw unparseable(what, `the body is not a JSON object (${errorMessage(err)})`, err);
  }
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}
