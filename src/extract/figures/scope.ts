import type { Range } from '../../segment/types.js';
import { COMPARISONS, SENTENCE_COMPARISONS } from './context-rules.js';
import { compileAt, compileFind, findCues, matchCue } from './cues.js';

/**
 * A stretch of one clause that speaks of one period: the clause up to a comparison cue, or the comparison
 * itself ("compared with six cases ... in 2015"), which runs to the clause end or to its closing parenthesis.
 *
 *     the government convicted 10 offenders in 2016, compared with four offenders convicted in 2015
 *     ^-------------- segment 0 ---------------------^^------------- segment 1 (comparison) ------^
 */
export interface Segment extends Range {
  comparison: boolean;
  /** Index of the clause in its sentence. */
  clause: number;
  /** Start of the clause the segment belongs to. */
  clauseStart: number;
}

/** One sentence cut into clauses and segments. */
export interface SentenceScope extends Range {
  index: number;
  segments: Segment[];
  /** The sentence opens with "In comparison": its figures are set against the previous sentence's. */
  comparesWithPrevious: boolean;
}

const COMPARISON_TABLE = compileFind(COMPARISONS);
const SENTENCE_COMPARISON_TABLE = compileAt(SENTENCE_COMPARISONS);
/** A word that every row of COMPARISONS contains (kept beside the table: a new row must add its word here). */
export const MAY_COMPARE = /compar|versus|vs\.|from|than|\(/i;

/**
 * A parenthesis that gives the earlier period's figure: "investigated 27 cases (33 in 2019)". It must end
 * with the time ("in 2019", "during FY 2019") right before its ")", so that a list of parts in parentheses
 * ("(27 sex trafficking and seven forced labor)") stays a list of parts. The look-ahead is bounded (80
 * characters without parentheses), so each "(" costs at most that much.
 */
export const PAREN_COMPARISON = /\((?=[^()]{0,80}?\b(?:in|during)\s+(?:FY\s*)?(?:19|20)\d{2}\s*\))/g;

/** Every comparison cue of a clause, from the table and from parentheses, in order. */
function comparisonCues(body: string): { start: number }[] {
  if (!MAY_COMPARE.test(body)) return [];
  const cues: { start: number }[] = findCues(COMPARISON_TABLE, body);
  PAREN_COMPARISON.lastIndex = 0;
  for (let m = PAREN_COMPARISON.exec(body); m; m = PAREN_COMPARISON.exec(body)) cues.push({ start: m.index });
  return cues.sort((a, b) => a.start - b.start);
}

/** Semicolons outside parentheses end a clause: "...in 2016; one of the victims was a child". */
function clauseRanges(text: string, sentence: Range): Range[] {
  const clauses: Range[] = [];
  let depth = 0;
  let start = sentence.start;
  for (let i = sentence.start; i < sentence.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && depth > 0) depth--;
    else if (c === 59 /* ; */ && depth === 0) {
      clauses.push({ start, end: i });
      start = i + 1;
    }
  }
  clauses.push({ start, end: sentence.end });
  return clauses;
}

/** The offset of the ")" closing a "(" opened just before `at`, or -1 when `at` is not inside parentheses. */
function closingParen(text: string, clause: Range, at: number): number {
  const open = text.lastIndexOf('(', at);
  if (open < clause.start || text.lastIndexOf(')', at) > open) return -1;
  const close = text.indexOf(')', at);
  return close === -1 || close > clause.end ? -1 : close;
}

function segmentClause(text: string, clause: Range, index: number, allComparison: boolean): Segment[] {
  const segments: Segment[] = [];
  const body = text.slice(clause.start, clause.end);
  let cursor = clause.start;
  // Most clauses compare nothing: a cheap test for the words every comparison cue contains comes first.
  for (const cue of comparisonCues(body)) {
    const at = clause.start + cue.start;
    if (at < cursor) continue;
    if (at > cursor)
      segments.push({
        start: cursor,
        end: at,
        comparison: allComparison,
        clause: index,
        clauseStart: clause.start,
      });
    const close = closingParen(text, clause, at);
    const end = close === -1 ? clause.end : close;
    segments.push({ start: at, end, comparison: true, clause: index, clauseStart: clause.start });
    cursor = end;
  }
  if (cursor < clause.end || segments.length === 0) {
    segments.push({
      start: cursor,
      end: clause.end,
      comparison: allComparison,
      clause: index,
      clauseStart: clause.start,
    });
  }
  return segments;
}

/**
 * Cuts a sentence into clauses (at semicolons outside parentheses) and each clause into segments (at
 * comparison cues).
 *
 * @param text The clean text.
 * @param sentence The sentence's offsets.
 * @param index The sentence's index in the document.
 */
export function scopeSentence(text: string, sentence: Range, index: number): SentenceScope {
  const comparesWithPrevious =
    matchCue(SENTENCE_COMPARISON_TABLE, text.slice(sentence.start, sentence.start + 80)) !== null;
  const segments = clauseRanges(text, sentence).flatMap((clause, i) =>
    segmentClause(text, clause, i, comparesWithPrevious),
  );
  return { start: sentence.start, end: sentence.end, index, segments, comparesWithPrevious };
}
