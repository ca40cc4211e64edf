import { type Figure, SCHEMA_VERSION, type TipDocument } from '../../src/validate/schema.js';

/** The clean text of the factory document. */
export const FACTORY_TEXT = 'X: TIER 2\n\nThe government convicted 10 offenders in 2016.';

/**
 * A figure with defaults from the factory text; a test row states only what differs.
 *
 * @param overrides The fields that differ.
 */
export function figure(overrides: Partial<Figure> = {}): Figure {
  return {
    id: 'f1',
    metric: 'convictions',
    value: 10,
    unit: 'offenders',
    year: 2016,
    section: 'summary',
    start: 26,
    end: 48,
    quote: 'convicted 10 offenders',
    number: { start: 36, end: 38 },
    ...overrides,
  };
}

/**
 * A valid document with one figure, for the emit and validate tests.
 *
 * @param overrides Top-level fields that differ.
 */
export function tipDocument(overrides: Partial<TipDocument> = {}): TipDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    document: {
      id: 'doc-1',
      kind: 'tip_narrative',
      format: 'text',
      url: null,
      title: null,
      country: 'X',
      reportYear: 2017,
      publisher: null,
      publicationDate: null,
      lastUpdated: null,
      citeAs: null,
      refworldId: null,
      sha256: 'a'.repeat(64),
      textSha256: 'b'.repeat(64),
      extractor: 'test',
    },
    tier: { placement: 'Tier 2', start: 0, end: 9, quote: 'X: TIER 2' },
    sections: [
      { kind: 'header', heading: 'X: TIER 2', start: 0, end: 9, paragraphs: [{ start: 0, end: 9 }] },
      { kind: 'summary', heading: null, start: 11, end: 57, paragraphs: [{ start: 11, end: 57 }] },
    ],
    statutes: [],
    figures: [figure()],
    numbers: [
      { start: 36, end: 38, text: '10', kind: 'count', value: 10 },
      { start: 52, end: 56, text: '2016', kind: 'year', value: 2016 },
    ],
    diagnostics: [],
    text: FACTORY_TEXT,
    ...overrides,
  };
}
