// Edits the commitments file as a document, so comments, key order and formatting survive
// (the yaml package's Document API). Every write is validated first and is atomic: the new text
// goes to a temporary file in the same folder, is flushed, then renamed over the old one, so a
// failed edit never leaves a broken or half-written file.

import { readFileSync } from 'node:fs';
import { YAMLSeq, isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { Commitment } from '../commitments/commitment.ts';
import { FollowthroughError } from '../errors.ts';
import { validateCommitmentsFile, type CommitmentDefaults } from './load-commitments.ts';
import { readYamlFile } from './yaml-file.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';

/** A commitment as written in the file (snake_case keys, due as text). */
export type CommitmentEntry = Record<string, unknown>;

export function readCommitmentsDocument(file: string): Document.Parsed {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const doc = parseDocument(text || 'commitments: []\n');
  if (doc.errors.length)
    throw new FollowthroughError(
      'commitments_unparseable',
      `${file} is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}): fix it by hand first`,
    );
  return doc;
}

function list(doc: Document): YAMLSeq {
  const seq = doc.get('commitments', true);
  if (isSeq(seq)) {
    // `commitments: []` is flow style; entries added to it are written as blocks, like hand-written ones.
    seq.flow = false;
    return seq;
  }
  const created = new YAMLSeq();
  doc.set('commitments', created);
  return created;
}

function indexOf(doc: Document, id: string): number {
  return list(doc).items.findIndex((node) => isMap(node) && String((node as YAMLMap).get('id')) === id);
}

export function hasCommitment(doc: Document, id: string): boolean {
  return indexOf(doc, id) !== -1;
}

export function addEntry(doc: Document, entry: CommitmentEntry): void {
  const id = String(entry.id);
  if (hasCommitment(doc, id))
    throw new FollowthroughError(
      'commitment_exists',
      `a commitment "${id}" already exists: choose another id, or change it with \`commitments edit ${id}\``,
    );
  const node = doc.createNode(entry);
  // Flow style for short lists keeps an added entry as compact as the hand-written ones.
  if (isMap(node))
    for (const key of ['owners']) {
      const v = node.get(key, true);
      if (isSeq(v)) v.flow = true;
    }
  list(doc).items.push(node);
}

/** Set (or, for `null`, delete) fields of one commitment; nested paths like ['match', 'any'] allowed. */
export function editEntry(
  doc: Document,
  id: string,
  changes: Array<{ path: string[]; value: unknown }>,
): void {
  const i = indexOf(doc, id);
  if (i === -1)
    throw new FollowthroughError('unknown_commitment', `no commitment "${id}" in the commitments file`);
  for (const { path, value } of changes) {
    if (value === null) doc.deleteIn(['commitments', i, ...path]);
    else doc.setIn(['commitments', i, ...path], doc.createNode(value));
  }
}

export function removeEntry(doc: Document, id: string): void {
  const i = indexOf(doc, id);
  if (i === -1)
    throw new FollowthroughError('unknown_commitment', `no commitment "${id}" in the commitments file`);
  doc.deleteIn(['commitments', i]);
}

/** Validate the edited document as the loader would; only then write it, atomically. */
export function writeCommitmentsDocument(
  file: string,
  doc: Document,
  defaults: CommitmentDefaults,
): Commitment[] {
  const text = doc.toString({ lineWidth: 0 });
  const commitments = validateCommitmentsFile(readYamlFile(file, text), defaults);
  writeFileAtomic(file, text);
  return commitments;
}
