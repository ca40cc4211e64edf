import { resolve } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import {
  type Emitted,
  emitDocument,
  emitReport,
  emitSchema,
  readPreviousDocument,
  writeDataPackage,
  writeFlatExports,
} from './emit/index.js';
import { extract } from './extract/index.js';
import { type FetchOptions, fetchSources, readManifest } from './fetch/index.js';
import type { Fetched, FetchOutcome } from './fetch/types.js';
import { ParseError, parseSource } from './parse/index.js';
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

/** The outcome of processing one fetched source: a valid document, or why there is none. */
export type Processed = { ok: true; document: TipDocument } | { ok: false; failure: DocumentFailure };

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
    },
    tier: extraction.tier,
    sections: segmented.sections,
    statutes: extraction.statutes,
    figures: extraction.figures,
    numbers: extraction.numbers,
    diagnostics,
    text: clean.text,
  };
}

/**
 * Runs parse, segment, extract and validate on one fetched source; never throws on bad input.
 *
 * @param fetched The source bytes and where they came from.
 * @returns The validated document, or the failure with its error class.
 */
export function processSource(fetched: Fetched): Processed {
  let candidate: TipDocument;
  try {
    const clean = parseSource(fetched);
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
  return { ok: true, document: result.data };
}

/** Options of `run`. */
export interface RunOptions {
  /** The sources manifest; default `fixtures/sources.json` in the current folder. */
  sources?: string;
  /** The output folder; default `output`. */
  out?: string;
  /** Passed to the fetch stage (concurrency, rate, cache, offline, allowed hosts...). */
  fetch?: FetchOptions;
}

/** What happened to one manifest entry in a run. */
export interface DocumentReport {
  id: string;
  fetch: FetchOutcome['status'];
  document?: TipDocument;
  emitted?: Emitted;
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

/**
 * Runs the default job: reads the manifest, fetches every source, extracts, validates and writes
 * `<out>/<id>.json` for each valid document and `<out>/schema.json`. A document that fails is reported and
 * its previous output is left untouched.
 *
 * @param options Where the manifest is, where output goes, and fetch settings.
 */
export async function run(options: RunOptions = {}): Promise<RunReport> {
  const manifest = resolve(options.sources ?? 'fixtures/sources.json');
  const out = resolve(options.out ?? 'output');
  const sources = await readManifest(manifest);
  const outcomes = await fetchSources(sources, options.fetch ?? {});
  const documents: DocumentReport[] = [];
  for (const outcome of outcomes) {
    const report: DocumentReport = { id: outcome.source.id, fetch: outcome.status };
    if (!outcome.fetched) {
      report.failure = fetchFailure(outcome);
    } else {
      const processed = processSource(outcome.fetched);
      if (processed.ok) {
        report.document = processed.document;
        report.emitted = await emitDocument(processed.document, out);
      } else {
        report.failure = processed.failure;
      }
    }
    documents.push(report);
  }
  const schema = await emitSchema(out);
  const exported = await lastGoodDocuments(documents, out);
  const exports = [
    ...(await writeFlatExports(exported, out)),
    await writeDataPackage(exported, out),
    await emitReport(renderReport(exported), out),
  ];
  return { documents, schema, exports, failed: documents.filter((d) => d.failure).length };
}

/**
 * The documents the exports describe: this run's, and for a document that failed this time, the last good
 * version a previous run wrote, so that one bad fetch does not drop a country from the tables.
 */
async function lastGoodDocuments(documents: DocumentReport[], out: string): Promise<TipDocument[]> {
  const docs: TipDocument[] = [];
  for (const report of documents) {
    if (report.document) {
      docs.push(report.document);
      continue;
    }
    const previous = validate(await readPreviousDocument(out, report.id));
    if (previous.success) docs.push(previous.data);
  }
  return docs;
}
