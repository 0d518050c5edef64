// The digest as one self-contained HTML page (pure): no scripts, no external assets, inline styles
// and table layout so it reads the same in a browser and in e-mail clients, which drop <style>
// blocks and ignore flexbox (https://www.caniemail.com/). Every piece of text is HTML-escaped.

import type { CommitmentStatus } from '../commitments/commitment.ts';
import type {
  Digest,
  DigestEntry,
  DigestEvidenceLine,
  DigestLink,
  DigestSection,
  DigestSectionId,
} from './build-digest.ts';
import type { DigestReview } from './digest-review.ts';
import { headlineParts } from './digest-summary.ts';
import type { HeadlinePart } from './digest-summary.ts';
import { nothingNewText } from './digest-summary.ts';
import type { TextPart } from './digest-text.ts';
import { colour, esc } from './html-theme.ts';
import { bar } from './render-html-bar.ts';

const statusColour: Record<CommitmentStatus, string> = {
  overdue: colour.red,
  'due-soon': colour.orange,
  open: colour.blue,
  stale: colour.grey,
  met: colour.green,
  'partly-met': colour.olive,
  dropped: colour.purple,
  superseded: colour.purple,
};

const sectionColour: Record<DigestSectionId, string> = {
  overdue: colour.red,
  'due-soon': colour.orange,
  'new-evidence': colour.blue,
  resolved: colour.green,
  stale: colour.grey,
  quiet: colour.border,
};

const headlineColour: Record<HeadlinePart['key'], string> = {
  ...sectionColour,
  watched: colour.text,
  open: colour.blue,
  met: colour.green,
};

const font = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

