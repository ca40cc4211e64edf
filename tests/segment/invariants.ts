import { expect } from 'vitest';
import type { Segmented } from '../../src/segment/index.js';

/**
 * Asserts what every segmentation must hold: sections cover the text in order without gaps or
 * overlaps, paragraphs lie inside their section, and each sentence lies inside one paragraph, trimmed.
 */
export function expectWellFormed(text: string, result: Segmented): void {
  const { sections, sentences } = result;
  for (const [i, section] of sections.entries()) {
    expect(section.start).toBeLessThanOrEqual(section.end);
    if (i > 0) expect(section.start).toBe(sections[i - 1]!.end);
    for (const paragraph of section.paragraphs) {
      expect(paragraph.start).toBeGreaterThanOrEqual(section.start);
      expect(paragraph.end).toBeLessThanOrEqual(section.end);
    }
  }
  if (sections.length > 0) expect(text.slice(sections.at(-1)!.end).trim()).toBe('');
  const paragraphs = sections.flatMap((section) => section.paragraphs);
  let last = 0;
  for (const sentence of sentences) {
    expect(sentence.start).toBeGreaterThanOrEqual(last);
    const home = paragraphs.find((p) => p.start <= sentence.start && sentence.end <= p.end);
    expect(home, `sentence ${sentence.start}..${sentence.end} lies in one paragraph`).toBeDefined();
    const quote = text.slice(sentence.start, sentence.end);
    expect(quote.trim()).toBe(quote);
    last = sentence.end;
  }
}
