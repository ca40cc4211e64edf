import type { Diagnostic } from './validate/schema.js';

export type { Diagnostic };

/**
 * Makes a diagnostic: a problem found in a document that does not stop the run.
 *
 * @param severity `error` when part of the result is missing, `warning` when it may be wrong, `info` otherwise.
 * @param rule A stable, kebab-case name that tools can switch on ("breakdown-sum", "no-tier").
 * @param message One sentence for a person.
 * @param where Optional offsets into the clean text.
 */
export function diagnostic(
  severity: Diagnostic['severity'],
  rule: string,
  message: string,
  where?: { start: number; end: number },
): Diagnostic {
  return where
    ? { severity, rule, message, start: where.start, end: where.end }
    : { severity, rule, message };
}
