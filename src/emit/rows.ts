import type { TipDocument } from '../validate/schema.js';
import { FIGURES_JSONL_PATH, FLAT_TABLES, figuresJsonl, tableCsv } from './flat.js';

/**
 * The streamed exports, file by file: figures.csv, statutes.csv, penalties.csv, then figures.jsonl. Pure, so
 * that a worker thread can turn a document into its rows and hand the main thread only text to append.
 */

/** The exports' file names, in the order of `exportRows`' strings. */
export const EXPORT_PATHS: readonly string[] = [...FLAT_TABLES.map((t) => t.path), FIGURES_JSONL_PATH];

/** Each CSV's header line: the table serialised with no documents. */
export const EXPORT_HEADERS: readonly string[] = [...FLAT_TABLES.map((t) => tableCsv(t, [])), ''];

/**
 * One document's rows for each export, in `EXPORT_PATHS` order, without the CSV header lines.
 *
 * @param doc A valid document.
 */
export function exportRows(doc: TipDocument): string[] {
  return [
    ...FLAT_TABLES.map((t, i) => tableCsv(t, [doc]).slice((EXPORT_HEADERS[i] as string).length)),
    figuresJsonl([doc]),
  ];
}
