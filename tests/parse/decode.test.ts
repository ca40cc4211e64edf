import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES } from '../../src/extract/limits.js';
import { decodeBody, ParseError, parseSource } from '../../src/parse/index.js';
import { fetched, HRR_SECTIONS } from './fetched.js';

/** "The victim’s “case” – café" in windows-1252: ’ 0x92, “ 0x93, ” 0x94, – 0x96, é 0xE9. */
const WINDOWS_1252 = new Uint8Array([
  ...new TextEncoder().encode('The victim'),
  0x92,
  ...new TextEncoder().encode('s '),
  0x93,
  ...new TextEncoder().encode('case'),
  0x94,
  0x20,
  0x96,
  ...new TextEncoder().encode(' caf'),
  0xe9,
]);

describe('decoding', () => {
  it('reads bytes that are not UTF-8 as windows-1252 when no charset is declared', () => {
    expect(parseSource(fetched(WINDOWS_1252, { contentType: null })).text).toBe('The victim’s “case” – café');
  });

  it('uses the charset of the content type', () => {
    const latin = new Uint8Array([0x43, 0xf4, 0x74, 0x65]); // "Côte" in ISO-8859-1
    expect(decodeBody(latin, 'text/plain; charset=ISO-8859-1')).toBe('Côte');
    expect(decodeBody(latin, 'text/plain; charset="no-such-charset"')).toBe('Côte');
  });

  it('uses the charset of a <meta> tag', () => {
    const page = new Uint8Array([
      ...new TextEncoder().encode('<meta charset="windows-1252"><p>caf'),
      0xe9,
      ...new TextEncoder().encode('</p>'),
    ]);
    expect(parseSource(fetched(page, { contentType: null })).text).toBe('café');
  });

  it('strips a UTF-8 BOM and turns CRLF and CR into LF', () => {
    const bytes = new TextEncoder().encode(
      '\uFEFFKYRGYZSTAN (TIER 2)\r\n\r\nKyrgyzstan is a source country.\rIt is also a transit country.',
    );
    expect(decodeBody(bytes, null)).toBe(
      'KYRGYZSTAN (TIER 2)\n\nKyrgyzstan is a source country.\nIt is also a transit country.',
    );
    expect(parseSource(fetched(bytes)).text).toBe(
      'KYRGYZSTAN (TIER 2)\n\nKyrgyzstan is a source country.\n\nIt is also a transit country.',
    );
  });

  it('reads UTF-16 with a BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x4b, 0x00, 0x47, 0x00, 0x5a, 0x00]);
    expect(decodeBody(bytes, null)).toBe('KGZ');
  });

  it('repairs UTF-8 read as windows-1252 (mojibake)', () => {
    const garbled = 'the victimâ€™s â€œcaseâ€\u009d â€“ cafÃ© â€” SÃ£o TomÃ©';
    expect(decodeBody(new TextEncoder().encode(garbled), null)).toBe('the victim’s “case” – café — São Tomé');
  });

  it('keeps quotes, apostrophes and dashes; turns odd spaces to spaces; drops zero-width characters', () => {
    const text =
      'The “Caravan” didn’t stop \u2013 it went on\u00A0\u2009twice;\u200B traf\u200Bficking\u00ADs — "x" \'y\'';
    expect(parseSource(fetched(text)).text).toBe(
      'The “Caravan” didn’t stop – it went on twice; traffickings — "x" \'y\'',
    );
  });
});

describe('refusing unusable input', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['empty', new TextEncoder().encode(' \n\t\r\n\u00A0')],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])],
    ['binary', new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))],
    ['too_large', new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61)],
    [
      'no_text',
      new TextEncoder().encode(
        'Publisher United States Department of State\nPublication Date 27 June 2017\n',
      ),
    ],
  ])('throws ParseError %s', (code, body) => {
    let error: unknown;
    try {
      parseSource(fetched(body));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ code });
  });

  it('says what is wrong in one sentence', () => {
    expect(() => parseSource(fetched(''))).toThrowErrorMatchingInlineSnapshot(
      `[ParseError: Source is empty or only white space]`,
    );
    expect(() =>
      parseSource(fetched(new Uint8Array(MAX_SOURCE_BYTES + 1))),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ParseError: Source is 5242881 bytes, more than the limit of 5242880 bytes]`,
    );
  });
});

describe('markdown sources', () => {
  const files = readdirSync(HRR_SECTIONS).filter((name) => name.endsWith('.md'));

  it.each(files)('%s keeps its heading marker and its words', (name) => {
    const bytes = readFileSync(join(HRR_SECTIONS, name));
    const doc = parseSource(fetched(bytes, { path: `sections/${name}`, contentType: null }));
    expect(doc.format).toBe('markdown');
    expect(doc.text.startsWith('#### Trafficking in Persons\n\n')).toBe(true);
    expect(doc.text).not.toMatch(/\n{3}|[ \t]\n|\s$/);
    const source = decodeBody(bytes, null);
    expect(doc.text.replace(/\s+/g, ' ')).toBe(source.trim().replace(/\s+/g, ' '));
    for (const run of doc.sourceMap) {
      expect(source.slice(run.source, run.source + run.length)).toBe(
        doc.text.slice(run.clean, run.clean + run.length),
      );
    }
  });

  it('puts an ATX heading in a block of its own', () => {
    const doc = parseSource(
      fetched('#### Trafficking in Persons\nThe law prohibits trafficking.\n\n\n\nMore.', { path: 'x.md' }),
    );
    expect(doc.text).toBe('#### Trafficking in Persons\n\nThe law prohibits trafficking.\n\nMore.');
  });
});
