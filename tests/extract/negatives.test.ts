import { describe, expect, it } from 'vitest';
import { brief, figuresOf } from '../helpers/figures.js';

/** One line per false positive ever fixed in the figure rules: the sentence, and what it must not give. */
const NO_FIGURE: [string, string][] = [
  ['a count of things, not people', 'The government identified two areas of concern.'],
  ['"no" before a non-metric noun', 'There were no government-run shelters.'],
  [
    '"no" far from the verb it seems to govern',
    'There were no developments in the case of the fishing boat owner arrested.',
  ],
  [
    '"did not provide evidence" is not data',
    'The government did not provide evidence of increasing efforts to protect victims.',
  ],
  [
    '"did not provide training" is not a missing figure',
    'The government did not provide anti-trafficking training.',
  ],
  [
    'a back-reference to counted cases',
    'In the five prosecuted criminal cases, the court heard nine witnesses.',
  ],
  ['"one of the"', 'One of the victims was a child.'],
  ['penalties are not figures', 'Article 124 prescribes penalties of five to 20 years imprisonment.'],
  [
    'meetings and centers are not metrics',
    'The council met three times and opened two information consultation centers.',
  ],
  [
    'a figure in the recommendations',
    'RECOMMENDATIONS FOR COUNTRY X\n\nTrain 500 police officers and identify 300 victims.',
  ],
];

describe('sentences that give no figure', () => {
  it.each(NO_FIGURE)('%s: %s', (_, sentence) => {
    expect(figuresOf(sentence).map(brief)).toStrictEqual([]);
  });
});

describe('sentences that gave a wrong figure', () => {
  it('cases referred to a prosecutor are not referred victims', () => {
    expect(
      figuresOf("Of these, 50 cases were referred to the prosecutor's office.").map((f) => f.metric),
    ).not.toContain('victims_referred');
  });
  it('the noun after a later number is not this number noun', () => {
    expect(
      figuresOf('In January police arrested three traffickers transporting seven children.').map(brief),
    ).toStrictEqual(['f1 arrests 3 suspects reporting_period "arrested three traffickers"']);
  });
  it('a year after a new subject is not the first figure year', () => {
    const [first] = figuresOf(
      'Police referred 117 victims to NGO shelters, and the Ministry provided reintegration assistance to 62 victims in 2012.',
    );
    expect(first?.year).toBeNull();
  });
  it('the words before a comparison are not its actor', () => {
    const figures = figuresOf(
      'The agency trained 296 police and judges, up from about 200 trained in the previous reporting period.',
    );
    expect(figures.map((f) => f.actor)).toStrictEqual([undefined, undefined]);
  });
  it('a year inside the comparison belongs to the comparison', () => {
    const figures = figuresOf(
      'The hot line received approximately 50 calls during the year, which was significantly fewer than the 500 reported for 2006.',
      { hrr: true },
    );
    expect(figures.map((f) => [f.value, f.year, f.period])).toStrictEqual([
      [50, null, 'year'],
      [500, 2006, undefined],
    ]);
  });
});
