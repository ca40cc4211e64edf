import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { type ChangeReport, diffDocuments, isEmptyReport, recordSeen } from './changes/index.js';
import type { Diagnostic } from './diagnostics.js';
import {
  acquireLock,
  type Emitted,
  emitChangeReport,
  emitDocument,
  emitReport,
  emitSchema,
  readPreviousDocument,
  readSeenLedger,
  writeDataPackage,
  writeFlatExports,
  writeSeenLedger,
} from './emit/index.js';
import { extract } from './extract/index.js';
import { type FetchEvent, type FetchOptions, fetchSources, readManifest } from './fetch/index.js';
import type { Fetched, FetchOutcome } from './fetch/types.js';
import { EXTRACTOR_ID } from './fingerprint.js';
import { ParseError, parseSource, toSourceOffset } from './parse/index.js';
import type { CleanDocument } from './parse/types.js';
import { renderReport } from './report/index.js';
import { segment } from './segment/index.js';
import type { Segmented } from './segment/types.js';
import { type ValidationIssue, validate } from './validate/index.js';
import { SCHEMA_VERSION, type TipDocument } from './validate/schema.js';

/** Why one document produced no output. */
export interface DocumentFailure {
  /** The error class: `ParseError`, `ValidationError`, `PermanentFetchError`, ... */
  errorClass: string;
  message: string;
  /** For a `ValidationError`: what the schema refused. */
  issues?: ValidationIssue[];
}

/**
 * The outcome of processing one fetched source: a valid document (`reused` when the previous one still
 * holds because the clean text and the extractor are unchanged), or why there is none.
 */
export type Processed =
  | { ok: true; document: TipDocument; reused: boolean }
  | { ok: false; failure: DocumentFailure };

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Builds the contract document from the stages' outputs.
 *
 * @param fetched The source bytes and where they came from.
 * @param clean What parse made of them.
 * @param segmented What segment made of the clean text.
 */
export function assemble(fetched: Fetched, clean: CleanDocument, segmented: Segmented): TipDocument {
  const extraction = extract(clean, segmented);
  const { metadata } = clean;
  const diagnostics: Diagnostic[] = [
    ...clean.diagnostics,
    ...segmented.diagnostics,
    ...extraction.diagnostics,
  ];
  return {
    schemaVersion: SCHEMA_VERSION,
    document: {
      id: fetched.source.id,
      kind: segmented.kind,
      format: clean.format,
      url: metadata.url ?? fetched.url,
      title: metadata.title,
      country: metadata.country ?? fetched.source.country ?? segmented.header?.country ?? null,
      reportYear: metadata.reportYear ?? fetched.source.year ?? null,
      publisher: metadata.publisher,
      publicationDate: metadata.publicationDate,
      lastUpdated: metadata.lastUpdated,
      citeAs: metadata.citeAs,
      refworldId: metadata.refworldId,
      sha256: fetched.sha256,
      textSha256: sha256(clean.text),
      extractor: EXTRACTOR_ID,
    },
    tier: extraction.tier,
    sections: segmented.sections,
    statutes: extraction.statutes,
    figures: extraction.figures.map((figure) => ({ ...figure, source: sourceSpan(clean, figure) })),
    numbers: extraction.numbers,
    diagnostics,
    text: clean.text,
  };
}

/** Maps a clean-text span back into the decoded source; the end is mapped from its last character. */
function sourceSpan(
  clean: CleanDocument,
  span: { start: number; end: number },
): { start: number; end: number } {
  const start = toSourceOffset(clean, span.start);
  const end = span.end > span.start ? toSourceOffset(clean, span.end - 1) + 1 : start;
  return { start, end: Math.max(start, end) };
}

/**
 * Runs parse, segment, extract and validate on one fetched source; never throws on bad input. When the
 * previous document of the same source has the same clean text and was made by the same extractor, it is
 * returned as it is: the narrative did not change, only perhaps the page around it.
 *
 * @param fetched The source bytes and where they came from.
 * @param previous The document a previous run wrote for this source, if any.
 * @returns The validated document, or the failure with its error class.
 */
