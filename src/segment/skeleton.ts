/**
 * A shortened copy of a text with the same markdown block structure, and the way back to the text.
 *
 * Why: `readBlocks` needs only block offsets, but remark reads every character, and the paragraphs of
 * Refworld text dumps are single lines of hundreds to thousands of characters. The block structure of
 * a line is decided by its start (indent, `>`, list markers, `#`, fences) and by its end (closing
 * `#`s, trailing whitespace); the rest is inline text, which the block-only parser only copies. So a
 * long line keeps its first and last `KEEP` characters and its middle becomes a filler of `x`s.
 *
 * A line is shortened only when both kept ends hold an ASCII letter and no backtick or tilde comes
 * before the first letter. Why that is enough:
 * - no block marker is a letter, so by the first letter the line's containers (`>`, list items, or
 *   none: a lazy continuation) and its flow construct (heading, paragraph, fence body) are decided,
 *   within the kept head, whose columns (tabs, indents) are those of the text;
 * - a line with a letter is no thematic break, setext underline or closing fence, in either text;
 * - a fence opening is kept whole (a backtick or tilde before the first letter), since a backtick
 *   anywhere in its info string makes it a paragraph;
 * - closing `#`s and trailing whitespace (a hard break) come after the last letter, in the kept tail;
 * - between the two letters there is only inline text, and the block-only parser (`BLOCK_ONLY` in
 *   blocks.ts) keeps no inline construct but line endings and trailing-whitespace breaks: the `x`s are
 *   plain text like what they replace, so no offset remark reports can fall in the filler.
 * The filler is as long as the cut modulo 4, so a tab in the tail keeps its column modulo 4, hence its
 * width, and we need not argue about tabs there. Line endings (LF, CR, CRLF) are copied as they are. A
 * text starting with a byte order mark (which micromark skips, shifting its offsets) is left whole.
 */

/** Characters kept at each end of a long line: room for the markers before the first letter. */
export const KEEP = 32;
/** The filler is 8 to 11 `x`s; a cut shorter than 12 would save nothing. */
const FILLER_MIN = 8;
const LINE_END = /[\r\n]/g;
const LETTER = /[A-Za-z]/;
const FENCE_MARK = /[`~]/;

/** A shortened text and its cuts, in order. */
export interface Skeleton {
  text: string;
  /** Where each filler starts in `text`. */
  fillerStart: number[];
  /** Each filler's length. */
  fillerLength: number[];
  /** The characters added to an offset after each filler: the cut's length minus the filler's, summed. */
  shift: number[];
}

/**
 * Shortens every long line whose block structure cannot depend on its middle (see above).
 *
 * @param text The clean text.
 */
export function skeletonOf(text: string): Skeleton {
  const skeleton: Skeleton = { text, fillerStart: [], fillerLength: [], shift: [] };
  if (text.charCodeAt(0) === 0xfeff) return skeleton;
  const parts: string[] = [];
  let copied = 0;
  let length = 0;
  let shift = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    LINE_END.lastIndex = lineStart;
    const lineEnd = LINE_END.exec(text)?.index ?? text.length;
    const cut = lineEnd - lineStart - 2 * KEEP;
    if (cut >= FILLER_MIN + 4 && shortenable(text, lineStart, lineEnd)) {
      const filler = 'x'.repeat(FILLER_MIN + (cut % 4));
      const headEnd = lineStart + KEEP;
      parts.push(text.slice(copied, headEnd), filler);
      length += headEnd - copied;
      skeleton.fillerStart.push(length);
      skeleton.fillerLength.push(filler.length);
      length += filler.length;
      shift += cut - filler.length;
      skeleton.shift.push(shift);
      copied = lineEnd - KEEP;
    }
    lineStart = lineEnd + 1;
  }
  if (parts.length === 0) return skeleton;
  parts.push(text.slice(copied));
  skeleton.text = parts.join('');
  return skeleton;
}

function shortenable(text: string, lineStart: number, lineEnd: number): boolean {
  const head = text.slice(lineStart, lineStart + KEEP);
  const letter = head.search(LETTER);
  return (
    letter >= 0 && !FENCE_MARK.test(head.slice(0, letter)) && LETTER.test(text.slice(lineEnd - KEEP, lineEnd))
  );
}

/**
 * The offset in the original text of an offset remark reported in the skeleton.
 *
 * @param skeleton From `skeletonOf`.
 * @param offset An offset in `skeleton.text`.
 * @throws If the offset falls inside a filler, which the rules above rule out.
 */
export function originalOffset(skeleton: Skeleton, offset: number): number {
  const { fillerStart, fillerLength, shift } = skeleton;
  // The last filler starting before the offset (binary search).
  let low = 0;
  let high = fillerStart.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (fillerStart[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  const cut = low - 1;
  if (cut < 0) return offset;
  if (offset < fillerStart[cut]! + fillerLength[cut]!) {
    throw new Error(`Block offset ${offset} falls inside a skeleton filler`);
  }
  return offset + shift[cut]!;
}
