/**
 * Non-numbers kept out on purpose, one line each (cf. chrono's negative_cases): every false positive
 * fixed in the numbers pass becomes a line here. The first table must yield no mention at all; the
 * second may yield numbers, but never the reading named.
 */
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/extract/numbers/index.js';
import type { NumberMention } from '../../src/validate/schema.js';

const NO_MENTION: ReadonlyArray<readonly [string, string]> = [
  ['"one of the" introduces a member, not a count', 'one of the victims was a child'],
  ['"one of its"', 'one of its officials was arrested'],
  ['"no one"', 'no one was convicted during the year'],
  ['"one another"', 'the victims supported one another'],
  ['"a" alone', 'a training for prosecutors'],
  ['"an" alone', 'an international organization reported'],
  ['"a first class seat"', 'Book a first class seat to seattle'],
  ['"last" is no ordinal', "Let's try that last time"],
  ['"next of kin"', 'He was looking for a next of kin'],
  ['"previous"', 'you can restore a previous version'],
  ['"a third country" is a place, not 1/3', 'victims were moved to a third country'],
  ['"third-party" recruiters', 'third-party recruiters charged fees'],
  ['a phone number with a country code', 'My phone number is +1-222-2222/2222'],
  ['a phone number written with dashes', '+1-222-2222-2222 is a phone number.'],
  ['a phone number with an area code in parentheses', 'call the hotline at (996) 312 123 456 for help'],
  ['a host name with a year range in it', 'can be found at 2009-2017.state.gov/j/tip.'],
  ['a URL', 'available at: https://www.refworld.org/docid/5959eca511.html [accessed'],
  ['a URL without a scheme', 'see www.state.gov/j/tip/rls/tiprpt/2017 for details'],
  ['an e-mail address', 'write to info@ngo2016.org for help'],
  ['"1m" is a metre', "1m isn't a number."],
  ['a unit glued to digits', 'the 180ml liquid'],
  ['a unit glued to a decimal', 'the 180.25ml liquid'],
  ['a unit glued to a bare decimal', 'the .25ml liquid'],
  ['kilometres glued to digits', ' 29km Road '],
  ['a time glued to digits', 'the raid began at 5am'],
  ['"COVID-19" is the name of a disease, not nineteen of anything', 'during the COVID-19 pandemic'],
  ['digits inside a code', 'the H1N1 outbreak and the G7 summit'],
  ['"24/7" is an idiom', 'an NGO-run 24/7 hotline'],
  ['"unknown" without "an ... number"', 'the number of victims remained unknown'],
  ['vague plurals are no numbers', 'thousands of victims and dozens of cases, hundreds of them children'],
  ['"May" lower case is a verb', 'victims may be identified'],
];

const NOT_READ_AS: ReadonlyArray<readonly [string, string, (m: NumberMention) => boolean]> = [
  [
    '"handing over one" is no bound',
    'handing over one to Interpol Mali.',
    (m) => m.qualifier === 'more_than',
  ],
  [
    '"fewer than the 500" compares, it does not bound',
    'fewer than the 500 reported for 2006',
    (m) => m.qualifier === 'less_than',
  ],
  [
    '"under 2016 legislation" is no bound on a year',
    'under 2016 legislation',
    (m) => m.qualifier !== undefined,
  ],
  ['"14-17" is a range, not 14 and -17', 'a child aged 14-17 years', (m) => (m.value ?? 0) < 0],
  ['"SCP-173" is 173, not -173', 'SCP-173', (m) => (m.value ?? 0) < 0],
  ['"$2000 over 3 years" is no fraction', 'I want to earn $2000 over 3 years', (m) => m.kind === 'fraction'],
  ['"68 out of 86 victims" is two counts', '68 out of 86 victims were women', (m) => m.kind === 'fraction'],
  ['"in 2016 over 2015" compares years', 'an increase in 2016 over 2015.', (m) => m.kind === 'fraction'],
  [
    '"104/98" is a law number, not a fraction',
    'LSA revised Proclamation 104/98 to improve',
    (m) => m.kind === 'fraction',
  ],
  ['"1995-01" is no range', '1995-01', (m) => m.min !== undefined],
  ['a descending pair is no range', 'between 30 and 20 victims', (m) => m.min !== undefined],
  [
    '"2015 to 20" is no year range',
    'from 12 in 2015 to 20 in 2016',
    (m) => m.kind === 'year' && m.min !== undefined,
  ],
  ['"five or six" bounds nothing', 'five or six victims', (m) => m.qualifier !== undefined],
  ['"<>30" is no bound', '<>30', (m) => m.qualifier !== undefined],
  ['"=>30" is no bound', '=>30', (m) => m.qualifier !== undefined],
  [
    '"2000 or greater than 190" bounds 190 only',
    '200 or greater than 190',
    (m) => m.value === 200 && m.qualifier !== undefined,
  ],
  ['a markdown bullet is no minus sign', '- 10 victims were identified', (m) => (m.value ?? 0) < 0],
  [
    '"13:47" is a time, never a range',
    'Last Updated: Friday, 01 November 2019, 13:47 GMT',
    (m) => m.min !== undefined,
  ],
];

describe('no mention at all', () => {
  it.each(NO_MENTION)('%s', (_why, text) => {
    expect(findNumbers(text)).toStrictEqual([]);
  });
});

describe('not read that way', () => {
  it.each(NOT_READ_AS)('%s', (_why, text, wrong) => {
    expect(findNumbers(text).filter(wrong)).toStrictEqual([]);
  });
});
