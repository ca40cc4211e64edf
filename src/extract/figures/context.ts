import type { DocumentKind, NumberMention, Statute } from '../../validate/schema.js';
import { ACTORS, type Actor, DESCRIPTION_PREFIX, PERIODS, type Period } from './context-rules.js';
import { compileFind, findCues } from './cues.js';
import type { Draft } from './draft.js';
import type { Metric, Unit } from './rules.js';
import type { Segment } from './scope.js';

/**
 * The refiners' helpers that read a figure's surroundings: its year or period, its statute, its actor, the
 * description of a part, and the unit its noun stands for under its metric.
 */

const ACTOR_TABLE = compileFind(ACTORS);
const PERIOD_TABLE = compileFind(PERIODS);

/** A year counts as the figure's when a time preposition stands before it: "in 2016", "during FY 2019". */
const TEMPORAL_BEFORE =
  /(?<![\w-])(?:in|during|for|throughout|of|by|as\s+of|through|until)\s+(?:(?:calendar|fiscal)\s+year\s+|FY\s*|(?:early|late|mid-?)\s*)?$/i;
const FISCAL_BEFORE = /(?:fiscal\s+year|FY)\s*$/i;
const YEAR_IN_DATE = /(?<!\d)(?:19|20)\d{2}(?!\d)/;

/** A year found for a figure, with how the text gave it. */
export interface YearFound {
  year: number;
  fiscal: boolean;
}

function yearOf(text: string, mention: NumberMention): YearFound | null {
  const before = text.slice(Math.max(0, mention.start - 30), mention.start);
  if (mention.kind === 'year' && mention.value !== null && TEMPORAL_BEFORE.test(before)) {
    return { year: mention.value, fiscal: FISCAL_BEFORE.test(before) };
  }
  if (mention.kind === 'date') {
    const year = YEAR_IN_DATE.exec(mention.text);
    if (year) return { year: Number(year[0]), fiscal: false };
  }
  return null;
}

/**
 * The year a figure at `at` is tied to: the first temporal year after it in its segment, else the last before it.
 *
 * @param text The clean text.
 * @param numbers All number mentions of the document, sorted.
 * @param segment The segment the figure stands in.
 * @param at The offset of the figure's number.
 */
export function findYear(
  text: string,
  numbers: NumberMention[],
  segment: Segment,
  at: number,
): YearFound | null {
  let before: YearFound | null = null;
  for (const mention of numbers) {
    if (mention.start < segment.start) continue;
    if (mention.start >= segment.end) break;
    const year = yearOf(text, mention);
    if (!year) continue;
    if (mention.start >= at) return year;
    before = year;
  }
  return before;
}

/**
 * The period a figure without a year belongs to: what its segment says, else the earlier period for a
 * comparison, else the document's own period ("the year" of a human-rights report, the reporting period of a
 * TIP narrative).
 *
 * @param text The clean text.
 * @param segment The figure's segment.
 * @param kind The document's kind.
 */
export function findPeriod(text: string, segment: Segment, kind: DocumentKind): Period {
  const cues = findCues(PERIOD_TABLE, text.slice(segment.clauseStart, segment.end));
  const said = cues[0]?.rule.gives;
  if (said) return said;
  if (segment.comparison) return 'previous_reporting_period';
  return kind === 'hrr_trafficking_section' ? 'year' : 'reporting_period';
}

/**
 * The statute a figure was counted under: a statute mentioned in its segment, the first after it, else before.
 *
 * @param statutes The document's statutes.
 * @param segment The figure's segment.
 * @param at The offset of the figure's number.
 */
export function findStatute(statutes: Statute[], segment: Segment, at: number): string | undefined {
  let before: { id: string; start: number } | undefined;
  let after: { id: string; start: number } | undefined;
  for (const statute of statutes) {
    for (const mention of statute.mentions) {
      if (mention.start < segment.start || mention.end > segment.end) continue;
      if (mention.start >= at && (!after || mention.start < after.start))
        after = { id: statute.id, start: mention.start };
      if (mention.start < at && (!before || mention.start > before.start))
        before = { id: statute.id, start: mention.start };
    }
  }
  return (after ?? before)?.id;
}

