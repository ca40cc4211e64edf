import type { Diagnostic } from '../diagnostics.js';
import type { Figure, NumberMention, Statute, Tier } from '../validate/schema.js';

/** What extract produces from one clean, segmented document. */
export interface Extraction {
  tier: Tier | null;
  statutes: Statute[];
  figures: Figure[];
  numbers: NumberMention[];
  diagnostics: Diagnostic[];
}
