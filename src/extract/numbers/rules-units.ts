/**
 * Rule rows of the unit and age stages: the words after a number that say what it measures
 * ("70 percent", "five to 20 years", "50,000 naira", "18-year-old") and the cue words before an age
 * ("aged 14-17 years", "ages 16 to 18", "the age of 14").
 */
import { MAX_CONTEXT_CHARS } from '../limits.js';
import {
  AGE_CUES,
  COUNT_NOUNS,
  CURRENCY_CODES,
  CURRENCY_WORDS,
  DURATION_UNITS,
  PERCENT_WORDS,
  YEAR_PREPOSITIONS,
} from '../words.js';
import { draftOf, withUnit } from './build.js';
import { group, node, phraseKey, phrases, QUANTITY } from './patterns.js';
import { rx } from './rules-ranges.js';
import type { NumberRule } from './shadow.js';

const PERCENT = phrases(PERCENT_WORDS);
/** Between a number and its unit: spaces or a hyphen, also the typographic ones (U+2010, U+2011). */
const SEP = '(?:\\s+|[-\u2010\u2011])';
const N = node('n', [...QUANTITY, 'year']);
const QTY = node('n', QUANTITY);

const UNITS: NumberRule[] = [
  {
    name: 'unit-percent',
    stage: 'unit',
    pattern: rx(`${N}(?:\\s*%|\\s*${PERCENT})`),
    build: (ctx) => {
      const n = ctx.node('n');
      return n ? withUnit(n, 'percent', 'percent') : null;
    },
    examples: [
      {
        text: 'An international organization estimated the government completed roughly 70 percent of its objectives',
        source: 'kyrgyz-2017',
        mention: {
          text: 'roughly 70 percent',
          kind: 'percent',
          value: 70,
          qualifier: 'approximately',
          unit: 'percent',
        },
      },
      {
        text: 'According to a center for street children, 80 to 90 percent of the cases they dealt with',
        source: 'hrr:2008_sierra-leone',
        mention: {
          text: '80 to 90 percent',
          kind: 'percent',
          value: null,
          min: 80,
          max: 90,
          unit: 'percent',
        },
      },
      { text: '100%', source: 'peer:PercentModel', mention: { text: '100%', kind: 'percent', value: 100 } },
    ],
    counterExamples: [
      'received a percentage of their monthly salaries',
      'the percentage of victims who were children',
    ],
  },
  {
    name: 'unit-percent-of',
    stage: 'unit',
    pattern: rx(`${PERCENT}\\s+of\\s+${QTY}`),
    build: (ctx) => {
      const n = ctx.node('n');
      return n && !ctx.numberBefore() ? withUnit(n, 'percent', 'percent') : null;
    },
    examples: [
      {
        text: 'per cent of twenty-two',
        source: 'peer:PercentModel',
        mention: { text: 'per cent of twenty-two', kind: 'percent', value: 22, unit: 'percent' },
      },
    ],
    counterExamples: ['the ILO estimated that 40 percent of 300 children were victims'],
  },
  {
    name: 'unit-currency',
    stage: 'unit',
    pattern: rx(`${N}\\s+${group('cur', `${phrases(CURRENCY_WORDS.keys())}|\\b[A-Z]{3}\\b`)}`),
    build: (ctx) => {
      const n = ctx.node('n');
      const word = ctx.group('cur') ?? '';
      const unit = CURRENCY_WORDS.get(phraseKey(word)) ?? (CURRENCY_CODES.has(word) ? word : undefined);
      return n && unit !== undefined ? withUnit(n, 'money', unit) : null;
    },
    examples: [
      {
        text: 'fines range from $375 (50,000 naira) to $1,500 (200,000 naira).',
        source: 'hrr:2007_nigeria',
        mention: { text: '50,000 naira', kind: 'money', value: 50_000, unit: 'naira' },
      },
      {
        text: 'women and girls could be purchased for approximately 5,000 to 30,000 shillings ($2.60 to $15.60)',
        source: 'hrr:2009_uganda',
        mention: {
          text: 'approximately 5,000 to 30,000 shillings',
          kind: 'money',
          value: null,
          min: 5000,
          max: 30_000,
          qualifier: 'approximately',
          unit: 'shillings',
        },
      },
    ],
    counterExamples: ['The government identified 24 victims.', 'in 2016 THE government'],
  },
  {
    name: 'unit-age-old',
    stage: 'unit',
    pattern: rx(`${QTY}${SEP}${group('unit', 'years?|months?')}${SEP}old\\b`),
    build: (ctx) => {
      const n = ctx.node('n');
      return n
        ? withUnit(n, 'age', `${(ctx.group('unit') ?? 'year').toLowerCase().replace(/s$/, '')}s`)
        : null;
    },
    examples: [
      {
        text: 'police rescued an 18-year-old woman from a brothel',
        source: 'constructed',
        mention: { text: '18-year-old', kind: 'age', value: 18, unit: 'years' },
      },
      {
        text: 'He is more than thirty years old.',
        source: 'peer:NumberRangeModel',
        mention: { text: 'more than thirty years old', kind: 'age', value: 30, qualifier: 'more_than' },
      },
    ],
    counterExamples: ['a 10-year sentence', 'the five-year-plan'],
  },
  {
    name: 'unit-age-of-age',
    stage: 'unit',
    pattern: rx(`${QTY}\\s+years?\\s+of\\s+age\\b`),
    build: (ctx) => {
      const n = ctx.node('n');
      return n ? withUnit(n, 'age', 'years') : null;
    },
    examples: [
      {
        text: 'children younger than 15 years of age',
        source: 'constructed',
        mention: { text: 'younger than 15 years of age', kind: 'age', value: 15, qualifier: 'less_than' },
      },
    ],
    counterExamples: ['15 years of imprisonment'],
  },
  {
    name: 'unit-duration',
    stage: 'unit',
    pattern: rx(`${QTY}${SEP}${group('unit', phrases(DURATION_UNITS.keys()))}`),
    build: (ctx) => {
      const n = ctx.node('n');
      const unit = DURATION_UNITS.get((ctx.group('unit') ?? '').toLowerCase());
      return n && unit ? withUnit(n, 'duration', unit) : null;
    },
    examples: [
      {
        text: 'Article 124 prescribes penalties of five to 20 years imprisonment',
        source: 'kyrgyz-2017',
        mention: { text: 'five to 20 years', kind: 'duration', value: null, min: 5, max: 20, unit: 'years' },
      },
      {
        text: 'collaborated on a three-day training for 24 judges in January 2017',
        source: 'kyrgyz-2017',
        mention: { text: 'three-day', kind: 'duration', value: 3, unit: 'days' },
      },
      {
        text: 'As reported over the past five years, the Kyrgyz Republic is a source',
        source: 'kyrgyz-2017',
        mention: { text: 'five years', kind: 'duration', value: 5, unit: 'years' },
      },
    ],
    counterExamples: ['the third consecutive year', 'in 2016 years of work'],
  },
  {
    name: 'year-as-count',
    stage: 'unit',
    pattern: rx(`${node('n', ['year'])}(?=\\s+${phrases(COUNT_NOUNS)})`),
    build: (ctx) => {
      const n = ctx.node('n');
      const before = ctx.text.slice(Math.max(0, ctx.start - MAX_CONTEXT_CHARS), ctx.start);
      // The leftmost match starts a word, so `(?<![A-Za-z])` costs nothing and stops a search inside one.
      const word = /(?<![A-Za-z])([A-Za-z]+)\W*$/.exec(before)?.[1]?.toLowerCase();
      return n && (word === undefined || !YEAR_PREPOSITIONS.has(word)) ? draftOf(n, { kind: 'count' }) : null;
    },
    examples: [
      {
        text: 'The hotline identified 1950 victims during the year.',
        source: 'constructed',
        mention: { text: '1950', kind: 'count', value: 1950 },
      },
    ],
    counterExamples: ['In 2016 victims were identified.', 'the 2005 anti-trafficking law'],
  },
];

