// A GOV.UK Content API record (`/api/content<path>`, GOVUK.md "Content API") → what an item lacks from
// its feed: the description, the body as plain text, when it was first published and by whom.

import { errorMessage } from '../errors.ts';
import { unparseable } from './feed-xml.ts';
import { collapseWhitespace, htmlToText, parseInstant } from './normalise.ts';

export interface ContentRecord {
  description: string;
  /** `details.body`, or a guide's parts in order, as plain text. */
  body: string;
  firstPublishedAt: string | null;
  /** The primary publishing organisation, else the first organisation. */
  publisher: string | null;
}

export function parseContentRecord(json: string): ContentRecord {
  let page: Record<string, unknown>;
  try {
    page = record(JSON.parse(json));
  } catch (err) {
    throw unparseable('a Content API record', `the body is not JSON (${errorMessage(err)})`, err);
  }
  if (typeof page.base_path !== 'string' && typeof page.details !== 'object')
    throw unparseable('a Content API record', 'it has neither base_path nor details');
  const details = record(page.details);
  const parts = Array.isArray(details.parts) ? details.parts.map((p) => record(p)) : [];
  const html = [details.body, ...parts.flatMap((p) => [p.title, p.body])].filter(
    (x): x is string => typeof x === 'string',
  );
  const links = record(page.links);
  const org = [links.primary_publishing_organisation, links.organisations]
    .flatMap((l) => (Array.isArray(l) ? l : []))
    .map((o) => record(o).title)
    .find((t): t is string => typeof t === 'string' && t.trim() !== '');
  return {
    description: typeof page.description === 'string' ? collapseWhitespace(page.description) : '',
    body: collapseWhitespace(html.map(htmlToText).join(' ')),
    firstPublishedAt:
      typeof page.first_published_at === 'string' ? parseInstant(page.first_published_at) : null,
    publisher: org ? collapseWhitespace(org) : null,
  };
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
