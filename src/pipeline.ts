import { resolve } from 'node:path';
import { Piscina } from 'piscina';
import {
  type ChangeReport,
  diffDocuments,
  isEmptyReport,
  recordSeen,
  sortedLedger,
  touchSeen,
} from './changes/index.js';
import {
  acquireLock,
  type Emitted,
  emitChangeReport,
  emitDocument,
  emitReport,
  emitSchema,
  openExportStream,
  outputComplete,
  type RunState,
  readPreviousDocument,
  readRunState,
  readSeenLedger,
  writeRunState,
  writeSeenLedger,
} from './emit/index.js';
import { type FetchEvent, type FetchOptions, openFetchSession, readManifest } from './fetch/index.js';
import type { Fetched, FetchOutcome, Source } from './fetch/types.js';
import { EXTRACTOR_ID } from './fingerprint.js';
import { type DocumentFailure, type Processed, processSource } from './process.js';
import { renderReport } from './report/index.js';
import { validate } from './validate/index.js';
import type { TipDocument } from './validate/schema.js';
import type { WorkerTask } from './worker.js';

export { assemble, type DocumentFailure, type Processed, processSource } from './process.js';

/** What a run reports as it goes, for a progress bar or log lines. */
export type RunEvent =
  | { type: 'fetch'; event: FetchEvent }
  | { type: 'document'; index: number; total: number; report: DocumentReport };

/** Options of `run`. */
export interface RunOptions {
  /** The sources manifest; default `fixtures/sources.json` in the current folder. */
  sources?: string;
  /** The output folder; default `output`. */
  out?: string;
  /** Passed to the fetch stage (concurrency, rate, cache, offline, allowed hosts...). */
  fetch?: FetchOptions;
  /** Re-extract every document even when its clean text and the extractor are unchanged. */
  force?: boolean;
  /**
   * Worker threads for parse-to-validate; 1 (the default) works on the main thread. Workers need the built
   * package (dist/), since a thread loads `worker.js`.
   */
  workers?: number;
  /** Keep every document in the run report (`DocumentReport.document`); off by default to bound memory. */
  keepDocuments?: boolean;
  /** The run's clock, for the first/last-seen ledger; default the system clock. */
  now?: () => Date;
  /** Told of every fetch event and every finished document. */
  onEvent?: (event: RunEvent) => void;
}

/**
 * What happened to one manifest entry: `new` (no previous output), `changed` (rewritten, see `changes`),
 * `unchanged` (same clean text, output left alone), `not_modified` (the server said 304), or `failed`.
 */
export type DocumentStatus = 'new' | 'changed' | 'unchanged' | 'not_modified' | 'failed';

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

/** What happened to one manifest entry in a run. */
export interface DocumentReport {
  id: string;
  status: DocumentStatus;
  fetch: FetchOutcome['status'];
  summary?: DocumentSummary;
  /** The document itself, only with `keepDocuments`. */
  document?: TipDocument;
  /** sha256 of the source bytes read in this run. */
  sha256?: string;
  /** sha256 of the document's clean text. */
  textSha256?: string;
  emitted?: Emitted;
  /** For a changed document: what changed, figure by figure (also written to `<out>/changes/<id>.json`). */
  changes?: ChangeReport;
  failure?: DocumentFailure;
}

/** What a run did: one report per manifest entry, in manifest order, and the files beside the documents. */
export interface RunReport {
  documents: DocumentReport[];
  schema: Emitted;
  /** figures.csv, statutes.csv, penalties.csv, figures.jsonl, datapackage.json and report.html. */
  exports: Emitted[];
  failed: number;
}

/** How many sources are fetched and held at once: bounds memory on long manifests. */
const BATCH_SIZE = 32;
/** The HTML report shows at most this many documents (by id); a page of 10,000 narratives helps nobody. */
const REPORT_MAX_DOCUMENTS = 50;

