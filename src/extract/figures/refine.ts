import { diagnostic } from '../../diagnostics.js';
import type { Diagnostic, DocumentKind, NumberMention } from '../../validate/schema.js';
import type { Draft } from './draft.js';
import type { SentenceScope } from './scope.js';
import { assignYears } from './time.js';

/** What the refiners read besides the drafts. */
export interface RefineContext {
  text: string;
  numbers: NumberMention[];
  kind: DocumentKind;
  scopes: SentenceScope[];
}

/**
 * The refiners, pure functions over the drafts run in the order of `REFINERS`: each reads what the
 * ones before it settled.
 */

/** Same metric and compatible units: the two figures count the same thing. */
function sameThing(a: Draft, b: Draft): boolean {
  return a.metric === b.metric && (a.unit === b.unit || a.unit === null || b.unit === null);
}

/**
 * Links each comparison figure ("compared with six cases in 2015") to the figure it is set against: the
 * last whole figure of the same metric and unit before it, in its sentence or, after "In comparison,", in
 * the sentence before.
 */
export function linkComparisons(drafts: Draft[], { scopes }: RefineContext): Draft[] {
  drafts.forEach((c, i) => {
    if (!c.isComparison || c.partOf) return;
    const reach = scopes[c.sentence]?.comparesWithPrevious ? c.sentence - 1 : c.sentence;
    for (let j = i - 1; j >= 0; j--) {
      const f = drafts[j] as Draft;
      if (f.sentence < reach) break;
      if (!f.isComparison && !f.partOf && !f.comparedWith && sameThing(f, c)) {
        f.comparedWith = c;
        // "compared with prosecuting 25": the earlier figure counts in the unit of the one it is set against.
        if (c.unit === null) c.unit = f.unit;
        return;
      }
    }
  });
  return drafts;
}

/** Drops a second draft of the same metric on the same words (an absence cue read by two rules). */
export function dropDuplicates(drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = `${d.metric}@${d.number.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Sorts drafts by position, so that ids follow the text. */
export function sortByPosition(drafts: Draft[]): Draft[] {
  return [...drafts].sort((a, b) => a.start - b.start || a.number.start - b.number.start);
}

/** The refiners in the order they run. */
export const REFINERS: ((drafts: Draft[], context: RefineContext) => Draft[])[] = [
  sortByPosition,
  dropDuplicates,
  assignYears,
  linkComparisons,
];

/**
 * Warns where the parts listed together under a total do not add up to it.
 *
 * @param text The clean text.
 * @param drafts The refined drafts.
 */
export function checkBreakdowns(text: string, drafts: Draft[]): Diagnostic[] {
  const groups = new Map<number, Draft[]>();
  for (const d of drafts) {
    if (d.partOf && d.group !== undefined) groups.set(d.group, [...(groups.get(d.group) ?? []), d]);
  }
  const out: Diagnostic[] = [];
  for (const parts of groups.values()) {
    const total = parts[0]?.partOf;
    if (!total || parts.length < 2 || total.value === null || parts.some((p) => p.value === null)) continue;
    const sum = parts.reduce((acc, p) => acc + (p.value as number), 0);
    if (sum === total.value) continue;
    out.push(
      diagnostic(
        'warning',
        'breakdown-sum',
        `The ${parts.length} parts listed under "${text.slice(total.start, total.end)}" add up to ${sum}, not ${total.value}.`,
        { start: total.start, end: total.end },
      ),
    );
  }
  return out;
}
