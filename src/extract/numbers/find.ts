/**
 * The numbers pass: scan, read each number, then run the rule stages.
 *
 * ```
 * text -scan-> Tok[] -parsePhrases-> NumNode[] -runStages(NUMBER_RULES)-> NumNode[] -> NumberMention[]
 * ```
 */
import type { NumberMention } from '../../validate/schema.js';
import { parsePhrases } from './phrase.js';
import { NUMBER_RULES } from './rules.js';
import { scan } from './scan.js';
import { runStages } from './shadow.js';
import type { ExplainedMention, NumNode } from './types.js';

function checkOffset(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new TypeError(
      `Expected \`${name}\` to be an integer from 0 to ${max}, got \`${value}\` (${typeof value})`,
    );
  }
}

function toMention(text: string, offset: number, n: NumNode): NumberMention {
  const start = n.start + offset;
  const end = n.end + offset;
  const m: NumberMention = { start, end, text: text.slice(start, end), kind: n.kind, value: n.value };
  if (n.min !== undefined) m.min = n.min;
  if (n.max !== undefined) m.max = n.max;
  if (n.qualifier !== undefined) m.qualifier = n.qualifier;
  if (n.unit !== undefined) m.unit = n.unit;
  return m;
}

const ALNUM = /[A-Za-z0-9]/;

/** True when offset `i` falls inside a word or a number: "2,9|79", "fif|ty". */
function cuts(text: string, i: number): boolean {
  const [a, b] = [text[i - 1], text[i]];
  if (a === undefined || b === undefined) return false;
  if (ALNUM.test(a) && ALNUM.test(b)) return true;
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  return (
    (digit(a) && (b === ',' || b === '.') && digit(text[i + 1])) ||
    (digit(b) && (a === ',' || a === '.') && digit(text[i - 2]))
  );
}

function nodesOf(text: string, from: number, to: number): NumNode[] {
  if (typeof text !== 'string')
    throw new TypeError(`Expected \`text\` to be a string, got \`${text}\` (${typeof text})`);
  checkOffset('from', from, text.length);
  checkOffset('to', to, text.length);
  if (from > to) throw new TypeError(`Expected \`from\` (${from}) to be at most \`to\` (${to})`);
  const slice = text.slice(from, to);
  const nodes = runStages(slice, parsePhrases(slice, scan(slice)), NUMBER_RULES);
  // A number cut by the edges of the range is not in the range: "2,9" of "2,979" is no number.
  const first = nodes[0];
  if (first?.start === 0 && cuts(text, from)) nodes.shift();
  const last = nodes[nodes.length - 1];
  if (last?.end === slice.length && cuts(text, to)) nodes.pop();
  return nodes;
}

/**
 * Finds every numeric mention in `text[from, to)`: counts, ranges, fractions, percentages, money,
 * ages, durations, years, dates and ordinals, with their qualifiers. Offsets are absolute into `text`;
 * the result is sorted by start and never overlaps.
 *
 * @param text The clean text.
 * @param from Offset where the search starts (default 0); a number must lie wholly inside.
 * @param to Offset where the search ends, exclusive (default `text.length`).
 * @example findNumbers('the hotline received 2,979 calls in 2016')
 * //=> [{ start: 21, end: 26, text: '2,979', kind: 'count', value: 2979 },
 * //    { start: 36, end: 40, text: '2016', kind: 'year', value: 2016 }]
 */
export function findNumbers(text: string, from = 0, to: number = text.length): NumberMention[] {
  // A push loop, not `map`: optimised code makes `map`'s result a holey array, and `filter`'s (see
  // dropArticleNumbers) a packed one, so every loop over the numbers saw two array maps and deoptimised.
  const mentions: NumberMention[] = [];
  for (const n of nodesOf(text, from, to)) mentions.push(toMention(text, from, n));
  return mentions;
}

/**
 * Like `findNumbers`, with the names of the rules that built each mention (lexical rule first): for
 * the rule-table tests and for debugging a surprising mention.
 *
 * @param text The clean text.
 * @param from Offset where the search starts.
 * @param to Offset where the search ends, exclusive.
 */
export function explainNumbers(text: string, from = 0, to: number = text.length): ExplainedMention[] {
  return nodesOf(text, from, to).map((n) => ({ ...toMention(text, from, n), rules: n.rules }));
}
