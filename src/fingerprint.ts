import { createHash } from 'node:crypto';
import * as figureContext from './extract/figures/context-rules.js';
import * as figureRules from './extract/figures/rules.js';
import { LEXICAL_RULES, NUMBER_RULES } from './extract/numbers/rules.js';
import { CODES } from './extract/statutes/instruments.js';
import { STATUTE_RULES } from './extract/statutes/rules.js';
import { TIER_RULES } from './extract/tier/rules.js';
import * as words from './extract/words.js';
import { FIELD_RULES } from './parse/metadata.js';
import { HEADING_RULES } from './segment/headings.js';
import { SENTENCE_RULES } from './segment/sentences.js';
import { SCHEMA_VERSION } from './validate/schema.js';

/**
 * The extractor's identity, written into every document as `document.extractor`: the schema version and a
 * hash of every rule table. A re-run skips a document whose clean text is unchanged only when this is
 * unchanged too, so that a rule change re-extracts everything without a flag. Changes to code outside the
 * tables' data (functions included) call for `--force` (or a version bump).
 */

function serialise(_key: string, value: unknown): unknown {
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (value instanceof Map) return [...value.entries()];
  if (value instanceof Set) return [...value.values()];
  // A function's text differs between the TypeScript compiler's output and a test runner's transform, so
  // functions count by name only: the fingerprint must be the same for the same rules however they run.
  if (typeof value === 'function') return `[function ${value.name}]`;
  // Keys in a fixed order: a module namespace lists its exports sorted under Node, in source order elsewhere.
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, (value as Record<string, unknown>)[k]]),
    );
  }
  return value;
}

const TABLES = [
  FIELD_RULES,
  HEADING_RULES,
  SENTENCE_RULES,
  NUMBER_RULES,
  LEXICAL_RULES,
  words,
  STATUTE_RULES,
  CODES,
  figureRules,
  figureContext,
  TIER_RULES,
];

/** `schema <version>; rules <12 hex digits>`. */
export const EXTRACTOR_ID = `schema ${SCHEMA_VERSION}; rules ${createHash('sha256')
  .update(JSON.stringify(TABLES, serialise))
  .digest('hex')
  .slice(0, 12)}`;
