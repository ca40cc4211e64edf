import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/extract/numbers/index.js';
import { findStatutes } from '../../src/extract/statutes/index.js';
import type { Range } from '../../src/segment/types.js';

/** Sentence ranges until the segmenter exists: split after . ! ? before a capital or a quote. */
function sentencesOf(text: string): Range[] {
  const ranges: Range[] = [];
  let start = 0;
  for (const gap of text.matchAll(/(?<=[.!?])\s+(?=[A-Z"])/g)) {
    ranges.push({ start, end: gap.index });
    start = gap.index + gap[0].length;
  }
  ranges.push({ start, end: text.length });
  return ranges;
}

/** One line per false positive, with the statute ids that the text must give (usually none). */
const NEGATIVES: [text: string, ids: string[]][] = [
  ['The minister published an article in the newspaper.', []],
  ['Section 8 of the report describes the methodology.', []],
  ['Although the law provides for the proper treatment of witnesses, authorities rarely followed it.', []],
  ['The author develops this in chapter 5 of the book.', []],
  ['Law enforcement officials accepted bribes to drop cases.', []],
  ['NGOs reported law enforcement officials accepted bribes.', []],
  ['Corruption undermined the rule of law.', []],
  ['Village by-laws and a by-law on begging applied.', []],
  ['A department continued to oversee national anti-trafficking law enforcement efforts.', []],
  ['The trafficking of child soldiers remained a problem (see section 1.g).', []],
  ['The act of recruiting a child is trafficking.', []],
  ['On October 1, the president signed into law new measures.', []],
  ["The law carries a penalty of five to 10 years' imprisonment.", []],
  ["Child trafficking is punishable by five to 25 years' imprisonment.", []],
  [
    "The State Department's annual Trafficking in Persons Report can be found at 2009-2017.state.gov/j/tip.",
    [],
  ],
  ['The government made minimal progress on antitrafficking legislation.', []],
  ['Tour operators signed a code of conduct.', []],
  // No number: the criminal code as a whole, not one of its articles.
  [
    'Amendments bring the anti-trafficking article in its criminal code up to international standards.',
    ['criminal code'],
  ],
  // "CC" is an abbreviation only where the text defined it.
  ['Article 5 of the CC applies.', []],
  // The office's abbreviation is not a law's.
  ["The prosecutor general's office (PGO) said the PGO had five cases.", []],
  // A country's possessive or adjective is no part of a law's name (era-2013-mozambique).
  [
    "Mozambique's Law on Preventing and Combating Trafficking in Persons entered into force.",
    ['law on preventing and combating trafficking in persons'],
  ],
  ['The Kazakh Law on Combating Trafficking entered into force.', ['law on combating trafficking']],
  // The title of a numbered law is that law, not a second one (era-2018-ethiopia, era-2013-mozambique).
  [
    'Proclamation 909/2015, the Prevention and Suppression of Trafficking in Persons and Smuggling of Migrants Proclamation, criminalizes trafficking.',
    ['proclamation 909/2015'],
  ],
  [
    "Mozambique's Law on Preventing and Combating Trafficking in Persons (Law No. 6/2008) prohibits trafficking. Police used the 2008 anti-trafficking law.",
    ['law no. 6/2008'],
  ],
  // A short name of a law named with its year is that law (hrr-2008-ghana).
  [
    'Section 2 of the 2005 Human Trafficking Act criminalizes trafficking. Police were trained on the Human Trafficking Act.',
    ['2005 human trafficking act:2'],
  ],
  // "Article 10 of the law" with no law named before: no "Article 1" + "0", and no guess at the law.
  ['Article 10 of the law applies.', []],
  // A weekday after a law's name is no "Law on Monday".
  ['Parliament passed the Anti-Trafficking Law on Monday.', ['anti-trafficking law']],
  // An article of the code named in the sentence before is no "unknown" article (era-2003-albania).
  ['The criminal code prohibits trafficking. Article 110/a covers adults.', ['criminal code:110/a']],
];

describe('statute negatives', () => {
  it.each(NEGATIVES)('should give only the expected statutes for "%s"', (text, ids) => {
    expect(findStatutes(text, sentencesOf(text), []).map((s) => s.id)).toStrictEqual(ids);
  });

  it('should not read a court sentence as the penalty of the statute applied', () => {
    const text = "The court sentenced a man under Article 5 of the penal code to five years' imprisonment.";
    const statutes = findStatutes(text, sentencesOf(text), [
      { start: 67, end: 77, text: 'five years', kind: 'duration', value: 5, unit: 'years' },
    ]);
    expect(statutes.map((s) => [s.id, s.penalties])).toStrictEqual([['penal code:5', []]]);
  });

  // One line per false penalty: the statute, and the penalties it must get (kind min..max).
  const PENALTY_NEGATIVES: [text: string, id: string, penalties: string[]][] = [
    // "rigorous" is no penalty apart from its imprisonment (era-2018-ethiopia).
    [
      "Articles 596 and 597 of the criminal code prescribe five to 20 years' rigorous imprisonment.",
      'criminal code:596',
      ['imprisonment 5..20'],
    ],
    // The penalty of Article 128(2) is not Article 128's (era-2022-kazakhstan).
    [
      "Article 128 of the criminal code prescribed penalties of four to seven years' imprisonment, and Article 128(2) increased the penalty to seven to 12 years' imprisonment.",
      'criminal code:128',
      ['imprisonment 4..7'],
    ],
    // "These penalties" are no statutes: rape's term is not the articles' (the usual comparison).
    [
      "Articles 170 and 172 of the penal code prescribe two to six years' imprisonment. These penalties are commensurate with those prescribed for rape, which carries 10 years' imprisonment.",
      'penal code:170',
      ['imprisonment 2..6'],
    ],
    // "These penalties are sufficiently stringent" states no penalty (era-2007-costa-rica).
    [
      'Articles 170 and 172 of the penal code prohibit it. These penalties are sufficiently stringent, but the law does not cover internal trafficking.',
      'penal code:170',
      [],
    ],
  ];
  it.each(PENALTY_NEGATIVES)('should give only the expected penalties for "%s"', (text, id, penalties) => {
    const statute = findStatutes(text, sentencesOf(text), findNumbers(text)).find((s) => s.id === id);
    expect(statute?.penalties.map((p) => `${p.kind} ${p.min}..${p.max}`)).toStrictEqual(penalties);
  });
});
