/**
 * Numbers written with digits: one sticky regex reads a telephone number (to skip it), a numeric date,
 * a slash fraction, or a digit number with any letters glued to it; the code here gives the value,
 * the sign, and the kind, and refuses what is no number ("180ml", "H1N1", "COVID-19", URLs).
 */
import { MAX_CONTEXT_CHARS, MAX_NUMBER_DIGITS } from '../limits.js';
import { DIGIT_IDIOMS, NAMED_CODES } from '../words.js';
import {
  base10,
  type DigitParts,
  digitCount,
  digitValue,
  isYearDigits,
  numericDateYear,
  readSuffix,
} from './parse.js';
import { DIGIT_NUMBER, group, NUMERIC_DATE, PHONE, SLASH_FRACTION, WORD } from './patterns.js';
import type { NumNode } from './types.js';
import type { UrlRuns } from './urls.js';

/** The detailed read at a place where a number may start: phone | numeric date | slash fraction | number. */
export const DIGITS = new RegExp(
  `${group('phone', PHONE)}|${group('date', NUMERIC_DATE)}|${group('slash', SLASH_FRACTION)}|${group('num', DIGIT_NUMBER)}${group('glued', WORD)}?`,
  'y',
);

/**
 * "192.168.1.2": a dotted run of digit groups; every repetition starts with a dot. Read where a number
 * starts, never after a digit; `(?<!\d)` says so, so that a search could not start inside a run of digits
 * and read the rest of it from every one of them.
 */
const DOTTED = /(?<!\d)\d+(?:\.\d+)+/y;
/** "5,00" and "1,3": a decimal comma, when one or two digits follow and no list goes on. */
const DECIMAL_COMMA = /,(\d{1,2})(?!\d)(?!,\d)/y;
/**
 * "2  1/4": a whole number and a fraction. Read right after the whole number's last digit; `(?<![ \u00A0])`
 * says so, so that a search could not start at every space of a long run.
 */
const MIXED_FRACTION = /(?<![ \u00A0])[ \u00A0]+(\d{1,3})\/(\d{1,3})(?![\d/])/y;

/** What may stand right before a minus sign: "(-1)", "<-30", "x=-2". */
const SIGN_OPENERS: ReadonlySet<string> = new Set(['(', '[', '{', '<', '>', '=', ':', ';', ',']);

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/**
 * Where a minus sign before `start` begins, or -1: "-1" and "<-30" are negative, "14-17" and
 * "SCP-173" are not, and neither is "5 -17" (a range written loosely).
 *
 * @example signStart(' -9.5', 2) //=> 1
 *                      ^
 */
export function signStart(text: string, start: number): number {
  const sign = text[start - 1];
  if (sign !== '-' && sign !== '\u2212') return -1;
  const before = text[start - 2];
  if (before !== undefined && !isSpace(before.charCodeAt(0)) && !SIGN_OPENERS.has(before)) return -1;
  let k = start - 2;
  const stop = Math.max(0, start - MAX_CONTEXT_CHARS);
  while (k >= stop && isSpace(text.charCodeAt(k))) k--;
  return k >= 0 && isDigit(text[k]) ? -1 : start - 1;
}

/** True when the digits at `start` end a name like "COVID-19" (see NAMED_CODES). */
function endsNamedCode(text: string, start: number): boolean {
  if (text[start - 1] !== '-') return false;
  let k = start - 1;
  const stop = Math.max(0, start - 12);
  while (k > stop && (isLetter(text[k - 1]) || text[k - 1] === '-')) k--;
  return NAMED_CODES.has(text.slice(k, start - 1).toLowerCase());
}

function plain(start: number, digits: string, rule = 'digits'): NumNode {
  return {
    start,
    end: start + digits.length,
    kind: 'count',
    value: Number(digits),
    min: undefined,
    max: undefined,
    qualifier: undefined,
    unit: undefined,
    rules: [rule],
  };
}

/** The nodes read at one place, and where scanning goes on. */
export interface DigitRead {
  nodes: NumNode[];
  end: number;
}

/** "192.168.1.2", "2.0.1": a dotted run is a list of numbers (an address, a version), not one decimal. */
function dottedRun(text: string, start: number): DigitRead {
  DOTTED.lastIndex = start;
  const run = DOTTED.exec(text)?.[0] ?? '';
  const nodes: NumNode[] = [];
  let at = start;
  for (const part of run.split('.')) {
    nodes.push(plain(at, part));
    at += part.length + 1;
  }
  return { nodes, end: start + run.length };
}

