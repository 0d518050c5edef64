// Text from a feed, made safe for Slack mrkdwn: entities decoded, cut to a length while still
// plain (so a cut never splits an entity or a link), then `&`, `<`, `>` escaped — plainForSlack
// with the cut between its two steps. Links only for URLs we checked are http(s).
// https://api.slack.com/reference/surfaces/formatting#escaping

import { decode } from 'html-entities';
import { escapeSlack, slackLink } from './escape.ts';
import { truncate } from './limits.ts';

/** Longest URL we put in a link; anything longer is shown as text (no GOV.UK path comes near it). */
const maxLinkUrl = 1000;

/** Feed text as mrkdwn, at most `max` characters before escaping (escaping can lengthen it). */
export function feedText(text: string, max: number): string {
  return escapeSlack(truncate(oneLine(decode(text)), max));
}

/** A link to a feed item, labelled with its (cut) title; an unchecked URL shows as plain text beside the label. */
export function feedLink(url: string, title: string, max: number): string {
  const label = truncate(oneLine(decode(title)), max) || url;
  return checkedUrl(url) ? slackLink(url, label) : escapeSlack(label);
}

/** The URL when it is absolute http(s) and of reasonable length, else undefined. */
export function checkedUrl(url: string | undefined): string | undefined {
  if (!url || url.length > maxLinkUrl) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Our own words and configuration text (no entities to decode), cut and escaped. */
export function ownText(text: string, max: number): string {
  return escapeSlack(truncate(text, max));
}

// Feed titles and summaries are one paragraph: newlines or tabs would break the layout of a list.
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim();
}
