/**
 * Build steps shared by the rule rows: ranges from two ends, kinds that a unit or cue sets, and the
 * qualifier that prefix and suffix words give together.
 */
import type { NumberKind, Qualifier } from '../../validate/schema.js';
import type { SuffixCue } from '../words.js';
import type { Draft, NumNode } from './types.js';

/** Copies a node's meaning into a draft, leaving out absent optional fields. */
export function draftOf(n: NumNode, change: Partial<Draft> = {}): Draft {
  const d: Draft = {
    kind: change.kind ?? n.kind,
    value: change.value !== undefined ? change.value : n.value,
  };
  const min = change.min ?? n.min;
  const max = change.max ?? n.max;
  const qualifier = change.qualifier ?? n.qualifier;
  const unit = change.unit ?? n.unit;
  if (min !== undefined) d.min = min;
  if (max !== undefined) d.max = max;
  if (qualifier !== undefined) d.qualifier = qualifier;
  if (unit !== undefined) d.unit = unit;
  return d;
}

/** Kinds that two ends can share; a range of counts is kind `range`, a range of years is kind `year`. */
function rangeKind(a: NumberKind, b: NumberKind): NumberKind | null {
  if (a === b) return a === 'count' || a === 'fraction' ? 'range' : a;
  const kinds = new Set([a, b]);
  for (const k of ['money', 'percent'] as const) {
    if (kinds.has(k)) {
      const other = a === k ? b : a;
      return other === 'count' || other === 'fraction' ? k : null;
    }
  }
  return [...kinds].every((k) => k === 'count' || k === 'year' || k === 'fraction') ? 'range' : null;
}

/**
 * The range from `lo` to `hi`, or null when they cannot be one: either end already bounded or ranged,
 * kinds that do not mix, or `lo` not below `hi` ("1995-01" is no range, "2017-20" is 2017 to 2020).
 *
 * @param lo The first end as written.
 * @param hi The second end as written.
 * @param abbreviated Whether the second end may be a year's last two digits ("2017-20", "2016/17").
 */
export function rangeOf(lo: NumNode | undefined, hi: NumNode | undefined, abbreviated = false): Draft | null {
  if (!lo || !hi || lo.value === null || hi.value === null) return null;
  if (lo.min !== undefined || hi.min !== undefined || lo.qualifier || hi.qualifier) return null;
  let max = hi.value;
  let kind = rangeKind(lo.kind, hi.kind);
  const twoDigits = hi.kind === 'count' && hi.end - hi.start === 2 && Number.isInteger(max);
  if (abbreviated && lo.kind === 'year' && twoDigits && max > lo.value % 100) {
    max += lo.value - (lo.value % 100);
    kind = 'year';
  }
  if (kind === null || !(lo.value < max)) return null;
  const d: Draft = { kind, value: null, min: lo.value, max };
  const unit = lo.unit ?? hi.unit;
  if (unit !== undefined) d.unit = unit;
  return d;
}

/** Kinds that stand for a quantity of things and may take a unit after them. */
export function isQuantity(n: NumNode | undefined): n is NumNode {
  return n !== undefined && (n.kind === 'count' || n.kind === 'range' || n.kind === 'fraction');
}

/** The node with its kind set by a unit ("70 percent", "five to 20 years"), keeping its ends. */
export function withUnit(n: NumNode, kind: NumberKind, unit: string): Draft {
  return draftOf(n, { kind, unit });
}

/** Lower bounds, for joining "more than 10 and less than 20" into one range. */
export const LOWER: ReadonlySet<Qualifier> = new Set(['more_than', 'at_least']);
/** Upper bounds, the other half of such a pair. */
export const UPPER: ReadonlySet<Qualifier> = new Set(['less_than', 'at_most']);

/**
 * The qualifier of a number with cue words before and after it: "equal to 5000 or less" is at most,
 * "more than 5000 or equal to" is at least, "about five hundred and more" is at least.
 *
 * @param pre The qualifier the words before give, if any.
 * @param post The cue the words after give, if any.
 */
export function combineQualifiers(pre: Qualifier | undefined, post: SuffixCue | undefined): Qualifier | null {
  if (post === undefined) return pre ?? null;
  if (post === 'or_equal') {
    if (pre === 'more_than') return 'at_least';
    if (pre === 'less_than') return 'at_most';
    return pre === 'at_least' || pre === 'at_most' || pre === 'exactly' ? pre : null;
  }
  // "more than 5 or less" says nothing: a bound and a suffix that point opposite ways cancel.
  if (pre !== undefined && ((LOWER.has(pre) && UPPER.has(post)) || (UPPER.has(pre) && LOWER.has(post))))
    return null;
  return post;
}
