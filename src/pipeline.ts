import { mkdir, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Piscina } from 'piscina';
import { type Beside, openBeside, REPORT_MAX_DOCUMENTS } from './beside.js';
import type { ChangeReport } from './changes/index.js';
import {
  acquireLock,
  type Emitted,
  emitChangeReport,
  emitSchema,
  outputComplete,
  type RunState,
  readPreviousJson,
  readRunState,
  touchSeenLedger,
  writeDocumentJson,
  writeRunState,
} from './emit/index.js';
import { type FetchEvent, type FetchOptions, openFetchSession, readManifest } from './fetch/index.js';
import type { FetchOutcome, Source } from './fetch/types.js';
import { EXTRACTOR_ID } from './fingerprint.js';
import {
  type DocumentRows,
  type DocumentSummary,
  readDocumentJson,
  runTask,
  type Task,
  type TaskResult,
} from './job.js';
import { lookahead } from './lookahead.js';
import type { DocumentFailure } from './process.js';
import type { TipDocument } from './validate/schema.js';

export type { DocumentSummary } from './job.js';
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
  /** The document file written in this run (absent when it was left as it was). */
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

/**
 * How many documents are in hand at once (being fetched, extracted or written): enough to keep the worker
 * threads and the disk busy, few enough to bound memory whatever the manifest's length.
 */
const WINDOW_PER_THREAD = 8;
const MIN_WINDOW = 16;

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
  return readDocumentJson(await readPreviousJson(out, id));
}

/** Where documents are extracted: worker threads, or the main thread alone. */
interface Pool {
  run<T extends Task>(task: T): Promise<TaskResult<T>>;
  threads: number;
  destroy(): Promise<void>;
}

function openPool(workers: number): Pool {
  if (!(Number.isInteger(workers) && workers >= 1)) {
    throw new TypeError(
      `Expected \`workers\` to be a whole number of 1 or more, got \`${workers}\` (${typeof workers})`,
    );
  }
  const onMain = async <T extends Task>(task: T): Promise<TaskResult<T>> => runTask(task) as TaskResult<T>;
  if (workers === 1) return { run: onMain, threads: 1, destroy: async () => undefined };
  const pool = new Piscina<Task, TaskResult<Task>>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    // A document needs a few MB; small heaps make the threads collect often instead of growing, which keeps a
    // long run's memory flat (issue 6 asks for under 150 MiB whatever the number of threads).
    resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 },
  });
  return {
    // A document too big for a thread's small heap kills that thread (piscina starts another): it is then
    // done on the main thread, so that the outcome never depends on the number of workers.
    run: async <T extends Task>(task: T) =>
      ((await pool.run(task).catch(() => null)) as TaskResult<T> | null) ?? onMain(task),
    threads: workers,
    destroy: () => pool.destroy(),
  };
}

/** What handling one source needs beside the source. */
interface StepContext {
  out: string;
  force: boolean;
  keepDocuments: boolean;
  pool: Pool;
  fetch: (source: Source, index: number) => Promise<FetchOutcome>;
  /** The previous run's state when it was made by this extractor (so its "unchanged" still holds). */
  state: RunState | null;
  /** The ids whose output file exists. */
  existing: Set<string>;
  /** The names of the files in the output folder when the run started. */
  files: Set<string>;
  /** True once the run writes the files beside the documents: a document not read must then be read for them. */
  exporting: boolean;
}

/** One document's outcome: its report, and its export rows (undefined when its output was not read). */
interface Step {
  report: DocumentReport;
  rows?: DocumentRows | null;
  document?: TipDocument;
}

/** The bytes of a document's previous output; the folder was listed at the start, so a missing file costs no open. */
async function previousJsonOf(ctx: StepContext, id: string): Promise<Uint8Array | null> {
  return ctx.files.has(`${id}.json`) ? readPreviousJson(ctx.out, id) : null;
}

