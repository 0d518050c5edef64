// Word lists written as text (one space between words), so a list of a hundred verbs reads as a
// paragraph rather than a hundred lines.

export function wordSet(words: string): Set<string> {
  return new Set(words.trim().split(/\s+/));
}
