import type { CleanDocument } from './types.js';

/**
 * Maps an offset in the clean text back to an offset in the decoded source string.
 *
 * Inside a run copied verbatim the mapping is exact. An offset in text that parse wrote itself
 * (a block break, a " | " between cells, a character decoded from an entity) maps to the end of the
 * nearest run before it, so the result is always a valid source offset and never moves backwards.
 *
 * @param doc The parsed document.
 * @param cleanOffset An offset into `doc.text` (0 .. text.length).
 * @example toSourceOffset(doc, doc.text.indexOf('KYRGYZ')) //=> the offset of "KYRGYZ" in the source
 */
export function toSourceOffset(doc: Pick<CleanDocument, 'sourceMap' | 'text'>, cleanOffset: number): number {
  if (!(Number.isInteger(cleanOffset) && cleanOffset >= 0 && cleanOffset <= doc.text.length)) {
    throw new RangeError(`Expected an offset from 0 to ${doc.text.length}, got ${cleanOffset}`);
  }
  const runs = doc.sourceMap;
  // Binary search for the last run that starts at or before the offset.
  let low = 0;
  let high = runs.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (runs[middle]!.clean <= cleanOffset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found === -1) return runs[0]?.source ?? 0;
  const run = runs[found]!;
  return run.source + Math.min(cleanOffset - run.clean, run.length);
}