/** The export rows of a document's file as it stands, or null when it has none that is valid. */
async function rowsFromFile(ctx: StepContext, id: string): Promise<DocumentRows | null> {
  const json = await previousJsonOf(ctx, id);
  if (json === null) return null;
  const rows = await ctx.pool.run({ type: 'rows', json });
  return rows.ok ? rows : null;
}

/** A document whose output was not read: its rows when the run is writing exports, else nothing yet. */
async function unread(ctx: StepContext, report: DocumentReport): Promise<Step> {
  return ctx.exporting ? { report, rows: await rowsFromFile(ctx, report.id) } : { report };
}

/**
 * One manifest entry: fetch, extract (in the pool) and write what changed.
 *
 * @param source The entry.
 * @param index Its place in the manifest (for fetch events).
 * @param position Its place in id order.
 * @param ctx The run.
 */
async function documentStep(
  source: Source,
  index: number,
  position: number,
  ctx: StepContext,
): Promise<Step> {
  const outcome = await ctx.fetch(source, index);
  const report: DocumentReport = { id: source.id, status: 'failed', fetch: outcome.status };
  if (!outcome.fetched) return unread(ctx, { ...report, failure: fetchFailure(outcome) });
  report.sha256 = outcome.fetched.sha256;
  // The fast path of a re-run: the same bytes as last time, by the same extractor: nothing to read or redo.
  const known = ctx.state?.documents[report.id];
  if (!ctx.force && known?.sha256 === outcome.fetched.sha256 && ctx.existing.has(report.id)) {
    const status = outcome.status === 'not_modified' ? 'not_modified' : 'unchanged';
    const summary = known.summary as DocumentSummary;
    return unread(ctx, { ...report, status, summary, textSha256: known.textSha256 });
  }
  const previousJson = await previousJsonOf(ctx, report.id);
  const result = await ctx.pool.run({
    type: 'document',
    fetched: outcome.fetched,
    notModified: outcome.status === 'not_modified',
    previousJson,
    force: ctx.force,
    // The report shows the first documents by id: those come back whole rather than be read again.
    keepDocument: ctx.keepDocuments || position < REPORT_MAX_DOCUMENTS,
  });
  if (!result.ok) return { report: { ...report, failure: result.failure }, rows: result.rows };
  const done: DocumentReport = {
    ...report,
    status: result.status,
    summary: result.summary,
    textSha256: result.textSha256,
  };
  if (result.document && ctx.keepDocuments) done.document = result.document;
  if (result.json !== null) done.emitted = await writeDocumentJson(ctx.out, report.id, result.json);
  if (result.changes) {
    done.changes = result.changes;
    await emitChangeReport(result.changes, ctx.out);
  }
  return { report: done, rows: result.rows, ...(result.document ? { document: result.document } : {}) };
}

/** Sources in id order, each with its manifest index: exports come out in id order without sorting them. */
function byId(sources: Source[]): { source: Source; index: number }[] {
  return sources
    .map((source, index) => ({ source, index }))
    .sort((a, b) => (a.source.id < b.source.id ? -1 : a.source.id > b.source.id ? 1 : 0));
}

/** Lists the file names of a folder, or none when it cannot be read. */
async function fileNames(dir: string): Promise<Set<string>> {
  return new Set(await readdir(dir).catch(() => []));
}

/**
 * Runs the default job: reads the manifest, fetches every source, extracts, validates and writes
 * `<out>/<id>.json` for each new or changed document, `<out>/schema.json`, the flat exports, the data
 * package and the report. A document that fails is reported and its previous output is left untouched (and
 * exported); an unchanged one is neither re-extracted nor rewritten, and when nothing at all changed the
 * files beside the documents are left as they are. Documents stream through a bounded window in id order
 * (extracted in the worker pool, written by the main thread), so memory stays
 * bounded whatever the manifest's length. Two runs on one output folder do not interleave.
 *
 * @param options Where the manifest is, where output goes, fetch settings, workers, and a progress listener.
 */
