import { type TipDocument, TipDocumentSchema } from './schema.js';

export type { TipDocument } from './schema.js';
export { jsonSchema, SCHEMA_VERSION, TipDocumentSchema } from './schema.js';

/** One reason a document does not meet the schema, with the path of the offending field. */
export interface ValidationIssue {
  path: string;
  code: string;
  message: string;
}

/** The outcome of `validate`: the typed document, or the issues that kept it out. */
export type ValidationResult =
  | { success: true; data: TipDocument }
  | { success: false; issues: ValidationIssue[] };

/**
 * Checks an assembled document against the output schema and the span invariant; never throws on bad data.
 *
 * @param candidate The document to check, typically what the pipeline assembled.
 * @returns `{ success: true, data }`, or `{ success: false, issues }` with one entry per problem.
 */
export function validate(candidate: unknown): ValidationResult {
  const parsed = TipDocumentSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      success: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        code: issue.code,
        message: issue.message,
      })),
    };
  }
  const issues = spanIssues(parsed.data);
  return issues.length > 0 ? { success: false, issues } : { success: true, data: parsed.data };
}

/** The schema cannot say that a quote is the slice of the text it points into: this does. */
function spanIssues(doc: TipDocument): ValidationIssue[] {
  const { text } = doc;
  const issues: ValidationIssue[] = [];
  const check = (path: string, start: number, end: number, quote: string): void => {
    if (end < start || end > text.length) {
      issues.push({
        path,
        code: 'span_out_of_range',
        message: `Expected 0 <= ${start} <= ${end} <= ${text.length}`,
      });
    } else if (text.slice(start, end) !== quote) {
      issues.push({
        path,
        code: 'span_quote_mismatch',
        message: `Expected the quote to equal text.slice(${start}, ${end})`,
      });
    }
  };
  doc.figures.forEach((f, i) => {
    check(`figures.${i}`, f.start, f.end, f.quote);
  });
  doc.statutes.forEach((s, i) => {
    s.mentions.forEach((m, j) => {
      check(`statutes.${i}.mentions.${j}`, m.start, m.end, m.quote);
    });
    s.penalties.forEach((p, j) => {
      check(`statutes.${i}.penalties.${j}`, p.start, p.end, p.quote);
    });
  });
  doc.numbers.forEach((n, i) => {
    check(`numbers.${i}`, n.start, n.end, n.text);
  });
  if (doc.tier) check('tier', doc.tier.start, doc.tier.end, doc.tier.quote);
  doc.sections.forEach((s, i) => {
    check(`sections.${i}`, s.start, s.end, text.slice(s.start, s.end));
  });
  return issues;
}
