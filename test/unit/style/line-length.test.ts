import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The formatter wraps code at 110 columns but cannot break long strings, regexes or comments;
// this keeps every source line readable without scrolling.
const maxLength = 140;
const root = fileURLToPath(new URL('../../..', import.meta.url));

function sourceFiles(): string[] {
  return readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('src', f).split('\\').join('/'))
    .sort();
}

describe('source line length', () => {
  it('finds the TypeScript sources', () => {
    expect(sourceFiles().length).toBeGreaterThan(0);
  });

  it(`keeps every line in src/**/*.ts at most ${maxLength} characters`, () => {
    const tooLong: string[] = [];
    for (const file of sourceFiles()) {
      readFileSync(join(root, file), 'utf8')
        .split(/\r?\n/)
        .forEach((line, i) => {
          // Characters, not UTF-16 units: "—" and "’" count once.
          const length = [...line].length;
          if (length > maxLength) tooLong.push(`${file}:${i + 1} (${length})`);
        });
    }
    expect(tooLong).toEqual([]);
  });
});
