export type { Diagnostic } from './diagnostics.js';
export type {
  DocumentMeta,
  Figure,
  NumberMention,
  Penalty,
  Section,
  Statute,
  Tier,
  TipDocument,
} from './validate/schema.js';
export { jsonSchema, SCHEMA_VERSION, TipDocumentSchema } from './validate/schema.js';
