import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { parseSource } from '../../src/parse/index.js';
import { readBlocks, readBlocksFull } from '../../src/segment/blocks.js';
import { KEEP, originalOffset, skeletonOf } from '../../src/segment/skeleton.js';
import { fetched, HRR_SECTIONS } from '../parse/fetched.js';

/**
 * `readBlocks` parses a shortened skeleton of the text; these tests hold it to the full parse
 * (`readBlocksFull`) on every real and generated text we have, and on random markdown-ish texts.
 */

function expectSameBlocks(text: string): void {
  expect(readBlocks(text)).toStrictEqual(readBlocksFull(text));
}

const SOURCES = fileURLToPath(new URL('../../fixtures/sources/', import.meta.url));

describe('skeleton offsets', () => {
  const long = `Alpha ${'b'.repeat(200)} omega`; // 212 characters
  const text = `# Title\n\n${long}\r\n${long}\n`;
  const skeleton = skeletonOf(text);

  it('shortens each long line to KEEP + filler + KEEP, the filler as long as the cut modulo 4', () => {
    const cut = long.length - 2 * KEEP; // 148, so 8 x's
    expect(skeleton.fillerLength).toStrictEqual([8, 8]);
    expect(skeleton.fillerStart).toStrictEqual([9 + KEEP, 9 + 2 * KEEP + 8 + 2 + KEEP]);
    expect(skeleton.shift).toStrictEqual([cut - 8, 2 * (cut - 8)]);
    expect(skeleton.text).toBe(
      `# Title\n\n${long.slice(0, KEEP)}xxxxxxxx${long.slice(-KEEP)}\r\n${long.slice(0, KEEP)}xxxxxxxx${long.slice(-KEEP)}\n`,
    );
  });

  it('maps heads by the line start, tails from the line end, and refuses the filler', () => {
    const first = skeleton.fillerStart[0]!;
    expect(originalOffset(skeleton, 0)).toBe(0);
    expect(originalOffset(skeleton, 9)).toBe(9);
    expect(originalOffset(skeleton, first)).toBe(9 + KEEP);
    expect(() => originalOffset(skeleton, first + 1)).toThrow(/filler/);
    expect(() => originalOffset(skeleton, first + 7)).toThrow(/filler/);
    expect(originalOffset(skeleton, first + 8)).toBe(9 + long.length - KEEP);
    // The end of the second line and of the text.
    const secondEnd = skeleton.text.length - 1;
    expect(originalOffset(skeleton, secondEnd)).toBe(text.length - 1);
    expect(originalOffset(skeleton, skeleton.text.length)).toBe(text.length);
  });

  it('keeps whole the lines whose middle could matter', () => {
    const middle = 'z'.repeat(300);
    for (const line of [
      `${'-'.repeat(40)}${middle}${'a'.repeat(40)}`, // no letter in the head
      `\`\`\`js ${middle} \` tail words`, // a fence whose info string holds a backtick
      `~~~ ${middle} tail words`,
      `# Heading ${middle}${'#'.repeat(40)}`, // no letter in the tail: closing #s
      `Words ${middle}${' '.repeat(40)}`, // no letter in the tail: trailing spaces
      `${'a'.repeat(2 * KEEP + 11)}`, // too short to gain
    ]) {
      expect(skeletonOf(line).fillerStart).toStrictEqual([]);
    }
    expect(skeletonOf(`\uFEFF${'a'.repeat(500)}`).fillerStart).toStrictEqual([]);
    expect(skeletonOf(`${'a'.repeat(2 * KEEP + 12)}`).fillerLength).toStrictEqual([8]);
  });
});

