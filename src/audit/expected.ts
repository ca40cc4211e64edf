import { z } from 'zod';
import {
  DocumentKindSchema,
  FigureSchema,
  PenaltySchema,
  TierPlacementSchema,
  TierSchema,
} from '../validate/schema.js';

/**
 * The shape of a hand-checked expected file (`fixtures/expected/<id>.json`): a focused projection of the
 * output contract that an auditor writes from the source text. Every field but `id` may be left out; a
 * figure is compared on the fields it gives.
 */
export const ExpectedFigureSchema = FigureSchema.pick({
  metric: true,
  value: true,
  min: true,
  max: true,
  unit: true,
  year: true,
  period: true,
  qualifier: true,
  statute: true,
  actor: true,
  breakdown: true,
  quote: true,
})
  .partial({ unit: true, year: true, quote: true })
  .extend({
    /** Index, in this file's `figures`, of the total this figure is a part of. */
    partOf: z.number().int().nonnegative().optional(),
    /** Index, in this file's `figures`, of the earlier period's figure this one is compared with. */
    comparedWithIndex: z.number().int().nonnegative().optional(),
  })
  .strict();

export const ExpectedPenaltySchema = PenaltySchema.pick({
  kind: true,
  min: true,
  max: true,
  unit: true,
  condition: true,
}).strict();

export const ExpectedStatuteSchema = z
  .object({
    instrument: z.string(),
    article: z.string().nullable(),
    title: z.string().optional(),
    penalties: z.array(ExpectedPenaltySchema).optional(),
  })
  .strict();

export const ExpectedDocumentSchema = z
  .object({
    id: z.string(),
    /** The figures list is exhaustive: any other extracted figure is a false positive. */
    complete: z.boolean().default(false),
    document: z
      .object({
        kind: DocumentKindSchema,
        country: z.string().nullable(),
        reportYear: z.number().int().nullable(),
      })
      .partial()
      .optional(),
    tier: z
      .object({
        placement: TierPlacementSchema,
        previous: TierPlacementSchema.optional(),
        change: TierSchema.shape.change,
      })
      .nullable()
      .optional(),
    sections: z.array(z.string()).optional(),
    figures: z.array(ExpectedFigureSchema).optional(),
    statutes: z.array(ExpectedStatuteSchema).optional(),
  })
  .strict();

export type ExpectedFigure = z.infer<typeof ExpectedFigureSchema>;
export type ExpectedPenalty = z.infer<typeof ExpectedPenaltySchema>;
export type ExpectedStatute = z.infer<typeof ExpectedStatuteSchema>;
export type ExpectedDocument = z.infer<typeof ExpectedDocumentSchema>;
