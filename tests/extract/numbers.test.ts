/**
 * The numbers pass on real text: exact mentions for sentences of the 2017 Kyrgyz Republic narrative
 * (shared/fixtures) and of the human-rights-report corpus (shared/corpus/usdos-hrr), the offset
 * invariants over every file, and linear time on pathological input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/extract/numbers/index.js';
import { type NumberMention, NumberMentionSchema } from '../../src/validate/schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = path.resolve(repoRoot, '..', 'shared');
const FIXTURE = readFileSync(path.join(shared, 'fixtures', 'refworld-5959eca511.txt'), 'utf8');
const CORPUS_DIR = path.join(shared, 'corpus', 'usdos-hrr', 'sections');
const CORPUS = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(path.join(CORPUS_DIR, f), 'utf8') }));

type Expected = Omit<NumberMention, 'start' | 'end'>;

/** A mention as a row states it: only what differs from a plain count. */
function m(text: string, value: number | null, extra: Partial<Expected> = {}): Expected {
  return { text, kind: 'count', value, ...extra };
}
const year = (text: string, value: number): Expected => m(text, value, { kind: 'year' });

/** The mentions of `sentence` without offsets (offsets are checked by the invariant tests). */
function shapes(sentence: string): Expected[] {
  return findNumbers(sentence).map(({ start: _s, end: _e, ...rest }) => rest);
}

const KYRGYZ: ReadonlyArray<readonly [string, Expected[]]> = [
  [
    'the hotline received 2,979 calls in 2016, which resulted in the identification of three victims',
    [m('2,979', 2979), year('2016', 2016), m('three', 3)],
  ],
  [
    'International organizations and NGOs reported assisting 86 victims in 2016, 68 of whom were subjected to forced labor, 11 to sex trafficking, and seven to both labor and sex trafficking; one of the victims was a child and 47 victims were male.',
    [m('86', 86), year('2016', 2016), m('68', 68), m('11', 11), m('seven', 7), m('47', 47)],
  ],
  [
    'Article 124 prescribes penalties of five to 20 years imprisonment',
    [m('124', 124), m('five to 20 years', null, { kind: 'duration', min: 5, max: 20, unit: 'years' })],
  ],
  [
    'When the victim is a child aged 14-17 years, the penalty is five to 10 years imprisonment, and when the victim is younger than 14 years, the penalty is 10 to 15 years imprisonment.',
    [
      m('aged 14-17 years', null, { kind: 'age', min: 14, max: 17, unit: 'years' }),
      m('five to 10 years', null, { kind: 'duration', min: 5, max: 10, unit: 'years' }),
      m('younger than 14 years', 14, { kind: 'age', qualifier: 'less_than', unit: 'years' }),
      m('10 to 15 years', null, { kind: 'duration', min: 10, max: 15, unit: 'years' }),
    ],
  ],
  [
    'An international organization estimated the government completed roughly 70 percent of its objectives in the National Action Plan to Combat Trafficking in Persons for 2013-2016.',
    [
      m('roughly 70 percent', 70, { kind: 'percent', qualifier: 'approximately', unit: 'percent' }),
      m('2013-2016', null, { kind: 'year', min: 2013, max: 2016 }),
    ],
  ],
  [
    'an international organization and the government collaborated on a three-day training for 24 judges in January 2017 and a training for 23 prosecutors in February 2017.',
    [
      m('three-day', 3, { kind: 'duration', unit: 'days' }),
      m('24', 24),
      m('January 2017', 2017, { kind: 'date' }),
      m('23', 23),
      m('February 2017', 2017, { kind: 'date' }),
    ],
  ],
  [
    "The prosecutor general's office (PGO) initiated five prosecutions of criminal cases under article 124 two of the five for labor trafficking involving an unknown number of suspects in 2016, compared with six cases involving an unknown number of suspects in 2015.",
    [
      m('five', 5),
      m('124', 124),
      m('two', 2),
      m('five', 5),
      m('an unknown number', null, { qualifier: 'unknown' }),
      year('2016', 2016),
      m('six', 6),
      m('an unknown number', null, { qualifier: 'unknown' }),
      year('2015', 2015),
    ],
  ],
  [
    'Kyrgyz police officers allegedly exploit female trafficking victims, including some younger than age 18, for sex both in saunas and on the street.',
    [m('younger than age 18', 18, { kind: 'age', qualifier: 'less_than', unit: 'years' })],
  ],
  [
    "In January 2017, a parliamentary commission completed an evaluation of the government's overall anti-trafficking efforts in conjunction with an international organization and NGOs, the second such analysis of implementation of the 2005 national anti-trafficking law",
    [m('January 2017', 2017, { kind: 'date' }), m('second', 2, { kind: 'ordinal' }), year('2005', 2005)],
  ],
  [
    'As reported over the past five years, the Kyrgyz Republic is a source, transit, and destination country',
    [m('five years', 5, { kind: 'duration', unit: 'years' })],
  ],
  ['Publication Date 27 June 2017', [m('27 June 2017', 2017, { kind: 'date' })]],
];

