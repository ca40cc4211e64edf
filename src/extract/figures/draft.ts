import type { Figure, NumberMention, Qualifier, SectionKind } from '../../validate/schema.js';
import type { Actor, Period } from './context-rules.js';
import type { Metric, Unit } from './rules.js';
import type { Segment } from './scope.js';

/** A figure while the refiners work on it: links are object references until ids are given. */
export interface Draft {
  metric: Metric;
  value: number | null;
  min?: number;
  max?: number;
  unit: Unit | null;
  year: number | null;
  period?: Period;
  qualifier?: Qualifier;
  statute?: string;
  actor?: Actor;
  breakdown?: string;
  partOf?: Draft;
  /** Parts listed together ("68 of whom ..., 11 ..., and seven ...") share a group and are summed. */
  group?: number;
  comparedWith?: Draft;
  /** "involving 45 suspects": the figure counts another unit of this one, and shares its year. */
  anchor?: Draft;
  /** This figure is the earlier period's side of a comparison. */
  isComparison: boolean;
  section: SectionKind;
  start: number;
  end: number;
  number: { start: number; end: number };
  sentence: number;
  segment: Segment;
}

/** The number kinds that can be a figure's value: counts and ranges of counts. */
export function isCount(mention: NumberMention): boolean {
  return mention.kind === 'count' || mention.kind === 'range';
}

/**
 * Copies value, range ends and qualifier of a number mention onto a draft.
 *
 * @param mention The number the figure is about.
 */
export function valueFields(mention: NumberMention): Pick<Draft, 'value' | 'min' | 'max' | 'qualifier'> {
  const out: Pick<Draft, 'value' | 'min' | 'max' | 'qualifier'> = { value: mention.value };
  if (mention.min !== undefined) out.min = mention.min;
  if (mention.max !== undefined) out.max = mention.max;
  if (mention.qualifier !== undefined) out.qualifier = mention.qualifier;
  return out;
}

/**
 * Turns drafts into contract figures: sorted by position, numbered f1, f2, ... and links resolved to ids.
 *
 * @param text The clean text the offsets point into.
 * @param drafts The refined drafts.
 */
export function toFigures(text: string, drafts: Draft[]): Figure[] {
  const sorted = [...drafts].sort(
    (a, b) => a.start - b.start || a.number.start - b.number.start || a.end - b.end,
  );
  const ids = new Map(sorted.map((d, i) => [d, `f${i + 1}`]));
  return sorted.map((d) => {
    const figure: Figure = {
      id: ids.get(d) as string,
      metric: d.metric,
      value: d.value,
      unit: d.unit,
      year: d.year,
      section: d.section,
      start: d.start,
      end: d.end,
      quote: text.slice(d.start, d.end),
      number: d.number,
    };
    if (d.min !== undefined) figure.min = d.min;
    if (d.max !== undefined) figure.max = d.max;
    if (d.period !== undefined) figure.period = d.period;
    if (d.qualifier !== undefined) figure.qualifier = d.qualifier;
    if (d.statute !== undefined) figure.statute = d.statute;
    if (d.actor !== undefined) figure.actor = d.actor;
    if (d.breakdown !== undefined) figure.breakdown = d.breakdown;
    if (d.partOf && ids.has(d.partOf)) figure.partOf = ids.get(d.partOf) as string;
    if (d.comparedWith && ids.has(d.comparedWith)) figure.comparedWith = ids.get(d.comparedWith) as string;
    return figure;
  });
}
