// The words around a hit, exactly as FTS5's snippet() picks and marks them (pure): a port of
// fts5SnippetFunction, fts5SnippetScore, fts5SentenceFinderCb, fts5HighlightCb and fts5CInstIterNext
// from SQLite 3.53.2 (ext/fts5/fts5_aux.c, public domain), for one column. Each window of `size` tokens
// that starts at a hit (centred on the hits it holds) or at the start of its sentence is scored: 1,000
// per phrase first seen in it, 1 per repeat, +100 for starting a sentence (+120 the text). The best is
// copied with the text between its tokens, overlapping hits marked as one span, `…` where it cuts.

export interface SnippetField {
  text: string;
  /** UTF-16 offsets of each token. */
  starts: number[];
  ends: number[];
}

export interface SnippetMarks {
  open: string;
  close: string;
  ellipsis: string;
  /** Tokens in the window. */
  size: number;
}

// Marks of our own that feed text may carry: stripped, so only the matcher's marks remain.
const ownMarks = /[\uE000\uE001]/gu;

/**
 * `instances`: pairs (token position, phrase index) in xInst order, by position then phrase;
 * `phraseSizes`: tokens in each phrase.
 */
export function snippet(
  field: SnippetField,
  instances: number[],
  phraseSizes: number[],
  m: SnippetMarks,
): string {
  const docSize = field.starts.length;
  const best = bestStart(field, instances, phraseSizes, m.size);
  const rangeStart = best;
  const rangeEnd = best + m.size - 1;
  let out = best > 0 ? m.ellipsis : '';
  const copy = (from: number, to: number): void => {
    if (to > from) out += field.text.slice(from, to).replace(ownMarks, '');
  };

  // Coalesced instances: overlapping hits are one span (fts5CInstIterNext).
  let inst = 0;
  let spanStart = -1;
  let spanEnd = -1;
  const nextSpan = (): void => {
    spanStart = -1;
    spanEnd = -1;
    for (; inst < instances.length; inst += 2) {
      const io = instances[inst]!;
      const end = io - 1 + phraseSizes[instances[inst + 1]!]!;
      if (spanStart < 0) {
        spanStart = io;
        spanEnd = end;
      } else if (io <= spanEnd) {
        if (end > spanEnd) spanEnd = end;
      } else {
        break;
      }
    }
  };
  nextSpan();
  while (spanStart >= 0 && spanStart < rangeStart) nextSpan();

  let offset = 0;
  let open = false;
  for (let pos = rangeStart; pos <= rangeEnd && pos < docSize; pos++) {
    const start = field.starts[pos]!;
    const end = field.ends[pos]!;
    if (rangeStart && pos === rangeStart) offset = start;
    if (open && (pos <= spanStart || spanStart < 0) && start > offset) {
      out += m.close;
      open = false;
    }
    if (pos === spanStart && !open) {
      copy(offset, start);
      out += m.open;
      offset = start;
      open = true;
    }
    if (pos === spanEnd) {
      if (!open) {
        out += m.open;
        open = true;
      }
      copy(offset, end);
      offset = end;
      nextSpan();
    }
    if (pos === rangeEnd) {
      if (open) {
        if (spanStart >= 0 && pos >= spanStart) {
          copy(offset, end);
          offset = end;
        }
        out += m.close;
        open = false;
      }
      copy(offset, end);
      offset = end;
    }
  }
  if (open) out += m.close;
  if (rangeEnd >= docSize - 1) copy(offset, field.text.length);
  else out += m.ellipsis;
  return out;
}

/** The first token of the best window (the loop of fts5SnippetFunction over one column). */
function bestStart(field: SnippetField, instances: number[], phraseSizes: number[], size: number): number {
  const docSize = field.starts.length;
  const firsts = sentenceStarts(field);
  const seen = new Uint8Array(phraseSizes.length);
  let bestScore = 0;
  let best = 0;
  for (let k = 0; k < instances.length; k += 2) {
    const io = instances[k]!;
    seen.fill(0);
    const [score, adjusted] = scoreWindow(instances, phraseSizes, docSize, seen, io, size);
    if (score > bestScore) {
      bestScore = score;
      best = adjusted;
    }
    if (firsts.length && docSize > size) {
      let jj = 0;
      for (; jj < firsts.length - 1; jj++) if (firsts[jj + 1]! > io) break;
      const first = firsts[jj]!;
      if (first < io) {
        seen.fill(0);
        const sentence =
          scoreWindow(instances, phraseSizes, docSize, seen, first, size)[0] + (first === 0 ? 120 : 100);
        if (sentence > bestScore) {
          bestScore = sentence;
          best = first;
        }
      }
    }
  }
  return best;
}

/** fts5SnippetScore: the window's score, and where to start it to centre the hits it holds. */
function scoreWindow(
  instances: number[],
  phraseSizes: number[],
  docSize: number,
  seen: Uint8Array,
  from: number,
  size: number,
): [number, number] {
  let score = 0;
  let first = -1;
  let last = 0;
  for (let k = 0; k < instances.length; k += 2) {
    const io = instances[k]!;
    const phrase = instances[k + 1]!;
    if (io >= from && io < from + size) {
      score += seen[phrase] ? 1 : 1000;
      seen[phrase] = 1;
      if (first < 0) first = io;
      last = io + phraseSizes[phrase]!;
    }
  }
  // C division truncates toward zero.
  let adjusted = first - Math.trunc((size - (last - first)) / 2);
  if (adjusted + size > docSize) adjusted = docSize - size;
  if (adjusted < 0) adjusted = 0;
  return [score, adjusted];
}

/** Tokens that start a sentence: the first, and any after `.` or `:` and white space (fts5SentenceFinderCb). */
function sentenceStarts(field: SnippetField): number[] {
  const out: number[] = [];
  for (let pos = 0; pos < field.starts.length; pos++) {
    if (pos === 0) {
      out.push(0);
      continue;
    }
    const start = field.starts[pos]!;
    let k = start - 1;
    let c = '';
    for (; k >= 0; k--) {
      c = field.text[k]!;
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') break;
    }
    if (k !== start - 1 && (c === '.' || c === ':')) out.push(pos);
  }
  return out;
}
