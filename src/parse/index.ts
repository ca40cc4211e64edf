export { decodeBody } from './decode.js';
export { ParseError, type ParseErrorCode } from './errors.js';
export { DERIVED_RULES, FIELD_RULES, type FieldRule } from './metadata.js';
export { detectFormat, parseSource } from './parse-source.js';
export { toSourceOffset } from './source-map.js';
export type { CleanDocument, SourceMapEntry, SourceMetadata } from './types.js';
