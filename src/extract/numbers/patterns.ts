/**
 * Named sub-patterns of the numbers pass and the helpers that compose them. Every constant is a regex
 * *source*; the scanner and the rule table compile them.
 *
 * Linear time: no unbounded quantifier is nested in another unless each repetition must start with a
 * fixed character the repeated part cannot contain (a comma, a space, a dot), so the input splits one way
 * only. Rule patterns read the *shadow* text (see `shadow.ts`), where every number already found is one
 * marker character followed by filler, so a rule never re-parses digits.
 */
import { type NumberKind, NumberKindSchema } from '../../validate/schema.js';

/** Wraps `source` in a named capture group. */
export function group(name: string, source: string): string {
  return `(?<${name}>${source})`;
}

/** Escapes a literal for a regex source. */
export function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface Trie {
  end: boolean;
  kids: Map<string, Trie>;
}

const LETTER = /[a-z]/i;

function trieSource(node: Trie, last: string): string {
  const alts: string[] = [];
  for (const [unit, kid] of node.kids) {
    const head = unit === ' ' ? (LETTER.test(last) ? '\\s+' : '\\s*') : escapeRegex(unit);
    alts.push(head + trieSource(kid, unit));
  }
  // The end comes last, so the longest phrase wins; a phrase that ends in a letter ends at a boundary.
  if (node.end) alts.push(LETTER.test(last) ? '\\b' : '');
  return alts.length === 1 ? (alts[0] as string) : `(?:${alts.join('|')})`;
}

function trieOf(list: Iterable<string>): Trie {
  const root: Trie = { end: false, kids: new Map() };
  for (const phrase of list) {
    let node = root;
    for (const unit of phrase.toLowerCase().replace(/ +/g, ' ')) {
      let kid = node.kids.get(unit);
      if (!kid) {
        kid = { end: false, kids: new Map() };
        node.kids.set(unit, kid);
      }
      node = kid;
    }
    node.end = true;
  }
  return root;
}

/**
 * An alternation of phrases from a word list, compiled as a trie ("more than" and "more than or
 * equal to" share "more than"), so the engine tries one branch per distinct first letter instead of
 * every phrase; the longest phrase wins; spaces match any run of whitespace; word phrases get word
 * boundaries. Each branch starts with a different character, so the alternation is deterministic.
 *
 * @param list The phrases; matching is meant to be case-insensitive (flag `i`).
 */
export function phrases(list: Iterable<string>): string {
  const all = [...list];
  const words = trieOf(all.filter((p) => LETTER.test(p[0] ?? '')));
  const symbols = trieOf(all.filter((p) => !LETTER.test(p[0] ?? '')));
  const alts = [];
  if (words.kids.size > 0) alts.push(`\\b${trieSource(words, '')}`);
  if (symbols.kids.size > 0) alts.push(trieSource(symbols, ''));
  return `(?:${alts.join('|')})`;
}

/** Normalises a matched phrase to its word-list key: lower case, single spaces, "< =" kept apart. */
export function phraseKey(matched: string): string {
  return matched.toLowerCase().replace(/\s+/g, ' ').trim();
}

// ---- The scanner's sub-patterns (text, not shadow) ----

/** "1,234,567": each repetition starts with a comma, so the digits split one way only. */
export const INT_COMMA = String.raw`\d{1,3}(?:,\d{3})+(?!\d)`;

/** "1 234 567" with plain, no-break or narrow no-break spaces; each repetition starts with the space. */
export const INT_SPACE = String.raw`\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)`;

/** Digits with optional separators, decimals, and an exponent ("1e10", "-12e-1", "1.1^23"). */
export const DIGIT_NUMBER = `(?:${group('int', `${INT_COMMA}|${INT_SPACE}|\\d+`)}${group('dec', String.raw`\.\d+`)}?|${group('bare', String.raw`\.\d+`)})${group('exp', String.raw`[eE][+-]?\d+(?![A-Za-z])|\^[+-]*\d+`)}?`;

/**
 * A telephone number: "+1-222-2222/2222", "+996 312 123456", "(996) 312 123 456". The repetitions are
 * bounded and each starts with a separator, so a failed match costs at most 6 x 8 steps back.
 */
export const PHONE = String.raw`\+\d{1,3}(?:[ .\/-]\(?\d{1,8}\)?){1,6}(?!\d)|\(\d{3}\) ?\d{2,8}(?:[ -]\d{2,8}){0,4}(?!\d)`;

const MONTH_NUM = String.raw`(?:0?[1-9]|1[0-2])`;
const DAY_NUM = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const YEAR_NUM = String.raw`(?:\d{4}|\d{2})(?![\d/])`;

/** "2017-06-27", "5/17/2018" (month first), "17/5/2018" (day first), "27.06.2017". */
export const NUMERIC_DATE = [
  String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)`,
  `${MONTH_NUM}\\/${DAY_NUM}\\/${YEAR_NUM}`,
  `${DAY_NUM}\\/${MONTH_NUM}\\/${YEAR_NUM}`,
  String.raw`${DAY_NUM}\.${MONTH_NUM}\.\d{4}(?!\d)`,
].join('|');

/** "3/4": small numerator and denominator; "2015/16" is left to the year rules. */
export const SLASH_FRACTION = String.raw`\d{1,3}\/\d{1,3}(?![\d/])`;

/** A word: letters only, so "twenty-three" is two words joined by a hyphen gap. */
export const WORD = '[A-Za-z]+';

// ---- The shadow text: one marker per number ----

/** The character that fills a node after its marker. */
export const FILL = '\uE000';

/** The kinds in the schema's order: each gets the marker at its position. */
const KIND_ORDER: readonly NumberKind[] = NumberKindSchema.options;

/** The marker character of each kind: the first character of a node in the shadow text. */
export const MARK: Readonly<Record<NumberKind, string>> = Object.fromEntries(
  KIND_ORDER.map((k, i) => [k, String.fromCharCode(0xe001 + i)]),
) as Record<NumberKind, string>;

/** Any marker: a number of any kind starts here. */
export const ANY_MARK = '[\uE001-\uE00A]';

/**
 * One node of the given kinds, as a named group: its marker, then its filler. The filler is one
 * character class repeated, followed by a character outside it, so it matches one way only.
 *
 * @param name The group's name.
 * @param kinds The kinds allowed; all kinds when omitted.
 */
export function node(name: string, kinds?: readonly NumberKind[]): string {
  const marks = kinds ? `[${kinds.map((k) => MARK[k]).join('')}]` : ANY_MARK;
  return group(name, `${marks}${FILL}*`);
}

/** Kinds that are plain quantities and can take a unit, a qualifier or a range partner. */
export const QUANTITY: readonly NumberKind[] = ['count', 'range', 'fraction'];

/** Whitespace inside one line: a range like "1000 - 5000" never spans a line break (markdown bullets). */
export const HSPACE = '[^\\S\\r\\n]';
