/**
 * Spelled-out cardinals over the scanner's tokens: "one hundred and six", "twenty-one trillion three
 * hundred", "three lakh crore", "a dozen", and digits with scale words ("2 million", "322 hundred").
 * A small state machine: each word may follow only certain others, so "three-nought-four" stays three
 * numbers and "twenty twenty" two.
 */

import { base10 } from './parse.js';
import type { NumNode, Tok, TokType } from './types.js';

/** A cardinal read from tokens `[start, end)`. */
export interface Cardinal {
  value: number;
  /** Index of the first token after the cardinal. */
  end: number;
  /** Set when the cardinal is a digit number as the scanner gave it, without scale words. */
  node?: NumNode;
  /** Whether the cardinal starts with digits ("2 million"). */
  digits: boolean;
}

/** What may stand before a unit, teen or tens word: nothing, or a hundred, a scale word, or "and". */
const STARTS_GROUP: ReadonlySet<string> = new Set(['none', 'hundred', 'scale', 'and']);
/** The words that make the small part of a group (1 to 99). */
const SMALL: ReadonlySet<string> = new Set(['unit', 'teen', 'tens']);

/** True when token `k` exists before `limit` and joins the token before it. */
export function joined(toks: readonly Tok[], k: number, limit = toks.length): boolean {
  const t = toks[k];
  return t !== undefined && k < limit && t.gap !== 'break';
}

/** True when token `k` is a unit (or "a") closely followed by a fraction word: "three quarters", "a half". */
export function startsFraction(toks: readonly Tok[], k: number): boolean {
  const t = toks[k];
  const next = toks[k + 1];
  if (!t || !next || next.gap === 'break' || (t.type !== 'unit' && t.type !== 'article')) return false;
  if (next.type === 'frac') return true;
  return next.type === 'ord' && !(next.ordType === 'unit' && next.value <= 2 && !next.plural);
}

function digitCardinal(toks: readonly Tok[], a: number, limit: number, node: NumNode): Cardinal {
  if (node.kind !== 'count' && node.kind !== 'year')
    return { value: node.value ?? 0, end: a + 1, node, digits: true };
  let value = node.value ?? 0;
  let k = a + 1;
  let lastScale = 0;
  let hundred = false;
  for (; joined(toks, k, limit); k++) {
    const t = toks[k] as Tok;
    if (t.gap !== 'space') break;
    if (t.type === 'hundred' && !hundred && lastScale === 0) hundred = true;
    else if (t.type === 'dozen' && lastScale === 0) hundred = true;
    else if ((t.type === 'scale' || t.type === 'mult') && t.value > lastScale) lastScale = t.value;
    else break;
    value *= t.value;
  }
  return k === a + 1 ? { value, end: k, node, digits: true } : { value: base10(value), end: k, digits: true };
}

/**
 * Reads the longest cardinal that starts at token `a` and ends before `limit`.
 *
 * @param toks The scanner's tokens.
 * @param a Index of the first token.
 * @param limit Index the cardinal may not reach (for exact splits of fractions).
 * @example parseCardinal(scan('Three hundred  and  thirty one'), 0) //=> { value: 331, end: 5, ... }
 *                             ^ a                        ^ end
 */
export function parseCardinal(toks: readonly Tok[], a: number, limit = toks.length): Cardinal | null {
  const first = toks[a];
  if (!first || a >= limit) return null;
  if (first.type === 'digits' && first.node) return digitCardinal(toks, a, limit, first.node);
  if (first.type === 'zero') return { value: 0, end: a + 1, digits: false };
  let total = 0;
  let hundreds = 0;
  let small = 0;
  let lastScale = 0;
  let hasHundred = false;
  let prev: TokType | 'none' = 'none';
  let k = a;
  if (first.type === 'article') {
    // "a hundred", "a thousand", "a dozen": the article is a one only before these.
    const next = toks[a + 1];
    if (!joined(toks, a + 1, limit) || next?.gap !== 'space') return null;
    if (next.type !== 'hundred' && next.type !== 'scale' && next.type !== 'dozen') return null;
    small = 1;
    prev = 'unit';
    k = a + 1;
  }
  for (; k < limit; k++) {
    const t = toks[k] as Tok;
    if (k > a && t.gap === 'break') break;
    // A hyphen joins only tens and a unit ("twenty-three", "fifty - two"), never "three-nought".
    if (k > a && t.gap === 'hyphen' && !(prev === 'tens' && t.type === 'unit')) break;
    if (t.type === 'unit' && prev === 'tens') small += t.value;
    else if (SMALL.has(t.type)) {
      if (!STARTS_GROUP.has(prev)) break;
      small = t.value;
    } else if (t.type === 'hundred') {
      if (!SMALL.has(prev) || hasHundred) break;
      hundreds = small * 100;
      small = 0;
      hasHundred = true;
    } else if (t.type === 'dozen') {
      if (!SMALL.has(prev)) break;
      small *= 12;
    } else if (t.type === 'scale') {
      const after = SMALL.has(prev) || prev === 'hundred' || prev === 'dozen';
      if (!after && !(prev === 'scale' && t.value > lastScale)) break;
      // "two hundred and two thousand" multiplies all before it; "one million two thousand" adds.
      total =
        t.value > lastScale ? (total + hundreds + small) * t.value : total + (hundreds + small) * t.value;
      hundreds = 0;
      small = 0;
      hasHundred = false;
      lastScale = t.value;
    } else if (t.type === 'and') {
      const next = toks[k + 1];
      if (prev !== 'hundred' && prev !== 'scale') break;
      if (!next || k + 1 >= limit || next.gap !== 'space' || !SMALL.has(next.type)) break;
      // "one hundred and three quarters" is 100 + 3/4: leave the fraction to the mixed-number reader.
      if (startsFraction(toks, k + 1)) break;
    } else break;
    prev = t.type;
  }
  if (k === a || prev === 'none') return null;
  return { value: base10(total + hundreds + small), end: k, digits: false };
}

/**
 * Reads the digits after "point": "point zero three" gives "03", "point seventy-one" gives "71".
 *
 * @param toks The scanner's tokens.
 * @param k Index of the "point" token.
 * @example pointDigits(scan('two hundred point zero three'), 2) //=> { digits: '03', end: 5 }
 *                                     ^ k
 */
export function pointDigits(toks: readonly Tok[], k: number): { digits: string; end: number } | null {
  const first = toks[k + 1];
  if (first?.gap !== 'space') return null;
  if (first.type === 'teen' || first.type === 'tens') {
    const next = toks[k + 2];
    const unit = first.type === 'tens' && next?.type === 'unit' && next.gap !== 'break';
    return { digits: String(first.value + (unit ? next.value : 0)), end: k + (unit ? 3 : 2) };
  }
  let digits = '';
  let j = k + 1;
  for (; digits.length < 16; j++) {
    const t = toks[j];
    if (!t || (j > k + 1 && t.gap !== 'space') || (t.type !== 'unit' && t.type !== 'zero')) break;
    digits += String(t.value);
  }
  return digits === '' ? null : { digits, end: j };
}
