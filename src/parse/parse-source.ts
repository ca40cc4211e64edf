import type { Fetched } from '../fetch/types.js';
import { decodeBody } from './decode.js';
import { ParseError } from './errors.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { deriveMetadata, emptyMetadata } from './metadata.js';
import { readText } from './text.js';
import type { CleanDocument } from './types.js';

/**
 * Before the first tag an HTML page may hold white space, a doctype, comments and processing
 * instructions. The repeated group consumes one white-space character or one whole construct, each
 * ended by its own delimiter, so a text can be split in only one way: no catastrophic backtracking.
 */
const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<!doctype[^>]*>|<\?[^>]*>)*</i;

/**
 * Picks the reader for a source: HTML by content type or by a first tag, markdown by a `.md`
 * address, plain text otherwise.
 *
 * @param fetched The fetched source.
 * @param text Its decoded text.
 */
export function detectFormat(fetched: Fetched, text: string): CleanDocument['format'] {
  if (fetched.contentType && /html/i.test(fetched.contentType)) return 'html';
  if (HTML_START.test(text.slice(0, 4096))) return 'html';
  const address = fetched.url ?? fetched.source.url ?? fetched.source.path ?? '';
  if (/\.(?:md|markdown)(?:[?#]|$)/i.test(address)) return 'markdown';
  if (fetched.contentType && /markdown/i.test(fetched.contentType)) return 'markdown';
  return 'text';
}

/**
 * What servers put in an error page they send with status 200. Such a page must fail as a document, so that
 * it never replaces the last good output of a narrative.
 */
const ERROR_PAGE =
  /\b(?:page|document|resource)\s+(?:was\s+)?not\s+found\b|\baccess\s+denied\b|\bservice\s+(?:temporarily\s+)?unavailable\b|\binternal\s+server\s+error\b|\bunder\s+maintenance\b/i;
/** An HTTP status an error page states ("404 Not Found", "Error 503: the service is unavailable")... */
const ERROR_STATUS = /\b(?:404|403|500|502|503)\b/gi;
/** ...and the word that says what it means, on the same line and at most ERROR_WORD_REACH characters later. */
const ERROR_WORD = /\b(?:not\s+found|forbidden|error|unavailable)\b/gi;
const ERROR_WORD_REACH = 40;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
/** A narrative is thousands of characters long; an error page a few hundred. */
const ERROR_PAGE_MAX_CHARS = 1_500;

/**
 * True when a status code is followed by its error word: "404 - Not Found". Two plain searches rather than
 * one regex with a bounded gap (`404\b.{0,40}\berror`), which tries every length of the gap at every code;
 * each word found here serves every code before it, so the text is read once.
 *
 * @param text The clean text.
 */
function statusThenWord(text: string): boolean {
  let word: RegExpExecArray | null | undefined;
  for (const status of text.matchAll(ERROR_STATUS)) {
    const from = status.index + status[0].length;
    // The first word at or after `from`: the one found for an earlier code, unless it lies before `from`.
    if (word === undefined || (word !== null && word.index < from)) {
      ERROR_WORD.lastIndex = from;
      word = ERROR_WORD.exec(text);
    }
    if (word === null) return false;
    if (word.index - from <= ERROR_WORD_REACH && !LINE_BREAK.test(text.slice(from, word.index))) return true;
  }
  return false;
}

/**
 * True for a short text that says it is an error and says nothing of trafficking.
 *
 * @param text The clean text.
 */
export function looksLikeErrorPage(text: string): boolean {
  return (
    text.length <= ERROR_PAGE_MAX_CHARS &&
    (statusThenWord(text) || ERROR_PAGE.test(text)) &&
    !/traffick/i.test(text)
  );
}

/**
 * Turns fetched bytes into the clean text every later offset points into, plus Refworld metadata.
 *
 * @param fetched The bytes and where they came from.
 * @throws ParseError when the source is empty, binary, too large or has no text.
 */
export function parseSource(fetched: Fetched): CleanDocument {
  const source = decodeBody(fetched.body, fetched.contentType);
  const format = detectFormat(fetched, source);
  const pageUrl = fetched.url ?? fetched.source.url ?? null;
  const read =
    format === 'html'
      ? readHtml(source)
      : format === 'markdown'
        ? { builder: readMarkdown(source), metadata: emptyMetadata() }
        : readText(source);
  const { text, sourceMap } = read.builder.finish();
  if (text === '') {
    throw new ParseError('no_text', `Source has no ${format === 'html' ? 'body ' : ''}text to read`);
  }
  if (looksLikeErrorPage(text)) {
    throw new ParseError(
      'error_page',
      `Source is an error page, not a narrative: "${text.slice(0, 80).replace(/\s+/g, ' ')}"`,
    );
  }
  return { format, text, metadata: deriveMetadata(read.metadata, pageUrl), sourceMap, diagnostics: [] };
}
