/**
 * windows-1252 decoding that does not rely on Node's TextDecoder, which (Node 20) decodes the
 * "windows-1252" label as ISO-8859-1 and so turns 0x92 into U+0092 instead of "’".
 */

/** The characters of bytes 0x80-0x9F; the five bytes windows-1252 leaves undefined map to themselves (WHATWG). */
const HIGH_CONTROLS =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const latin1 = new TextDecoder('latin1');

/**
 * Decodes windows-1252 bytes.
 *
 * @param bytes The bytes to decode.
 * @example decodeWindows1252(new Uint8Array([0x92])) //=> '’'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  // ISO-8859-1 agrees with windows-1252 everywhere except 0x80-0x9F; fix those afterwards.
  return latin1
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (char) => HIGH_CONTROLS[char.charCodeAt(0) - 0x80]!);
}
