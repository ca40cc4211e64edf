import type { SourceMapEntry } from './types.js';
import { decodeWindows1252 } from './windows-1252.js';

/**
 * The only place where parse changes text.
 *
 * - Runs of white space (ASCII, NBSP, the U+2000 spaces, line breaks inside a block) become one space.
 * - Invisible characters (zero-width space/joiners, word joiner, BOM, soft hyphen) are removed.
 * - Quotes, apostrophes and dashes are kept exactly as written: quotes must match the source.
 * - Structure is written by the callers as breaks: a space, a line break, a block break ("\n\n"),
 *   or a table-cell separator (" | "); the strongest pending break wins and none is written at
 *   the start or the end of the text.
 */

/** Characters removed outright: they have no width and only split words ("traf\u200Bficking"). */
const INVISIBLE = '\\u00AD\\u180E\\u200B-\\u200D\\u2060\\uFEFF';

/**
 * One token of a piece of source text: a word run, a white-space run, or an invisible run.
 * Each alternative is a single character class with `+`, so matching is linear.
 */
const TOKEN = new RegExp(`([^\\s${INVISIBLE}]+)|([^\\S\\uFEFF]+)|([${INVISIBLE}]+)`, 'gu');

/** Anything but single ASCII spaces between words: white space to collapse or invisible characters to drop. */
const NEEDS_WORK = new RegExp(`[^\\S ]| {2}|[${INVISIBLE}]`, 'u');

/** Strength of a pending separator; the strongest one wins. */
enum Break {
  None = 0,
  Space = 1,
  Cell = 2,
  Line = 3,
  Block = 4,
}

const SEPARATOR: Record<Break, string> = {
  [Break.None]: '',
  [Break.Space]: ' ',
  [Break.Cell]: ' | ',
  [Break.Line]: '\n',
  [Break.Block]: '\n\n',
};

/** The clean text and its source map, as built by `CleanTextBuilder`. */
export interface BuiltText {
  text: string;
  sourceMap: SourceMapEntry[];
}

/**
 * Accumulates clean text from pieces of the decoded source, keeping a map from clean offsets back
 * to source offsets for every character copied unchanged.
 *
 * @example
 * const b = new CleanTextBuilder();
 * b.text('Hello  world', 10); b.blockBreak(); b.text('Next', 30);
 * b.finish().text //=> 'Hello world\n\nNext'
 */
export class CleanTextBuilder {
  private readonly parts: string[] = [];
  private readonly runs: SourceMapEntry[] = [];
  private length = 0;
  private pending: Break = Break.None;
  /** Source offset of the white space a pending single space would copy, or null when synthesised. */
  private pendingSpaceSource: number | null = null;

  /**
   * Appends a piece of source text, normalising its white space.
   *
   * @param piece Text exactly as it stands in the decoded source, or synthesised text.
   * @param source Offset of `piece` in the decoded source, or null when it is not a verbatim copy.
   * @param dirty `needsWork(piece)`, when the caller has it already: the test reads the whole piece.
   */
  text(piece: string, source: number | null, dirty: boolean = needsWork(piece)): void {
    if (!dirty) {
      this.cleanText(piece, source);
      return;
    }
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(piece); match !== null; match = TOKEN.exec(piece)) {
      const [, word, space] = match;
      const at = source === null ? null : source + match.index;
      if (word !== undefined) this.emit(word, at);
      else if (space !== undefined) this.space(space.startsWith(' ') ? at : null);
    }
  }

  /** Ends the current line: the next text starts on a new line of the same block. */
  lineBreak(): void {
    this.raise(Break.Line);
  }

  /** Ends the current block: the next text starts after exactly one blank line. */
  blockBreak(): void {
    this.raise(Break.Block);
  }

  /** Separates two table cells with " | " if more text follows on the same row. */
  cellBreak(): void {
    this.raise(Break.Cell);
  }

  /** The number of characters written so far (pending separators excluded). */
  get size(): number {
    return this.length;
  }

  /** Returns the clean text and its source map; the builder should not be used afterwards. */
  finish(): BuiltText {
    return { text: this.parts.join(''), sourceMap: this.runs };
  }

  /** The common case, a piece with single ASCII spaces only: one run, at most a space on either side. */
  private cleanText(piece: string, source: number | null): void {
    let start = 0;
    let end = piece.length;
    if (piece.charCodeAt(0) === 0x20) {
      this.space(source);
      start = 1;
    }
    const trailing = end > start && piece.charCodeAt(end - 1) === 0x20;
    if (trailing) end--;
    if (end > start) this.emit(piece.slice(start, end), source === null ? null : source + start);
    if (trailing) this.space(source === null ? null : source + end);
  }

  private space(source: number | null): void {
    if (this.pending < Break.Space) {
      this.pending = Break.Space;
      this.pendingSpaceSource = source;
    }
  }

  private raise(level: Break): void {
    if (level > this.pending) this.pending = level;
  }

  private emit(word: string, source: number | null): void {
    if (this.length > 0 && this.pending !== Break.None) {
      const separator = SEPARATOR[this.pending];
      this.push(separator, this.pending === Break.Space ? this.pendingSpaceSource : null);
    }
    this.pending = Break.None;
    this.pendingSpaceSource = null;
    this.push(word, source);
  }

  private push(piece: string, source: number | null): void {
    if (source !== null) {
      const last = this.runs.at(-1);
      if (last && last.clean + last.length === this.length && last.source + last.length === source) {
        last.length += piece.length;
      } else {
        this.runs.push({ clean: this.length, source, length: piece.length });
      }
    }
    this.parts.push(piece);
    this.length += piece.length;
  }
}

