// Writes proposals in the commitments file's format (config/commitments.yaml), each preceded by
// a comment with its confidence and reasons, for a person to review before pasting or appending.

import { Document, Scalar, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { ProposedCommitment } from './extract-commitments.ts';

export interface ProposalsToYamlOptions {
  /** Ids already in the commitments file: a clashing proposal gets a suffix (-2, -3, …). */
  existingIds?: Iterable<string>;
  /** 'document' (default) starts with `commitments:`; 'items' gives only the list items, to append under it. */
  form?: 'document' | 'items';
  /** A first comment line, e.g. where the proposals came from. */
  header?: string;
}

export function proposalsToYaml(ps: ProposedCommitment[], opts: ProposalsToYamlOptions = {}): string {
  const existing = new Set(opts.existingIds ?? []);
  const ids = uniqueIds(ps, (id) => existing.has(id));
  const entries = ps.map((p, i) => proposalEntry(p, ids[i]));
  const doc = new Document({ commitments: entries });
  const list = doc.get('commitments', true);
  if (isSeq(list)) {
    list.items.forEach((node, i) => {
      const p = ps[i]!;
      const lines = [
        ` proposed, confidence ${p.confidence.toFixed(2)}:`,
        ...p.reasons.map((r) => `   - ${oneLine(r)}`),
      ];
      if (!p.source.url)
        lines.push("   source.url unknown: add the announcement's address before using this entry");
      if (!p.match.any.length) lines.push('   no match rule found: write match.any by hand');
      if (p.ruleChecks?.length)
        lines.push(' checked against the stored history:', ...p.ruleChecks.map((c) => `   - ${oneLine(c)}`));
      (node as YAMLMap).commentBefore = lines.join('\n');
      if (isMap(node)) {
        const owners = node.get('owners', true);
        if (isSeq(owners)) owners.flow = true;
        // Quotes are written `>-` as in the hand-written file: long, and verbatim.
        const quote = node.getIn(['source', 'quote'], true);
        if (isScalar(quote)) quote.type = Scalar.BLOCK_FOLDED;
      }
    });
  }
  if (opts.header) doc.commentBefore = ` ${oneLine(opts.header)}`;
  const text = doc.toString({ lineWidth: 100, minContentWidth: 40 });
  if (opts.form !== 'items') return text;
  // Only the list: drop the header comment and the `commitments:` key, keep the items' indentation.
  return text.slice(text.indexOf('commitments:') + 'commitments:'.length).replace(/^\n/, '');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A proposal as an entry of the commitments file (its keys, in the file's order). */
export function proposalEntry(p: ProposedCommitment, id: string = p.id): Record<string, unknown> {
  return {
    id,
    title: p.title,
    source: { url: p.source.url, published: p.source.published, quote: p.source.quote },
    owners: p.owners,
    ...(p.due ? { due: p.due.text } : {}),
    match: { any: p.match.any },
  };
}

/** Each proposal's id, suffixed (-2, -3, …) where it clashes with a taken id or an earlier proposal. */
export function uniqueIds(ps: ProposedCommitment[], taken: (id: string) => boolean): string[] {
  const used = new Set<string>();
  return ps.map((p) => {
    let id = p.id;
    for (let n = 2; taken(id) || used.has(id); n++) id = `${p.id}-${n}`;
    used.add(id);
    return id;
  });
}
