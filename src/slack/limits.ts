// Slack's Block Kit limits (https://api.slack.com/reference/block-kit/blocks). The SDK does not
// check them and Slack rejects the whole message when one is exceeded, so every builder cuts
// text to fit, with an ellipsis, rather than fail a post for length.

export const limits = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  /** Messages fail near 13k characters in all; keep the fallback text well under it. */
  messageText: 3000,
  /** Our own budget for the whole JSON of blocks, under Slack's observed ~13k failure point. */
  messageTotal: 12000,
} as const;

const ellipsis = '…';

/** Cut `text` to at most `max` characters (code points never split, entities never split). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ellipsis.length));
  // Do not leave half an escaped entity (`&am`) or half a surrogate pair at the end.
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && !cut.slice(amp).includes(';') && cut.length - amp < 6) cut = cut.slice(0, amp);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut + ellipsis;
}