const HRR: ReadonlyArray<readonly [string, string, Expected[]]> = [
  [
    '2009_uganda',
    'women and girls could be purchased for approximately 5,000 to 30,000 shillings ($2.60 to $15.60) and used as domestic workers',
    [
      m('approximately 5,000 to 30,000 shillings', null, {
        kind: 'money',
        min: 5000,
        max: 30_000,
        qualifier: 'approximately',
        unit: 'shillings',
      }),
      m('$2.60 to $15.60', null, { kind: 'money', min: 2.6, max: 15.6, unit: 'USD' }),
    ],
  ],
  [
    '2007_nigeria',
    'UNICEF estimated between 50,000 and 70,000 African female trafficking victims were in Italy for prostitution, of which 70 percent were from Nigeria.',
    [
      m('between 50,000 and 70,000', null, { kind: 'range', min: 50_000, max: 70_000 }),
      m('70 percent', 70, { kind: 'percent', unit: 'percent' }),
    ],
  ],
  [
    '2007_nigeria',
    'Imprisonment terms range from 12 months to life, while fines range from $375 (50,000 naira) to $1,500 (200,000 naira).',
    [
      m('12 months', 12, { kind: 'duration', unit: 'months' }),
      m('$375', 375, { kind: 'money', unit: 'USD' }),
      m('50,000 naira', 50_000, { kind: 'money', unit: 'naira' }),
      m('$1,500', 1500, { kind: 'money', unit: 'USD' }),
      m('200,000 naira', 200_000, { kind: 'money', unit: 'naira' }),
    ],
  ],
  [
    '2008_sierra-leone',
    'During the year FSU reported 38 cases of human trafficking, of which more than half were girls under the age of 16.',
    [
      m('38', 38),
      m('more than half', 0.5, { kind: 'fraction', qualifier: 'more_than' }),
      m('under the age of 16', 16, { kind: 'age', qualifier: 'less_than', unit: 'years' }),
    ],
  ],
  [
    '2008_niger',
    'A 2005 NGO survey found that 5.8 percent of households interviewed claimed that at least one member of their family had been a trafficking victim.',
    [
      year('2005', 2005),
      m('5.8 percent', 5.8, { kind: 'percent', unit: 'percent' }),
      m('at least one', 1, { qualifier: 'at_least' }),
    ],
  ],
  [
    '2008_niger',
    'the others with the abduction of minors, handing over one to Interpol Mali.',
    [m('one', 1)],
  ],
  [
    '2008_ethiopia',
    'Young women, particularly those ages 16-30, were the most commonly trafficked group',
    [m('ages 16-30', null, { kind: 'age', min: 16, max: 30, unit: 'years' })],
  ],
  [
    '2007_guinea',
    'a six-year old girl. All five of these women',
    [m('six-year old', 6, { kind: 'age', unit: 'years' }), m('five', 5)],
  ],
  [
    '2007_nigeria',
    'Twenty-nine state-level antitrafficking committees consisted of immigration officials, civil society organizations, law enforcement agents, and federal ministries in 29 states.',
    [m('Twenty-nine', 29), m('29', 29)],
  ],
  [
    '2009_uganda',
    "The act provides for a maximum of 15 years' imprisonment for trafficking in persons",
    [m('a maximum of 15 years', 15, { kind: 'duration', qualifier: 'at_most', unit: 'years' })],
  ],
];

