import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TipDocument } from '../validate/schema.js';
import { jsonSchema } from '../validate/schema.js';
import { replaceFile, writeFileAtomic } from './atomic.js';
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
 * The file of a document: `<outDir>/<id>.json`.
 *
 * @throws TypeError when the id is not usable as a file name.
 */
function documentPath(outDir: string, id: string): string {
  if (!SAFE_ID.test(id)) throw new TypeError(`Expected a document id usable as a file name, got \`${id}\``);
  return join(outDir, `${id}.json`);
}

/**
 * Writes one validated document as `<outDir>/<id>.json`, atomically, and only when its bytes changed.
 *
 * @param doc A document that passed `validate`.
 * @param outDir The output folder; created when missing.
 */
export async function emitDocument(doc: TipDocument, outDir: string): Promise<Emitted> {
  const path = documentPath(outDir, doc.document.id);
  await mkdir(outDir, { recursive: true });
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

export { writeDataPackage } from './datapackage.js';
export { flatExports, writeFlatExports } from './flat.js';

/**
 * Writes the HTML audit report as `<outDir>/report.html`, atomically.
 *
 * @param html The rendered page.
 * @param outDir The output folder; created when missing.
 */
export async function emitReport(html: string, outDir: string): Promise<Emitted> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, 'report.html');
  return { path, written: await writeFileAtomic(path, html) };
}

/**
 * Writes a document's JSON, made beforehand by `canonicalJson` and found to differ from the file's (in a worker
 * thread), as `<outDir>/<id>.json`, atomically. The caller creates the folder once.
 *
 * @param outDir The output folder.
 * @param id The document id.
 * @param json The document's canonical JSON, as UTF-8 bytes.
 */
export async function writeDocumentJson(outDir: string, id: string, json: Uint8Array): Promise<Emitted> {
  const path = documentPath(outDir, id);
  await replaceFile(path, json);
  return { path, written: true };
}

/**
 * Reads the bytes of the document a previous run wrote for `id`, unparsed (a worker thread parses them).
 *
 * @param outDir The output folder.
 * @param id The document id.
 * @returns The file's bytes, or null when there is none.
 */
export async function readPreviousJson(outDir: string, id: string): Promise<Uint8Array | null> {
  if (!SAFE_ID.test(id)) return null;
  return readFile(join(outDir, `${id}.json`)).catch(() => null);
}

export { type LedgerUpdate, openLedgerUpdate, readSeenLedger, touchSeenLedger } from './ledger.js';
export { EXPORT_PATHS, exportRows } from './rows.js';
export {
  acquireLock,
  emitChangeReport,
  LockError,
  outputComplete,
  type RunState,
  readRunState,
  writeRunState,
} from './state.js';
export { type ExportStream, openExportStream } from './stream.js';
