// The words around a hit, exactly as FTS5's snippet() picks and marks them (pure): a port of
// fts5SnippetFunction, fts5SnippetScore, fts5SentenceFinderCb, fts5HighlightCb and fts5CInstIterNext
// from SQLite 3.53.2 (ext/fts5/fts5_aux.c, public domain), for one column. Each window of `size` tokens
// that starts at a hit (centred on the hits it holds) or at the start of its sentence is scored: 1,000
// per phrase first seen in it, 1 per repeat, +100 for starting a sentence (+120 the text). The best is
// copied with the text between its tokens, overlapping hits marked as one span, `…` where it cuts.

export interface SnippetField {
  text: string;
  /** UTF-16 offsets of each token. */
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
  /** Tokens that start a sentence (sentenceStarts). */
  sentences: number[];
  /** Whether the text carries HIT marker characters of its own, or lone surrogates. */
  marked: boolean;
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
// SQLite stores a lone surrogate as three bytes (ED A0 80) that read back as three U+FFFD.
const loneSurrogates = /\p{Surrogate}/gu;
const oddText = /[\uE000\uE001]|\p{Surrogate}/u;

/** A field's tokens, ready for any number of snippets. */
export function snippetField(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>): SnippetField {
  return {
    text,
    starts,
    ends,
    sentences: sentenceStarts(text, starts),
    marked: oddText.test(text),
  };
}

/**
 * `instances`: pairs (token position, phrase index) in xInst order, by position then phrase;
 * `phraseSizes`: tokens in each phrase (a leaf has at most 16 phrases: compile-fts.ts).
 */
export function snippet(
  field: SnippetField,
  instances: number[],
  phraseSizes: number[],
  m: SnippetMarks,
): string {
  const docSize = field.starts.length;
  const rangeStart = bestStart(field, instances, phraseSizes, m.size);
  const rangeEnd = rangeStart + m.size - 1;
  let out = rangeStart > 0 ? m.ellipsis : '';
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    const text = field.text.slice(from, to);
    out += field.marked ? text.replace(ownMarks, '').replace(loneSurrogates, '\uFFFD\uFFFD\uFFFD') : text;
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

  // fts5HighlightCb for the tokens of the window (it ignores the others).
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
  const firsts = field.sentences;
  let bestScore = 0;
  let best = 0;
  for (let k = 0; k < instances.length; k += 2) {
    const io = instances[k]!;
    const score = windowScore(instances, io, size);
    if (score > bestScore) {
      bestScore = score;
      best = centredStart(instances, phraseSizes, docSize, io, size);
    }
    if (firsts.length && docSize > size) {
      let jj = 0;
      for (; jj < firsts.length - 1; jj++) if (firsts[jj + 1]! > io) break;
      const first = firsts[jj]!;
      if (first < io) {
        const sentence = windowScore(instances, first, size) + (first === 0 ? 120 : 100);
        if (sentence > bestScore) {
          bestScore = sentence;
          best = first;
        }
      }
    }
  }
  return best;
}

/** fts5SnippetScore's score: 1,000 per phrase first seen in the window, 1 per repeat. */
function windowScore(instances: number[], from: number, size: number): number {
  let score = 0;
  let seen = 0;
  for (let k = 0; k < instances.length; k += 2) {
    const io = instances[k]!;
    if (io < from || io >= from + size) continue;
    const bit = 1 << instances[k + 1]!;
    score += seen & bit ? 1 : 1000;
    seen |= bit;
  }
  return score;
}

/** fts5SnippetScore's adjusted start: the window moved to centre the hits it holds, within the text. */
function centredStart(
  instances: number[],
  sizes: number[],
  docSize: number,
  from: number,
  size: number,
): number {
  let first = -1;
  let last = 0;
  for (let k = 0; k < instances.length; k += 2) {
    const io = instances[k]!;
    if (io < from || io >= from + size) continue;
    if (first < 0) first = io;
    last = io + sizes[instances[k + 1]!]!;
  }
  // C division truncates toward zero.
  let adjusted = first - Math.trunc((size - (last - first)) / 2);
  if (adjusted + size > docSize) adjusted = docSize - size;
  if (adjusted < 0) adjusted = 0;
  return adjusted;
}

/** Tokens that start a sentence: the first, and any after `.` or `:` and white space (fts5SentenceFinderCb). */
function sentenceStarts(text: string, starts: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let pos = 0; pos < starts.length; pos++) {
    if (pos === 0) {
      out.push(0);
      continue;
    }
    const start = starts[pos]!;
    let k = start - 1;
    let c = '';
    for (; k >= 0; k--) {
      c = text[k]!;
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') break;
    }
    if (k !== start - 1 && (c === '.' || c === ':')) out.push(pos);
  }
  return out;
}