describe('findNumbers on the Kyrgyz fixture', () => {
  it.each(KYRGYZ)('%s', (sentence, expected) => {
    expect(FIXTURE).toContain(sentence);
    expect(shapes(sentence)).toStrictEqual(expected);
  });

  it('reads the same values in place, with absolute offsets', () => {
    const at = FIXTURE.indexOf('the hotline received 2,979 calls');
    const found = findNumbers(FIXTURE, at, at + 60);
    expect(found[0]).toStrictEqual({
      start: at + 21,
      end: at + 26,
      text: '2,979',
      kind: 'count',
      value: 2979,
    });
    expect(found.every((n) => n.start >= at && n.end <= at + 60)).toBe(true);
  });
});

describe('findNumbers on the human-rights-report corpus', () => {
  it.each(HRR)('%s: %s', (file, sentence, expected) => {
    expect(CORPUS.find((c) => c.file.startsWith(file))?.text).toContain(sentence);
    expect(shapes(sentence)).toStrictEqual(expected);
  });
});

describe('the arguments', () => {
  it('throws a TypeError naming a bad offset', () => {
    expect(() => findNumbers('five', 3, 1)).toThrow(TypeError);
    expect(() => findNumbers('five', -1)).toThrow(/`from`/);
    expect(() => findNumbers('five', 0, 9)).toThrow(/`to`/);
    expect(() => findNumbers('five', 0.5)).toThrow(TypeError);
  });

  it('finds only numbers wholly inside [from, to)', () => {
    const text = 'between 20 and 30 victims';
    expect(findNumbers(text, 0, 12).map((n) => n.text)).toStrictEqual(['20']);
    expect(findNumbers('', 0, 0)).toStrictEqual([]);
    // "2,9" and "79" are pieces of "2,979", not numbers.
    const calls = 'received 2,979 calls';
    expect(findNumbers(calls, 0, 12)).toStrictEqual([]);
    expect(findNumbers(calls, 12)).toStrictEqual([]);
    expect(findNumbers(calls, 9, 14).map((n) => n.value)).toStrictEqual([2979]);
  });
});

describe('invariants over the fixture and every corpus file', () => {
  const files = [{ file: 'refworld-5959eca511.txt', text: FIXTURE }, ...CORPUS];
  it.each(files.map((f) => [f.file, f.text] as const))('%s', (_file, text) => {
    const found = findNumbers(text);
    expect(found.length).toBeGreaterThan(0);
    let last = 0;
    for (const n of found) {
      expect(text.slice(n.start, n.end)).toBe(n.text);
      expect(n.start).toBeGreaterThanOrEqual(last);
      expect(n.end).toBeGreaterThan(n.start);
      expect(n.end).toBeLessThanOrEqual(text.length);
      expect(NumberMentionSchema.safeParse(n).success).toBe(true);
      for (const v of [n.value, n.min, n.max])
        if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      if (n.value === null) expect(n.min !== undefined || n.qualifier === 'unknown').toBe(true);
      last = n.end;
    }
  });
});

describe('linear time on pathological input', () => {
  const MB = 1 << 20;
  const cases: ReadonlyArray<readonly [string, string]> = [
    [
      '100,000 digits separated by commas',
      Array.from({ length: 100_000 }, (_, i) => String(i % 10)).join(','),
    ],
    ['100,000 digit groups of three separated by commas', `1${',234'.repeat(100_000)}`],
    ['1 MB of letters', 'a'.repeat(MB)],
    ['1 MB of digits', '9'.repeat(MB)],
    ['1 MB of dashes between digits', '1-'.repeat(MB / 2)],
    ['1 MB of dots between digits', '1.'.repeat(MB / 2)],
    ['1 MB of digits glued to letters', 'x1'.repeat(MB / 2)],
    ['1 MB of a URL-like run', `${'a.'.repeat(MB / 2)}gov`],
    ['1 MB of spaces', ' '.repeat(MB)],
    ['"one one one ..." x 50,000', 'one '.repeat(50_000)],
    ['"more than one and" x 50,000', 'more than one and '.repeat(50_000)],
    ['"twenty" x 50,000 (a long run of number words)', 'twenty '.repeat(50_000)],
    ['"percent of 5" x 50,000', 'percent of 5 '.repeat(50_000)],
    ['"between 1 and" x 50,000', 'between 1 and '.repeat(50_000)],
    ['"one hundred and" x 50,000', 'one hundred and '.repeat(50_000)],
  ];
  it.each(cases)('%s finishes under 2 s', (_name, input) => {
    const t0 = performance.now();
    findNumbers(input);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
