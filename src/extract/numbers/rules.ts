/**
 * The rule tables of the numbers pass. `LEXICAL_RULES` name what the scanner and the phrase parser
 * read (digits, number words); `NUMBER_RULES` are the contextual rows the stages run, in order.
 * Every row has a name, a pattern, examples from real narratives where possible, and counterexamples;
 * `tests/extract/numbers-rules.test.ts` walks them all.
 */
import {
  CARDINAL_WORDS,
  DOZEN_WORDS,
  FRACTION_WORDS,
  NEGATIVE_WORDS,
  ORDINAL_WORDS,
  SCALE_WORDS,
  UNKNOWN_NUMBER_WORDS,
} from '../words.js';
import { DIGIT_NUMBER, NUMERIC_DATE, phrases, SLASH_FRACTION } from './patterns.js';
import { BOUND_RULES } from './rules-bounds.js';
import { RANGE_RULES } from './rules-ranges.js';
import { UNIT_RULES } from './rules-units.js';
import type { NumberRule } from './shadow.js';
import type { RuleRow } from './types.js';

/** The contextual rules, grouped by stage in the order the stages run. */
export const NUMBER_RULES: readonly NumberRule[] = [...RANGE_RULES, ...UNIT_RULES, ...BOUND_RULES];

const CARDINAL_VOCABULARY = [
  ...CARDINAL_WORDS.keys(),
  'hundred',
  ...SCALE_WORDS.keys(),
  ...DOZEN_WORDS,
  'a',
  'an',
  'and',
];

/**
 * The lexical rules: what makes one number before any context is read. The word rules' patterns list
 * the vocabulary the phrase parser reads (it looks words up in `words.ts`; see `cardinal.ts`).
 */