/**
 * Reads the number that may start at `start` (a digit, or "+", "(" or "." before one).
 *
 * @param text The scanned text.
 * @param start Where the scanner saw a digit or its opener.
 * @param urls The URL check of this text.
 * @example readDigits('fined 26,000 birr', 6, urls) //=> { nodes: [{ start: 6, end: 12, value: 26000, ... }], end: 12 }
 *                            ^
 */
export function readDigits(text: string, start: number, urls: UrlRuns): DigitRead {
  DIGITS.lastIndex = start;
  const d = DIGITS.exec(text);
  if (!d) return { nodes: [], end: start + 1 };
  const g = d.groups ?? {};
  let end = start + d[0].length;
  const none: DigitRead = { nodes: [], end };
  if (g.phone !== undefined || isLetter(text[start - 1]) || urls.inUrl(start) || endsNamedCode(text, start))
    return none;
  const sign = signStart(text, start);
  const node = (to: number, kind: NumNode['kind'], value: number, rules: string[]): NumNode => ({
    start: sign >= 0 ? sign : start,
    end: to,
    kind,
    value: sign >= 0 && value !== 0 ? -value : value,
    min: undefined,
    max: undefined,
    qualifier: undefined,
    unit: undefined,
    rules,
  });
  if (g.date !== undefined)
    return { nodes: [node(end, 'date', numericDateYear(g.date), ['digit-date'])], end };
  if (g.slash !== undefined) {
    if (DIGIT_IDIOMS.has(g.slash)) return none;
    const [a, b] = g.slash.split('/') as [string, string];
    if (Number(a) < Number(b))
      return { nodes: [node(end, 'fraction', base10(Number(a) / Number(b)), ['digit-fraction'])], end };
    // "Proclamation 104/98" is a number and a year, not a fraction: two numbers.
    return {
      nodes: [node(start + a.length, 'count', Number(a), ['digits']), plain(start + a.length + 1, b)],
      end,
    };
  }
  const parts: DigitParts = { int: g.int, dec: g.dec ?? g.bare, exp: g.exp };
  end = start + (g.num ?? '').length;
  if (digitCount(parts) > MAX_NUMBER_DIGITS) return none;
  if (parts.dec !== undefined && parts.exp === undefined && g.glued === undefined && text[end] === '.') {
    // Only a run that starts with a digit is a dotted list: ".5.6" right after "1/2" is not, and reading it
    // as one would return an empty read at the same place.
    if (isDigit(text[start]) && isDigit(text[end + 1])) return dottedRun(text, start);
  }
  const integer = parts.dec === undefined && parts.exp === undefined;
  const plainInt = integer && parts.int !== undefined && /^\d+$/.test(parts.int);
  const suffix = readSuffix(g.glued, integer, plainInt && parts.int?.length === 4);
  if (suffix.type === 'unit') return none;
  let value = digitValue(parts);
  const rules = [parts.exp === undefined ? 'digits' : 'digit-exponent'];
  let kind: NumNode['kind'] = isYearDigits(plainInt ? parts.int : undefined) ? 'year' : 'count';
  // "22,24,26,31" is a list: a decimal comma never follows a comma.
  if (suffix.type === 'none' && plainInt && (parts.int?.length ?? 0) <= 3 && text[start - 1] !== ',') {
    DECIMAL_COMMA.lastIndex = end;
    const comma = DECIMAL_COMMA.exec(text);
    MIXED_FRACTION.lastIndex = end;
    const mixed = comma ? null : MIXED_FRACTION.exec(text);
    if (comma) {
      value = Number(`${parts.int}.${comma[1]}`);
      end += comma[0].length;
    } else if (mixed && Number(mixed[2]) !== 0) {
      value = base10(value + Number(mixed[1]) / Number(mixed[2]));
      kind = 'fraction';
      rules[0] = 'digit-fraction';
      end += mixed[0].length;
    }
  }
  if (suffix.type === 'multiplier') {
    value = base10(value * suffix.factor);
    kind = 'count';
    rules.push('digit-multiplier');
  } else if (suffix.type === 'ordinal') {
    kind = 'ordinal';
    rules[0] = 'digit-ordinal';
  } else if (suffix.type === 'decade' && kind !== 'year') return none;
  if (g.glued !== undefined) end += g.glued.length;
  return { nodes: [node(end, kind, value, rules)], end };
}
