import { emptyMetadata, matchFieldRule, setField } from './metadata.js';
import { CleanTextBuilder, needsWork, normalizeInline } from './normalize.js';
import type { SourceMetadata } from './types.js';

/** A line of the decoded source, without its "\n". */
export interface Line {
  start: number;
  end: number;
}

/** A Refworld metadata block is about ten lines; looking further would read the narrative. */
const MAX_METADATA_LINES = 30;

/** A longer line is narrative, never page chrome. */
const MAX_CHROME_LINE = 60;

/** Page chrome that text dumps of Refworld pages carry after the narrative. */
const CHROME_LINES: readonly RegExp[] = [
  /^Search Refworld$/i,
  /^(?:Advanced )?Search(?: Tips)?$/i,
  /^(?:Countries|Topics|Categories|Publishers|Document types?|All countries|Clear|Help|Print|E-?mail|Share)$/i,
  /^(?:by keyword|Enter a word or phrase|and \/ or country|Back to top|Contact us|Refworld)$/i,
];

/** A markdown list item ("* ", "- ", "1. "): consecutive ones stay one block, which remark reads as a list. */
const LIST_ITEM = /^[-*+]\s|^\d{1,3}[.)]\s/;

/** Any bulleted line, markdown or typographic ("• "): it never continues prose. */
const BULLET = /^[-*+•●▪◦]\s|^\d{1,3}[.)]\s/;

/** A line ending like this ends its sentence, so the next line may start a new block. */
const ENDS_SENTENCE = /[.!?:;"”’)\]]$/;

/** A line shorter than this is a heading or a one-line paragraph, never part of hard-wrapped prose. */
const MIN_WRAPPED_LINE = 40;

/**
 * Splits the decoded source into lines.
 *
 * @param source The decoded source ("\n" line breaks only).
 */
export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let end = source.indexOf('\n'); end !== -1; end = source.indexOf('\n', start)) {
    lines.push({ start, end });
    start = end + 1;
  }
  lines.push({ start, end: source.length });
  return lines;
}

/** What the text reader produces: clean text, source map and the metadata block's fields. */
export interface ReadText {
  builder: CleanTextBuilder;
  metadata: SourceMetadata;
}

/**
 * Reads a plain-text dump: the metadata block on top (if any), the narrative, and no page chrome.
 *
 * @param source The decoded source.
 */
export function readText(source: string): ReadText {
  const lines = splitLines(source);
  const lineText = (line: Line): string => source.slice(line.start, line.end);
  // The block is read from the first lines only: slicing every line of the document would copy it for nothing.
  const { metadata, bodyStart } = readMetadataBlock(lines.slice(0, MAX_METADATA_LINES).map(lineText));
  let bodyEnd = lines.length;
  while (bodyEnd > bodyStart) {
    const text = normalizeInline(lineText(lines[bodyEnd - 1]!));
    if (text !== '' && !(text.length <= MAX_CHROME_LINE && CHROME_LINES.some((re) => re.test(text)))) break;
    bodyEnd--;
  }
  const builder = new CleanTextBuilder();
  let previous: string | null = null;
  for (let i = bodyStart; i < bodyEnd; i++) {
    const line = lines[i] as Line;
    const raw = lineText(line);
    // One white-space test per line, for both the normalised line and the builder: it reads the whole line.
    const dirty = needsWork(raw);
    const text = normalizeInline(raw, dirty);
    if (text === '') {
      builder.blockBreak();
      previous = null;
      continue;
    }
    if (previous !== null && continuesBlock(previous, text)) builder.lineBreak();
    else builder.blockBreak();
    builder.text(raw, line.start, dirty);
    previous = text;
  }
  return { builder, metadata };
}

/**
 * Whether a line stays in the block of the line before it (as a line of its own): list items
 * follow list items, and hard-wrapped prose goes on after a long line that ends mid-sentence.
 */
function continuesBlock(previous: string, line: string): boolean {
  if (BULLET.test(line)) return LIST_ITEM.test(line) && LIST_ITEM.test(previous);
  return previous.length >= MIN_WRAPPED_LINE && !ENDS_SENTENCE.test(previous);
}

/**
 * Reads the Refworld metadata block at the top of a text dump with the line rules.
 *
 * A block exists only if at least one labelled line ("Publisher", "Cite as", ...) is found; an
 * unlabelled line may be the title only before the first labelled line other than "Last Updated".
 *
 * @param lines The source's lines.
 * @returns The fields found and the index of the first line after the block.
 */
export function readMetadataBlock(lines: readonly string[]): { metadata: SourceMetadata; bodyStart: number } {
  const metadata = emptyMetadata();
  let labelled = false;
  let titleAllowed = true;
  let bodyStart = 0;
  const limit = Math.min(lines.length, MAX_METADATA_LINES);
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const found = matchFieldRule(line, titleAllowed && metadata.title === null);
    if (!found) break;
    const { rule, value } = found;
    if (!rule.fallback) labelled = true;
    if (!rule.fallback && rule.field !== 'lastUpdated') titleAllowed = false;
    if (rule.field && value !== null) setField(metadata, rule.field, value);
    bodyStart = i + 1;
  }
  return labelled ? { metadata, bodyStart } : { metadata: emptyMetadata(), bodyStart: 0 };
}
