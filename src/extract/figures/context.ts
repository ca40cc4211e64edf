import type { Statute } from '../../validate/schema.js';
import { ACTORS, type Actor, DESCRIPTION_PREFIX } from './context-rules.js';
import { compileFind, findCues } from './cues.js';
import type { Draft } from './draft.js';
import type { Metric, NounCue, Unit } from './rules.js';
import type { Segment } from './scope.js';

/**
 * The helpers that read a figure's surroundings: its statute, its actor, the description of a part, and the
 * unit its noun stands for under its metric. Years and periods are in time.ts.
 */

const ACTOR_TABLE = compileFind(ACTORS);

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
  /[,;:()]|\s(?:involving|in|during|compared|under|from|with|which|who|whom|while|whereas|since)\s|\sof\s+(?=between|up\s+to|at\s+least|\d)|\s(?:and|or)\s+(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)/i;

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
 * The contract unit of a noun under a metric: "children" are victims when identified and suspects when
 * arrested; "traffickers" are suspects when prosecuted and offenders when convicted; "officials" are people
 * when trained.
 *
 * @param noun The noun's unit, or null when the number has no noun.
 * @param metric The figure's metric.
 */
export function unitFor(noun: NounCue['unit'] | null, metric: Metric): Unit | null {
  if (noun === null) return DEFAULT_UNIT[metric];
  if (metric === 'people_trained') return 'people';
  if (noun === 'cases' || noun === 'calls' || noun === 'victims' || noun === 'offenders') return noun;
  if (VICTIM_METRICS.has(metric)) return 'victims';
  return metric === 'convictions' || metric === 'sentences' ? 'offenders' : 'suspects';
}

/**
 * Copies what a part inherits from its total (statute and actor), or a comparison from the figure it is set
 * against (the actor only: the text does not say the earlier figure was counted under the same law).
 *
 * @param draft The part or the comparison; written in place.
 * @param from The total or the compared figure.
 * @param part True for a part, false for a comparison.
 */
export function inherit(draft: Draft, from: Draft, part: boolean): void {
  if (part && from.statute !== undefined) draft.statute = from.statute;
  if (from.actor !== undefined) draft.actor = from.actor;
}
