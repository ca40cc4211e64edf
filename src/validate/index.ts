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

type SpanProblem = 'span_out_of_range' | 'span_quote_mismatch';

/** The schema cannot say that a quote is the slice of the text it points into: this does. */
function spanIssues(doc: TipDocument): ValidationIssue[] {
  const { text } = doc;
  const issues: ValidationIssue[] = [];
  // A quote of null checks the range alone (a section has no quote).
  const problem = (start: number, end: number, quote: string | null): SpanProblem | null => {
    if (end < start || end > text.length) return 'span_out_of_range';
    if (quote !== null && text.slice(start, end) !== quote) return 'span_quote_mismatch';
    return null;
  };
  // Called only for a problem, so that a path is built only then: a document has hundreds of spans.
  const report = (path: string, code: SpanProblem, start: number, end: number): void => {
    issues.push({
      path,
      code,
      message:
        code === 'span_out_of_range'
          ? `Expected 0 <= ${start} <= ${end} <= ${text.length}`
          : `Expected the quote to equal text.slice(${start}, ${end})`,
    });
  };
  doc.figures.forEach((f, i) => {
    const code = problem(f.start, f.end, f.quote);
    if (code) report(`figures.${i}`, code, f.start, f.end);
  });
  doc.statutes.forEach((s, i) => {
    s.mentions.forEach((m, j) => {
      const code = problem(m.start, m.end, m.quote);
      if (code) report(`statutes.${i}.mentions.${j}`, code, m.start, m.end);
    });
    s.penalties.forEach((p, j) => {
      const code = problem(p.start, p.end, p.quote);
      if (code) report(`statutes.${i}.penalties.${j}`, code, p.start, p.end);
    });
  });
  doc.numbers.forEach((n, i) => {
    const code = problem(n.start, n.end, n.text);
    if (code) report(`numbers.${i}`, code, n.start, n.end);
  });
  if (doc.tier) {
    const code = problem(doc.tier.start, doc.tier.end, doc.tier.quote);
    if (code) report('tier', code, doc.tier.start, doc.tier.end);
  }
  doc.sections.forEach((s, i) => {
    const code = problem(s.start, s.end, null);
    if (code) report(`sections.${i}`, code, s.start, s.end);
  });
  return issues;
}
