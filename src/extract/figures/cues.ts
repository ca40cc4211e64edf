import type { CueRule } from './rules.js';
import { FILLER } from './rules.js';

/** A cue found in a text: which row matched and where (offsets relative to the searched string). */
export interface CueMatch<T> {
  rule: CueRule<T>;
  start: number;
  end: number;
}

/** One table turned into one regular expression with a capture group per row. */
export interface CompiledTable<T> {
  rules: CueRule<T>[];
  regex: RegExp;
  /** The capture group of each row, in row order. */
  groups: number[];
}

/**
 * Capture groups in a pattern source: `(` and `(?<name>` outside a character class, not escaped. Rows are
 * written without any, but a row that had one would shift the groups of the rows after it.
 */
function captureGroups(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (
      c === '(' &&
      (source[i + 1] !== '?' || (source[i + 2] === '<' && !'=!'.includes(source[i + 3] ?? '=')))
    )
      count++;
  }
  return count;
}

/**
 * The rows as one alternation. Each row is a plain (numbered) group, not a named one: a match then carries
 * no `groups` object with a key per row, and the row is found by index, not by building `r0`, `r1`, ...
 */
function alternation<T>(rules: CueRule<T>[]): { source: string; groups: number[] } {
  const groups: number[] = [];
  let next = 1;
  for (const rule of rules) {
    groups.push(next);
    next += 1 + captureGroups(rule.pattern);
  }
  return { source: rules.map((rule) => `(${rule.pattern})`).join('|'), groups };
}

function which<T>(table: CompiledTable<T>, match: RegExpExecArray): CueRule<T> {
  const { rules, groups } = table;
  for (let i = 0; i < rules.length; i++) {
    if (match[groups[i] as number] !== undefined) return rules[i] as CueRule<T>;
  }
  throw new Error('Expected a cue match to take one row of its table');
}

/** A compiled table from its rows and a source built around their alternation. */
function compile<T>(
  rules: CueRule<T>[],
  wrap: (alternatives: string) => string,
  flags: string,
): CompiledTable<T> {
  const { source, groups } = alternation(rules);
  return { rules, regex: new RegExp(wrap(source), flags), groups };
}

/**
 * Compiles a table whose cue must end right before a number, with optional filler words in between.
 *
 * @param rules The table.
 * @example compileBefore(METRIC_BEFORE) matches "...government convicted " at its end
 */
export function compileBefore<T>(rules: CueRule<T>[]): CompiledTable<T> {
  // A second verb may join the cue: "rescued and reintegrated 116 children", "identified and assisted 86".
  const chained = String.raw`(?:\s+(?:and|or)\s+[a-z]+(?:ed|ing))?`;
  return compile(rules, (rows) => String.raw`(?<![\w-])(?:${rows})${chained}\s*${FILLER}$`, 'i');
}

/**
 * Compiles a table whose cue must start right after a number or noun, after optional auxiliaries and one adverb.
 *
 * @param rules The table.
 * @example compileAfter(METRIC_AFTER) matches " were convicted" at the start of " were convicted in 2003"
 */
export function compileAfter<T>(rules: CueRule<T>[]): CompiledTable<T> {
  const aux = String.raw`(?:(?:were|was|are|is|have\s+been|had\s+been|has\s+been|being)\s+)?(?:[a-z]+ly\s+)?`;
  return compile(rules, (rows) => String.raw`^\s*${aux}(?:${rows})(?![\w-])`, 'i');
}

/**
 * Compiles a table whose cue must start exactly at the start of the string (used for nouns and breakdown words).
 *
 * @param rules The table.
 */
export function compileAt<T>(rules: CueRule<T>[]): CompiledTable<T> {
  return compile(rules, (rows) => String.raw`^(?:${rows})(?![\w-])`, 'i');
}

/**
 * Compiles a table to find its cues anywhere, as whole words.
 *
 * @param rules The table.
 */
export function compileFind<T>(rules: CueRule<T>[]): CompiledTable<T> {
  return compile(rules, (rows) => String.raw`(?<![\w-])(?:${rows})(?![\w-])`, 'gi');
}

/**
 * Runs a compiled anchored table on a string.
 *
 * @param table A table from compileBefore, compileAfter or compileAt.
 * @param input The text before or after a number.
 */
export function matchCue<T>(table: CompiledTable<T>, input: string): CueMatch<T> | null {
  const match = table.regex.exec(input);
  if (!match) return null;
  return { rule: which(table, match), start: match.index, end: match.index + match[0].length };
}

/**
 * Finds every cue of a table in a string, in order.
 *
 * @param table A table from compileFind.
 * @param input The text to search.
 */
export function findCues<T>(table: CompiledTable<T>, input: string): CueMatch<T>[] {
  const found: CueMatch<T>[] = [];
  table.regex.lastIndex = 0;
  for (let match = table.regex.exec(input); match; match = table.regex.exec(input)) {
    found.push({ rule: which(table, match), start: match.index, end: match.index + match[0].length });
    if (match[0].length === 0) table.regex.lastIndex++;
  }
  return found;
}