export const LEXICAL_RULES: readonly RuleRow[] = [
  {
    name: 'digits',
    pattern: new RegExp(DIGIT_NUMBER),
    examples: [
      {
        text: 'the hotline received 2,979 calls in 2016, which resulted in the identification of three victims',
        source: 'kyrgyz-2017',
        mention: { text: '2,979', kind: 'count', value: 2979 },
      },
      {
        text: 'A 2005 NGO survey found that 5.8 percent of households interviewed claimed',
        source: 'hrr:2008_niger',
        mention: { text: '5.8 percent', kind: 'percent', value: 5.8, unit: 'percent' },
      },
      { text: '.08', source: 'peer:NumberModel', mention: { text: '.08', kind: 'count', value: 0.08 } },
      {
        text: '1 234 567',
        source: 'peer:NumberModel',
        mention: { text: '1 234 567', kind: 'count', value: 1_234_567 },
      },
      { text: 'SCP-173', source: 'peer:NumberModel', mention: { text: '173', kind: 'count', value: 173 } },
    ],
    counterExamples: [
      'the 180ml liquid',
      'H1N1 and G7',
      'the COVID-19 pandemic',
      'My phone number is +1-222-2222/2222',
    ],
  },
  {
    name: 'digit-exponent',
    pattern: /[eE][+-]?\d+|\^[+-]*\d+/,
    examples: [
      {
        text: '1.1^23',
        source: 'peer:NumberModel',
        mention: { text: '1.1^23', kind: 'count', value: 8.95430243255239 },
      },
      { text: '-12e-1', source: 'peer:NumberModel', mention: { text: '-12e-1', kind: 'count', value: -1.2 } },
    ],
    counterExamples: ['2e reports'],
  },
  {
    name: 'digit-multiplier',
    pattern: /(?:MM|mil|mln|bn|bln|tln|[kKMGbB])(?![A-Za-z])/,
    examples: [
      {
        text: 'I can give you 10M.',
        source: 'peer:NumberModel',
        mention: { text: '10M', kind: 'count', value: 1e7 },
      },
      { text: '1.2b', source: 'peer:NumberModel', mention: { text: '1.2b', kind: 'count', value: 1.2e9 } },
    ],
    counterExamples: ["1m isn't a number.", ' 29km Road '],
  },
  {
    name: 'digit-ordinal',
    // `(?<!\d)`: the leftmost match starts a run of digits anyway, and no other start is tried.
    pattern: /(?<!\d)\d+(?:st|nd|rd|th)(?![A-Za-z])/i,
    examples: [
      {
        text: 'the committee held its 21st session in Bishkek',
        source: 'constructed',
        mention: { text: '21st', kind: 'ordinal', value: 21 },
      },
    ],
    counterExamples: ['21stcentury', '3rdparty'],
  },
  {
    name: 'digit-fraction',
    pattern: new RegExp(SLASH_FRACTION),
    examples: [
      { text: '3/4', source: 'peer:NumberModel', mention: { text: '3/4', kind: 'fraction', value: 0.75 } },
      {
        text: '2  1/4',
        source: 'peer:NumberModel',
        mention: { text: '2  1/4', kind: 'fraction', value: 2.25 },
      },
    ],
    counterExamples: ['an NGO-run 24/7 hotline'],
  },
  {
    name: 'digit-date',
    pattern: new RegExp(NUMERIC_DATE),
    examples: [
      {
        text: 'Any time to meet on 5/17/2018?',
        source: 'peer:NumberModel',
        mention: { text: '5/17/2018', kind: 'date', value: 2018 },
      },
    ],
    counterExamples: ['5/17 of the cases', '13/13/2018'],
  },
  {
    name: 'digit-scale',
    pattern: new RegExp(`\\d\\s+${phrases(['hundred', ...SCALE_WORDS.keys(), ...DOZEN_WORDS])}`, 'i'),
    examples: [
      {
        text: 'I can give you 13 lakh',
        source: 'peer:NumberModel',
        mention: { text: '13 lakh', kind: 'count', value: 1.3e6 },
      },
      {
        text: ' 3 dozens',
        source: 'peer:NumberModel',
        mention: { text: '3 dozens', kind: 'count', value: 36 },
      },
    ],
    counterExamples: ['2 victims and a dozen'],
  },
  {
    name: 'word-cardinal',
    pattern: new RegExp(phrases(CARDINAL_VOCABULARY), 'i'),
    examples: [
      {
        text: 'The government initiated eight trafficking investigations under article 124 in 2016',
        source: 'kyrgyz-2017',
        mention: { text: 'eight', kind: 'count', value: 8 },
      },
      {
        text: 'Twenty-nine state-level antitrafficking committees consisted of immigration officials',
        source: 'hrr:2007_nigeria',
        mention: { text: 'Twenty-nine', kind: 'count', value: 29 },
      },
      {
        text: 'Three hundred  and  thirty one',
        source: 'peer:NumberModel',
        mention: { text: 'Three hundred  and  thirty one', kind: 'count', value: 331 },
      },
    ],
    counterExamples: [
      'one of the victims was a child',
      'no one was convicted',
      'an international organization',
      'they helped one another',
    ],
  },
  {
    name: 'word-decimal',
    pattern: /\bpoint\b/i,
    examples: [
      {
        text: ' two hundred point zero three',
        source: 'peer:NumberModel',
        mention: { text: 'two hundred point zero three', kind: 'count', value: 200.03 },
      },
    ],
    counterExamples: ['at one point, the ministry'],
  },
  {
    name: 'word-fraction',
    pattern: new RegExp(phrases([...FRACTION_WORDS.keys(), ...ORDINAL_WORDS.keys()]), 'i'),
    examples: [
      {
        text: 'of which more than half were girls under the age of 16',
        source: 'hrr:2008_sierra-leone',
        mention: { text: 'more than half', kind: 'fraction', value: 0.5, qualifier: 'more_than' },
      },
      {
        text: 'two thirds',
        source: 'peer:NumberModel',
        mention: { text: 'two thirds', kind: 'fraction', value: 2 / 3 },
      },
      {
        text: 'one and a half',
        source: 'peer:NumberModel',
        mention: { text: 'one and a half', kind: 'fraction', value: 1.5 },
      },
    ],
    counterExamples: ['victims were moved to a third country', 'three seconds', 'the first quarter'],
  },
  {
    name: 'word-ordinal',
    pattern: new RegExp(phrases(ORDINAL_WORDS.keys()), 'i'),
    examples: [
      {
        text: 'the second such analysis of implementation of the 2005 national anti-trafficking law',
        source: 'kyrgyz-2017',
        mention: { text: 'second', kind: 'ordinal', value: 2 },
      },
      {
        text: 'during the first six months of the year',
        source: 'hrr:2008_mozambique',
        mention: { text: 'first', kind: 'ordinal', value: 1 },
      },
    ],
    counterExamples: [
      'Book a first class seat to seattle',
      "Let's try one last time",
      'He was looking for a next of kin',
    ],
  },
  {
    name: 'word-over',
    pattern: /\b(?:over|out\s+of)\b/i,
    examples: [
      {
        text: 'one out of three',
        source: 'peer:NumberModel',
        mention: { text: 'one out of three', kind: 'fraction', value: 1 / 3 },
      },
    ],
    counterExamples: ['68 out of 86 victims were women', 'I want to earn $2000 over 3 years'],
  },
  {
    name: 'word-unknown',
    pattern: new RegExp(`\\ban?\\s+${phrases(UNKNOWN_NUMBER_WORDS)}\\s+number\\b`, 'i'),
    examples: [
      {
        text: 'two of the five for labor trafficking involving an unknown number of suspects in 2016',
        source: 'kyrgyz-2017',
        mention: { text: 'an unknown number', kind: 'count', value: null, qualifier: 'unknown' },
      },
      {
        text: 'defilement cases included an undetermined number of cases involving trafficked children',
        source: 'hrr:2009_uganda',
        mention: { text: 'an undetermined number', kind: 'count', value: null, qualifier: 'unknown' },
      },
    ],
    counterExamples: ['future staffing levels remained unknown', 'the number of victims is unknown'],
  },
  {
    name: 'word-negative',
    pattern: new RegExp(phrases(NEGATIVE_WORDS), 'i'),
    examples: [
      {
        text: 'The answer is minus one',
        source: 'peer:NumberModel',
        mention: { text: 'minus one', kind: 'count', value: -1 },
      },
    ],
    counterExamples: ['the policy had a negative impact on victims'],
  },
];
