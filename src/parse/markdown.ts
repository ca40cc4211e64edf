import { CleanTextBuilder } from './normalize.js';
import { splitLines } from './text.js';

/** An ATX heading line ("#### Trafficking in Persons"); its markers stay in the clean text. */
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * Reads a markdown source: lines are kept (with their markdown markers, so that segment can read
 * them with remark), blank-line runs become one blank line and every ATX heading is a block of its own.
 *
 * @param source The decoded source.
 */
export function readMarkdown(source: string): CleanTextBuilder {
  const builder = new CleanTextBuilder();
  let headingBefore = false;
  for (const line of splitLines(source)) {
    const text = source.slice(line.start, line.end);
    if (text.trim() === '') {
      builder.blockBreak();
      continue;
    }
    const heading = ATX_HEADING.test(text);
    if (heading || headingBefore) builder.blockBreak();
    else builder.lineBreak();
    builder.text(text, line.start);
    headingBefore = heading;
  }
  return builder;
}
