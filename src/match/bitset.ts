// Sets of items in a batch as bit arrays (pure): item i is bit i % 32 of word i >> 5. A batch has at
// most a few thousand items, so a whole set is a few dozen words and AND / OR are a loop over them.

export function wordsFor(n: number): number {
  return (n + 31) >>> 5;
}

export function setBit(bits: Uint32Array, offset: number, i: number): void {
  bits[offset + (i >>> 5)]! |= 1 << (i & 31);
}

export function hasBit(bits: Uint32Array, offset: number, i: number): boolean {
  return (bits[offset + (i >>> 5)]! & (1 << (i & 31))) !== 0;
}

/** `into |= from[offset …]`, over into.length words. */
export function orInto(into: Uint32Array, from: Uint32Array, offset = 0): void {
  for (let w = 0; w < into.length; w++) into[w]! |= from[offset + w]!;
}

export function andInto(into: Uint32Array, from: Uint32Array): void {
  for (let w = 0; w < into.length; w++) into[w]! &= from[w]!;
}

export function andNotInto(into: Uint32Array, from: Uint32Array): void {
  for (let w = 0; w < into.length; w++) into[w]! &= ~from[w]!;
}

export function isEmpty(bits: Uint32Array): boolean {
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) return false;
  return true;
}

/** The members, ascending. */
export function members(bits: Uint32Array): number[] {
  const out: number[] = [];
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      out.push((w << 5) + 31 - Math.clz32(low));
      word ^= low;
    }
  }
  return out;
}

/**
 * Item sets for one batch, carved out of large blocks: a batch makes thousands of small sets, and a
 * typed array of its own each (with its own buffer) would cost more than the set operations.
 */
export function setAllocator(words: number): () => Uint32Array {
  const blockWords = Math.max(words, 1 << 14);
  let block = new Uint32Array(blockWords);
  let used = 0;
  return () => {
    if (used + words > block.length) {
      block = new Uint32Array(blockWords);
      used = 0;
    }
    const set = block.subarray(used, used + words);
    used += words;
    return set;
  };
}