function summarise(doc: TipDocument): DocumentSummary {
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

function fetchFailure(outcome: FetchOutcome): DocumentFailure {
  const error = outcome.error;
  return {
    errorClass: error?.name ?? 'FetchError',
    message: error?.message ?? 'The source could not be read.',
  };
}

/**
 * Reads the document an earlier run wrote for `id`, if it is there and still meets the schema.
 *
 * @param out The output folder.
 * @param id The document id.
 */
export async function previousDocument(out: string, id: string): Promise<TipDocument | undefined> {
  const previous = validate(await readPreviousDocument(out, id));
  return previous.success ? previous.data : undefined;
}

type Processor = (fetched: Fetched, previous: TipDocument | undefined) => Promise<Processed>;

/** What handling one fetched source needs beside the outcome. */
interface HandleContext {
  out: string;
  force: boolean;
  process: Processor;
  /** The previous run's state when it was made by this extractor (so its "unchanged" still holds). */
  state: RunState | null;
  /** The ids whose output file exists. */
  existing: Set<string>;
}

async function handle(outcome: FetchOutcome, ctx: HandleContext): Promise<DocumentReport> {
  const report: DocumentReport = { id: outcome.source.id, status: 'failed', fetch: outcome.status };
  if (!outcome.fetched) {
    report.failure = fetchFailure(outcome);
    return report;
  }
  report.sha256 = outcome.fetched.sha256;
  // The fast path of a re-run: the same bytes as last time, by the same extractor: nothing to read or redo.
  const known = ctx.state?.documents[report.id];
  if (!ctx.force && known?.sha256 === outcome.fetched.sha256 && ctx.existing.has(report.id)) {
    const status = outcome.status === 'not_modified' ? 'not_modified' : 'unchanged';
    return { ...report, status, summary: known.summary as DocumentSummary, textSha256: known.textSha256 };
  }
  const previous = await previousDocument(ctx.out, report.id);
  if (
    outcome.status === 'not_modified' &&
    previous &&
    !ctx.force &&
    previous.document.extractor === EXTRACTOR_ID
  ) {
    return { ...report, status: 'not_modified', document: previous };
  }
  const processed = await ctx.process(outcome.fetched, ctx.force ? undefined : previous);
  if (!processed.ok) return { ...report, failure: processed.failure };
  if (previous?.document.kind === 'tip_narrative' && processed.document.document.kind === 'unknown') {
    // A narrative that turns into some other page (a login wall, a moved page) is a failed fetch of the
    // narrative, not a new version of it: the last good output stays.
    const failure = {
      errorClass: 'ContentError',
      message: 'The source no longer looks like a TIP narrative; the previous output is kept.',
    };
    return { ...report, failure };
  }
  report.document = processed.document;
  if (processed.reused) return { ...report, status: 'unchanged' };
  report.emitted = await emitDocument(processed.document, ctx.out);
  if (!previous) return { ...report, status: 'new' };
  const changes = diffDocuments(previous, processed.document);
  report.status = report.emitted.written ? 'changed' : 'unchanged';
  if (!isEmptyReport(changes)) {
    report.changes = changes;
    await emitChangeReport(changes, ctx.out);
  }
  return report;
}

/** Sources in id order, each with its manifest index: exports come out in id order without sorting them. */
function byId(sources: Source[]): { source: Source; index: number }[] {
  return sources
    .map((source, index) => ({ source, index }))
    .sort((a, b) => (a.source.id < b.source.id ? -1 : a.source.id > b.source.id ? 1 : 0));
}

function openPool(workers: number): { processor: Processor; destroy: () => Promise<void> } {
  if (!(Number.isInteger(workers) && workers >= 1)) {
    throw new TypeError(
      `Expected \`workers\` to be a whole number of 1 or more, got \`${workers}\` (${typeof workers})`,
    );
  }
  if (workers === 1)
    return {
      processor: async (fetched, previous) => processSource(fetched, previous),
      destroy: async () => undefined,
    };
  const pool = new Piscina<WorkerTask, Processed>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // A document needs a few MB; small heaps make the threads collect often instead of growing, which keeps a
    // long run's memory flat (issue 6 asks for under 150 MiB whatever the number of threads).
    resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 },
  });
  return {
    processor: (fetched, previous) => pool.run(previous ? { fetched, previous } : { fetched }),
    destroy: () => pool.destroy(),
  };
}

/**
 * Phase two of a run: the files beside the documents (flat exports, data package, report, first/last-seen
 * ledger), rebuilt from every document's last good JSON, one at a time. Skipped when nothing changed.
 */
async function writeBeside(
  out: string,
  ids: string[],
  date: string,
): Promise<{ exports: Emitted[]; texts: Map<string, string> }> {
  const exportStream = await openExportStream(out);
  const shown: TipDocument[] = [];
  const texts = new Map<string, string>();
  const ledger = await readSeenLedger(out);
  try {
    for (const id of ids) {
      const doc = await previousDocument(out, id);
      if (!doc) continue;
      texts.set(id, doc.document.textSha256);
      await exportStream.add(doc);
      recordSeen(ledger, doc, date);
      if (shown.length < REPORT_MAX_DOCUMENTS) shown.push(doc);
    }
    const exports = [...(await exportStream.finish()), await emitReport(renderReport(shown), out)];
    await writeSeenLedger(sortedLedger(ledger), out);
    return { exports, texts };
  } catch (error) {
    await exportStream.abort();
    throw error;
  }
}