/**
 * Who did what a figure counts: the last actor named in its clause before the number.
 *
 * @param text The clean text.
 * @param segment The figure's segment.
 * @param at The offset of the figure's first word.
 */
export function findActor(text: string, segment: Segment, at: number): Actor | undefined {
  const cues = findCues(ACTOR_TABLE, text.slice(segment.clauseStart, at));
  return cues[cues.length - 1]?.rule.gives;
}

const PREFIX = new RegExp(DESCRIPTION_PREFIX, 'i');
/** Where a part's description ends: punctuation, a new phrase, or "and" before the next listed number. */
const DESCRIPTION_END =
  /[,;:()]|\s(?:involving|in|during|compared|under|from|with|which|who|whom|while|whereas|since)\s|\s(?:and|or)\s+(?=(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)/i;

/**
 * The words that say what part of a total a number is, as an exact stretch of the text.
 *
 * @param text The clean text.
 * @param from Where the description may start (after the number, its noun or "of whom").
 * @param limit The end of the segment.
 * @returns The description and where it ends, or null when there are no words.
 *
 *     68 of whom were subjected to forced labor, 11 to ...
 *               ^from         ^----------^ description
 */
export function describePart(
  text: string,
  from: number,
  limit: number,
): { text: string; end: number } | null {
  const rest = text.slice(from, Math.min(limit, from + 100));
  const lead = rest.length - rest.trimStart().length;
  const prefix = PREFIX.exec(rest.slice(lead));
  const start = lead + (prefix ? prefix[0].length : 0);
  const stop = DESCRIPTION_END.exec(rest.slice(start));
  let end = stop ? start + stop.index : rest.length;
  while (end > start && /[\s.!?"”]/.test(rest[end - 1] as string)) end--;
  if (end <= start) return null;
  return { text: rest.slice(start, end), end: from + end };
}

/** The unit each metric counts in when its noun does not say. */
const DEFAULT_UNIT: Record<Metric, Unit | null> = {
  investigations: 'cases',
  prosecutions: null,
  convictions: 'offenders',
  victims_identified: 'victims',
  victims_assisted: 'victims',
  victims_referred: 'victims',
  victims_repatriated: 'victims',
  victims_rescued: 'victims',
  hotline_calls: 'calls',
  people_trained: 'people',
  arrests: 'suspects',
  sentences: 'offenders',
  law_enforcement: null,
};

const VICTIM_METRICS = new Set<Metric>([
  'victims_identified',
  'victims_assisted',
  'victims_referred',
  'victims_repatriated',
  'victims_rescued',
]);

/**
 * The contract unit of a noun under a metric: "traffickers" are suspects when prosecuted and offenders when
 * convicted; "officials" are people when trained.
 *
 * @param noun The noun's unit, or null when the number has no noun.
 * @param metric The figure's metric.
 */
export function unitFor(noun: Unit | 'officials' | null, metric: Metric): Unit | null {
  if (noun === null) return DEFAULT_UNIT[metric];
  const punished = metric === 'convictions' || metric === 'sentences';
  if (metric === 'people_trained') return 'people';
  if (noun === 'officials' || noun === 'suspects') {
    if (VICTIM_METRICS.has(metric)) return 'victims';
    return punished ? 'offenders' : 'suspects';
  }
  if (noun === 'victims' && !VICTIM_METRICS.has(metric)) return 'victims';
  return noun;
}

/**
 * Copies what a part inherits from its total (statute and actor), or a comparison from the figure it is set
 * against (the actor only: the text does not say the earlier figure was counted under the same law).
 *
 * @param from The total or the compared figure.
 * @param part True for a part, false for a comparison.
 */
export function inherit(from: Draft, part: boolean): Pick<Draft, 'statute' | 'actor'> {
  const out: Pick<Draft, 'statute' | 'actor'> = {};
  if (part && from.statute !== undefined) out.statute = from.statute;
  if (from.actor !== undefined) out.actor = from.actor;
  return out;
}