/**
 * Characters that UTF-8 text often shows up as after it was read as windows-1252 ("â€™" for "’").
 * The garbled form of each is derived, so the table lists only the intended characters.
 */
const MOJIBAKE_TARGETS = [
  '\u2018', // ‘
  '\u2019', // ’
  '\u201C', // “
  '\u201D', // ”
  '\u2013', // –
  '\u2014', // —
  '\u2026', // …
  '\u2022', // •
  '\u20AC', // €
  '\u00A0', // no-break space
  '\u00B0', // °
  '\u00AB', // «
  '\u00BB', // »
  ...'áàâäãåçéèêëíìîïñóòôöõúùûüýÿ',
  ...'ÁÀÂÄÃÅÇÉÈÊËÍÎÏÑÓÔÖÚÜ',
];

const utf8Encoder = new TextEncoder();

/** Garbled form -> intended character, e.g. "Ã©" -> "é". */
const MOJIBAKE: ReadonlyMap<string, string> = new Map(
  MOJIBAKE_TARGETS.map((target) => [decodeWindows1252(utf8Encoder.encode(target)), target]),
);

/** Alternation of literal garbled forms, longest first; literals only, so matching is linear. */
const MOJIBAKE_PATTERN = new RegExp(
  [...MOJIBAKE.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

/** Every garbled form starts with one of these; a cheap test before the full replace. */
const MOJIBAKE_LEAD = /[\u00C2\u00C3\u00E2]/;

/**
 * Repairs the common UTF-8-read-as-windows-1252 garbling ("â€œ" -> "“", "Ã©" -> "é").
 *
 * @param text Decoded text that may contain garbled sequences.
 * @example repairMojibake('the victimâ€™s') //=> 'the victim’s'
 */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE_LEAD.test(text)) return text;
  return text.replace(MOJIBAKE_PATTERN, (garbled) => MOJIBAKE.get(garbled) ?? garbled);
}

/** White-space runs, including NBSP and the U+2000 spaces; one character class, so linear. */
const SPACE_RUN = /[^\S\uFEFF]+/g;
const INVISIBLE_RUN = new RegExp(`[${INVISIBLE}]+`, 'g');

/**
 * True when `value` has white space to collapse or invisible characters to drop, that is anything but
 * single ASCII spaces between words. Callers that normalise a line and then append it to the builder
 * test it once and pass the answer to both.
 *
 * @param value Text as found in the source.
 */
export function needsWork(value: string): boolean {
  return NEEDS_WORK.test(value);
}

/**
 * Normalises a one-line value (a metadata field) the way the builder normalises body text.
 *
 * @param value Text as found in the source.
 * @param dirty `needsWork(value)`, when the caller has it already.
 * @example normalizeInline(' 27\u00A0June  2017 ') //=> '27 June 2017'
 */
export function normalizeInline(value: string, dirty: boolean = needsWork(value)): string {
  // Nearly every value (every line of a text dump is read through here) has single ASCII spaces only:
  // then there is nothing to drop or collapse, and the two replaces below would copy it for nothing.
  if (!dirty) return value.trim();
  return value.replace(INVISIBLE_RUN, '').replace(SPACE_RUN, ' ').trim();
}
