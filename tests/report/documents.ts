import type { Figure, NumberMention, Span, TipDocument } from '../../src/validate/schema.js';
import { figure, tipDocument } from '../helpers/factories.js';

/**
 * Built documents for the export, report and audit tests: every offset is found in the text by `at()`, so a
 * change to a sentence cannot leave a span pointing at the wrong words.
 */

/**
 * The span of the `nth` occurrence (from 0) of `quote` in `text`.
 *
 * @param text The clean text.
 * @param quote The words.
 * @param nth Which occurrence.
 */
export function at(text: string, quote: string, nth = 0): Span {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { start, end: start + quote.length, quote };
}

const RICH_TEXT = [
  'ATLANTIS: TIER 2',
  '',
  'The government initiated eight trafficking investigations in 2016, five sex trafficking cases and two child ' +
    'forced labor cases, compared with four in 2015. Article 124 of the criminal code prescribes penalties of five ' +
    'to 20 years imprisonment. It did not report on sentences. Officials said "ten, or 11"',
  'people, trained; on a hotline.',
].join('\n');

function fig(id: string, quote: string, number: string, rest: Partial<Figure>): Figure {
  const span = at(RICH_TEXT, quote);
  const start = RICH_TEXT.indexOf(number, span.start);
  return figure({ id, ...span, number: { start, end: start + number.length }, section: 'summary', ...rest });
}

function num(quote: string, rest: Omit<NumberMention, 'start' | 'end' | 'text'>, nth = 0): NumberMention {
  const { start, end } = at(RICH_TEXT, quote, nth);
  return { start, end, text: quote, ...rest };
}

/**
 * A document that uses every figure field, two statutes (one with penalties, one with no mention), a breakdown-sum
 * warning, and a quote with a comma, double quotes and a line break, for the CSV quoting tests.
 *
 * @param id The document id.
 */
export function richDocument(id = 'rich-1'): TipDocument {
  const text = RICH_TEXT;
  const figures: Figure[] = [
    fig('f1', 'initiated eight trafficking investigations', 'eight', {
      metric: 'investigations',
      value: 8,
      unit: 'cases',
      statute: 'criminal code:124',
      comparedWith: 'f4',
    }),
    fig('f2', 'five sex trafficking cases', 'five', {
      metric: 'investigations',
      value: 5,
      unit: 'cases',
      breakdown: 'sex trafficking',
      partOf: 'f1',
    }),
    fig('f3', 'two child forced labor cases', 'two', {
      metric: 'investigations',
      value: 2,
      unit: 'cases',
      breakdown: 'child forced labor',
      partOf: 'f1',
    }),
    fig('f4', 'four in 2015', 'four', { metric: 'investigations', value: 4, unit: 'cases', year: 2015 }),
    fig('f5', 'did not report on sentences', 'did not report', {
      metric: 'sentences',
      value: null,
      unit: null,
      year: null,
      period: 'reporting_period',
      qualifier: 'not_reported',
    }),
    fig('f6', '"ten, or 11"\npeople, trained', 'ten, or 11', {
      metric: 'people_trained',
      value: null,
      min: 10,
      max: 11,
      unit: 'people',
      year: null,
      period: 'year',
      qualifier: 'approximately',
      actor: 'government',
    }),
  ];
  const mention = at(text, 'Article 124 of the criminal code');
  const penalty = at(text, 'prescribes penalties of five to 20 years imprisonment');
  return tipDocument({
    document: { ...tipDocument().document, id, country: 'Atlantis', reportYear: 2017 },
    tier: { placement: 'Tier 2', ...at(text, 'ATLANTIS: TIER 2') },
    sections: [
      { kind: 'header', heading: 'ATLANTIS: TIER 2', start: 0, end: 16, paragraphs: [{ start: 0, end: 16 }] },
      {
        kind: 'summary',
        heading: null,
        start: 18,
        end: text.length,
        paragraphs: [{ start: 18, end: text.length }],
      },
    ],
    statutes: [
      {
        id: 'criminal code:124',
        instrument: 'criminal code',
        article: '124',
        title: 'Trafficking, "in Persons"',
        penalties: [
          { kind: 'imprisonment', min: 5, max: 20, unit: 'years', ...penalty },
          {
            kind: 'fine',
            min: null,
            max: null,
            unit: null,
            alternative: true,
            condition: 'when aggravated, or "repeated"',
            ...penalty,
          },
        ],
        mentions: [mention],
      },
      {
        id: '2005 anti-trafficking law',
        instrument: '2005 anti-trafficking law',
        article: null,
        penalties: [],
        mentions: [],
      },
    ],
    figures,
    numbers: [
      num('eight', { kind: 'count', value: 8 }),
      num('2016', { kind: 'year', value: 2016 }),
      num('five', { kind: 'count', value: 5 }),
      num('two', { kind: 'count', value: 2 }),
      num('four', { kind: 'count', value: 4 }),
      num('2015', { kind: 'year', value: 2015 }),
      num('five to 20 years', { kind: 'duration', value: null, min: 5, max: 20, unit: 'years' }),
      num('ten', { kind: 'count', value: 10 }),
      num('11', { kind: 'count', value: 11 }),
    ],
    diagnostics: [
      {
        severity: 'warning',
        rule: 'breakdown-sum',
        message: 'The 2 parts listed under "initiated eight trafficking investigations" add up to 7, not 8.',
        ...(({ start, end }) => ({ start, end }))(at(text, 'initiated eight trafficking investigations')),
      },
      { severity: 'info', rule: 'missing-section', message: 'Found no prosecution section' },
    ],
    text,
  });
}

