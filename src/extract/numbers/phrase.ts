/**
 * The lexical stage: turns the scanner's tokens into one node per number, whether written in digits,
 * in words, or both ("2 million"), and drops number words that are idioms ("one of the", "no one",
 * "a first class seat").
 */
import { MAX_CONTEXT_CHARS } from '../limits.js';
import { IDIOMS_AFTER, IDIOMS_BEFORE } from '../words.js';
import { parseCardinal, pointDigits } from './cardinal.js';
import {
  type Core,
  canStart,
  findDenominator,
  fractionAt,
  mixedTail,
  ordinalExact,
  overFraction,
} from './fractions.js';
import { base10 } from './parse.js';
import { escapeRegex } from './patterns.js';
import type { NumNode, Tok } from './types.js';

/**
 * Phrases as one alternation in which phrases with the same first word share a branch, so that the white
 * space after a shared word is read once: `["of the", "of its", "another"]` gives `of\s+(?:the|its)|another`.
 */
function wordAlternation(phrases: readonly string[]): string {
  const byFirst = new Map<string, { alone: boolean; rests: string[] }>();
  for (const phrase of phrases) {
    const space = phrase.indexOf(' ');
    const first = space === -1 ? phrase : phrase.slice(0, space);
    const entry = byFirst.get(first) ?? { alone: false, rests: [] };
    if (space === -1) entry.alone = true;
    else entry.rests.push(phrase.slice(space + 1));
    byFirst.set(first, entry);
  }
  return [...byFirst]
    .map(([first, { alone, rests }]) => {
      if (rests.length === 0) return escapeRegex(first);
      return `${escapeRegex(first)}(?:\\s+(?:${wordAlternation(rests)}))${alone ? '?' : ''}`;
    })
    .join('|');
}

/**
 * The idioms after one number word: white space and a phrase ("one of the"), or a dash and a word ("one-on-one").
 * Read sticky at the word's end, which is a letter, so `(?<!\s)` always holds there; it keeps a search from
 * starting at every space of a long run and reading the rest of the run from each.
 */
function idiomsAfter(list: readonly string[]): RegExp {
  const spaced = list.filter((p) => !p.startsWith('-'));
  const dashed = list.filter((p) => p.startsWith('-')).map((p) => escapeRegex(p.slice(1)));
  const branches = [
    ...(spaced.length > 0 ? [`\\s+(?:${wordAlternation(spaced)})`] : []),
    ...(dashed.length > 0 ? [`\\s*-\\s*(?:${dashed.join('|')})`] : []),
  ];
  return new RegExp(`(?<!\\s)(?:${branches.join('|')})(?![A-Za-z])`, 'iy');
}

/** What may follow a number word that makes it no number, per word (sticky, read at the word's end). */
const AFTER: ReadonlyMap<string, RegExp> = new Map(
  Object.entries(IDIOMS_AFTER).map(([w, list]) => [w, idiomsAfter(list)]),
);

/** What may precede a number word that makes it no number, per word (read on a short window before it). */
const BEFORE: ReadonlyMap<string, RegExp> = new Map(
  Object.entries(IDIOMS_BEFORE).map(([w, list]) => [
    w,
    new RegExp(`(?:^|[^A-Za-z])(?:${list.join('|')})\\s+$`, 'i'),
  ]),
);

/**
 * True when the single number word `tok` stands in an idiom: "one of the", "no one", "a first class".
 *
 * @example isIdiom('no one came', { start: 3, end: 6, ... }) //=> true
 *                      ^^^
 */
export function isIdiom(text: string, tok: Tok): boolean {
  const word = text.slice(tok.start, tok.end).toLowerCase();
  const after = AFTER.get(word);
  if (after) {
    after.lastIndex = tok.end;
    if (after.test(text)) return true;
  }
  const before = BEFORE.get(word);
  // "the one-year plan" keeps its number: the idiom needs the word to stand alone.
  if (!before || text[tok.end] === '-') return false;
  return before.test(text.slice(Math.max(0, tok.start - MAX_CONTEXT_CHARS), tok.start));
}

/** "half" alone is a half; "half a dozen" is six; "quarter" and "halves" alone are no number. */
function halfAlone(toks: readonly Tok[], a: number): Core | null {
  const t = toks[a] as Tok;
  if (t.plural || t.value !== 2) return null;
  const article = toks[a + 1];
  const scale = toks[a + 2];
  if (article?.type === 'article' && article.gap === 'space' && scale?.gap === 'space') {
    if (scale.type === 'dozen' || scale.type === 'scale') {
      return { value: scale.value / 2, end: a + 3, kind: 'count', rules: ['word-cardinal'] };
    }
  }
  return { value: 0.5, end: a + 1, kind: 'fraction', rules: ['word-fraction'] };
}

