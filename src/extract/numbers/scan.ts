/**
 * The scanner: one global regex walks the text once and yields the words the spelled-out-number parser
 * needs (looked up in the word lists of `words.ts`) and, through `digits.ts`, digit numbers already
 * valued. Telephone numbers, URLs and names such as "COVID-19" yield nothing.
 */
import { MAX_NUMBER_GAP_CHARS } from '../limits.js';
import {
  CARDINAL_WORDS,
  DIGIT_MULTIPLIERS,
  DOZEN_WORDS,
  FRACTION_WORDS,
  NEGATIVE_WORDS,
  ORDINAL_WORDS,
  SCALE_WORDS,
  SPACED_DIGIT_MULTIPLIERS,
  UNKNOWN_NUMBER_WORDS,
} from '../words.js';
import { readDigits } from './digits.js';
import { phrases } from './patterns.js';
import type { Gap, NumNode, Tok } from './types.js';
import { UrlRuns } from './urls.js';

type WordInfo = Pick<Tok, 'type' | 'value' | 'plural' | 'ordType'>;

const info = (
  type: Tok['type'],
  value: number,
  plural = false,
  ordType: Tok['ordType'] = null,
): WordInfo => ({
  type,
  value,
  plural,
  ordType,
});

const LOWER_WORDS: ReadonlyArray<readonly [string, WordInfo]> = [
  ...[...CARDINAL_WORDS].map(([w, c]) => [w, info(c.type, c.value)] as const),
  ['hundred', info('hundred', 100)],
  ...[...SCALE_WORDS].map(([w, v]) => [w, info('scale', v)] as const),
  ...[...DOZEN_WORDS].map((w) => [w, info('dozen', 12)] as const),
  ...[...ORDINAL_WORDS].map(([w, o]) => [w, info('ord', o.value, o.plural, o.type)] as const),
  ...[...FRACTION_WORDS].map(([w, f]) => [w, info('frac', f.denominator, f.plural)] as const),
  ...['a', 'an'].map((w) => [w, info('article', 1)] as const),
  ...[...NEGATIVE_WORDS].map((w) => [w, info('neg', -1)] as const),
  ...(['and', 'point', 'over', 'out', 'number'] as const).map((w) => [w, info(w, 0)] as const),
  ...UNKNOWN_NUMBER_WORDS.map((w) => [w, info('unknown', 0)] as const),
];

/** Every word the parser reads, lower case, with its meaning. */
const WORD_TOKENS: ReadonlyMap<string, WordInfo> = new Map(LOWER_WORDS);

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a);
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/**
 * How the text between two tokens joins them: spaces, one hyphen (with spaces), or anything else.
 *
 * @example classifyGap('fifty - two', 5, 8) //=> 'hyphen'
 *                           ^^^
 */
export function classifyGap(text: string, from: number, to: number): Gap {
  if (from < 0 || to <= from || to - from > MAX_NUMBER_GAP_CHARS) return 'break';
  let hyphens = 0;
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 0x2010 || c === 0x2011) hyphens++;
    else if (c === 10) newlines++;
    else if (!isSpace(c)) return 'break';
  }
  if (hyphens > 1 || newlines > 1) return 'break';
  return hyphens === 1 ? 'hyphen' : 'space';
}

function digitsTok(node: NumNode): Tok {
  const { start, end } = node;
  return {
    type: 'digits',
    start,
    end,
    value: node.value ?? 0,
    plural: false,
    ordType: null,
    gap: 'break',
    node,
  };
}

/** Characters a word touches when it stands inside a URL or an address. */
const URL_PUNCT: ReadonlySet<string> = new Set(['.', '/', '@', ':', '_', '=', '?', '&', '#', '~', '-', '%']);

/**
 * Finds the words of the vocabulary (one trie, so other words cost one failed branch) and the places
 * where a digit number may start; the detailed, sticky DIGITS regex then reads the number.
 */
const FIND = new RegExp(`${phrases([...WORD_TOKENS.keys(), ...SPACED_DIGIT_MULTIPLIERS])}|[+(.]?\\d`, 'gi');

/**
 * Scans `text` into tokens for the phrase parser: digit numbers with their value and kind, and number
 * words with their meaning. Linear: each regex consumes what it matches and every helper looks at a
 * bounded window, except the URL check, which reads each run of non-space characters once.
 *
 * @param text The text to scan (a slice of the document; offsets are relative to it).
 */
export function scan(text: string): Tok[] {
  const toks: Tok[] = [];
  const urls = new UrlRuns(text);
  let prevEnd = -1;
  const push = (t: Tok): void => {
    t.gap = classifyGap(text, prevEnd, t.start);
    toks.push(t);
    prevEnd = t.end;
  };
  FIND.lastIndex = 0;
  for (let m = FIND.exec(text); m !== null; m = FIND.exec(text)) {
    const start = m.index;
    const found = m[0];
    if (isLetter(found[0])) {
      const end = start + found.length;
      const w = SPACED_DIGIT_MULTIPLIERS.has(found)
        ? info('mult', DIGIT_MULTIPLIERS.get(found) ?? 0)
        : WORD_TOKENS.get(found.toLowerCase());
      // A word can only be part of a URL when it touches URL punctuation; most words skip the check.
      if (
        !w ||
        ((URL_PUNCT.has(text[start - 1] ?? '') || URL_PUNCT.has(text[end] ?? '')) && urls.inUrl(start))
      ) {
        continue;
      }
      push({
        type: w.type,
        start,
        end,
        value: w.value,
        plural: w.plural,
        ordType: w.ordType,
        gap: 'break',
        node: null,
      });
      continue;
    }
    const read = readDigits(text, start, urls);
    // Always move on: a read that ends where it started must not make the scan find the same place again.
    FIND.lastIndex = Math.max(read.end, start + 1);
    for (const n of read.nodes) push(digitsTok(n));
  }
  return toks;
}