const AGES: NumberRule[] = [
  {
    name: 'age-cue',
    stage: 'age',
    pattern: rx(`${phrases(AGE_CUES)}\\s+${node('n', ['count', 'range', 'duration', 'age'])}`),
    build: (ctx) => {
      const n = ctx.node('n');
      if (!n || (n.kind === 'duration' && n.unit !== 'years' && n.unit !== 'months')) return null;
      return draftOf(n, { kind: 'age', unit: n.unit ?? 'years' });
    },
    examples: [
      {
        text: 'When the victim is a child aged 14-17 years, the penalty is five to 10 years imprisonment',
        source: 'kyrgyz-2017',
        mention: { text: 'aged 14-17 years', kind: 'age', value: null, min: 14, max: 17, unit: 'years' },
      },
      {
        text: "arrested in March 2007 for trafficking boys ages 16 to 18 from Cote d'Ivoire",
        source: 'hrr:2008_mali',
        mention: { text: 'ages 16 to 18', kind: 'age', value: null, min: 16, max: 18, unit: 'years' },
      },
      {
        text: 'including some younger than age 18, for sex both in saunas and on the street',
        source: 'kyrgyz-2017',
        mention: {
          text: 'younger than age 18',
          kind: 'age',
          value: 18,
          qualifier: 'less_than',
          unit: 'years',
        },
      },
    ],
    counterExamples: ['in a 2013 report', 'for ages the problem persisted'],
  },
];

/** Rows of the unit and age stages. */
export const UNIT_RULES: readonly NumberRule[] = [...UNITS, ...AGES];
