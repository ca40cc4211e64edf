import { type ChangeReport, diffDocuments, isEmptyReport, seenKeys } from './changes/index.js';
import { canonicalJson } from './emit/json.js';
import { exportRows } from './emit/rows.js';
import type { Fetched } from './fetch/types.js';
import { EXTRACTOR_ID } from './fingerprint.js';
import { type DocumentFailure, processSource } from './process.js';
import { validate } from './validate/index.js';
import type { TipDocument } from './validate/schema.js';

/**
 * The CPU side of a run, one document at a time, with strings in and strings out: what a worker thread does
 * (or the main thread, with one worker). The main thread only reads and writes files, so that two workers
 * get nearly twice the work of one done, and a document crosses between threads as text, never as a large
 * object graph to clone. Pure: no I/O.
 */

/** The few facts of a document a run report keeps once the document itself is written and dropped. */
export interface DocumentSummary {
  kind: TipDocument['document']['kind'];
  country: string | null;
  reportYear: number | null;
  tier: string | null;
  figures: number;
  statutes: number;
  numbers: number;
  warnings: number;
}

/** Extract one fetched source, given the JSON an earlier run wrote for it (if any). */
export interface DocumentTask {
  type: 'document';
  fetched: Fetched;
  /** The server answered 304: the previous output stands if this extractor made it. */
  notModified: boolean;
  /** The bytes of `<out>/<id>.json` as they are on disk, or null when there is no such file. */
  previousJson: Uint8Array | null;
  /** Re-extract even when the clean text and the extractor are unchanged. */
  force: boolean;
  /** Send the document object back too (`RunOptions.keepDocuments`). */
  keepDocument: boolean;
}

/**
 * What became of a document task. `json` is the UTF-8 of what `<out>/<id>.json` must now hold, or null when
 * the file is left as it is (not modified, the same clean text by the same extractor, or the same bytes).
 */
export type DocumentResult =
  | { ok: false; failure: DocumentFailure; rows: DocumentRows | null }
  | {
      ok: true;
      status: 'new' | 'changed' | 'unchanged' | 'not_modified';
      json: Uint8Array | null;
      summary: DocumentSummary;
      textSha256: string;
      /** For a changed document, figure by figure; null when nothing an auditor reads changed. */
      changes: ChangeReport | null;
      document?: TipDocument;
      /** The export rows of the document as it now stands. */
      rows: DocumentRows;
    };

/** Turn a document's last good JSON into its export rows (for a document the run did not extract). */
export interface RowsTask {
  type: 'rows';
  /** The bytes of `<out>/<id>.json`. */
  json: Uint8Array;
}

/** A document's rows for each flat export (UTF-8, in `EXPORT_PATHS` order), its ledger keys, its text hash. */
export interface DocumentRows {
  id: string;
  textSha256: string;
  rows: Uint8Array[];
  seen: string[];
}

/** The rows of a document's JSON, or `ok: false` when the JSON is no valid document. */
export type RowsResult = ({ ok: true } & DocumentRows) | { ok: false };

export type Task = DocumentTask | RowsTask;
export type TaskResult<T extends Task> = T extends DocumentTask ? DocumentResult : RowsResult;

// Text crosses between threads as UTF-8 bytes: moved, not copied, and never a large string on the main
// thread's heap. (TextEncoder gives each result a buffer of its own, so that moving it detaches nothing else.)
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Reads a document written by an earlier run, if it parses and still meets the schema.
 *
 * @param json The file's text or bytes.
 */
export function readDocumentJson(json: string | Uint8Array | null): TipDocument | undefined {
  if (json === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof json === 'string' ? json : decoder.decode(json));
  } catch {
    return undefined;
  }
  const result = validate(parsed);
  return result.success ? result.data : undefined;
}

/**
 * The run report's facts of a document.
 *
 * @param doc A valid document.
 */
export function summarise(doc: TipDocument): DocumentSummary {
  return {
    kind: doc.document.kind,
    country: doc.document.country,
    reportYear: doc.document.reportYear,
    tier: doc.tier?.placement ?? null,
    figures: doc.figures.length,
    statutes: doc.statutes.length,
    numbers: doc.numbers.length,
    warnings: doc.diagnostics.filter((d) => d.severity !== 'info').length,
  };
}

