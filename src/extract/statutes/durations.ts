/**
 * Terms of a penalty from the numbers pass: "five to 20 years", "a maximum of 15 years",
 * "six months and 20 years". The numbers pass decides what a number is; this module only joins
 * the ends of a range that it gave as two mentions and reads the limiting words in front.
 */
import type { Range } from '../../segment/types.js';
import type { NumberMention, Penalty } from '../../validate/schema.js';

export type TimeUnit = NonNullable<Penalty['unit']>;

/** A term of a penalty: where it stands, where its limiting words start, and its ends. */
export interface Duration {
  start: number;
  end: number;
  /** Start of "a maximum of" / "up to" in front of the term, or `start`. */
  qualifierStart: number;
  min: number | null;
  max: number | null;
  unit: TimeUnit;
}

/** Number kinds that are never a term of a penalty ("a child aged 14-17 years" is an age). */
const NOT_A_TERM: ReadonlySet<NumberMention['kind']> = new Set([
  'age',
  'money',
  'percent',
  'year',
  'date',
  'ordinal',
  'fraction',
]);

const UNIT_WORD = /\b(years?|yrs?|months?|days?)\b/i;
/** "-year", " years": a dash takes the white space after it, so a run of spaces splits one way only. */
const UNIT_AFTER = /^['’]?\s*(?:[-‐]\s*)?(years?|months?|days?)\b/i;
/** What joins the two ends of a range the numbers pass gave as two mentions. */
const RANGE_JOIN = /^\s*(?:to|-|‐|–|and|or)\s*$/;
const AT_MOST =
  /(?:(?:a|the)\s+)?(?:maximum|max\.?)\s+(?:(?:term|sentence|penalty)\s+)?(?:of\s+)?$|\b(?:up\s+to|not\s+(?:more\s+than|exceeding)|no\s+more\s+than|as\s+much\s+as|at\s+most)\s+$/i;
const AT_LEAST =
  /(?:(?:a|the)\s+)?minimum\s+(?:(?:term|sentence|penalty)\s+)?(?:of\s+)?$|\b(?:at\s+least|not\s+less\s+than|no\s+less\s+than)\s+$/i;

function toUnit(word: string | undefined): TimeUnit | null {
  const lower = word?.toLowerCase() ?? '';
  if (/^(?:years?|yrs?)$/.test(lower)) return 'years';
  if (/^months?$/.test(lower)) return 'months';
  if (/^days?$/.test(lower)) return 'days';
  return null;
}

/** The unit of time of a mention, and where its unit word ends when it stands after the mention. */
function unitOf(text: string, m: NumberMention): { unit: TimeUnit; end: number } | null {
  if (NOT_A_TERM.has(m.kind)) return null;
  const own = toUnit(m.unit) ?? toUnit(UNIT_WORD.exec(m.text)?.[1]);
  if (own) return { unit: own, end: m.end };
  const after = UNIT_AFTER.exec(text.slice(m.end, m.end + 16));
  const unit = toUnit(after?.[1]);
  return unit && after ? { unit, end: m.end + after[0].length } : null;
}

/** The ends of one mention: its value on both sides, or its own range. */
function endsOf(m: NumberMention): { min: number | null; max: number | null } {
  return m.value !== null ? { min: m.value, max: m.value } : { min: m.min ?? null, max: m.max ?? null };
}

/** Puts `value` in `unit` into `to`, when that is exact (years to months); otherwise null. */
function convert(value: number | null, unit: TimeUnit, to: TimeUnit): number | null {
  if (value === null || unit === to) return value;
  if (unit === 'years' && to === 'months') return value * 12;
  return null;
}

/**
 * The terms of imprisonment (or labor) written inside `scope`, from the mentions of the numbers pass.
 *
 * @param text The clean text.
 * @param numbers The number mentions of the sentence, in text order.
 * @param scope The part of the sentence that states penalties.
 * @param blocked Ranges whose numbers are not terms: statute references and condition clauses.
 */
export function buildDurations(
  text: string,
  numbers: readonly NumberMention[],
  scope: Range,
  blocked: readonly Range[],
): Duration[] {
  const inScope = [...numbers]
    .filter(
      (m) =>
        m.start >= scope.start &&
        m.end <= scope.end &&
        !blocked.some((b) => m.start < b.end && b.start < m.end),
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const durations: Duration[] = [];
  let lastEnd = scope.start;
  for (let i = 0; i < inScope.length; i++) {
    const m = inScope[i]!;
    // The numbers pass may give a range and its ends as well; the outermost mention wins.
    if (m.start < lastEnd) continue;
    const unit = unitOf(text, m);
    const next = inScope[i + 1];
    const nextUnit = next ? unitOf(text, next) : null;
    let duration: Omit<Duration, 'qualifierStart'> | null = null;
    if (next && nextUnit && RANGE_JOIN.test(text.slice(m.end, next.start))) {
      // "five to 20 years" as "five" + "20 years", or "six months and 20 years" as two terms.
      const to =
        unit && unit.unit !== nextUnit.unit
          ? unit.unit === 'months' || nextUnit.unit === 'months'
            ? 'months'
            : nextUnit.unit
          : nextUnit.unit;
      duration = {
        start: m.start,
        end: nextUnit.end,
        min: convert(endsOf(m).min, unit?.unit ?? nextUnit.unit, to),
        max: convert(endsOf(next).max, nextUnit.unit, to),
        unit: to,
      };
      i++;
    } else if (unit) {
      duration = { start: m.start, end: unit.end, ...endsOf(m), unit: unit.unit };
    }
    if (!duration) continue;
    const before = text.slice(lastEnd, duration.start);
    const atMost = AT_MOST.exec(before);
    const atLeast = AT_LEAST.exec(before);
    let qualifierStart = duration.start;
    if (duration.min !== null && duration.min === duration.max) {
      if (atMost || m.qualifier === 'at_most' || m.qualifier === 'less_than') duration.min = null;
      else if (atLeast || m.qualifier === 'at_least' || m.qualifier === 'more_than') duration.max = null;
    }
    const qualifier = atMost ?? atLeast;
    if (qualifier) qualifierStart = lastEnd + qualifier.index;
    durations.push({ ...duration, qualifierStart });
    lastEnd = duration.end;
  }
  return durations;
}
