import type { Diagnostic } from '../diagnostics.js';

/** The Refworld metadata block, each field null when the page does not give it. */
export interface SourceMetadata {
  title: string | null;
  publisher: string | null;
  /** ISO 8601 date (YYYY-MM-DD). */
  publicationDate: string | null;
  /** ISO 8601 date (YYYY-MM-DD) of "Last Updated". */
  lastUpdated: string | null;
  citeAs: string | null;
  /** The Refworld document id, from the URL in "Cite as" or the page address ("5959eca511"). */
  refworldId: string | null;
  /** The page address given in the metadata ("available at: ..."). */
  url: string | null;
  /** The report year from the title ("2017 Trafficking in Persons Report - ..."). */
  reportYear: number | null;
  /** The country from the title, as written there. */
  country: string | null;
}

/**
 * One run of characters copied unchanged from the decoded source into the clean text:
 * clean offsets `clean .. clean + length` came from source offsets `source .. source + length`.
 */
export interface SourceMapEntry {
  clean: number;
  source: number;
  length: number;
}

/** What parse produces: the clean text every later offset points into, plus metadata. */
export interface CleanDocument {
  format: 'text' | 'html' | 'markdown';
  /**
   * The narrative body only (no metadata block, no page chrome): blocks separated by one blank
   * line ("\n\n"), each heading on a line of its own, no trailing white space.
   */
  text: string;
  metadata: SourceMetadata;
  /** Sorted by `clean`; maps clean offsets back into the decoded source string. */
  sourceMap: SourceMapEntry[];
  diagnostics: Diagnostic[];
}
