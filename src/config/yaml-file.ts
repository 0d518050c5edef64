// Reads a YAML file keeping positions, so every problem can name its line.

import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { ConfigProblem } from '../errors.ts';

export type YamlPath = Array<string | number>;

export interface YamlFile {
  file: string;
  doc: Document.Parsed;
  /** Plain JS value of the document (undefined when it is empty). */
  value: unknown;
  /** Line (1-based) of the node at `path`, or of its nearest existing parent. */
  lineOf(path: YamlPath): number | undefined;
  /** Syntax errors, already as problems. */
  problems: ConfigProblem[];
}

export function readYamlFile(file: string, text?: string): YamlFile {
  let source: string;
  try {
    source = text ?? readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem: ConfigProblem = {
      file,
      field: '(file)',
      message: code === 'ENOENT' ? 'file not found' : `cannot read it (${code ?? (err as Error).message})`,
      fix:
        code === 'ENOENT'
          ? 'create it (see config/ in the repository for an example) or point FOLLOWTHROUGH_CONFIG at the right file'
          : 'check the file permissions',
    };
    return { file, doc: parseDocument(''), value: undefined, lineOf: () => undefined, problems: [problem] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = doc.errors.map((e) => ({
    file,
    field: '(syntax)',
    line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
    message: e.message.split('\n')[0] ?? e.message,
    fix: 'correct the YAML syntax at that line (indentation, a missing colon, an unclosed quote)',
  }));
  // A key's own line, not its value's: `schedul:` followed by an indented block is on the key's line.
  const lineOf = (path: YamlPath): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const parent = n === 0 ? undefined : n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
      const last = path[n - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === String(last));
        if (pair && isNode(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
      }
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { file, doc, value: problems.length ? undefined : doc.toJS(), lineOf, problems };
}