export function renderDigestHtml(d: Digest): string {
  const title = `Weekly digest ${d.week.label}`;
  const rows = [header(d), headline(d)];
  if (d.nothingNew)
    rows.push(
      row(
        `<p class="nothing-new" style="margin:0;padding:12px;background-color:${colour.page};font-weight:bold;">${esc(nothingNewText)}</p>`,
      ),
    );
  for (const s of d.sections) rows.push(section(s));
  if (d.forReview) rows.push(review(d.forReview));
  rows.push(footer(d));
  const frameStyle =
    `width:100%;max-width:680px;background-color:#ffffff;font-family:${font};font-size:15px;line-height:1.45;` +
    `color:${colour.text};word-wrap:break-word;overflow-wrap:anywhere;`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${esc(title)} · followthrough</title>
</head>
<body style="margin:0;padding:0;background-color:${colour.page};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;background-color:${colour.page};">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="680" cellpadding="0" cellspacing="0" border="0" style="${frameStyle}">
${rows.join('\n')}
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function row(inner: string, style = 'padding:8px 24px;'): string {
  return `<tr><td style="${style}">${inner}</td></tr>`;
}

function header(d: Digest): string {
  return row(
    `<h1 style="margin:0;font-size:22px;line-height:1.25;color:#ffffff;">Weekly digest · ${esc(d.week.label)}</h1>` +
      `<p style="margin:4px 0 0;font-size:14px;color:#ffffff;">${esc(d.weekText)} · ${esc(d.timezone)} · ${esc(d.channel)}</p>`,
    `padding:20px 24px;background-color:${colour.text};color:#ffffff;`,
  );
}

function headline(d: Digest): string {
  // Two rows of at most four: seven columns do not fit a phone held upright.
  const cells = headlineParts(d.headline).map(
    (p) =>
      `<td class="count" data-key="${esc(p.key)}" width="25%" valign="top" ` +
      `style="width:25%;padding:8px 6px;border-top:4px solid ${headlineColour[p.key]};">` +
      '<div style="font-size:24px;font-weight:bold;line-height:1.1;' +
      `color:${p.count > 0 ? headlineColour[p.key] : colour.secondary};">${p.count}</div>` +
      `<div style="font-size:12px;line-height:1.3;color:${colour.secondary};">${esc(p.label)}</div></td>`,
  );
  const rows = [cells.slice(0, 4), cells.slice(4)].map((r) => `<tr>${r.join('')}</tr>`).join('');
  return row(
    '<table role="presentation" class="headline" width="100%" cellpadding="0" cellspacing="4" border="0" ' +
      `style="width:100%;table-layout:fixed;">${rows}</table>`,
    'padding:16px 20px 8px;',
  );
}

function section(s: DigestSection): string {
  const heading =
    `<h2 id="${esc(s.id)}" style="margin:16px 0 10px;padding-left:8px;` +
    `border-left:6px solid ${sectionColour[s.id]};font-size:19px;line-height:1.3;">` +
    `${esc(s.title)} <span style="font-weight:normal;color:${colour.secondary};">(${s.entries.length})</span></h2>`;
  return row(heading + s.entries.map(entry).join('\n'));
}

function entry(e: DigestEntry): string {
  const c = statusColour[e.status];
  const title = e.threadUrl
    ? a(e.threadUrl, e.title, 'font-weight:bold;')
    : `<strong>${esc(e.title)}</strong>`;
  const pill =
    '<span style="display:inline-block;padding:0 6px;font-size:12px;font-weight:bold;color:#ffffff;' +
    `background-color:${c};">${esc(e.statusLabel)}</span>`;
  const facts = e.facts.map(esc);
  const links = e.links.map(linkHtml);
  if (e.sourceUrl) links.push(a(e.sourceUrl, 'announcement'));
  const parts = [
    `<p style="margin:0 0 4px;">${title} ${pill}</p>`,
    facts.length > 0
      ? `<p style="margin:0 0 4px;font-size:14px;color:${colour.secondary};">${facts.join(' · ')}</p>`
      : '',
    links.length > 0 ? `<p style="margin:0 0 4px;font-size:14px;">${links.join(' · ')}</p>` : '',
    e.note
      ? `<p style="margin:4px 0;padding:4px 10px;border-left:4px solid ${colour.border};` +
        `font-size:14px;font-style:italic;">${esc(e.note)}</p>`
      : '',
    bar(e.id, e.bar, c, e.status),
    e.evidence.length > 0
      ? `<ul style="margin:8px 0 0;padding-left:20px;">${e.evidence.map(evidence).join('')}</ul>`
      : '',
  ];
  return (
    `<table role="presentation" class="entry" data-commitment="${esc(e.id)}" width="100%" cellpadding="0" cellspacing="0" border="0" ` +
    `style="width:100%;margin:0 0 12px;border:1px solid ${colour.border};border-left:6px solid ${c};"><tr><td style="padding:8px 12px;">` +
    parts.join('') +
    '</td></tr></table>'
  );
}

function review(r: DigestReview): string {
  const heading =
    `<h2 id="for-review" style="margin:16px 0 10px;padding-left:8px;border-left:6px solid ${colour.grey};` +
    `font-size:19px;line-height:1.3;">${esc(r.title)} ` +
    `<span style="font-weight:normal;color:${colour.secondary};">(${r.entries.length})</span></h2>`;
  const entries = r.entries.map((e) => {
    const title = e.threadUrl
      ? a(e.threadUrl, e.title, 'font-weight:bold;')
      : `<strong>${esc(e.title)}</strong>`;
    const items = e.items.map(
      (i) =>
        `<li class="review" style="margin:0 0 8px;">${i.url ? a(i.url, i.title) : esc(i.title)} ` +
        `<span style="font-size:13px;color:${colour.secondary};">${esc(i.publisher)} · ${esc(i.day)}</span>` +
        `<div style="font-size:13px;color:${colour.secondary};">${context(i.reason)}</div></li>`,
    );
    return (
      `<table role="presentation" class="entry review-entry" data-commitment="${esc(e.id)}" width="100%" cellpadding="0" ` +
      `cellspacing="0" border="0" style="width:100%;margin:0 0 12px;border:1px solid ${colour.border};` +
      `border-left:6px solid ${colour.grey};"><tr><td style="padding:8px 12px;">` +
      `<p style="margin:0 0 4px;">${title}</p>` +
      `<p style="margin:0 0 4px;font-size:14px;color:${colour.secondary};">${esc(e.fact)}</p>` +
      `<ul style="margin:8px 0 0;padding-left:20px;">${items.join('')}</ul></td></tr></table>`
    );
  });
  return row(heading + entries.join('\n'));
}

function linkHtml(l: DigestLink): string {
  const shown = l.url ? a(l.url, l.text) : esc(l.text);
  return l.label ? `${esc(l.label)}: ${shown}` : shown;
}

function evidence(ev: DigestEvidenceLine): string {
  const about = [ev.displayType, ev.day]
    .filter((x): x is string => Boolean(x))
    .map(esc)
    .join(' · ');
  const flag = ev.possibleFulfilment
    ? ` <strong style="color:${colour.green};">possible fulfilment${ev.fulfilment ? ` (${esc(ev.fulfilment)})` : ''}</strong>`
    : '';
  const terms = ev.terms.map((t) => `<strong>${esc(t)}</strong>`).join(', ');
  const contexts = ev.contexts.map((c) => `<br>“${context(c)}”`).join('');
  const named = (ev.alsoFor ?? []).map(
    (c) => `<strong>${c.threadUrl ? a(c.threadUrl, c.title) : esc(c.title)}</strong>`,
  );
  const also = named.length ? ` · also evidence for ${named.join(', ')}` : '';
  return (
    `<li class="evidence" style="margin:0 0 8px;">${ev.url ? a(ev.url, ev.title) : esc(ev.title)} ` +
    `<span style="font-size:13px;color:${colour.secondary};">${about}</span>${flag}${also}` +
    `<div style="font-size:13px;color:${colour.secondary};">` +
    `matched rule <code style="font-size:12px;">${esc(ev.rule)}</code>${terms ? ` on ${terms}` : ''}${contexts}</div></li>`
  );
}

function context(parts: TextPart[]): string {
  return parts
    .map((p) =>
      p.hit
        ? `<mark style="background-color:${colour.highlight};color:${colour.text};font-weight:bold;">${esc(p.text)}</mark>`
        : esc(p.text),
    )
    .join('');
}

function footer(d: Digest): string {
  const f = d.footer;
  const feeds =
    f.feeds.length > 0
      ? `<h2 id="feeds" style="margin:0 0 6px;font-size:16px;">Feeds needing attention</h2><ul style="margin:0 0 8px;padding-left:20px;">` +
        f.feeds
          .map(
            (p) =>
              `<li style="margin:0 0 4px;"><strong style="color:${p.dead ? colour.red : colour.orange};">${esc(p.id)}</strong> ` +
              `<span style="color:${colour.secondary};word-break:break-all;">${esc(p.url)}</span><br>${esc(p.summary)}</li>`,
          )
          .join('') +
        '</ul>'
      : '';
  const stats =
    `<p style="margin:0;">Items seen this week: <strong>${f.itemsSeen}</strong> · ` +
    `Alerts delivered: <strong>${f.alertsDelivered}</strong> · Built ${esc(d.builtAt)}</p>`;
  return row(
    feeds + stats,
    `padding:16px 24px 20px;border-top:1px solid ${colour.border};font-size:13px;color:${colour.secondary};`,
  );
}

function a(url: string, text: string, style = ''): string {
  return `<a href="${esc(url)}" style="color:${colour.link};${style}">${esc(text)}</a>`;
}
