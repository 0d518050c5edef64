// The digest as Markdown, for the archive (`data/digests/<week>.md`). Pure.
// Feed text is escaped for CommonMark: `&`, `<`, `>` become entities (so no inline HTML
// survives) and the punctuation that starts emphasis, links or tables gets a backslash.

import type { Digest, DigestEntry, DigestEvidenceLine, DigestLink, DigestSection } from './build-digest.ts';
import type { DigestReview } from './digest-review.ts';
import { headlineParts, nothingNewText } from './digest-summary.ts';
import type { TextPart } from './digest-text.ts';

export function renderDigestMarkdown(d: Digest): string {
  const out: string[] = [];
  out.push(`# Weekly digest: ${md(d.week.label)}`, '');
  out.push(`${md(d.weekText)} (${md(d.timezone)}) · ${md(d.channel)}`, '');
  out.push(
    headlineParts(d.headline)
      .map((p) => `**${p.count}** ${md(p.label)}`)
      .join(' · '),
    '',
  );
  if (d.nothingNew) out.push(`_${md(nothingNewText)}_`, '');
  for (const s of d.sections) out.push(...section(s), '');
  if (d.forReview) out.push(...review(d.forReview), '');
  out.push('---', '', ...footer(d));
  return `${out.join('\n')}\n`;
}

function section(s: DigestSection): string[] {
  const lines = [`## ${md(s.title)} (${s.entries.length})`, ''];
  for (const e of s.entries) lines.push(...entry(e));
  return lines;
}

function entry(e: DigestEntry): string[] {
  const title = e.threadUrl ? link(e.title, e.threadUrl) : md(e.title);
  const parts = [...e.facts.map(md), ...e.links.map(linkPart)];
  if (e.sourceUrl) parts.push(link('announcement', e.sourceUrl));
  const lines = [`- **${title}** (${md(e.statusLabel)}): ${parts.join(' · ')}`];
  if (e.note) lines.push(`  > ${md(e.note)}`);
  for (const ev of e.evidence) lines.push(...evidence(ev));
  return lines;
}

function evidence(ev: DigestEvidenceLine): string[] {
  const about = [ev.displayType, ev.day]
    .filter((x): x is string => Boolean(x))
    .map(md)
    .join(', ');
  const flag = ev.possibleFulfilment
    ? ` · **possible fulfilment**${ev.fulfilment ? ` (${md(ev.fulfilment)})` : ''}`
    : '';
  const also = ev.alsoFor?.length
    ? ` · also evidence for ${ev.alsoFor.map((c) => `**${c.threadUrl ? link(c.title, c.threadUrl) : md(c.title)}**`).join(', ')}`
    : '';
  const lines = [`  - ${ev.url ? link(ev.title, ev.url) : md(ev.title)} (${about})${flag}${also}`];
  const terms = ev.terms.map((t) => `**${md(t)}**`).join(', ');
  lines.push(`    matched rule ${md(ev.rule)}${terms ? ` on ${terms}` : ''}`);
  for (const c of ev.contexts) lines.push(`    - “${context(c)}”`);
  return lines;
}

function review(r: DigestReview): string[] {
  const lines = [`## ${md(r.title)} (${r.entries.length})`, ''];
  for (const e of r.entries) {
    lines.push(`- **${e.threadUrl ? link(e.title, e.threadUrl) : md(e.title)}**: ${md(e.fact)}`);
    for (const i of e.items)
      lines.push(
        `  - ${i.url ? link(i.title, i.url) : md(i.title)} (${md(i.publisher)}, ${md(i.day)}): ${context(i.reason)}`,
      );
  }
  return lines;
}

function footer(d: Digest): string[] {
  const lines: string[] = [];
  if (d.footer.feeds.length > 0) {
    lines.push('**Feeds needing attention**', '');
    for (const f of d.footer.feeds) lines.push(`- ${md(f.id)} (${md(f.url)}): ${md(f.summary)}`);
    lines.push('');
  }
  lines.push(
    `Items seen this week: ${d.footer.itemsSeen} · Alerts delivered: ${d.footer.alertsDelivered} · Built ${md(d.builtAt)}`,
  );
  return lines;
}

function linkPart(l: DigestLink): string {
  const shown = l.url ? link(l.text, l.url) : md(l.text);
  return l.label ? `${md(l.label)}: ${shown}` : shown;
}

function link(text: string, url: string): string {
  // Parentheses and angle brackets would end the destination early; percent-encode them.
  const dest = url.replace(
    /[()<>\s]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${md(text)}](${dest})`;
}

function context(parts: TextPart[]): string {
  return parts.map((p) => (p.hit ? `**${md(p.text)}**` : md(p.text))).join('');
}

/** Plain text to Markdown text that renders as itself. */
export function md(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}