export function processSource(fetched: Fetched, previous?: TipDocument): Processed {
  let candidate: TipDocument;
  try {
    const clean = parseSource(fetched);
    if (
      previous?.document.extractor === EXTRACTOR_ID &&
      previous.document.textSha256 === sha256(clean.text)
    ) {
      return { ok: true, document: previous, reused: true };
    }
    candidate = assemble(fetched, clean, segment(clean));
  } catch (error) {
    if (error instanceof ParseError)
      return { ok: false, failure: { errorClass: 'ParseError', message: error.message } };
    throw error;
  }
  const result = validate(candidate);
  if (!result.success) {
    return {
      ok: false,
      failure: {
        errorClass: 'ValidationError',
        message: `The document does not meet the schema: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues: result.issues,
      },
    };
  }
  return { ok: true, document: result.data, reused: false };
}

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
  document?: TipDocument;
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

function fetchFailure(outcome: FetchOutcome): DocumentFailure {
  const error = outcome.error;
  return {
    errorClass: error?.name ?? 'FetchError',
    message: error?.message ?? 'The source could not be read.',
  };
}

async function previousDocument(out: string, id: string): Promise<TipDocument | undefined> {
  const previous = validate(await readPreviousDocument(out, id));
  return previous.success ? previous.data : undefined;
}

async function handle(outcome: FetchOutcome, out: string, force: boolean): Promise<DocumentReport> {
  const report: DocumentReport = { id: outcome.source.id, status: 'failed', fetch: outcome.status };
  const previous = await previousDocument(out, report.id);
  if (!outcome.fetched) {
    report.failure = fetchFailure(outcome);
    return report;
  }
  if (
    outcome.status === 'not_modified' &&
    previous &&
    !force &&
    previous.document.extractor === EXTRACTOR_ID
  ) {
    return { ...report, status: 'not_modified', document: previous };
  }
  const processed = processSource(outcome.fetched, force ? undefined : previous);
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
  report.emitted = await emitDocument(processed.document, out);
  if (!previous) return { ...report, status: 'new' };
  const changes = diffDocuments(previous, processed.document);
  report.status = report.emitted.written ? 'changed' : 'unchanged';
  if (!isEmptyReport(changes)) {
    report.changes = changes;
    await emitChangeReport(changes, out);
  }
  return report;
}

/**
 * Runs the default job: reads the manifest, fetches every source, extracts, validates and writes
 * `<out>/<id>.json` for each new or changed document, `<out>/schema.json`, the flat exports and the report.
 * A document that fails is reported and its previous output is left untouched; an unchanged one is neither
 * re-extracted nor rewritten. Two runs on one output folder do not interleave: the second is refused.
 *
 * @param options Where the manifest is, where output goes, fetch settings, and a progress listener.
 */
export async function run(options: RunOptions = {}): Promise<RunReport> {
  const manifest = resolve(options.sources ?? 'fixtures/sources.json');
  const out = resolve(options.out ?? 'output');
  const sources = await readManifest(manifest);
  const release = await acquireLock(out);
  try {
    const onEvent = options.onEvent;
    const outcomes = await fetchSources(
      sources,
      options.fetch ?? {},
      onEvent ? (event) => onEvent({ type: 'fetch', event }) : undefined,
    );
    const documents: DocumentReport[] = [];
    for (const outcome of outcomes) {
      const report = await handle(outcome, out, options.force === true);
      documents.push(report);
      onEvent?.({ type: 'document', index: documents.length - 1, total: outcomes.length, report });
    }
    const schema = await emitSchema(out);
    const exported = await lastGoodDocuments(documents, out);
    const exports = [
      ...(await writeFlatExports(exported, out)),
      await writeDataPackage(exported, out),
      await emitReport(renderReport(exported), out),
    ];
    const date = (options.now ?? (() => new Date()))().toISOString().slice(0, 10);
    await writeSeenLedger(recordSeen(await readSeenLedger(out), exported, date), out);
    return { documents, schema, exports, failed: documents.filter((d) => d.failure).length };
  } finally {
    await release();
  }
}

/**
 * The documents the exports describe: this run's, and for a document that failed this time, the last good
 * version a previous run wrote, so that one bad fetch does not drop a country from the tables.
 */
async function lastGoodDocuments(documents: DocumentReport[], out: string): Promise<TipDocument[]> {
  const docs: TipDocument[] = [];
  for (const report of documents) {
    const doc = report.document ?? (await previousDocument(out, report.id));
    if (doc) docs.push(doc);
  }
  return docs;
}
