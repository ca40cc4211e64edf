/**
 * Spelled-out fractions and ordinals: "two thirds", "one hundred thirty fifths" (100/35), "a
 * twenty-first", "one and a half", "twenty and three fifths", "one over three", "one out of three".
 * The split between numerator and denominator prefers the longest denominator that is itself a
 * well-formed ordinal, as the peer suite does.
 */
import { MAX_CONTEXT_CHARS, MAX_PHRASE_TOKENS } from '../limits.js';
import { YEAR_PREPOSITIONS } from '../words.js';
import { joined, parseCardinal } from './cardinal.js';
import { base10 } from './parse.js';
import type { Tok } from './types.js';

/** A number read from tokens, before its sign and offsets are applied. */
export interface Core {
  value: number;
  /** Index of the first token after it. */
  end: number;
  kind: 'count' | 'fraction' | 'ordinal' | 'year' | 'date';
  rules: string[];
}

/** Token types that may stand in a spelled-out numerator or compound ordinal. */
const WORDY: ReadonlySet<string> = new Set([
  'unit',
  'teen',
  'tens',
  'hundred',
  'scale',
  'article',
  'and',
  'dozen',
]);

/** True when a letter comes right after `end` (past spaces): "over 3 years" is a preposition, not "/". */
function wordFollows(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && i < end + 4 && (text[i] === ' ' || text[i] === '\u00a0')) i++;
  const c = text[i];
  return c !== undefined && /[A-Za-z]/.test(c);
}

/** True when nothing but "of", punctuation or the end follows: "a third of", "a fifth." (not "a third country"). */
function standsAlone(text: string, end: number): boolean {
  return !wordFollows(text, end) || /^\s+of\b/i.test(text.slice(end, end + 6));
}

/**
 * Index of the first ordinal or fraction word in the run of number words from `a`, or -1.
 *
 * @example findDenominator(scan('one hundred thirty fifths'), 0) //=> 3
 */
export function findDenominator(toks: readonly Tok[], a: number): number {
  const stop = Math.min(toks.length, a + MAX_PHRASE_TOKENS);
  for (let k = a; k < stop; k++) {
    const t = toks[k] as Tok;
    if (k > a && t.gap === 'break') return -1;
    if (t.type === 'ord' || t.type === 'frac') return k;
    if (!WORDY.has(t.type)) return -1;
  }
  return -1;
}

/**
 * The value of tokens `[s, o]` as one ordinal ("fifths" 5, "thirty-fifths" 35, "one hundred and fifth"
 * 105), or null when they do not form one.
 */
export function ordinalExact(toks: readonly Tok[], s: number, o: number): number | null {
  const ord = toks[o] as Tok;
  if (s === o) return ord.value;
  if (ord.type !== 'ord' || ord.ordType === 'scale' || toks[s]?.type === 'article') return null;
  const pEnd = toks[o - 1]?.type === 'and' ? o - 1 : o;
  const p = parseCardinal(toks, s, pEnd);
  if (!p || p.end !== pEnd || p.digits) return null;
  const last = toks[pEnd - 1] as Tok;
  const closesScale = last.type === 'hundred' || last.type === 'scale';
  if (pEnd !== o && !closesScale) return null;
  if (ord.ordType === 'unit') return last.type === 'tens' || closesScale ? p.value + ord.value : null;
  return closesScale ? p.value + ord.value : null;
}

/**
 * A fraction with an ordinal or fraction word as denominator, from token `a` to the denominator `o`.
 *
 * @example fractionAt(text, scan('one hundred thirty fifths'), 0, 3) //=> { value: 2.857..., end: 4 }
 *                                  ^num^^^^^^^ ^den^^^^^^^^
 */
