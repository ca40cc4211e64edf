/**
 * From the digits the scanner matched to a value: separators, decimals, exponents, glued multipliers
 * and ordinal suffixes. Pure string-to-number helpers; the scanner decides where a number starts.
 */
import { DIGIT_MULTIPLIERS } from '../words.js';

/** The parts of one digit number, as the scanner's named groups give them. */
export interface DigitParts {
  /** Integer part with its separators ("1,234", "1 234"), or undefined for ".08". */
  int: string | undefined;
  /** ".5", or undefined. */
  dec: string | undefined;
  /** "e10", "e-1", "^23", "^--23", or undefined. */
  exp: string | undefined;
}

/** What glued letters after the digits make of the number. */
export type Suffix =
  | { type: 'none' }
  | { type: 'multiplier'; factor: number }
  | { type: 'ordinal' }
  | { type: 'decade' }
  | { type: 'unit' };

/**
 * The value of a digit number without its sign.
 *
 * @param parts The integer, decimal and exponent parts as matched.
 * @example digitValue({ int: '1,674,200', dec: '.5', exp: undefined }) //=> 1674200.5
 * @example digitValue({ int: '1', dec: '.1', exp: '^23' }) //=> 8.954302432552...
 */
export function digitValue(parts: DigitParts): number {
  const int = parts.int ?? '0';
  const plain = `${/^\d+$/.test(int) ? int : int.replace(/[^\d]/g, '')}${parts.dec ?? ''}`;
  const exp = parts.exp;
  if (exp === undefined) return Number(plain);
  if (exp.startsWith('^')) {
    // "-1.1^--23" is written by the peer suite as 1.1 to the 23rd: an even number of minus signs cancels.
    const minuses = exp.length - exp.replace(/-/g, '').length;
    const power = Number(exp.replace(/[\^+-]/g, ''));
    return base10(Number(plain) ** (minuses % 2 === 1 ? -power : power));
  }
  return Number(`${plain}${exp}`);
}

/** Rounds away binary noise in the 15th significant digit ("0.30000000000000004" -> 0.3). */
export function base10(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/** Counts the digits of a matched number, to refuse absurd lengths before converting. */
export function digitCount(parts: DigitParts): number {
  let n = 0;
  for (const s of [parts.int, parts.dec, parts.exp]) {
    if (s === undefined) continue;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) n++;
    }
  }
  return n;
}

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;

/**
 * What letters glued to digits mean: a multiplier ("10k", "1.2b", "2mil"), an ordinal ("21st"), a
 * decade ("1990s"), or a unit we do not read ("180ml", "29km", "1m"), which makes the whole no number.
 *
 * @param letters The letters right after the digits.
 * @param integer Whether the digits are a plain integer.
 * @param fourDigits Whether the digits are four, as in a year.
 */
export function readSuffix(letters: string | undefined, integer: boolean, fourDigits: boolean): Suffix {
  if (letters === undefined) return { type: 'none' };
  const factor = DIGIT_MULTIPLIERS.get(letters);
  if (factor !== undefined) return { type: 'multiplier', factor };
  if (integer && ORDINAL_SUFFIX.test(letters)) return { type: 'ordinal' };
  if (fourDigits && letters === 's') return { type: 'decade' };
  return { type: 'unit' };
}

/** True for a calendar year as TIP narratives write one: four plain digits, 1900 to 2099. */
export function isYearDigits(int: string | undefined): boolean {
  return int !== undefined && int.length === 4 && (int.startsWith('19') || int.startsWith('20'));
}

/**
 * The year a numeric date names: "2017-06-27" -> 2017, "5/17/2018" -> 2018, "5/17/18" -> 2018.
 *
 * @param date The matched date.
 */
export function numericDateYear(date: string): number {
  const parts = date.split(/[-/.]/);
  const year = date.indexOf('-') === 4 ? parts[0] : parts[parts.length - 1];
  const n = Number(year);
  if ((year ?? '').length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}
