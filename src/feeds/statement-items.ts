// Written statements → FeedItems (pure). A Commons statement and its Lords repeat are two records
// (HCWS… and HLWS…, same day, same title, same department) but one piece of evidence: the second one
// seen lands on the first one's item, both ids kept. A statement linked as a correction updates the
// one it corrects. Keys: `wms:<id>` for each statement; `wms-commons:`/`wms-lords:` + day, department
// and title for the pairing (claimed by one house, looked up by the other, so two Commons statements
// that happen to share a title stay two items).

import { startOfDay } from '../calendar.ts';
import type { FeedItem } from './feed-item.ts';
import { collapseWhitespace, htmlToText } from './normalise.ts';
import { statementPageUrl, type Statement } from './parse-parliament.ts';

export const statementType = 'Written statement';

export function statementKey(id: number): string {
  return `wms:${id}`;
}

/** The keys `statementItems` may look up for these statements, to ask the store which it knows. */
export function statementLookupKeys(statements: Statement[]): string[] {
  return statements.flatMap((s) => {
    const pair = pairKeys(s);
    return [
      statementKey(s.id),
      ...s.links.map((l) => statementKey(l.id)),
      ...(pair ? [pair.own, pair.other] : []),
    ];
  });
}

export interface StatementInput {
  /** The list entry: its `text` is the preview. */
  listed: Statement;
  /** The detail: its `text` is the full HTML. */
  detail: Statement;
}

/**
 * Items in the order they must be stored (Commons before Lords, a correction after what it corrects).
 * `known`: which lookup keys the store already holds. Statements whose own key is known are left out.
 */
export function statementItems(inputs: StatementInput[], known: Set<string>, timeZone: string): FeedItem[] {
  const held = new Set(known);
  const ordered = [...inputs]
    .filter((s) => !held.has(statementKey(s.detail.id)))
    .sort((a, b) => rank(a.detail) - rank(b.detail) || a.detail.id - b.detail.id);
  const items: FeedItem[] = [];
  for (const { listed, detail } of ordered) {
    const aliases: string[] = [];
    let corrects: string | undefined;
    for (const link of detail.links.filter((l) => /correct/i.test(l.type))) {
      const linked = statementKey(link.id);
      if (!held.has(linked)) continue;
      // The later statement is the correction; an earlier one arriving after it is the same evidence.
      if (detail.id > link.id) corrects = linked;
      else aliases.push(linked);
    }
    const pair = pairKeys(detail);
    if (!corrects && pair) {
      if (held.has(pair.other)) aliases.push(pair.other);
      else if (!held.has(pair.own)) aliases.push(pair.own);
      held.add(pair.own);
    }
    held.add(statementKey(detail.id));
    const body = htmlToText(detail.text);
    items.push({
      path: statementKey(detail.id),
      url: statementPageUrl(detail),
      title: detail.title,
      displayType: statementType,
      summary: preview(listed.text || body),
      updatedAt: startOfDay(detail.day, timeZone).toISOString(),
      publishedAt: startOfDay(detail.day, timeZone).toISOString(),
      body,
      publisher: detail.answeringBodyName || null,
      ...(aliases.length ? { aliases } : {}),
      ...(corrects ? { corrects } : {}),
    });
  }
  return items;
}

/** Commons first (its page is the one to link to), then Lords, then corrections. */
function rank(s: Statement): number {
  const correction = s.links.some((l) => /correct/i.test(l.type) && l.id < s.id);
  return (correction ? 10 : 0) + (s.house === 'Commons' ? 0 : s.house === 'Lords' ? 1 : 2);
}

function pairKeys(s: Statement): { own: string; other: string } | null {
  const house = s.house === 'Commons' ? 'commons' : s.house === 'Lords' ? 'lords' : null;
  if (!house) return null;
  const title = s.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const k = `${s.day}:${s.answeringBodyId ?? s.answeringBodyName}:${title}`;
  return { own: `wms-${house}:${k}`, other: `wms-${house === 'commons' ? 'lords' : 'commons'}:${k}` };
}

const previewChars = 255;

/** The list's 255-character preview, its `...` shown as an ellipsis (cut the same way from the full text). */
function preview(text: string): string {
  const plain = collapseWhitespace(htmlToText(text));
  if (plain.endsWith('...')) return `${plain.slice(0, -3).trimEnd()}…`;
  if (plain.length <= previewChars) return plain;
  const cut = plain.slice(0, previewChars);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), previewChars / 2)).trimEnd()}…`;
}
