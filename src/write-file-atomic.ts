// Writes a file so that readers see the old content or the new, never half: the text goes to a
// temporary file in the same folder (same file system), is flushed to disk, then renamed over.

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FollowthroughError } from './errors.ts';

export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new FollowthroughError('write_failed', `could not write ${file}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
