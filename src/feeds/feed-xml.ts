// Helpers shared by the Atom and RSS readers: what rss-parser's raw nodes hold, and the one way a
// body that is not a feed is refused.

import { FollowthroughError } from '../errors.ts';
import { decodeText, htmlToText } from './normalise.ts';

/** A short reason when the body is plainly not one of `roots`, before handing it to the XML parser. */
export function whyNotFeed(text: string, roots: string[]): string | null {
  const head = text.trimStart();
  if (head === '') return 'the body is empty';
  if (head.startsWith('{') || head.startsWith('[')) return 'the body is JSON';
  const root = rootElement(head);
  if (!root) return /^<!DOCTYPE\s+html/i.test(head) ? 'the body is an HTML page' : 'the body is not XML';
  if (root.toLowerCase() === 'html') return 'the body is an HTML page';
  if (!roots.includes(root))
    return `the root element is <${root}>, not ${roots.map((r) => `<${r}>`).join(' or ')}`;
  return null;
}

/** The name of the first element, after any XML declaration, comments and doctype. */
export function rootElement(text: string): string | undefined {
  return /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*>)*<([A-Za-z_][\w.:-]*)/i.exec(text)?.[1];
}

/** Entry text as plain text: HTML for `type="html"`, else text that publishers may still entity-encode. */
export function plainText(value: unknown, nodes: unknown[] | undefined): string {
  const text = typeof value === 'string' ? value : textOf(nodes?.[0]);
  if (text === '') return '';
  const type = attributesOf(nodes?.[0])?.type;
  return type === 'html' || type === 'xhtml' ? htmlToText(text) : decodeText(text);
}

/** The text of a raw xml2js node: a string, or `{ _: text, $: attributes }`. */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null && '_' in node) {
    const text = (node as { _: unknown })._;
    return typeof text === 'string' ? text : '';
  }
  return '';
}

export function attributesOf(node: unknown): Record<string, string> | undefined {
  if (typeof node !== 'object' || node === null || !('$' in node)) return undefined;
  return (node as { $: Record<string, string> }).$;
}

export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : textOf(value).trim();
}

export function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

export function unparseable(what: string, reason: string, cause?: unknown): FollowthroughError {
  return new FollowthroughError(
    'feed_unparseable',
    `not ${what}: ${reason}`,
    cause === undefined ? undefined : { cause },
  );
}
