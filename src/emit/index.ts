import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TipDocument } from '../validate/schema.js';
import { jsonSchema } from '../validate/schema.js';
import { writeFileAtomic } from './atomic.js';
import { canonicalJson } from './json.js';

export { writeFileAtomic } from './atomic.js';
export { canonicalJson } from './json.js';

/** What emit did with one file. */
export interface Emitted {
  path: string;
  /** False when the file already held exactly these bytes and was left alone. */
  written: boolean;
}

/** Document ids become file names: only these characters, never `.` or `..` alone. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Writes one validated document as `<outDir>/<id>.json`, atomically, and only when its bytes changed.
 *
 * @param doc A document that passed `validate`.
 * @param outDir The output folder; created when missing.
 */
export async function emitDocument(doc: TipDocument, outDir: string): Promise<Emitted> {
  const { id } = doc.document;
  if (!SAFE_ID.test(id)) throw new TypeError(`Expected a document id usable as a file name, got \`${id}\``);
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, `${id}.json`);
  return { path, written: await writeFileAtomic(path, canonicalJson(doc)) };
}

/**
 * Writes the published JSON Schema of the output contract as `<outDir>/schema.json`.
 *
 * @param outDir The output folder; created when missing.
 */
export async function emitSchema(outDir: string): Promise<Emitted> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, 'schema.json');
  return { path, written: await writeFileAtomic(path, canonicalJson(jsonSchema())) };
}
