import { MAX_SOURCE_BYTES } from '../extract/limits.js';
import { ParseError } from './errors.js';
import { repairMojibake } from './normalize.js';
import { decodeWindows1252 } from './windows-1252.js';

/** How many leading bytes the binary test and the `<meta charset>` sniffing look at. */
const SNIFF_BYTES = 64 * 1024;

/**
 * A text file has almost no control bytes besides tab and line breaks; more than 1 in 10 of them means
 * binary. Tested as `control * 10 > bytes`, in integers: the same answer as `control / bytes > 0.1`
 * (a quotient equal to 1/10 rounds to the double 0.1 itself), without a float compare.
 */
const CONTROL_ONE_IN = 10;

/**
 * What each byte value counts for in the binary test: 2 for NUL (binary at once), 1 for a control byte
 * (C0 except tab, line feed, form feed and carriage return, and DEL), 0 for text. One table lookup per
 * byte instead of a chain of compares, whose rarely taken branches V8 lacked feedback for: it threw the
 * optimised loop away again and again ("insufficient type feedback for compare operation").
 */
const BYTE_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (let b = 1; b < 0x20; b++) if (b !== 9 && b !== 10 && b !== 12 && b !== 13) table[b] = 1;
  table[0x7f] = 1;
  table[0] = 2;
  return table;
})();

/** `charset=` in a Content-Type header. */
const HEADER_CHARSET = /;\s*charset\s*=\s*["']?(?<charset>[\w.:-]{1,40})/i;

/** Where a `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">` opens. */
const META_OPEN = /<meta\b/gi;

/** `charset=x` inside such a tag. */
const CHARSET_ATTRIBUTE = /\bcharset\s*=\s*["']?(?<charset>[\w.:-]{1,40})/gi;

/** How far after `<meta` its `charset` may start: real tags name it within a few dozen characters. */
const META_CHARSET_REACH = 300;

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/**
 * Decodes a fetched body to the string every source offset points into, or throws a `ParseError`.
 *
 * The BOM is dropped, line breaks become "\n" and common mojibake is repaired; the charset is the
 * BOM's, else the Content-Type's, else a `<meta charset>`'s, else UTF-8 when the bytes are valid
 * UTF-8, else windows-1252.
 *
 * @param body The raw bytes.
 * @param contentType The Content-Type header, if any.
 */
export function decodeBody(body: Uint8Array, contentType: string | null): string {
  if (body.byteLength > MAX_SOURCE_BYTES) {
    throw new ParseError(
      'too_large',
      `Source is ${body.byteLength} bytes, more than the limit of ${MAX_SOURCE_BYTES} bytes`,
    );
  }
  const bom = BOMS.find(({ bytes }) => bytes.every((byte, i) => body[i] === byte));
  if (!bom && looksBinary(body)) {
    throw new ParseError('binary', 'Source looks binary (NUL or control bytes), not text');
  }
  const encoding = bom?.encoding ?? declaredCharset(body, contentType);
  const decoded = encoding ? decodeAs(body, encoding) : decodeUtf8OrWindows1252(body);
  const text = repairMojibake(decoded.replace(/\r\n?/g, '\n'));
  if (text.trim() === '') throw new ParseError('empty', 'Source is empty or only white space');
  return text;
}

/** True when the first bytes hold a NUL or too many other control bytes. */
function looksBinary(body: Uint8Array): boolean {
  const end = Math.min(body.byteLength, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const k = BYTE_CLASS[body[i] as number] as number;
    if (k === 2) return true;
    control += k;
  }
  return end > 0 && control * CONTROL_ONE_IN > end;
}

/** The charset named by the Content-Type or a `<meta>` tag, if TextDecoder knows it. */
function declaredCharset(body: Uint8Array, contentType: string | null): string | null {
  const fromHeader = contentType ? HEADER_CHARSET.exec(contentType)?.groups?.charset : undefined;
  const head = decodeWindows1252(body.subarray(0, Math.min(body.byteLength, 2048)));
  const fromMeta = metaCharset(head);
  for (const label of [fromHeader, fromMeta]) {
    if (label && isKnownEncoding(label)) return label;
  }
  return null;
}

/**
 * The charset of the first `<meta` tag that declares one within META_CHARSET_REACH characters, before the
 * tag's `>`. Two plain searches instead of one regex with a bounded lazy gap (`<meta\b[^>]{0,300}?\bcharset`),
 * which tries every length of the gap at every `<meta`: each `charset=` found here serves every `<meta`
 * before it, so the head is read once.
 *
 * @param head The start of the document, decoded as windows-1252.
 * @example metaCharset('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">') //=> 'utf-8'
 */
function metaCharset(head: string): string | undefined {
  let charset: RegExpExecArray | null | undefined;
  for (const open of head.matchAll(META_OPEN)) {
    const from = open.index + open[0].length;
    // The first `charset=` at or after `from`: the one found for an earlier tag, unless it lies before `from`.
    if (charset === undefined || (charset !== null && charset.index < from)) {
      CHARSET_ATTRIBUTE.lastIndex = from;
      charset = CHARSET_ATTRIBUTE.exec(head);
    }
    if (charset === null) return undefined;
    if (charset.index - from <= META_CHARSET_REACH && !head.slice(from, charset.index).includes('>')) {
      return charset.groups?.charset;
    }
  }
  return undefined;
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function decodeAs(body: Uint8Array, encoding: string): string {
  const decoder = new TextDecoder(encoding);
  // "iso-8859-1", "latin1", "ascii" and "windows-1252" are all windows-1252 labels (WHATWG).
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(body) : decoder.decode(body);
}

function decodeUtf8OrWindows1252(body: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}
