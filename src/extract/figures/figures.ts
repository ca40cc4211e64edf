import type { Diagnostic, Figure } from '../../validate/schema.js';
import { draftAbsences } from './absent.js';
import { toFigures } from './draft.js';
import { draftFigures, type FigureInput } from './find.js';
import { checkBreakdowns, REFINERS } from './refine.js';

/**
 * Finds the figures of a document: counts with their metric, unit, year or period, statute, actor, parts and
 * comparisons; then the absences ("did not report ..."); then runs the refiners in their listed order.
 *
 * @param input The clean text, sections, sentences, numbers (article numbers dropped) and statutes.
 * @returns The figures in text order, and a warning for each list of parts that does not add up.
 */
export function findFigures(input: FigureInput): { figures: Figure[]; diagnostics: Diagnostic[] } {
  const { drafts, scopes } = draftFigures(input);
  for (const scope of scopes) {
    const section = input.sections.find((s) => scope.start >= s.start && scope.start < s.end);
    if (!section || section.kind === 'header' || section.kind === 'recommendations') continue;
    drafts.push(...draftAbsences(input, scope, section.kind));
  }
  const context = { text: input.text, numbers: input.numbers, kind: input.kind, scopes };
  const refined = REFINERS.reduce((acc, refine) => refine(acc, context), drafts);
  return { figures: toFigures(input.text, refined), diagnostics: checkBreakdowns(input.text, refined) };
}
