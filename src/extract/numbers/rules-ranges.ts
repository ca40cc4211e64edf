/**
 * Rule rows of the first three stages: dates with month names, currency signs before a number, and
 * ranges ("between 50,000 and 70,000", "five to 20", "14-17", "2017-2020").
 */
import { CURRENCY_CODES, CURRENCY_SYMBOLS, MONTHS } from '../words.js';
import { draftOf, rangeOf } from './build.js';
import { group, HSPACE, node, phrases } from './patterns.js';
import type { Ctx, NumberRule } from './shadow.js';
import type { Draft, NumNode } from './types.js';

/** Every rule pattern runs globally on the shadow, case-insensitively, with group offsets. */
export function rx(source: string): RegExp {
  return new RegExp(source, 'gid');
}

const MONTH = `${group('month', phrases(MONTHS.keys()))}\\.?`;
const DAY = node('day', ['count', 'ordinal']);
const YEAR = node('year', ['year']);

/** A month name counts only when capitalised: "in May 2016", but not "may 5". */
function monthOk(ctx: Ctx): boolean {
  const m = ctx.group('month') ?? '';
  return m !== '' && m[0] === m[0]?.toUpperCase();
}

/** A day of the month: written in digits ("27", "4th"), 1 to 31. */
function day(n: NumNode | undefined): n is NumNode {
  const lexical = n?.rules[0];
  const v = n?.value ?? null;
  return (
    v !== null &&
    Number.isInteger(v) &&
    v >= 1 &&
    v <= 31 &&
    (lexical === 'digits' || lexical === 'digit-ordinal')
  );
}

/** A date: the year when it names one, else the day of the month; a day must be a day. */
function date(ctx: Ctx): Draft | null {
  const d = ctx.node('day');
  const y = ctx.node('year');
  if (!monthOk(ctx) || (d === undefined && y === undefined) || (d !== undefined && !day(d))) return null;
  return { kind: 'date', value: y?.value ?? d?.value ?? null };
}

const DATES: NumberRule[] = [
  {
    name: 'date-month-first',
    stage: 'date',
    pattern: rx(`${MONTH}(?:\\s+${DAY})?(?:,?\\s+${YEAR})?`),
    build: date,
    examples: [
      {
        text: 'a three-day training for 24 judges in January 2017',
        source: 'kyrgyz-2017',
        mention: { text: 'January 2017', kind: 'date', value: 2017 },
      },
      {
        text: 'In May 2016, the government created the Coordination Council on Migration',
        source: 'kyrgyz-2017',
        mention: { text: 'May 2016', kind: 'date', value: 2016 },
      },
      {
        text: 'On March 12, police in the town of Kita rescued 26 children',
        source: 'hrr:2008_mali',
        mention: { text: 'March 12', kind: 'date', value: 12 },
      },
      {
        text: 'The law entered into force on June 27, 2017.',
        source: 'constructed',
        mention: { text: 'June 27, 2017', kind: 'date', value: 2017 },
      },
    ],
    counterExamples: [
      'victims may 2016 be identified',
      'Police may 12 times a year inspect brothels.',
      'In October, the prime minister issued a decree',
      'March 45 is no date.',
    ],
  },
  {
    name: 'date-day-first',
    stage: 'date',
    pattern: rx(`${DAY}${HSPACE}+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?`),
    build: date,
    examples: [
      {
        text: 'Publication Date 27 June 2017',
        source: 'kyrgyz-2017',
        mention: { text: '27 June 2017', kind: 'date', value: 2017 },
      },
      {
        text: 'The decree was signed on 5 May and published later.',
        source: 'constructed',
        mention: { text: '5 May', kind: 'date', value: 5 },
      },
    ],
    counterExamples: ['The government convicted 10 offenders in 2016.', 'five May visitors'],
  },
];

const MONEY_SIGN = group('cur', String.raw`\bUS\s?\$|\$|€|£|¥|₹|₦|\b[A-Z]{3}\b`);

const MONEY: NumberRule[] = [
  {
    name: 'money-sign',
    stage: 'money',
    pattern: rx(`${MONEY_SIGN}\\s?${node('n', ['count', 'year', 'fraction'])}`),
    build: (ctx) => {
      const n = ctx.node('n');
      const sign = ctx.group('cur') ?? '';
      const code =
        CURRENCY_SYMBOLS.get(sign.toLowerCase().replace(/\s/g, '')) ??
        (CURRENCY_CODES.has(sign) ? sign : null);
      return n && code ? draftOf(n, { kind: 'money', unit: code }) : null;
    },
    examples: [
      {
        text: 'fines range from $375 (50,000 naira) to $1,500 (200,000 naira).',
        source: 'hrr:2007_nigeria',
        mention: { text: '$375', kind: 'money', value: 375, unit: 'USD' },
      },
      {
        text: 'That account revenue target is US$ 1MM',
        source: 'peer:NumberModel',
        mention: { text: 'US$ 1MM', kind: 'money', value: 1_000_000, unit: 'USD' },
      },
    ],
    counterExamples: ['The government identified 24 victims.', 'the 5 cases'],
  },
];

const ANY_END = (name: string) => node(name);

