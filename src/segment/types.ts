import type { Diagnostic } from '../diagnostics.js';
import type { DocumentKind, Section, TierPlacement } from '../validate/schema.js';

/** An offset range into the clean text. */
export interface Range {
  start: number;
  end: number;
}

/** The "COUNTRY: TIER 2" line (or its era's variant), read by the heading rules. */
export interface HeaderLine extends Range {
  country: string;
  placement: TierPlacement | null;
}

/** What segment produces: sections (with paragraphs), sentences and the header, all as offsets. */
export interface Segmented {
  kind: DocumentKind;
  header: HeaderLine | null;
  sections: Section[];
  /** Every sentence of every paragraph, in text order. Headings are not sentences. */
  sentences: Range[];
  diagnostics: Diagnostic[];
}
