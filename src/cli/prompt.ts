// Line-by-line questions on a terminal (or any input stream), each with a default and a check
// that re-asks until the answer is acceptable.

import { createInterface } from 'node:readline';
import { FollowthroughError } from '../errors.ts';
import type { CliIo } from './io.ts';

export interface Asker {
  ask(
    question: string,
    options?: { default?: string; check?: (answer: string) => string | undefined; optional?: boolean },
  ): Promise<string>;
  close(): void;
}

export function createAsker(io: CliIo): Asker {
  const rl = createInterface({ input: io.input, terminal: false });
  const lines: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  let ended = false;
  rl.on('line', (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const w of waiting.splice(0)) w(undefined);
  });
  const nextLine = (): Promise<string | undefined> =>
    lines.length
      ? Promise.resolve(lines.shift())
      : ended
        ? Promise.resolve(undefined)
        : new Promise((r) => waiting.push(r));

  return {
    async ask(question, options = {}) {
      for (;;) {
        io.out(
          `${question}${options.default ? ` [${options.default}]` : options.optional ? ' (optional)' : ''}: `,
        );
        const line = await nextLine();
        if (line === undefined)
          throw new FollowthroughError('input_ended', `no answer to "${question}": input ended`);
        const answer = line.trim() || options.default || '';
        if (!answer && options.optional) return '';
        const problem = !answer ? 'an answer is needed' : options.check?.(answer);
        if (!problem) return answer;
        io.out(`  ${problem}`);
      }
    },
    close: () => rl.close(),
  };
}