describe('readBlocks equals the full parse', () => {
  it.each(readdirSync(SOURCES))('on fixtures/sources/%s, raw and cleaned', (name) => {
    const bytes = readFileSync(join(SOURCES, name));
    expectSameBlocks(bytes.toString('utf8'));
    const markdown = name.endsWith('.md');
    const doc = parseSource(
      fetched(bytes, { path: `sources/${name}`, contentType: markdown ? null : 'text/plain' }),
    );
    expectSameBlocks(doc.text);
  });

  it('on every file of the human-rights report corpus, raw and cleaned', () => {
    const folder = join(HRR_SECTIONS, '..');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.md'),
    );
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const name of files) {
      const bytes = readFileSync(join(folder, name));
      expectSameBlocks(bytes.toString('utf8'));
      expectSameBlocks(parseSource(fetched(bytes, { path: name, contentType: null })).text);
    }
  });

  it('on the 200 documents of the benchmark corpus, text and HTML forms', () => {
    let shortened = 0;
    for (const doc of generateCorpus({ docs: 200, seed: 1 })) {
      for (const form of [doc.text, doc.html]) {
        const { text } = parseSource(form);
        if (skeletonOf(text).fillerStart.length > 0) shortened++;
        expectSameBlocks(text);
      }
    }
    // The skeleton is really used, not bypassed.
    expect(shortened).toBeGreaterThan(380);
  });

  it('on random markdown-ish texts', () => {
    const word = fc.constantFrom(
      'trafficking',
      'the',
      'Government',
      '2016',
      '1.',
      '*',
      '-',
      '#',
      '##',
      '>',
      '`',
      '```',
      '~~~',
      '\t',
      '  ',
      '<b>',
      '[1]:',
      '&amp;',
      '\\',
      '_x_',
      '===',
      'é',
    );
    // A long run of words, repeated from a few so that it costs little to make, with maybe one odd
    // character somewhere (in the middle it is cut out of the skeleton).
    const long = fc
      .record({
        words: fc.array(word, { minLength: 1, maxLength: 8 }),
        length: fc.integer({ min: 200, max: 3000 }),
        odd: fc.constantFrom('', '`', ' ` ', '~', '\t', ' # ', '  '),
        at: fc.integer({ min: 0, max: 3000 }),
      })
      .map(({ words, length, odd, at }) => {
        let s = words.join(' ');
        while (s.length < length) s += ` ${s}`;
        const cut = Math.min(at, length);
        return s.slice(0, cut) + odd + s.slice(cut, length);
      });
    const short = fc.array(word, { minLength: 0, maxLength: 6 }).map((words) => words.join(' '));
    // Prefixes and ends longer than KEEP too, where the skeleton must keep the line whole.
    const indent = fc.constantFrom(
      '',
      ' ',
      '  ',
      '   ',
      '    ',
      '      ',
      '\t',
      ' \t',
      '\t\t',
      ' '.repeat(40),
    );
    const deep = '> '.repeat(20);
    const container = fc
      .array(fc.constantFrom('> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '  ', '\t', deep), {
        maxLength: 3,
      })
      .map((parts) => parts.join(''));
    const opener = fc.constantFrom(
      '',
      '',
      '',
      '# ',
      '### ',
      '###### ',
      '####### ',
      '```',
      '~~~',
      '``` ',
      '```js ',
      '\t',
    );
    const closer = fc.constantFrom(
      ...['', '', '', ' #', ' ###', ' ## \t', '#', '  ', ' ', '\t', '.', ' 2016', '`', '~~~', ' *'],
      ...[' '.repeat(40), ` ${'#'.repeat(40)}`, ` ${'#'.repeat(30)} \t `, '\t'.repeat(12)],
    );
    const body = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(opener, long, closer).map(([o, b, c]) => o + b + c) },
      { weight: 3, arbitrary: fc.tuple(opener, short, closer).map(([o, b, c]) => o + b + c) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          '',
          '---',
          '***',
          '===',
          '- - -',
          '* * *',
          '___',
          '```',
          '~~~',
          '````',
          '```js',
          '~~~ info',
          '#',
          '# #',
          '-',
          '1.',
        ),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.integer({ min: 50, max: 300 }), fc.constantFrom('-', '*', '#', '=', ' ', '`', '>', '1'))
          .map(([n, c]) => c.repeat(n)),
      },
    );
    const line = fc.tuple(indent, container, body).map(([i, c, b]) => i + c + b);
    const ending = fc.constantFrom('\n', '\n', '\n', '\n\n', '\r\n', '\r', '\r\n\r\n');
    const doc = fc
      .array(fc.tuple(line, ending), { minLength: 1, maxLength: 12 })
      .chain((lines) => fc.boolean().map((last) => ({ lines, last })))
      .map(({ lines, last }) => {
        const text = lines.map(([l, e]) => l + e).join('');
        return last ? text : text.replace(/[\r\n]+$/, '');
      });
    let shortened = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (skeletonOf(text).fillerStart.length > 0) shortened++;
        expectSameBlocks(text);
      }),
      { numRuns: 500 },
    );
    // About half the texts have a line the skeleton shortens; the others test that it keeps lines whole.
    expect(shortened).toBeGreaterThan(150);
  });
});
