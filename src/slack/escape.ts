// Slack reads `&`, `<` and `>` as control characters in message text (mentions, links,
// entities). Every piece of text that came from a feed passes through here, `&` first, so
// `<!channel>` or `<https://evil.example|gov.uk>` in a GOV.UK title shows as text and pings no one.
// https://api.slack.com/reference/surfaces/formatting#escaping

import { decode } from 'html-entities';

export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Feed text may still hold HTML entities (`&amp;`): decode to plain text first, then escape once. */
export function plainForSlack(feedText: string): string {
  return escapeSlack(decode(feedText));
}

/** A link with a label. The URL must be one we trust (GOV.UK path we built, or a checked http(s) URL);
 *  `|` and `>` cannot appear in it unescaped or Slack would end the link early. */
export function slackLink(url: string, label: string): string {
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${escapeSlack(label)}>`;
}
