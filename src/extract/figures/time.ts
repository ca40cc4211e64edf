import type { DocumentKind, NumberMention } from '../../validate/schema.js';
import { PERIODS, type Period } from './context-rules.js';
import { compileFind, findCues } from './cues.js';
import type { Draft } from './draft.js';
import type { Segment } from './scope.js';

/**
 * The year and period of each figure.
 *
 * A year belongs to the figure it follows: in "referred 117 victims to shelters, and ... assisted 62 victims
 * in 2012" the year is the 62's, not the 117's. So each whole figure looks for a time after its number up to
 * the next whole figure of its segment, and failing that, before its number back to the previous one. Parts
 * and "involving" figures take the year of the figure they belong to. With no year, the period is what the
 * text says ("during the reporting period"), the earlier period for a comparison, else the document's own.
 */

const PERIOD_TABLE = compileFind(PERIODS);

/**
 * A year counts as a figure's when a time preposition stands right before it ("in 2016", "during FY 2019",
 * "in January 2017"). "From April 2021 to March 2022" names a span, not a year: "from" and "to" are not here.
 */
const TEMPORAL_BEFORE =
  /(?<![\w-])(?:in|during|for|throughout|of|by|as\s+of|through|until)\s+(?:(?:calendar|fiscal)\s+year\s+|FY\s*|(?:early|late|mid-?)\s*)?$/i;
const MONTHS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/i;
const FISCAL_BEFORE = /(?:fiscal\s+year|FY)\s*$/i;
const YEAR_IN_DATE = /(?<!\d)(?:19|20)\d{2}(?!\d)/;

/** A year found for a figure, with how the text gave it. */
export interface YearFound {
  year: number;
  fiscal: boolean;
}

/**
 * The year a number mention gives as a time, or null: a year or a dated mention right after a time preposition.
 *
 * @param text The clean text.
 * @param mention A number mention.
 * @example yearOf('in 2016', { kind: 'year', value: 2016, start: 3, ... }) //=> { year: 2016, fiscal: false }
 */
export function yearOf(text: string, mention: NumberMention): YearFound | null {
  if (mention.kind !== 'year' && mention.kind !== 'date') return null;
  const before = text.slice(Math.max(0, mention.start - 30), mention.start);
  if (!TEMPORAL_BEFORE.test(before)) return null;
  if (mention.kind === 'year') {
    if (mention.value === null || mention.min !== undefined) return null;
    return { year: mention.value, fiscal: FISCAL_BEFORE.test(before) };
  }
  const year = YEAR_IN_DATE.exec(mention.text);
  return year && (MONTHS.test(mention.text) || /^\d/.test(mention.text))
    ? { year: Number(year[0]), fiscal: false }
    : null;
}

/**
 * The period a figure without a year belongs to.
 *
 * @param text The clean text.
 * @param segment The figure's segment.
 * @param kind The document's kind.
 */
export function findPeriod(text: string, segment: Segment, kind: DocumentKind): Period {
  const said = findCues(PERIOD_TABLE, text.slice(segment.clauseStart, segment.end))[0]?.rule.gives;
  if (said) return said;
  if (segment.comparison) return 'previous_reporting_period';
  return kind === 'hrr_trafficking_section' ? 'year' : 'reporting_period';
}

function yearBetween(
  text: string,
  numbers: NumberMention[],
  from: number,
  to: number,
  last: boolean,
): YearFound | null {
  let found: YearFound | null = null;
  for (const mention of numbers) {
    if (mention.start < from) continue;
    if (mention.start >= to) break;
    const year = yearOf(text, mention);
    if (year && !last) return year;
    if (year) found = year;
  }
  return found;
}

/** The words that may stand before a year that opens a clause: "In 2003, police ...". */
const OPENING = /^\s*(?:in|during|throughout)\s+(?:(?:calendar|fiscal)\s+year\s+|FY\s*)?$/i;

/**
 * The year that opens a clause ("In 2003, police initiated 17 cases ..., and courts convicted five traffickers")
 * holds for every figure of the clause that has no year of its own, whatever subject it has.
 */
function openingYear(text: string, numbers: NumberMention[], segment: Segment): YearFound | null {
  if (segment.comparison) return null;
  const start = segment.clauseStart;
  for (const mention of numbers) {
    if (mention.start < start) continue;
    if (mention.start > start + 24 || mention.start >= segment.end) break;
    if (OPENING.test(text.slice(start, mention.start))) return yearOf(text, mention);
  }
  return null;
}

/**
 * Figures listed together share the time said once for the list: "During 2006, authorities opened 31
 * investigations, prosecuted 12 suspects, and convicted four traffickers". Between two listed figures stand
 * only a comma or "and" and the rest of the first figure's phrase, never a new subject.
 */
const LIST_GAP = /^[^;A-Z]{0,100}?(?:,|\band)\s*$/;

/**
 * Refiner: sets `year` (and `period` when fiscal or when no year is given) on every draft.
 *
 * @param drafts The drafts, sorted by position.
 * @param context The clean text, the numbers pass and the document kind.
 */
export function assignYears(
  drafts: Draft[],
  context: { text: string; numbers: NumberMention[]; kind: DocumentKind },
): Draft[] {
  const { text, numbers, kind } = context;
  const wholes = drafts.filter((d) => !d.partOf && !d.anchor);
  const listed = (a: Draft | undefined, b: Draft | undefined): boolean =>
    a !== undefined &&
    b !== undefined &&
    a.segment === b.segment &&
    LIST_GAP.test(text.slice(a.end, b.start));
  let chainStart = 0;
  wholes.forEach((d, i) => {
    if (!listed(wholes[i - 1], d)) chainStart = i;
    let chainEnd = i;
    while (listed(wholes[chainEnd], wholes[chainEnd + 1])) chainEnd++;
    const first = wholes[chainStart] as Draft;
    const last = wholes[chainEnd] as Draft;
    const next = wholes[chainEnd + 1];
    const previous = wholes[chainStart - 1];
    const own = yearBetween(
      text,
      numbers,
      d.number.end,
      wholes[i + 1]?.segment === d.segment ? (wholes[i + 1] as Draft).start : d.segment.end,
      false,
    );
    const after = yearBetween(
      text,
      numbers,
      last.number.end,
      next?.segment === d.segment ? next.start : d.segment.end,
      false,
    );
    const before = yearBetween(
      text,
      numbers,
      previous?.segment === d.segment ? previous.end : d.segment.start,
      first.start,
      true,
    );
    const year = own ?? after ?? before ?? openingYear(text, numbers, d.segment);
    d.year = year?.year ?? null;
    if (year?.fiscal) d.period = 'fiscal_year';
    else if (year) d.period = undefined;
    else d.period = findPeriod(text, d.segment, kind);
  });
  for (const d of drafts) {
    const from = d.partOf ?? d.anchor;
    if (!from) continue;
    d.year = from.year;
    if (from.period) d.period = from.period;
    else d.period = undefined;
  }
  return drafts;
}
