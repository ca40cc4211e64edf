import { z } from 'zod';

/**
 * The one schema of the output contract (see DESIGN.md, "The output contract").
 *
 * It is the source of the TypeScript types (`z.infer`), of the runtime validation
 * (`validate()`), and of the published JSON Schema (`output/schema.json`).
 * Field names may grow; the meaning of existing fields never changes without a major version.
 */
export const SCHEMA_VERSION = '1.0.0';

const offset = z.number().int().nonnegative();

/** A stretch of the clean text: `text.slice(start, end) === quote`. */
export const SpanSchema = z.object({
  start: offset,
  end: offset,
  quote: z.string(),
});

export const SectionKindSchema = z.enum([
  'header',
  'summary',
  'recommendations',
  'prosecution',
  'protection',
  'prevention',
  'profile',
  'other',
]);

export const TierPlacementSchema = z.enum([
  'Tier 1',
  'Tier 2',
  'Tier 2 Watch List',
  'Tier 3',
  'Special Case',
]);

/** What a number measures. A range keeps the kind of its ends (a range of years of prison is a duration). */
export const NumberKindSchema = z.enum([
  'count',
  'range',
  'fraction',
  'percent',
  'money',
  'age',
  'duration',
  'year',
  'date',
  'ordinal',
]);

/** Words around a number that change what it says; a value is never guessed from them. */
export const QualifierSchema = z.enum([
  'approximately',
  'nearly',
  'at_least',
  'more_than',
  'at_most',
  'less_than',
  'exactly',
  'unknown',
  'not_reported',
]);

export const NumberMentionSchema = z.object({
  start: offset,
  end: offset,
  text: z.string(),
  kind: NumberKindSchema,
  /** The value; `null` for a two-sided range (see `min`/`max`) or an unknown number. */
  value: z.number().nullable(),
  min: z.number().optional(),
  max: z.number().optional(),
  qualifier: QualifierSchema.optional(),
  /** The unit written with the number: "years", "months", "percent", a currency code, ... */
  unit: z.string().optional(),
});

export const SectionSchema = z.object({
  kind: SectionKindSchema,
  heading: z.string().nullable(),
  start: offset,
  end: offset,
  paragraphs: z.array(z.object({ start: offset, end: offset })),
});

export const PenaltySchema = z.object({
  kind: z.enum(['imprisonment', 'fine', 'life_imprisonment', 'death', 'forced_labor']),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.enum(['years', 'months', 'days']).nullable(),
  /** Set when the text offers this penalty as an alternative to the one before it ("a fine or imprisonment"). */
  alternative: z.boolean().optional(),
  /** The condition under which this penalty applies, as written ("when the victim is younger than 14 years"). */
  condition: z.string().optional(),
  ...SpanSchema.shape,
});

export const StatuteSchema = z.object({
  /** Stable reference used by figures: `<instrument>` or `<instrument>:<article>`. */
  id: z.string(),
  /** The law the article belongs to, lower case: "criminal code", "code on children", "2005 anti-trafficking law". */
  instrument: z.string(),
  /** The article or section number as written ("124", "124(2)"), or null for a whole law. */
  article: z.string().nullable(),
  title: z.string().optional(),
  penalties: z.array(PenaltySchema),
  mentions: z.array(SpanSchema),
});

export const MetricSchema = z.string().regex(/^[a-z][a-z_]*$/);

/** Output key order is the shape order below (zod builds objects in shape order): what first, where last. */
export const FigureSchema = z.object({
  id: z.string(),
  /** Core: investigations, prosecutions, convictions, victims_identified, victims_assisted, hotline_calls, people_trained. */
  metric: MetricSchema,
  value: z.number().nullable(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().nullable(),
  /** The calendar year the text ties the figure to; null when it names only a period. */
  year: z.number().int().nullable(),
  /**
   * The period the text names: `reporting_period` / `previous_reporting_period` / `year` ("during the year") when it
   * gives no year, `fiscal_year` beside a year given as "FY 2019".
   */
  period: z.enum(['reporting_period', 'previous_reporting_period', 'year', 'fiscal_year']).optional(),
  qualifier: QualifierSchema.optional(),
  /** `statutes[].id` of the law the figure was counted under. */
  statute: z.string().optional(),
  /** Who reported or did what the figure counts. */
  actor: z
    .enum(['government', 'ngos', 'international_organizations', 'ngos_and_international_organizations'])
    .optional(),
  /** What part of a total this figure is ("sex trafficking", "male"). */
  breakdown: z.string().optional(),
  /** `figures[].id` of the total this figure is a part of. */
  partOf: z.string().optional(),
  /** `figures[].id` of the figure for an earlier period that the text sets this one against. */
  comparedWith: z.string().optional(),
  section: SectionKindSchema,
  ...SpanSchema.shape,
  /** Where the number itself stands (for a figure with no value: the words that say so). */
  number: z.object({ start: offset, end: offset }),
  /** Where the quote stands in the decoded source document (the HTML page or text dump as fetched). */
  source: z.object({ start: offset, end: offset }).optional(),
});

export const TierSchema = z.object({
  placement: TierPlacementSchema,
  /** Last year's placement, where the text states it ("remained on Tier 2"), with the words that say so. */
  previous: z.object({ placement: TierPlacementSchema, ...SpanSchema.shape }).optional(),
  change: z.enum(['remained', 'upgraded', 'downgraded']).optional(),
  ...SpanSchema.shape,
});

export const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  rule: z.string(),
  message: z.string(),
  start: offset.optional(),
  end: offset.optional(),
});

export const DocumentKindSchema = z.enum(['tip_narrative', 'hrr_trafficking_section', 'unknown']);

export const DocumentMetaSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/),
  kind: DocumentKindSchema,
  format: z.enum(['text', 'html', 'markdown']),
  url: z.string().nullable(),
  title: z.string().nullable(),
  country: z.string().nullable(),
  reportYear: z.number().int().nullable(),
  publisher: z.string().nullable(),
  publicationDate: z.iso.date().nullable(),
  lastUpdated: z.iso.date().nullable(),
  citeAs: z.string().nullable(),
  refworldId: z.string().nullable(),
  /** sha256 of the fetched source bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** sha256 of the clean text: page chrome may change without the narrative changing. */
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The schema version and a hash of the rule tables that produced this document. */
  extractor: z.string(),
});

export const TipDocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: DocumentMetaSchema,
  tier: TierSchema.nullable(),
  sections: z.array(SectionSchema),
  statutes: z.array(StatuteSchema),
  figures: z.array(FigureSchema),
  numbers: z.array(NumberMentionSchema),
  diagnostics: z.array(DiagnosticSchema),
  /** The clean text every offset points into. */
  text: z.string(),
});

export type Span = z.infer<typeof SpanSchema>;
export type SectionKind = z.infer<typeof SectionKindSchema>;
export type TierPlacement = z.infer<typeof TierPlacementSchema>;
export type NumberKind = z.infer<typeof NumberKindSchema>;
export type Qualifier = z.infer<typeof QualifierSchema>;
export type NumberMention = z.infer<typeof NumberMentionSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Penalty = z.infer<typeof PenaltySchema>;
export type Statute = z.infer<typeof StatuteSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Tier = z.infer<typeof TierSchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type DocumentKind = z.infer<typeof DocumentKindSchema>;
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;
export type TipDocument = z.infer<typeof TipDocumentSchema>;

/** The JSON Schema published as `output/schema.json`. */
export function jsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TipDocumentSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
