import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';
import { segment } from '../../src/segment/index.js';
import { fixture } from '../parse/fetched.js';
import { expectWellFormed } from './invariants.js';

describe('segment on the 2017 Kyrgyz Republic narrative', () => {
  const doc = parseSource(fixture());
  const result = segment(doc);
  const { text } = doc;

  it('is a TIP narrative with the header line "KYRGYZ REPUBLIC: TIER 2"', () => {
    expect(result.kind).toBe('tip_narrative');
    expect(result.header).toStrictEqual({
      start: 0,
      end: 23,
      country: 'KYRGYZ REPUBLIC',
      placement: 'Tier 2',
    });
    expect(result.diagnostics).toStrictEqual([]);
  });

  it('finds the 2017 sections in order, each with its heading and first paragraph', () => {
    const rows = result.sections.map((section) => ({
      kind: section.kind,
      heading: section.heading,
      start: section.start,
      end: section.end,
      paragraphs: section.paragraphs.length,
      first: section.paragraphs[0]
        ? text.slice(section.paragraphs[0].start, section.paragraphs[0].start + 42)
        : null,
    }));
    expect(rows).toStrictEqual([
      { kind: 'header', heading: 'KYRGYZ REPUBLIC: TIER 2', start: 0, end: 25, paragraphs: 0, first: null },
      {
        kind: 'summary',
        heading: null,
        start: 25,
        end: 1547,
        paragraphs: 1,
        first: 'The Government of the Kyrgyz Republic (or ',
      },
      {
        kind: 'recommendations',
        heading: 'RECOMMENDATIONS FOR KYRGYZ REPUBLIC',
        start: 1547,
        end: 2905,
        paragraphs: 1,
        first: 'Vigorously investigate and prosecute gover',
      },
      {
        kind: 'prosecution',
        heading: 'PROSECUTION',
        start: 2905,
        end: 7671,
        paragraphs: 4,
        first: 'The government maintained law enforcement ',
      },
      {
        kind: 'protection',
        heading: 'PROTECTION',
        start: 7671,
        end: 10653,
        paragraphs: 2,
        first: 'The government maintained efforts to ident',
      },
      {
        kind: 'prevention',
        heading: 'PREVENTION',
        start: 10653,
        end: 13500,
        paragraphs: 1,
        first: 'The government increased efforts to preven',
      },
      {
        kind: 'profile',
        heading: 'TRAFFICKING PROFILE',
        start: 13500,
        end: 15692,
        paragraphs: 1,
        first: 'As reported over the past five years, the ',
      },
    ]);
    expect(result.sections[3]!.paragraphs[0]).toStrictEqual({ start: 2918, end: 4656 });
  });

  it('splits the paragraphs into 77 sentences, none across a paragraph', () => {
    expect(result.sentences).toHaveLength(77);
    expectWellFormed(text, result);
  });

  it.each([
    [
      5138,
      5399,
      "The prosecutor general's office (PGO) initiated five prosecutions of criminal cases under article 124 two of the five for labor trafficking involving an unknown number of suspects in 2016, compared with six cases involving an unknown number of suspects in 2015.",
    ],
    [
      12368,
      12641,
      'The government also continued to provide a national toll-free telephone line and office space to an NGO-run hotline that provided legal advice and assistance on working abroad; the hotline received 2,979 calls in 2016, which resulted in the identification of three victims.',
    ],
    [
      3032,
      3247,
      'Article 124 of the criminal code, entitled "Trafficking in Persons," criminalizes both sex and labor trafficking of adults and children and covers a non-trafficking offense, "child adoption for commercial purposes."',
    ],
    [
      4195,
      4375,
      'When the victim is a child aged 14-17 years, the penalty is five to 10 years imprisonment, and when the victim is younger than 14 years, the penalty is 10 to 15 years imprisonment.',
    ],
  ])('has the sentence %i..%i', (start, end, quote) => {
    expect(result.sentences).toContainEqual({ start, end });
    expect(text.slice(start, end)).toBe(quote);
  });
});
