import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/corpus.js';
import { numberToWords } from '../bench/words.js';
import { processSource } from '../src/index.js';

/** A smoke test of the benchmark's corpus generator (the benchmark itself runs apart: npm run bench). */
describe('bench corpus', () => {
  const docs = generateCorpus({ docs: 14, seed: 7 });

  it('is the same for the same seed, and different for another', () => {
    expect(generateCorpus({ docs: 14, seed: 7 }).map((d) => d.text.sha256)).toStrictEqual(
      docs.map((d) => d.text.sha256),
    );
    expect(generateCorpus({ docs: 1, seed: 8 })[0]?.textSource).not.toBe(docs[0]?.textSource);
  });

  it('makes every document different, in both forms', () => {
    expect(new Set(docs.map((d) => d.textSource)).size).toBe(docs.length);
    expect(new Set(docs.map((d) => d.htmlSource)).size).toBe(docs.length);
  });

  it('gives narratives the pipeline reads, with the same figures from both forms', () => {
    for (const doc of docs.slice(0, 7)) {
      const text = processSource(doc.text);
      const html = processSource(doc.html);
      expect(text.ok && html.ok).toBe(true);
      if (!(text.ok && html.ok)) continue;
      expect(html.document.document.format).toBe('html');
      const values = (d: typeof text.document) => d.figures.map((f) => [f.metric, f.value]);
      expect(values(html.document)).toStrictEqual(values(text.document));
      expect(html.document.tier?.placement).toBe(text.document.tier?.placement);
      expect(text.document.figures.length).toBeGreaterThan(0);
    }
  });

  it('spells numbers as the narratives do', () => {
    expect([2, 23, 40, 105, 2_405].map(numberToWords)).toStrictEqual([
      'two',
      'twenty-three',
      'forty',
      'one hundred five',
      'two thousand four hundred five',
    ]);
  });
});
