// Agent-noun conflation (pure). Porter keeps an agent noun apart from its verb when the stem is short:
// smuggler(s) → `smuggler` but smuggling → `smuggl` (it drops -er only when the rest has measure > 1,
// so trafficker and trafficking already meet). Analysts expect `smugglers` to find `smuggling` and back,
// so an unquoted word also matches its -er/-ing partner. Guard: the stem keeps at least 4 letters, so
// `others`, `powers` or `thing` grow no variant. The guard is crude (`numbers` also finds `numbing`):
// quoting a word turns conflation off.

const minStem = 4;

/** The word itself, then its -er/-ing partner when it has one (lower case). */
export function wordVariants(word: string): string[] {
  const lower = word.toLowerCase();
  // Only the last token of the word counts: `people-smugglers` → `people-smuggling`.
  const m = /(?:^|[^\p{L}\p{N}])(\p{L}+)$/u.exec(lower);
  if (!m) return [word];
  const last = m[1]!;
  const suffix = /^(\p{L}+?)(ers|er|ing)$/u.exec(last);
  if (!suffix || suffix[1]!.length < minStem) return [word];
  const stem = suffix[1]!;
  const partner = suffix[2] === 'ing' ? `${stem}er` : `${stem}ing`;
  return [word, lower.slice(0, lower.length - last.length) + partner];
}