/**
 * Runs the default job: reads the manifest, fetches every source, extracts, validates and writes
 * `<out>/<id>.json` for each new or changed document, `<out>/schema.json`, the flat exports, the data
 * package and the report. A document that fails is reported and its previous output is left untouched (and
 * exported); an unchanged one is neither re-extracted nor rewritten, and when nothing at all changed the
 * files beside the documents are left as they are. Documents stream through in batches, so memory stays
 * bounded whatever the manifest's length. Two runs on one output folder do not interleave.
 *
 * @param options Where the manifest is, where output goes, fetch settings, workers, and a progress listener.
 */
export async function run(options: RunOptions = {}): Promise<RunReport> {
  const manifest = resolve(options.sources ?? 'fixtures/sources.json');
  const out = resolve(options.out ?? 'output');
  const sources = await readManifest(manifest);
  const pool = openPool(options.workers ?? 1);
  const release = await acquireLock(out);
  const onEvent = options.onEvent;
  const date = (options.now ?? (() => new Date()))().toISOString().slice(0, 10);
  try {
    const ordered = byId(sources);
    const ids = ordered.map((o) => o.source.id);
    const previousState = await readRunState(out);
    const state = previousState?.extractor === EXTRACTOR_ID ? previousState : null;
    const existing = new Set(ids.filter((id) => state?.documents[id] !== undefined));
    const complete = state !== null && (await outputComplete(out, [...existing]));
    const ctx: HandleContext = {
      out,
      force: options.force === true,
      process: pool.processor,
      state: complete ? state : null,
      existing,
    };
    const reports: { report: DocumentReport; index: number }[] = [];
    const session = await openFetchSession(
      options.fetch ?? {},
      onEvent ? (event) => onEvent({ type: 'fetch', event }) : undefined,
    );
    try {
      for (let at = 0; at < ordered.length; at += BATCH_SIZE) {
        const batch = ordered.slice(at, at + BATCH_SIZE);
        const outcomes = await session.fetch(
          batch.map((b) => b.source),
          at,
        );
        const handled = await Promise.all(outcomes.map((o) => handle(o, ctx)));
        for (const [i, report] of handled.entries()) {
          if (report.document) {
            report.summary = summarise(report.document);
            report.textSha256 = report.document.document.textSha256;
          }
          if (!options.keepDocuments) delete report.document;
          reports.push({ report, index: (batch[i] as { index: number }).index });
          onEvent?.({ type: 'document', index: reports.length - 1, total: sources.length, report });
        }
      }
    } finally {
      await session.close();
    }
    const schema = await emitSchema(out);
    const quiet = reports.every(
      ({ report }) => report.status === 'unchanged' || report.status === 'not_modified',
    );
    const sameSet =
      previousState !== null &&
      ids.every((id) => id in previousState.documents) &&
      Object.keys(previousState.documents).length === ids.length;
    const skip = quiet && complete && sameSet && !options.force;
    if (skip) {
      const ledger = await readSeenLedger(out);
      touchSeen(ledger, ids, previousState.date, date);
      await writeSeenLedger(sortedLedger(ledger), out);
    }
    const beside = skip
      ? { exports: [] as Emitted[], texts: new Map<string, string>() }
      : await writeBeside(out, ids, date);
    const documents = reports.sort((a, b) => a.index - b.index).map((r) => r.report);
    const next: RunState = { extractor: EXTRACTOR_ID, date, documents: {} };
    for (const d of documents) {
      const known = previousState?.documents[d.id];
      const textSha256 = d.textSha256 ?? beside.texts.get(d.id) ?? known?.textSha256;
      const sha256 = d.failure ? known?.sha256 : (d.sha256 ?? known?.sha256);
      if (textSha256 && sha256 && d.summary)
        next.documents[d.id] = { sha256, textSha256, summary: d.summary };
      else if (known && d.failure) next.documents[d.id] = known;
    }
    await writeRunState(next, out);
    return { documents, schema, exports: beside.exports, failed: documents.filter((d) => d.failure).length };
  } finally {
    await pool.destroy();
    await release();
  }
}