/**
 * Extracts one document and says what to write: the rules of a re-run live here, so that the main thread
 * and the worker threads follow them alike.
 *
 * - 304 with output by this extractor: `not_modified`, nothing written.
 * - A narrative that turns into some other page (a login wall, a moved page) is a failure (`ContentError`),
 *   not a new version of it: the last good output stays.
 * - The same clean text by the same extractor: `unchanged`, nothing written.
 * - Otherwise the new JSON, `new` or `changed` (or `unchanged` when the bytes came out the same).
 *
 * @param task The fetched source and the previous output.
 */
export function runDocumentTask(task: DocumentTask): DocumentResult {
  const previousText = task.previousJson === null ? null : decoder.decode(task.previousJson);
  const previous = readDocumentJson(previousText);
  // What the exports show when this run gives no new document: the last good output, if any.
  const failed = (failure: DocumentFailure): DocumentResult => ({
    ok: false,
    failure,
    rows: previous ? rowsOf(previous) : null,
  });
  const stands = (doc: TipDocument) => ({
    summary: summarise(doc),
    textSha256: doc.document.textSha256,
    rows: rowsOf(doc),
    ...(task.keepDocument ? { document: doc } : {}),
  });
  if (task.notModified && previous && !task.force && previous.document.extractor === EXTRACTOR_ID) {
    return { ok: true, status: 'not_modified', json: null, changes: null, ...stands(previous) };
  }
  const processed = processSource(task.fetched, task.force ? undefined : previous);
  if (!processed.ok) return failed(processed.failure);
  const doc = processed.document;
  if (previous?.document.kind === 'tip_narrative' && doc.document.kind === 'unknown') {
    return failed({
      errorClass: 'ContentError',
      message: 'The source no longer looks like a TIP narrative; the previous output is kept.',
    });
  }
  if (processed.reused) return { ok: true, status: 'unchanged', json: null, changes: null, ...stands(doc) };
  const json = canonicalJson(doc);
  if (!previous)
    return { ok: true, status: 'new', json: encoder.encode(json), changes: null, ...stands(doc) };
  if (json === previousText)
    return { ok: true, status: 'unchanged', json: null, changes: null, ...stands(doc) };
  const changes = diffDocuments(previous, doc);
  return {
    ok: true,
    status: 'changed',
    json: encoder.encode(json),
    changes: isEmptyReport(changes) ? null : changes,
    ...stands(doc),
  };
}

/**
 * A document's export rows, ledger keys and text hash.
 *
 * @param doc A valid document.
 */
function rowsOf(doc: TipDocument): DocumentRows {
  return {
    id: doc.document.id,
    textSha256: doc.document.textSha256,
    rows: exportRows(doc).map((rows) => encoder.encode(rows)),
    seen: seenKeys(doc),
  };
}

/**
 * A document's export rows and ledger keys, from its JSON; `ok: false` when the JSON is no valid document.
 *
 * @param task The document's JSON.
 */
export function runRowsTask(task: RowsTask): RowsResult {
  const doc = readDocumentJson(task.json);
  return doc ? { ok: true, ...rowsOf(doc) } : { ok: false };
}

/**
 * The byte buffers of a result, to move to the main thread instead of copying them.
 *
 * @param result A task's result.
 */
export function resultBuffers(result: DocumentResult | RowsResult): ArrayBuffer[] {
  const views: Uint8Array[] = [];
  let rows: DocumentRows | null = null;
  if ('status' in result) {
    if (result.json) views.push(result.json);
    rows = result.rows;
  } else if ('failure' in result) rows = result.rows;
  else if (result.ok) rows = result;
  if (rows) views.push(...rows.rows);
  return views.map((view) => view.buffer as ArrayBuffer);
}

/**
 * Runs either kind of task.
 *
 * @param task A document or rows task.
 */
export function runTask(task: Task): DocumentResult | RowsResult {
  return task.type === 'document' ? runDocumentTask(task) : runRowsTask(task);
}