const RANGES: NumberRule[] = [
  {
    name: 'range-between',
    stage: 'range',
    pattern: rx(`\\bbetween\\s+(?:the\\s+)?${ANY_END('lo')}\\s+and\\s+(?:the\\s+)?${ANY_END('hi')}`),
    build: (ctx) => rangeOf(ctx.node('lo'), ctx.node('hi')),
    examples: [
      {
        text: 'UNICEF estimated between 50,000 and 70,000 African female trafficking victims were in Italy',
        source: 'hrr:2007_nigeria',
        mention: { text: 'between 50,000 and 70,000', kind: 'range', value: null, min: 50_000, max: 70_000 },
      },
      {
        text: 'seven trafficking cases were recorded between March 2007 and February 2008',
        source: 'hrr:2008_liberia',
        mention: {
          text: 'between March 2007 and February 2008',
          kind: 'date',
          value: null,
          min: 2007,
          max: 2008,
        },
      },
    ],
    counterExamples: ['between 30 and 20 victims', 'cooperation between police and 12 NGOs'],
  },
  {
    name: 'range-ages-between',
    stage: 'range',
    pattern: rx(
      `\\bbetween\\s+the\\s+ages\\s+of\\s+${node('lo', ['count'])}\\s+and\\s+${node('hi', ['count'])}`,
    ),
    build: (ctx) => {
      const r = rangeOf(ctx.node('lo'), ctx.node('hi'));
      return r ? { ...r, kind: 'age', unit: 'years' } : null;
    },
    examples: [
      {
        text: 'arrested three traffickers transporting seven children between the ages of 12 and 17',
        source: 'hrr:2008_cameroon',
        mention: { text: 'between the ages of 12 and 17', kind: 'age', value: null, min: 12, max: 17 },
      },
    ],
    counterExamples: ['between the ages of 17 and 12'],
  },
  {
    name: 'range-from-to',
    stage: 'range',
    pattern: rx(`\\bfrom\\s+${ANY_END('lo')}\\s+(?:to|through|until|till)\\s+${ANY_END('hi')}`),
    build: (ctx) => rangeOf(ctx.node('lo'), ctx.node('hi')),
    examples: [
      {
        text: 'expanded the number of offices for attending to women and child victims of violence from 96 to 152',
        source: 'hrr:2008_mozambique',
        mention: { text: 'from 96 to 152', kind: 'range', value: null, min: 96, max: 152 },
      },
    ],
    counterExamples: ['Imprisonment terms range from 12 months to life', 'from 12 in 2015 to 20 in 2016'],
  },
  {
    name: 'range-to',
    stage: 'range',
    pattern: rx(`${ANY_END('lo')}\\s+(?:to|through|thru)\\s+${ANY_END('hi')}`),
    build: (ctx) => rangeOf(ctx.node('lo'), ctx.node('hi')),
    examples: [
      {
        text: 'Local NGOs estimated 30,000 to 35,000 persons were trafficked internationally',
        source: 'hrr:2008_ethiopia',
        mention: { text: '30,000 to 35,000', kind: 'range', value: null, min: 30_000, max: 35_000 },
      },
      {
        text: 'The number range is 20 through 100',
        source: 'peer:NumberRangeModel',
        mention: { text: '20 through 100', kind: 'range', value: null, min: 20, max: 100 },
      },
    ],
    counterExamples: [
      '68 of whom were subjected to forced labor, 11 to sex trafficking',
      'compared with 12 in 2015 to 9',
    ],
  },
  {
    name: 'range-dash',
    stage: 'range',
    pattern: rx(`${ANY_END('lo')}${HSPACE}*(?:[-\u2010\u2011\u2012\u2013\u2014~])${HSPACE}*${ANY_END('hi')}`),
    build: (ctx) => rangeOf(ctx.node('lo'), ctx.node('hi'), true),
    examples: [
      {
        text: 'beginning to draft a new national action plan for 2017-2020',
        source: 'kyrgyz-2017',
        mention: { text: '2017-2020', kind: 'year', value: null, min: 2017, max: 2020 },
      },
      {
        text: 'The number range is 1000 – 5000',
        source: 'peer:NumberRangeModel',
        mention: { text: '1000 – 5000', kind: 'range', value: null, min: 1000, max: 5000 },
      },
      {
        text: 'These apples are about 20~100',
        source: 'peer:NumberRangeModel',
        mention: {
          text: 'about 20~100',
          kind: 'range',
          value: null,
          min: 20,
          max: 100,
          qualifier: 'approximately',
        },
      },
    ],
    counterExamples: [
      '1995-01',
      'COVID-19',
      'fifty - two',
      'Report can be found at 2009-2017.state.gov/j/tip.',
    ],
  },
  {
    name: 'range-year-slash',
    stage: 'range',
    pattern: rx(`${node('lo', ['year'])}\\/${node('hi', ['year', 'count'])}`),
    build: (ctx) => {
      const r = rangeOf(ctx.node('lo'), ctx.node('hi'), true);
      return r && r.kind === 'year' && r.max === (r.min ?? 0) + 1 ? r : null;
    },
    examples: [
      {
        text: 'the budget for fiscal year 2016/17 included funds for shelters',
        source: 'constructed',
        mention: { text: '2016/17', kind: 'year', value: null, min: 2016, max: 2017 },
      },
    ],
    counterExamples: ['the 2016/2019 plan', 'a 24/7 hotline'],
  },
];

/** Rows of the date, money-sign and range stages. */
export const RANGE_RULES: readonly NumberRule[] = [...DATES, ...MONEY, ...RANGES];