/** The payloads of the hostile-text test: each must stay text and never run. */
export const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  '</textarea></style></script>&amp;&lt;b&gt;',
] as const;

/**
 * A document whose text, metadata, ids, quotes and diagnostics all carry the payloads, with a figure over each.
 *
 * @param id The document id.
 */
export function hostileDocument(id = 'hostile-1'): TipDocument {
  const text = `X: TIER 2\n\n${PAYLOADS.map((p) => `The government convicted 10 offenders ${p} in 2016.`).join('\n')}`;
  const figures = PAYLOADS.map((p, i) => {
    const span = at(text, `10 offenders ${p}`);
    return figure({
      id: `f${i}${p}`,
      ...span,
      number: { start: span.start, end: span.start + 2 },
      unit: p,
      breakdown: p,
      statute: p,
    });
  });
  return tipDocument({
    document: {
      ...tipDocument().document,
      id,
      country: `<b>${PAYLOADS[0]}</b>`,
      url: `javascript:${PAYLOADS[1]}`,
    },
    figures,
    numbers: [],
    sections: [{ kind: 'summary', heading: null, start: 0, end: text.length, paragraphs: [] }],
    statutes: [
      {
        id: PAYLOADS[2],
        instrument: PAYLOADS[2],
        article: null,
        penalties: [],
        mentions: [at(text, PAYLOADS[2])],
      },
    ],
    diagnostics: [{ severity: 'warning', rule: PAYLOADS[1], message: PAYLOADS[0], ...at(text, PAYLOADS[3]) }],
    text,
  });
}

/**
 * One country over three report years (2015 to 2017), the middle year without convictions, for the trend chart.
 *
 * @param country The country.
 */
export function seriesDocuments(country = 'Atlantis'): TipDocument[] {
  const years = [
    { year: 2015, investigations: 3, prosecutions: 2, convictions: 1 },
    { year: 2016, investigations: 6, prosecutions: 4, convictions: undefined },
    { year: 2017, investigations: 9, prosecutions: 5, convictions: 10 },
  ];
  return years.map(({ year, ...values }, i) => {
    const figures = Object.entries(values).flatMap(([metric, value], j) =>
      value === undefined ? [] : [figure({ id: `f${j}`, metric, value, year: year - 1 })],
    );
    return tipDocument({
      document: { ...tipDocument().document, id: `series-${year}`, country, reportYear: year },
      // The 2015 report's first investigations figure is from 2001: not the reporting period, so not its headline.
      figures:
        i === 0
          ? [figure({ id: 'old', metric: 'investigations', value: 99, year: 2001 }), ...figures]
          : figures,
    });
  });
}
