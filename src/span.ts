import type { Span } from './validate/schema.js';

/**
 * Builds the span `start..end` of `text`, with its exact quote.
 *
 * @param text The clean text every offset points into.
 * @param start First character, inclusive.
 * @param end Last character, exclusive.
 * @example span('in 2016 the', 3, 7) //=> { start: 3, end: 7, quote: '2016' }
 */
export function span(text: string, start: number, end: number): Span {
  if (
    !(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)
  ) {
    throw new RangeError(`Expected 0 <= start <= end <= ${text.length}, got start ${start}, end ${end}`);
  }
  return { start, end, quote: text.slice(start, end) };
}

/**
 * Narrows `start..end` so that it neither starts nor ends with white space or the given trailing punctuation.
 *
 * @param text The text the offsets point into.
 * @param start First character, inclusive.
 * @param end Last character, exclusive.
 * @param trailing Characters to drop from the end as well as white space.
 */
export function trim(text: string, start: number, end: number, trailing = ''): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && (/\s/.test(text[e - 1]!) || trailing.includes(text[e - 1]!))) e--;
  return [s, e];
}
