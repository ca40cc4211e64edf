/** The library's face: `run()`, each stage's verb, the audit, and the public types. Re-exports only. */
export { type Comparison, compare, isClean } from './audit/compare.js';
export { type ExpectedDocument, ExpectedDocumentSchema } from './audit/expected.js';
export type { Diagnostic } from './diagnostics.js';
export { canonicalJson, type Emitted, emitDocument, emitSchema } from './emit/index.js';
export { type Extraction, extract, extractNumbers } from './extract/index.js';
export {
  type Fetched,
  type FetchOptions,
  type FetchOutcome,
  fetchSources,
  ManifestError,
  PermanentFetchError,
  RetryableFetchError,
  readManifest,
  type Source,
} from './fetch/index.js';
export { type CleanDocument, ParseError, parseSource, toSourceOffset } from './parse/index.js';
export {
  assemble,
  type DocumentFailure,
  type DocumentReport,
  type Processed,
  processSource,
  type RunOptions,
  type RunReport,
  run,
} from './pipeline.js';
export { type Segmented, segment } from './segment/index.js';
export { type ValidationIssue, type ValidationResult, validate } from './validate/index.js';
export {
  type DocumentMeta,
  type Figure,
  jsonSchema,
  type NumberMention,
  type Penalty,
  SCHEMA_VERSION,
  type Section,
  type Statute,
  type Tier,
  type TipDocument,
  TipDocumentSchema,
} from './validate/schema.js';
