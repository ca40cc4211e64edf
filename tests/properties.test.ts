import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../src/extract/index.js';
import { processSource } from '../src/pipeline.js';
import { validate } from '../src/validate/index.js';
import type { TipDocument } from '../src/validate/schema.js';
import { ROOT } from './helpers/pipeline.js';

/**
 * Property tests: whatever the text, extraction returns (a document, or a classified ParseError), every
 * offset is inside the text, every quote is its slice, and the document validates against the schema.
 */

const SEED = readFileSync(join(ROOT, 'fixtures', 'sources', 'refworld-5959eca511.txt'), 'utf8');
const ERAS = ['era-2007-costa-rica.txt', 'era-2022-kazakhstan.txt'].map((f) =>
  readFileSync(join(ROOT, 'fixtures', 'sources', f), 'utf8'),
);

function check(text: string): void {
  const result = processSource({
    source: { id: 'prop', path: 'prop.txt' },
    url: null,
    body: new TextEncoder().encode(text),
    contentType: null,
    sha256: '0'.repeat(64),
  });
  if (!result.ok) {
    expect(result.failure.errorClass).toBe('ParseError');
    return;
  }
  const doc: TipDocument = result.document;
  expect(validate(doc).success).toBe(true);
  const inside = (s: number, e: number) => s >= 0 && s <= e && e <= doc.text.length;
  for (const f of doc.figures)
    expect(inside(f.start, f.end) && doc.text.slice(f.start, f.end) === f.quote).toBe(true);
  for (const n of doc.numbers)
    expect(inside(n.start, n.end) && doc.text.slice(n.start, n.end) === n.text).toBe(true);
  for (const s of doc.statutes) {
    for (const m of [...s.mentions, ...s.penalties]) {
      expect(inside(m.start, m.end) && doc.text.slice(m.start, m.end) === m.quote).toBe(true);
    }
  }
}

/** Text built from the words narratives are made of, so that the rules actually fire. */
const WORDS = [
  'the',
  'government',
  'convicted',
  'investigated',
  'prosecuted',
  'identified',
  'victims',
  'cases',
  'offenders',
  'compared',
  'with',
  'in',
  '2016',
  '2,979',
  'eight',
  'twenty-three',
  'of',
  'whom',
  'including',
  'article',
  '124',
  'Article',
  'criminal',
  'code',
  'penal',
  'law',
  'did',
  'not',
  'report',
  'any',
  'an',
  'unknown',
  'number',
  ';',
  ',',
  '.',
  '(',
  ')',
  'PROSECUTION',
  '\n\n',
  'TIER',
  '2',
  ':',
  'five',
  'to',
  '20',
  'years',
  'imprisonment',
  'more',
  'than',
  'percent',
  '$',
  '%',
  '-',
  '14-17',
  'half',
  'a',
  'dozen',
  'remained',
  'on',
  'Tier',
  'Watch',
  'List',
];
const narrativeish = fc.array(fc.constantFrom(...WORDS), { maxLength: 300 }).map((w) => w.join(' '));

/** A fixture with random edits: characters deleted, inserted or replaced at random places. */
const edited = fc
  .tuple(
    fc.constantFrom(SEED, ...ERAS),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 12 })), { maxLength: 25 }),
  )
  .map(([text, edits]) =>
    edits.reduce((t, [at, remove, insert]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + insert + t.slice(i + remove);
    }, text),
  );

describe('extraction on any text', () => {
  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2_000, unit: 'grapheme' }), check), { numRuns: 150 });
  });

  it('arbitrary binary-ish strings (any code unit)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500, unit: 'binary' }), check), { numRuns: 150 });
  });

  it('narrative-like word salad', () => {
    fc.assert(fc.property(narrativeish, check), { numRuns: 200 });
  });

  it('the fixtures with random edits', () => {
    fc.assert(fc.property(edited, check), { numRuns: 60 });
  });

  it('digit and punctuation soup (dates, fractions, versions, decimals run together)', () => {
    const soup = fc.array(fc.constantFrom('1', '2', '27', '2017', '.', '/', ',', '-', ' ', '5', '%', '$'), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(soup, (parts) => {
        const line = parts.join('');
        for (const n of extractNumbers(line)) expect(line.slice(n.start, n.end)).toBe(n.text);
      }),
      { numRuns: 500 },
    );
  });

  it('the numbers of any line are slices of that line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), narrativeish), (line) => {
        for (const n of extractNumbers(line)) expect(line.slice(n.start, n.end)).toBe(n.text);
      }),
      { numRuns: 300 },
    );
  });
});
