import { type Diagnostic, diagnostic } from '../diagnostics.js';
import type { DocumentKind, Section, SectionKind } from '../validate/schema.js';
import type { HeaderLine } from './types.js';

/** The named parts of a TIP narrative; two of them as headings make a narrative even without a header. */
export const TIP_SECTION_KINDS: readonly SectionKind[] = [
  'recommendations',
  'prosecution',
  'protection',
  'prevention',
  'profile',
];

/** A narrative names at least this many of its parts (the 2001-2004 ones may name none: the header decides). */
const MIN_TIP_HEADINGS = 2;

/**
 * Tells what kind of document the headings describe.
 *
 * @param header The header line, if one was found.
 * @param headingKinds The section kinds that a heading (not an inference) named.
 * @param hasHrrHeading Whether a human-rights report's "Trafficking in Persons" heading was found.
 */
export function documentKind(
  header: HeaderLine | null,
  headingKinds: ReadonlySet<SectionKind>,
  hasHrrHeading: boolean,
): DocumentKind {
  const named = TIP_SECTION_KINDS.filter((kind) => headingKinds.has(kind)).length;
  if (header?.placement || named >= MIN_TIP_HEADINGS) return 'tip_narrative';
  return hasHrrHeading ? 'hrr_trafficking_section' : 'unknown';
}

/**
 * Reports what a document lacks: a header or expected sections in a narrative, or that it is no narrative.
 *
 * @param kind The document kind.
 * @param header The header line, if any.
 * @param sections The final sections.
 */
export function kindDiagnostics(
  kind: DocumentKind,
  header: HeaderLine | null,
  sections: readonly Section[],
): Diagnostic[] {
  if (kind === 'unknown') {
    return [
      diagnostic(
        'warning',
        'not-a-tip-narrative',
        'Found no "COUNTRY: TIER" header, fewer than two TIP section headings and no "Trafficking in Persons" heading',
      ),
    ];
  }
  if (kind !== 'tip_narrative') return [];
  const diagnostics: Diagnostic[] = [];
  if (!header) diagnostics.push(diagnostic('warning', 'no-header', 'Found no "COUNTRY: TIER" header line'));
  const present = new Set(sections.map((section) => section.kind));
  for (const kind of TIP_SECTION_KINDS) {
    if (!present.has(kind))
      diagnostics.push(diagnostic('info', 'missing-section', `Found no ${kind} section`));
  }
  return diagnostics;
}
