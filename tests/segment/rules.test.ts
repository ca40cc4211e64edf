import { describe, expect, it } from 'vitest';
import {
  HEADING_RULES,
  type HeadingRule,
  matchHeading,
  SENTENCE_RULES,
  splitSentences,
  toPlacement,
} from '../../src/segment/index.js';

const ALL_FORMS: ReadonlySet<HeadingRule['form']> = new Set(['line', 'run-in', 'opening']);

const examples = HEADING_RULES.flatMap((rule) =>
  rule.examples.map((example) => [rule.name, example] as const),
);
const counterExamples = HEADING_RULES.flatMap((rule) =>
  rule.counterExamples.map((example) => [rule.name, example] as const),
);

describe('heading rules', () => {
  it.each(examples)('%s matches %j (and wins)', (name, example) => {
    expect(matchHeading(example, ALL_FORMS, true)?.rule.name).toBe(name);
  });

  it.each(counterExamples)('%s does not match %j', (name, example) => {
    const rule = HEADING_RULES.find((candidate) => candidate.name === name)!;
    expect(rule.pattern.test(example)).toBe(false);
    expect(matchHeading(example, ALL_FORMS, true)?.rule.name).not.toBe(name);
  });

  it.each([
    ['KYRGYZ REPUBLIC: TIER 2', 'KYRGYZ REPUBLIC', 'Tier 2'],
    ['GUINEA-BISSAU: Tier 2 Watchlist', 'GUINEA-BISSAU', 'Tier 2 Watch List'],
    ["KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF (Tier 3)", "KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF", 'Tier 3'],
    ['CONGO, REPUBLIC OF THE: TIER 2 WATCH LIST', 'CONGO, REPUBLIC OF THE', 'Tier 2 Watch List'],
    ["CÔTE D'IVOIRE (TIER 1)", "CÔTE D'IVOIRE", 'Tier 1'],
    ['BOSNIA AND HERZEGOVINA: TIER 1', 'BOSNIA AND HERZEGOVINA', 'Tier 1'],
    ['SOMALIA (Special Case)', 'SOMALIA', 'Special Case'],
  ])('reads %j as country %j on %j', (line, country, placement) => {
    expect(matchHeading(line, ALL_FORMS, true)).toMatchObject({ country, placement });
  });

  it('returns the heading words and where a run-in paragraph starts', () => {
    const text = 'Recommendations for Kyrgyzstan: Vigorously investigate and prosecute trafficking offenses.';
    const match = matchHeading(text, ALL_FORMS, true)!;
    expect(text.slice(match.headingStart, match.headingEnd)).toBe('Recommendations for Kyrgyzstan');
    expect(text.slice(match.contentStart)).toBe('Vigorously investigate and prosecute trafficking offenses.');
    const bare = matchHeading('Prosecution The government maintained efforts.', ALL_FORMS, true)!;
    expect(bare.contentStart).toBe('Prosecution '.length);
  });

  it('matches header rules only where headers are allowed', () => {
    expect(matchHeading('KYRGYZ REPUBLIC: TIER 2', ALL_FORMS, false)).toBeNull();
  });

  it.each([
    ['Tier 2 Watch List', 'Tier 2 Watch List'],
    ['TIER 2 WATCH LIST', 'Tier 2 Watch List'],
    ['Tier 2 Watchlist', 'Tier 2 Watch List'],
    ['Tier II', 'Tier 2'],
    ['SPECIAL CASE', 'Special Case'],
    ['Tier 4', null],
  ])('normalises the tier %j to %j', (tier, placement) => {
    expect(toPlacement(tier)).toBe(placement);
  });

  it('stays linear on a long line that almost looks like a header', () => {
    const line = `${'KYRGYZ '.repeat(5000)}(TIER 4)`;
    const started = performance.now();
    expect(matchHeading(line, ALL_FORMS, true)).toBeNull();
    const header = HEADING_RULES.find((rule) => rule.name === 'header-paren')!;
    expect(header.pattern.test(line)).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('sentence rules', () => {
  const cases = SENTENCE_RULES.flatMap((rule) => [
    ...rule.examples.map((sentences) => [rule.name, 'example', sentences] as const),
    ...rule.counterExamples.map((sentences) => [rule.name, 'counter-example', sentences] as const),
  ]);

  it.each(cases)('%s %s splits into %j', (_, __, sentences) => {
    const text = sentences.join(' ');
    const found = splitSentences(text, 0, text.length).map((range) => text.slice(range.start, range.end));
    expect(found).toStrictEqual([...sentences]);
  });

  it('gives offsets into the whole text for a paragraph inside it', () => {
    const text = 'PROSECUTION\n\nThe U.S. government trained 1.5 thousand officials. Dr. Lee led it.';
    const ranges = splitSentences(text, text.indexOf('The'), text.length);
    expect(ranges).toStrictEqual([
      { start: 13, end: 64 },
      { start: 65, end: 80 },
    ]);
    expect(ranges.map((range) => text.slice(range.start, range.end))).toStrictEqual([
      'The U.S. government trained 1.5 thousand officials.',
      'Dr. Lee led it.',
    ]);
  });

  it('caps a sentence at MAX_SENTENCE_CHARS', () => {
    const text = `${'word '.repeat(2000)}end.`;
    const ranges = splitSentences(text, 0, text.length);
    expect(ranges.map((range) => range.end - range.start)).toStrictEqual([3999, 3999, 2004]);
  });

  it('stays linear on a paragraph of stops and an unclosed quote', () => {
    const text = `"${'A. '.repeat(20_000)}`;
    const started = performance.now();
    splitSentences(text, 0, text.length);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
