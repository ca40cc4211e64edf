import type { Figure, NumberMention, Qualifier, SectionKind } from '../../validate/schema.js';
import type { Actor, Period } from './context-rules.js';
import type { Metric, Unit } from './rules.js';
import type { Segment } from './scope.js';

/** A figure while the refiners work on it: links are object references until ids are given. */
export interface Draft {
  metric: Metric;
  value: number | null;
  min: number | undefined;
  max: number | undefined;
  unit: Unit | null;
  year: number | null;
  period: Period | undefined;
  qualifier: Qualifier | undefined;
  statute: string | undefined;
  actor: Actor | undefined;
  breakdown: string | undefined;
  partOf: Draft | undefined;
  /** Parts listed together ("68 of whom ..., 11 ..., and seven ...") share a group and are summed. */
  group: number | undefined;
  comparedWith: Draft | undefined;
  /** "involving 45 suspects": the figure counts another unit of this one, and shares its year. */
  anchor: Draft | undefined;
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

/** Where a draft stands and what it counts: the fields a draft is made with besides the number's own. */
export type DraftPlace = Pick<
  Draft,
  | 'metric'
  | 'unit'
  | 'year'
  | 'isComparison'
  | 'section'
  | 'start'
  | 'end'
  | 'number'
  | 'sentence'
  | 'segment'
>;

/**
 * A draft of a number mention: its value, range ends and qualifier, then the given fields. Every field is
 * set here, absent ones `undefined`, in the order `Draft` lists them, and later steps only assign: all
 * drafts then share one hidden class (fields added later gave several, and the refiners that read them
 * deoptimised on "wrong map" each time another reached them).
 *
 * @param mention The number the figure is about.
 * @param place The other fields; they are copied, in the order `Draft` lists them.
 */
export function newDraft(mention: NumberMention, place: DraftPlace): Draft {
  return {
    metric: place.metric,
    value: mention.value,
    min: mention.min,
    max: mention.max,
    unit: place.unit,
    year: place.year,
    period: undefined,
    qualifier: mention.qualifier,
    statute: undefined,
    actor: undefined,
    breakdown: undefined,
    partOf: undefined,
    group: undefined,
    comparedWith: undefined,
    anchor: undefined,
    isComparison: place.isComparison,
    section: place.section,
    start: place.start,
    end: place.end,
    number: place.number,
    sentence: place.sentence,
    segment: place.segment,
  };
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
