import type { TipDocument } from '../validate/schema.js';
import { type Comparison, compare, isClean } from './compare.js';
import type { ExpectedDocument } from './expected.js';

/**
 * The audit's face: re-exports, plus `audit()`, the one function that pairs expected files with extracted
 * documents (kept here because it is what `tip-extract audit` calls and it is a few lines).
 */
export {
  type Comparison,
  compare,
  type FieldChange,
  type FigurePair,
  isClean,
  type StatutePair,
} from './compare.js';
export {
  type ExpectedDocument,
  ExpectedDocumentSchema,
  type ExpectedFigure,
  type ExpectedPenalty,
  type ExpectedStatute,
} from './expected.js';
export {
  type AuditCounts,
  type AuditJson,
  auditCounts,
  comparisonsToJson,
  describeChanges,
  formatComparison,
  formatSummary,
} from './format.js';
export {
  acceptDiff,
  ExpectedFileError,
  expectedFromDocument,
  formatExpectedFile,
  loadExpectedDir,
  unifiedDiff,
} from './load.js';

/** The audit of a run: one comparison per expected file, and what could not be paired. */
export interface AuditResult {
  /** In the order of the expected files. */
  comparisons: Comparison[];
  /** Expected files whose document was not extracted (failed or not in the run): the audit fails. */
  missingDocuments: string[];
  /** Extracted documents with no expected file: not audited, reported only. */
  unaudited: string[];
  /** True when every comparison is clean and no expected document is missing: exit code 0. */
  ok: boolean;
}

/**
 * Compares each expected file with the extracted document of the same id.
 *
 * @param expected The expected files (`loadExpectedDir`).
 * @param docs The extracted documents of the run.
 */
export function audit(expected: ExpectedDocument[], docs: TipDocument[]): AuditResult {
  const byId = new Map(docs.map((d) => [d.document.id, d]));
  const comparisons: Comparison[] = [];
  const missingDocuments: string[] = [];
  for (const e of expected) {
    const doc = byId.get(e.id);
    if (doc) comparisons.push(compare(e, doc));
    else missingDocuments.push(e.id);
  }
  const checked = new Set(expected.map((e) => e.id));
  const unaudited = docs.map((d) => d.document.id).filter((id) => !checked.has(id));
  return {
    comparisons,
    missingDocuments,
    unaudited,
    ok: missingDocuments.length === 0 && comparisons.every(isClean),
  };
}
