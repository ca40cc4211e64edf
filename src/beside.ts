import {
  type Emitted,
  emitReport,
  type LedgerUpdate,
  openExportStream,
  openLedgerUpdate,
} from './emit/index.js';
import type { DocumentRows } from './job.js';
import { renderReport } from './report/index.js';
import type { TipDocument } from './validate/schema.js';

/**
 * The files beside the documents (flat exports, data package, report, first/last-seen ledger), written as the
 * run goes: documents arrive in id order with the rows a worker thread made of them, and the main thread only
 * appends bytes. Nothing here holds more than one document's rows, whatever the run's length.
 */

/** The HTML report shows at most this many documents (by id); a page of 10,000 narratives helps nobody. */
export const REPORT_MAX_DOCUMENTS = 50;

/** The files beside the documents, open for a run. */
export interface Beside {
  /**
   * Adds the next document in id order: its rows, or null when it has no valid output (it is left out).
   *
   * @param rows The document's rows.
   * @param doc The document itself when at hand; read through `readShown` when the report still needs it.
   */
  add(rows: DocumentRows | null, doc?: TipDocument): Promise<void>;
  /** Puts every file in place; returns what was written and each document's clean-text hash. */
  finish(): Promise<{ exports: Emitted[]; texts: Map<string, string> }>;
  /** Removes the temporary files; the old files stay. */
  abort(): Promise<void>;
}

/**
 * Opens the files beside the documents for a run.
 *
 * @param out The output folder.
 * @param date The run's date, for the ledger.
 * @param readShown Reads a document for the report (the first `REPORT_MAX_DOCUMENTS` by id).
 */
export async function openBeside(
  out: string,
  date: string,
  readShown: (id: string) => Promise<TipDocument | undefined>,
): Promise<Beside> {
  const exportStream = await openExportStream(out);
  let ledger: LedgerUpdate;
  try {
    ledger = await openLedgerUpdate(out);
  } catch (error) {
    await exportStream.abort();
    throw error;
  }
  const shown: TipDocument[] = [];
  const texts = new Map<string, string>();
  return {
    add: async (rows, doc) => {
      if (!rows) return;
      texts.set(rows.id, rows.textSha256);
      await exportStream.addRows(rows.rows);
      await ledger.record(rows.id, rows.seen, date);
      if (shown.length >= REPORT_MAX_DOCUMENTS) return;
      const readable = doc ?? (await readShown(rows.id));
      if (readable) shown.push(readable);
    },
    finish: async () => {
      const exports = [...(await exportStream.finish()), await emitReport(renderReport(shown), out)];
      await ledger.finish();
      return { exports, texts };
    },
    abort: async () => {
      await exportStream.abort();
      await ledger.abort();
    },
  };
}
