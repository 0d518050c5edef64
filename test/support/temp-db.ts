// A fresh SQLite file with the real migrations, in its own temp folder, removed after the test.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Db } from '../../src/store/open-store.ts';

export interface TempDb {
  db: Db;
  path: string;
  dir: string;
  cleanup(): void;
}

export function tempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'ft-db-'));
  const path = join(dir, 'followthrough.db');
  const db = openStore(path);
  return {
    db,
    path,
    dir,
    cleanup() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
