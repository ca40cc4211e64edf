import type { CueRule } from './rules.js';
import { FILLER } from './rules.js';

/** A cue found in a text: which row matched and where (offsets relative to the searched string). */
export interface CueMatch<T> {
  rule: CueRule<T>;
  start: number;
  end: number;
}

/** One table turned into one regular expression with a named group per row. */
export interface CompiledTable<T> {
  rules: CueRule<T>[];
  regex: RegExp;
}

function alternation<T>(rules: CueRule<T>[]): string {
  return rules.map((rule, i) => `(?<r${i}>${rule.pattern})`).join('|');
}

function which<T>(table: CompiledTable<T>, match: RegExpExecArray): CueRule<T> {
  const groups = match.groups ?? {};
  const index = table.rules.findIndex((_, i) => groups[`r${i}`] !== undefined);
  return table.rules[index] as CueRule<T>;
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
  return {
    rules,
    regex: new RegExp(String.raw`(?<![\w-])(?:${alternation(rules)})${chained}\s*${FILLER}$`, 'i'),
  };
}

/**
 * Compiles a table whose cue must start right after a number or noun, after optional auxiliaries and one adverb.
 *
 * @param rules The table.
 * @example compileAfter(METRIC_AFTER) matches " were convicted" at the start of " were convicted in 2003"
 */
export function compileAfter<T>(rules: CueRule<T>[]): CompiledTable<T> {
  const aux = String.raw`(?:(?:were|was|are|is|have\s+been|had\s+been|has\s+been|being)\s+)?(?:[a-z]+ly\s+)?`;
  return { rules, regex: new RegExp(String.raw`^\s*${aux}(?:${alternation(rules)})(?![\w-])`, 'i') };
}

/**
 * Compiles a table whose cue must start exactly at the start of the string (used for nouns and breakdown words).
 *
 * @param rules The table.
 */
export function compileAt<T>(rules: CueRule<T>[]): CompiledTable<T> {
  return { rules, regex: new RegExp(String.raw`^(?:${alternation(rules)})(?![\w-])`, 'i') };
}

/**
 * Compiles a table to find its cues anywhere, as whole words.
 *
 * @param rules The table.
 */
export function compileFind<T>(rules: CueRule<T>[]): CompiledTable<T> {
  return { rules, regex: new RegExp(String.raw`(?<![\w-])(?:${alternation(rules)})(?![\w-])`, 'gi') };
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
