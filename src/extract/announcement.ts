// An announcement as the extractor reads it: plain text, split into the blocks the page had.

export type BlockKind = 'paragraph' | 'list-item' | 'heading';

export interface Block {
  kind: BlockKind;
  text: string;
  /** Inside a <blockquote>: a quotation, not the department's own words. */
  quoted?: boolean;
}

export interface Announcement {
  url?: string;
  title: string;
  /** Publication date, `YYYY-MM-DD`: due phrases ("in April") are resolved against it. */
  published: string;
  publisher?: string;
  /** Plain text of the body, one block a line. */
  text: string;
  /** Body blocks as plain text; list items are separate entries. */
  paragraphs: string[];
  /** The same blocks with their kind; without it every paragraph counts as a plain paragraph. */
  blocks?: Block[];
}

export function announcementFromBlocks(
  head: Omit<Announcement, 'text' | 'paragraphs' | 'blocks'>,
  blocks: Block[],
): Announcement {
  const kept = blocks.filter((b) => b.text.trim() !== '');
  const paragraphs = kept.map((b) => b.text);
  return { ...head, text: paragraphs.join('\n'), paragraphs, blocks: kept };
}
