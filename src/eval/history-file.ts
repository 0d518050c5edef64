// Reads a history of items in the JSONL format of the labelled eval set (one JSON object a line:
// id, date, title, summary, url, optional labels, publisher and `body`: the page's text, plain or
// HTML, when it was read). Bad lines are errors that name the line.

import { readFileSync } from 'node:fs';
import { isCalendarDay } from '../calendar.ts';
import { FollowthroughError } from '../errors.ts';
import { htmlToText } from '../feeds/normalise.ts';

export interface HistoryLabel {
  commitment: string;
  strength: 'strong' | 'partial';
  visible: boolean;
}

export interface HistoryItem {
  id: string;
  date: string;
  title: string;
  summary: string;
  url: string;
  displayType?: string;
  publisher?: string;
  /** The page's own text as plain text (HTML in the file is stripped), when the file carries it. */
  body?: string;
  labels: HistoryLabel[];
  hardNegative: boolean;
  source: boolean;
}

export function readHistoryFile(file: string): HistoryItem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new FollowthroughError('history_unreadable', `cannot read ${file}: ${(err as Error).message}`);
  }
  return parseHistory(text, file);
}

export function parseHistory(text: string, file = '(items)'): HistoryItem[] {
  const out: HistoryItem[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch {
      problems.push(`${where}: not valid JSON`);
      return;
    }
    const missing = ['id', 'date', 'title', 'url'].filter(
      (k) => typeof o[k] !== 'string' || !(o[k] as string).trim(),
    );
    if (missing.length) {
      problems.push(`${where}: missing ${missing.join(', ')}`);
      return;
    }
    if (!isCalendarDay(o.date as string)) {
      problems.push(`${where}: date "${String(o.date)}" is not YYYY-MM-DD`);
      return;
    }
    out.push({
      id: o.id as string,
      date: o.date as string,
      title: o.title as string,
      summary: typeof o.summary === 'string' ? o.summary : '',
      url: o.url as string,
      ...(typeof o.display_type === 'string' ? { displayType: o.display_type } : {}),
      ...(typeof o.publisher === 'string' && o.publisher.trim() ? { publisher: o.publisher.trim() } : {}),
      ...(typeof o.body === 'string' && o.body.trim() ? { body: htmlToText(o.body) } : {}),
      labels: Array.isArray(o.labels) ? (o.labels as HistoryLabel[]) : [],
      hardNegative: o.hard_negative === true,
      source: o.source === true,
    });
  });
  if (problems.length)
    throw new FollowthroughError(
      'history_invalid',
      `${problems.length} bad line${problems.length === 1 ? '' : 's'} in the items file:\n${problems.join('\n')}`,
    );
  return out;
}
