import { describe, expect, it } from 'vitest';
import * as context from '../../src/extract/figures/context-rules.js';
import { compileFind, findCues } from '../../src/extract/figures/cues.js';
import {
  type CueRule,
  GOVERNING_VERBS,
  METRIC_AFTER,
  METRIC_BEFORE,
  UNIT_NOUNS,
} from '../../src/extract/figures/rules.js';
import { figuresOf } from '../helpers/figures.js';

/**
 * Every row of every figure rule table, with the sentence it was written for and its near miss.
 * Metric rows are checked through the whole extraction (the example gives a figure of the row's metric, the
 * near miss none); context rows by their own pattern (the cue is found in the example, not in the near miss).
 */

type Row = [table: string, rule: CueRule<unknown>];
const rows = (table: string, rules: CueRule<unknown>[]): Row[] => rules.map((rule) => [table, rule]);
const examples = (list: Row[]) =>
  list.flatMap(([t, r]) => r.examples.map((e) => [`${t} ${r.name}`, r, e] as const));
const near = (list: Row[]) =>
  list.flatMap(([t, r]) => r.counterExamples.map((e) => [`${t} ${r.name}`, r, e] as const));

const METRIC_ROWS = [...rows('METRIC_BEFORE', METRIC_BEFORE), ...rows('METRIC_AFTER', METRIC_AFTER)];
const NOUN_METRIC_ROWS = rows(
  'UNIT_NOUNS',
  UNIT_NOUNS.filter((r) => r.gives.metric !== undefined),
);
const MATCH_ROWS = [
  ...rows('UNIT_NOUNS', UNIT_NOUNS),
  ...rows('ACTORS', context.ACTORS),
  ...rows('PERIODS', context.PERIODS),
  ...rows('COMPARISONS', context.COMPARISONS),
  ...rows('BREAKDOWN_AFTER', context.BREAKDOWN_AFTER),
  ...rows('BREAKDOWN_BEFORE', context.BREAKDOWN_BEFORE),
  ...rows('NOT_REPORTED', context.NOT_REPORTED),
  ...rows('METRIC_WORDS', context.METRIC_WORDS),
];

const matches = (rule: CueRule<unknown>, text: string) => findCues(compileFind([rule]), text).length > 0;

describe('metric cues: each example gives a figure of the row metric, each near miss none', () => {
  it.each(examples(METRIC_ROWS))('%s: %s', (_, rule, example) => {
    expect(figuresOf(example).map((f) => f.metric)).toContain(rule.gives);
  });
  it.each(near(METRIC_ROWS))('%s should not count: %s', (_, rule, example) => {
    expect(figuresOf(example).map((f) => f.metric)).not.toContain(rule.gives);
  });
  it.each(examples(NOUN_METRIC_ROWS))('%s: %s', (_, rule, example) => {
    expect(figuresOf(example).map((f) => f.metric)).toContain((rule.gives as { metric: string }).metric);
  });
});

describe('context cues: each example has the cue, each near miss does not', () => {
  it.each(examples(MATCH_ROWS))('%s: %s', (_, rule, example) => {
    expect(matches(rule, example)).toBe(true);
  });
  it.each(near(MATCH_ROWS))('%s should not match: %s', (_, rule, example) => {
    expect(matches(rule, example)).toBe(false);
  });
});

describe('sentence-opening comparisons', () => {
  const table = compileFind(context.SENTENCE_COMPARISONS);
  it.each(examples(rows('SENTENCE_COMPARISONS', context.SENTENCE_COMPARISONS)))(
    '%s: %s',
    (_, __, example) => {
      expect(findCues(table, example)[0]?.start).toBe(0);
    },
  );
  it.each(near(rows('SENTENCE_COMPARISONS', context.SENTENCE_COMPARISONS)))(
    '%s should not match: %s',
    (_, __, example) => {
      expect(findCues(table, example)).toStrictEqual([]);
    },
  );
});

describe('zeros: each example gives a figure of value 0, each near miss none', () => {
  it.each(examples(rows('ZERO', context.ZERO)))('%s: %s', (_, __, example) => {
    expect(figuresOf(example).filter((f) => f.value === 0).length).toBeGreaterThan(0);
  });
  it.each(near(rows('ZERO', context.ZERO)))('%s should not give a zero: %s', (_, __, example) => {
    expect(figuresOf(example).filter((f) => f.value === 0)).toStrictEqual([]);
  });
});

describe('governing verbs start the quote, and alone make no figure', () => {
  it.each(examples(rows('GOVERNING_VERBS', GOVERNING_VERBS)))('%s: %s', (_, rule, example) => {
    const verbs = new RegExp(`^(?:${rule.pattern})\\b`, 'i');
    expect(figuresOf(example).some((f) => verbs.test(f.quote))).toBe(true);
  });
  it.each(near(rows('GOVERNING_VERBS', GOVERNING_VERBS)))(
    '%s should make no figure: %s',
    (_, __, example) => {
      expect(figuresOf(example)).toStrictEqual([]);
    },
  );
});
