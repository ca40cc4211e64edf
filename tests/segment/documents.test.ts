import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';
import { segment } from '../../src/segment/index.js';
import { fetched, HRR_SECTIONS } from '../parse/fetched.js';
import { expectWellFormed } from './invariants.js';

describe('human-rights report sections', () => {
  const files = readdirSync(HRR_SECTIONS).filter((name) => name.endsWith('.md'));

  it('has the corpus to read', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  it.each(files)('%s is an hrr_trafficking_section in one "other" section', (name) => {
    const doc = parseSource(
      fetched(readFileSync(join(HRR_SECTIONS, name)), { path: `sections/${name}`, contentType: null }),
    );
    const result = segment(doc);
    expect(result.kind).toBe('hrr_trafficking_section');
    expect(result.header).toBeNull();
    expect(result.diagnostics).toStrictEqual([]);
    expect(result.sections).toHaveLength(1);
    expect(result.sections[0]).toMatchObject({
      kind: 'other',
      heading: 'Trafficking in Persons',
      start: 0,
      end: doc.text.length,
    });
    expect(result.sentences.length).toBeGreaterThan(5);
    expectWellFormed(doc.text, result);
  });
});

describe('other documents', () => {
  it('calls a text with no TIP shape unknown, with a warning, in one "other" section', () => {
    const text = 'The weather in the capital was mild.\n\nMarkets opened late on Monday.';
    const result = segment({ text });
    expect(result.kind).toBe('unknown');
    expect(result.diagnostics).toStrictEqual([
      {
        severity: 'warning',
        rule: 'not-a-tip-narrative',
        message:
          'Found no "COUNTRY: TIER" header, fewer than two TIP section headings and no "Trafficking in Persons" heading',
      },
    ]);
    expect(result.sections).toStrictEqual([
      {
        kind: 'other',
        heading: null,
        start: 0,
        end: text.length,
        paragraphs: [
          { start: 0, end: 36 },
          { start: 38, end: 68 },
        ],
      },
    ]);
    expect(result.sentences).toStrictEqual([
      { start: 0, end: 36 },
      { start: 38, end: 68 },
    ]);
  });

  it('handles an empty text', () => {
    expect(segment({ text: '' })).toMatchObject({ kind: 'unknown', sections: [], sentences: [] });
  });

  it('keeps words that markdown would swallow: link definitions, HTML and indented lines', () => {
    const text = '[1]: https://example.org\n\n<div>Victims were identified.</div>\n\n    Indented text.';
    const result = segment({ text });
    expect(result.sentences.map((s) => text.slice(s.start, s.end))).toStrictEqual([
      '[1]: https://example.org',
      '<div>Victims were identified.</div>',
      'Indented text.',
    ]);
  });

  it('segments 10,000 headings in well under 2 seconds', () => {
    const parts: string[] = ['RURITANIA: TIER 2'];
    for (let i = 0; i < 2_500; i++)
      parts.push('PROSECUTION', `Case ${i} was opened.`, `## Part ${i}`, 'PREVENTION', 'Leaflets.');
    const text = parts.join('\n\n');
    const started = performance.now();
    const result = segment({ text });
    const elapsed = performance.now() - started;
    expect(result.sections).toHaveLength(1 + 7_500);
    expect(result.sentences).toHaveLength(5_000);
    expect(elapsed).toBeLessThan(2_000);
  });
});