export function fractionAt(text: string, toks: readonly Tok[], a: number, o: number): Core | null {
  const den = toks[o] as Tok;
  const first = toks[a] as Tok;
  for (let s = a + 1; s <= o; s++) {
    const left = toks[s - 1] as Tok;
    const right = toks[s] as Tok;
    // "twenty-three fifths" and "thirty-fifths": a hyphen after a tens word binds; no split there.
    const unitLike = right.type === 'unit' || (right.type === 'ord' && right.ordType === 'unit');
    if (right.gap === 'hyphen' && left.type === 'tens' && unitLike) continue;
    // A bare "first" or "second" is no denominator: "one second" is a time, "a first" an ordinal.
    if (s === o && den.type === 'ord' && den.ordType === 'unit' && den.value <= 2) continue;
    const d = ordinalExact(toks, s, o);
    if (d === null || d === 0) continue;
    let num: number | null = null;
    if (s === a + 1 && first.type === 'article') num = 1;
    else {
      const c = parseCardinal(toks, a, s);
      num = c && c.end === s && !c.digits ? c.value : null;
    }
    if (num === null || (!den.plural && num !== 1)) continue;
    if (first.type === 'article' && den.type === 'ord' && !den.plural && !standsAlone(text, den.end))
      continue;
    return { value: base10(num / d), end: o + 1, kind: 'fraction', rules: ['word-fraction'] };
  }
  return null;
}

/**
 * The fraction after "and" in a mixed number: "and a half", "and three fifths", and the peer suite's
 * "and three and three fifths" (3 + 3/5).
 *
 * @param k Index of the "and" token.
 * @example mixedTail(text, scan('one and a half'), 1) //=> { value: 0.5, end: 4 }
 *                                    ^^^ k
 */
export function mixedTail(text: string, toks: readonly Tok[], k: number, depth = 0): Core | null {
  const n = k + 1;
  if (depth > 3 || toks[n]?.gap !== 'space') return null;
  const o = findDenominator(toks, n);
  const f = o === -1 ? null : fractionAt(text, toks, n, o);
  if (f) return f;
  const c = parseCardinal(toks, n);
  if (!c || c.digits || toks[c.end]?.type !== 'and' || toks[c.end]?.gap !== 'space') return null;
  const tail = mixedTail(text, toks, c.end, depth + 1);
  return tail ? { ...tail, value: base10(c.value + tail.value) } : null;
}

/**
 * The last word of a text and what follows it: "in 2016 over " gives "over". The leftmost match starts a
 * word, so `(?<![A-Za-z])` lets no search start inside one and read the rest of it again.
 */
const LAST_WORD = /(?<![A-Za-z])([A-Za-z]+)[^A-Za-z]*$/;

/** True when the word before `start` keeps a year a year: "in 2016 over 300" is no fraction. */
function afterYearWord(text: string, start: number): boolean {
  const word = LAST_WORD.exec(text.slice(Math.max(0, start - MAX_CONTEXT_CHARS), start))?.[1];
  return word !== undefined && YEAR_PREPOSITIONS.has(word.toLowerCase());
}

/**
 * "one over three", "1 over twenty-one", "one out of three": a fraction written with a preposition.
 * Not when a word follows ("$2000 over 3 years", "68 out of 86 victims"), nor between years ("an
 * increase in 2016 over 2015"), nor after a year word ("in 2016 over 300").
 *
 * @param numerator The number before "over".
 * @param start Where the numerator starts in the text.
 * @example overFraction(text, scan('one over three'), { value: 1, end: 1, ... })
 *                                       ^^^^ toks[numerator.end]
 */
export function overFraction(
  text: string,
  toks: readonly Tok[],
  numerator: Core,
  start: number,
): Core | null {
  const k = numerator.end;
  const t = toks[k];
  const n = toks[k + 1];
  if (!t || !n || t.gap !== 'space') return null;
  if (numerator.kind !== 'count' && (numerator.kind !== 'year' || afterYearWord(text, start))) return null;
  if (t.type === 'out') {
    if (!/^\s+of\s+$/i.test(text.slice(t.end, n.start))) return null;
  } else if (t.type !== 'over' || n.gap !== 'space') return null;
  const den = parseCardinal(toks, k + 1);
  if (!den || den.value === 0 || (den.node && den.node.kind !== 'count')) return null;
  const last = toks[den.end - 1] as Tok;
  if (wordFollows(text, last.end)) return null;
  return { value: base10(numerator.value / den.value), end: den.end, kind: 'fraction', rules: ['word-over'] };
}

/** True when token `k` can begin a number: used after "minus" and "negative". */
export function canStart(toks: readonly Tok[], k: number): boolean {
  const t = toks[k];
  if (!t || !joined(toks, k)) return false;
  return ['digits', 'zero', 'unit', 'teen', 'tens', 'article', 'frac'].includes(t.type);
}
