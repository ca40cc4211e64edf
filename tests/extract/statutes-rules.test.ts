import { describe, expect, it } from 'vitest';
import { findStatuteMentions, findStatutes, STATUTE_RULES } from '../../src/extract/statutes/index.js';
import type { Range } from '../../src/segment/types.js';

/** Sentence ranges until the segmenter exists: split after . ! ? before a capital or a quote. */
function sentencesOf(text: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  for (const gap of text.matchAll(/(?<=[.!?])\s+(?=[A-Z"])/g)) {
    ranges.push({ start, end: gap.index });
    start = gap.index + gap[0].length;
  }
  ranges.push({ start, end: text.length });
  return ranges;
}

describe('the statute rule table', () => {
  it('has unique names, and every row has an example and a counterexample', () => {
    const names = STATUTE_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of STATUTE_RULES) {
      expect(rule.examples.length, rule.name).toBeGreaterThan(0);
      expect(rule.counterExamples.length, rule.name).toBeGreaterThan(0);
    }
  });
});

describe.each(STATUTE_RULES)('rule $name', (rule) => {
  it.each(rule.examples)('should find "$quote" ($source)', ({ text, quote, ids }) => {
    const sentences = sentencesOf(text);
    const byRule = findStatuteMentions(text, sentences).filter((m) => m.rule === rule.name);
    expect(byRule.map((m) => text.slice(m.start, m.end))).toContain(quote);

    const statutes = findStatutes(text, sentences, []);
    expect(statutes.map((s) => s.id)).toStrictEqual(ids);
    expect(statutes.flatMap((s) => s.mentions.map((m) => m.quote))).toContain(quote);
  });

  it.each(rule.counterExamples)('should find nothing in "%s"', (text) => {
    const byRule = findStatuteMentions(text, sentencesOf(text)).filter((m) => m.rule === rule.name);
    expect(byRule.map((m) => text.slice(m.start, m.end))).toStrictEqual([]);
  });
});

describe('the rule patterns on pathological input', () => {
  // Each pattern runs on the whole string here, not on a sentence capped by MAX_SENTENCE_CHARS,
  // so that a pattern that backtracks badly shows up as time, not as a silently short input.
  const inputs: [string, string][] = [
    ['"article " x 100,000', 'article '.repeat(100_000)],
    [
      '"Article 1, 2, 3, ..., 50,000"',
      `Article ${Array.from({ length: 50_000 }, (_, i) => i + 1).join(', ')}`,
    ],
    ['capitalised words with no law at the end', 'Prevention Of Trafficking In Persons '.repeat(20_000)],
    ['"the law " x 100,000', 'the law '.repeat(100_000)],
    ['"Law No. 1 (" x 50,000', 'Law No. 1 ('.repeat(50_000)],
    ['"Proclamation 1, the " x 50,000', 'Proclamation 1, the '.repeat(50_000)],
    ['"Mozambique\'s Law on Xx " x 50,000', "Mozambique's Law on Xx ".repeat(50_000)],
  ];
  it.each(inputs)('should scan %s in under 2 s', (_name, input) => {
    const started = performance.now();
    for (const rule of STATUTE_RULES) for (const _ of input.matchAll(rule.pattern));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
