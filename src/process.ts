import { createHash } from 'node:crypto';
import type { Diagnostic } from './diagnostics.js';
import { extract } from './extract/index.js';
import type { Fetched } from './fetch/types.js';
import { EXTRACTOR_ID } from './fingerprint.js';
import { ParseError, parseSource, toSourceOffset } from './parse/index.js';
import type { CleanDocument } from './parse/types.js';
import { segment } from './segment/index.js';
import type { Segmented } from './segment/types.js';
import { type ValidationIssue, validate } from './validate/index.js';
import { SCHEMA_VERSION, type TipDocument } from './validate/schema.js';

/**
 * One document from fetched bytes to a validated document: parse, segment, extract, assemble, validate.
 * Pure (no I/O), so that worker threads load only this and the stages.
 */

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
 * @param textSha256 sha256 of the clean text, when the caller has it already.
 */
export function assemble(
  fetched: Fetched,
  clean: CleanDocument,
  segmented: Segmented,
  textSha256: string = sha256(clean.text),
): TipDocument {
  const extraction = extract(clean, segmented);
  // The figures were made for this call alone: each takes its source span in place rather than as a copy
  // (a new property goes last, where the spread put it).
  for (const figure of extraction.figures) figure.source = sourceSpan(clean, figure);
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
      textSha256,
      extractor: EXTRACTOR_ID,
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
    // Hashed once: to tell an unchanged narrative, and as the new document's textSha256 when it changed.
    const textSha256 = previous ? sha256(clean.text) : undefined;
    if (previous?.document.extractor === EXTRACTOR_ID && previous.document.textSha256 === textSha256) {
      return { ok: true, document: previous, reused: true };
    }
    candidate = assemble(fetched, clean, segment(clean), textSha256);
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