/** The number that starts at token `a`, without a sign: digits, a fraction, an ordinal or a cardinal. */
function parseCore(text: string, toks: readonly Tok[], a: number): Core | null {
  const t = toks[a] as Tok;
  if (t.type === 'digits' && t.node) {
    const c = parseCardinal(toks, a);
    if (!c) return null;
    const core: Core = c.node
      ? { value: c.node.value ?? 0, end: a + 1, kind: c.node.kind as Core['kind'], rules: [...c.node.rules] }
      : { value: c.value, end: c.end, kind: 'count', rules: [...t.node.rules, 'digit-scale'] };
    return overFraction(text, toks, core, t.start) ?? core;
  }
  if (t.type === 'frac') return halfAlone(toks, a);
  if (t.type === 'ord') {
    // "thirds" alone names no number; "third" is an ordinal.
    return t.plural ? null : { value: t.value, end: a + 1, kind: 'ordinal', rules: ['word-ordinal'] };
  }
  const o = findDenominator(toks, a);
  if (o !== -1) {
    const fraction = fractionAt(text, toks, a, o);
    if (fraction) return fraction;
    const den = toks[o] as Tok;
    if (t.type !== 'article' && den.type === 'ord' && !den.plural) {
      const ordinal = ordinalExact(toks, a, o);
      if (ordinal !== null) return { value: ordinal, end: o + 1, kind: 'ordinal', rules: ['word-ordinal'] };
    }
  }
  const c = parseCardinal(toks, a);
  if (!c) return null;
  let core: Core = { value: c.value, end: c.end, kind: 'count', rules: ['word-cardinal'] };
  const next = toks[core.end];
  if (next?.type === 'point' && next.gap === 'space') {
    const point = pointDigits(toks, core.end);
    if (point) {
      const value = base10(core.value + Number(`0.${point.digits}`));
      core = { value, end: point.end, kind: 'count', rules: ['word-decimal'] };
    }
  } else if (next?.type === 'and' && next.gap === 'space') {
    const tail = mixedTail(text, toks, core.end);
    if (tail)
      core = {
        value: base10(core.value + tail.value),
        end: tail.end,
        kind: 'fraction',
        rules: ['word-fraction'],
      };
  }
  return overFraction(text, toks, core, t.start) ?? core;
}

/** "an unknown number" (of suspects): a count the text says exists but does not give. */
function unknownNumber(toks: readonly Tok[], i: number): NumNode | null {
  const [a, b, c] = [toks[i], toks[i + 1], toks[i + 2]];
  if (a?.type !== 'article' || b?.type !== 'unknown' || c?.type !== 'number') return null;
  if (b.gap !== 'space' || c.gap !== 'space') return null;
  return {
    start: a.start,
    end: c.end,
    kind: 'count',
    value: null,
    min: undefined,
    max: undefined,
    qualifier: 'unknown',
    unit: undefined,
    rules: ['word-unknown'],
  };
}

/**
 * Reads every number in the token stream, left to right, each as long as it can be.
 *
 * @param text The scanned text.
 * @param toks The scanner's tokens of `text`.
 */
export function parsePhrases(text: string, toks: readonly Tok[]): NumNode[] {
  const nodes: NumNode[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i] as Tok;
    // Fast path: digits that nothing joins (no scale word, "over" or "out of" after them).
    if (t.node && toks[i + 1]?.gap !== 'space') {
      nodes.push(t.node);
      i++;
      continue;
    }
    const unknown = unknownNumber(toks, i);
    if (unknown) {
      nodes.push(unknown);
      i += 3;
      continue;
    }
    const negative = t.type === 'neg';
    if (negative && !canStart(toks, i + 1)) {
      i++;
      continue;
    }
    const a = negative ? i + 1 : i;
    const core = parseCore(text, toks, a);
    if (!core) {
      i++;
      continue;
    }
    const first = toks[a] as Tok;
    if (!negative && core.end === a + 1 && first.type !== 'digits' && isIdiom(text, first)) {
      i = core.end;
      continue;
    }
    const last = toks[core.end - 1] as Tok;
    const value = negative && core.value !== 0 ? -core.value : core.value;
    const kind = negative && core.kind === 'year' ? 'count' : core.kind;
    const rules = negative ? [...core.rules, 'word-negative'] : core.rules;
    nodes.push({
      start: t.start,
      end: last.end,
      kind,
      value,
      min: undefined,
      max: undefined,
      qualifier: undefined,
      unit: undefined,
      rules,
    });
    i = core.end;
  }
  return nodes;
}