export async function run(options: RunOptions = {}): Promise<RunReport> {
  const manifest = resolve(options.sources ?? 'fixtures/sources.json');
  const out = resolve(options.out ?? 'output');
  const sources = await readManifest(manifest);
  const pool = openPool(options.workers ?? 1);
  const width = Math.max(MIN_WINDOW, pool.threads * WINDOW_PER_THREAD);
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
    await mkdir(out, { recursive: true });
    const sameSet =
      previousState !== null &&
      ids.every((id) => id in previousState.documents) &&
      Object.keys(previousState.documents).length === ids.length;
    // When nothing changes, the files beside the documents stay as they are: they are only opened at the first
    // document that is not unchanged (or at once when the last run's output cannot be trusted as it is).
    const mayStayQuiet = complete && sameSet && options.force !== true;
    const reports: { report: DocumentReport; index: number }[] = [];
    const session = await openFetchSession(
      options.fetch ?? {},
      onEvent ? (event) => onEvent({ type: 'fetch', event }) : undefined,
    );
    const ctx: StepContext = {
      out,
      force: options.force === true,
      keepDocuments: options.keepDocuments === true,
      pool,
      fetch: async (source, index) => (await session.fetch([source], index))[0] as FetchOutcome,
      state: complete ? state : null,
      existing,
      files: await fileNames(out),
      exporting: !mayStayQuiet,
    };
    const openFiles = () => openBeside(out, date, (id) => previousDocument(out, id));
    let beside: Beside | null = ctx.exporting ? await openFiles() : null;
    /** Documents left unchanged before the first change: read for the exports only if one comes. */
    const quiet: string[] = [];
    try {
      const steps = lookahead(ordered, width, ({ source, index }, position) =>
        documentStep(source, index, position, ctx),
      );
      for await (const [i, step] of enumerate(steps)) {
        const { report } = step;
        reports.push({ report, index: (ordered[i] as { index: number }).index });
        onEvent?.({ type: 'document', index: i, total: sources.length, report });
        if (!beside) {
          if (report.status === 'unchanged' || report.status === 'not_modified') {
            quiet.push(report.id);
            continue;
          }
          ctx.exporting = true;
          beside = await openFiles();
          for await (const rows of lookahead(quiet, width, (id) => rowsFromFile(ctx, id)))
            await beside.add(rows);
        }
        await beside.add(
          step.rows === undefined ? await rowsFromFile(ctx, report.id) : step.rows,
          step.document,
        );
      }
    } catch (error) {
      await beside?.abort();
      throw error;
    } finally {
      await session.close();
    }
    const schema = await emitSchema(out);
    if (!beside && previousState) await touchSeenLedger(out, new Set(ids), previousState.date, date);
    const written = beside
      ? await beside.finish()
      : { exports: [] as Emitted[], texts: new Map<string, string>() };
    const documents = reports.sort((a, b) => a.index - b.index).map((r) => r.report);
    const next: RunState = { extractor: EXTRACTOR_ID, date, documents: {} };
    for (const d of documents) {
      const known = previousState?.documents[d.id];
      const textSha256 = d.textSha256 ?? written.texts.get(d.id) ?? known?.textSha256;
      const sha256 = d.failure ? known?.sha256 : (d.sha256 ?? known?.sha256);
      if (textSha256 && sha256 && d.summary)
        next.documents[d.id] = { sha256, textSha256, summary: d.summary };
      else if (known && d.failure) next.documents[d.id] = known;
    }
    await writeRunState(next, out);
    return { documents, schema, exports: written.exports, failed: documents.filter((d) => d.failure).length };
  } finally {
    await pool.destroy();
    await release();
  }
}

/** Pairs each value of an async iterable with its position. */
async function* enumerate<T>(values: AsyncIterable<T>): AsyncGenerator<[number, T]> {
  let i = 0;
  for await (const value of values) yield [i++, value];
}
