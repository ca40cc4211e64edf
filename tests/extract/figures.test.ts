import { describe, expect, it } from 'vitest';
import { brief, documentOf, figuresOf } from '../helpers/figures.js';

/**
 * Figures in the phrasing of every era (issue 5), each row the sentence and the exact figures it gives.
 * Sentences are written for these tests in the narratives' style unless a source is named.
 */
const ROWS: [string, string, string[]][] = [
  [
    'a plain verb and noun',
    'The government investigated 27 cases in 2019.',
    ['f1 investigations 27 cases 2019 "investigated 27 cases"'],
  ],
  [
    'investigations of suspects',
    'Police initiated investigations of 12 suspected traffickers in 2012.',
    ['f1 investigations 12 suspects 2012 "initiated investigations of 12 suspected traffickers"'],
  ],
  [
    'a comparison with a year',
    'Authorities prosecuted 14 defendants in 2020, compared with 9 in 2019.',
    [
      'f1 prosecutions 14 suspects 2020 (vs f2) "prosecuted 14 defendants"',
      'f2 prosecutions 9 suspects 2019 "9"',
    ],
  ],
  [
    'a part with its own metric',
    'Courts convicted 31 traffickers in 2018, of whom 24 received prison terms.',
    [
      'f1 convictions 31 offenders 2018 "convicted 31 traffickers"',
      'f2 sentences 24 offenders 2018 (part: prison terms, of f1) "24 received prison terms"',
    ],
  ],
  [
    'a comparison with no year',
    'The government identified 1,204 potential victims (compared with 874).',
    [
      'f1 victims_identified 1204 victims reporting_period (vs f2) "identified 1,204 potential victims"',
      'f2 victims_identified 874 victims previous_reporting_period "874"',
    ],
  ],
  [
    'referrals',
    'Officials referred 56 victims to care.',
    ['f1 victims_referred 56 victims reporting_period "referred 56 victims"'],
  ],
  [
    'no data',
    'The government did not report law enforcement data.',
    ['f1 law_enforcement null - reporting_period (not_reported) "did not report law enforcement data"'],
  ],
  [
    'an unknown number',
    'Consular officials assisted an unknown number of victims abroad.',
    ['f1 victims_assisted null victims reporting_period (unknown) "assisted an unknown number of victims"'],
  ],
  [
    'a gerund list with one year (2020s)',
    'The government reported investigating 27 cases involving 45 suspects, prosecuting 14 defendants, and convicting nine traffickers in 2021.',
    [
      'f1 investigations 27 cases 2021 "investigating 27 cases"',
      'f2 investigations 45 suspects 2021 "45 suspects"',
      'f3 prosecutions 14 suspects 2021 "prosecuting 14 defendants"',
      'f4 convictions 9 offenders 2021 "convicting nine traffickers"',
    ],
  ],
  [
    'a year before a passive list (2000s)',
    'In 2002, police arrested 84 suspected traffickers, and 41 were convicted.',
    [
      'f1 arrests 84 suspects 2002 "arrested 84 suspected traffickers"',
      'f2 convictions 41 offenders 2002 "41 were convicted"',
    ],
  ],
  [
    'a list of parts that adds up',
    'NGOs reported assisting 86 victims in 2016, 68 of whom were subjected to forced labor, 11 to sex trafficking, and seven to both.',
    [
      'f1 victims_assisted 86 victims 2016 "assisting 86 victims"',
      'f2 victims_assisted 68 victims 2016 (part: forced labor, of f1) "68 of whom were subjected to forced labor"',
      'f3 victims_assisted 11 victims 2016 (part: sex trafficking, of f1) "11 to sex trafficking"',
      'f4 victims_assisted 7 victims 2016 (part: both, of f1) "seven to both"',
    ],
  ],
  [
    'a zero',
    'The government did not prosecute or convict any traffickers.',
    [
      'f1 prosecutions 0 suspects reporting_period "did not prosecute or convict any traffickers"',
      'f2 convictions 0 offenders reporting_period "did not prosecute or convict any traffickers"',
    ],
  ],
  [
    'a fiscal year',
    'In FY 2021, the government trained 300 officials.',
    ['f1 people_trained 300 people 2021 fiscal_year "trained 300 officials"'],
  ],
  [
    "a year after a new subject is that subject's",
    'Police referred 117 victims to NGO shelters, and the Ministry of Women provided reintegration assistance to 62 victims in 2012.',
    [
      'f1 victims_referred 117 victims reporting_period "referred 117 victims"',
      'f2 victims_assisted 62 victims 2012 "provided reintegration assistance to 62 victims"',
    ],
  ],
  [
    'the hotline (2007 Nigeria, human-rights report)',
    'The hot line received approximately 50 calls during the year, which was significantly fewer than the 500 reported for 2006.',
    [
      'f1 hotline_calls 50 calls year (approximately, vs f2) "received approximately 50 calls"',
      'f2 hotline_calls 500 calls 2006 "500"',
    ],
  ],
];

describe('figures in the phrasing of every era', () => {
  it.each(ROWS)('%s', (_, sentence, expected) => {
    const hrr = /human-rights report/.test(_);
    expect(figuresOf(sentence, { hrr }).map(brief)).toStrictEqual(expected);
  });
});

describe('breakdown warnings', () => {
  it('warns when listed parts do not add up to their total', () => {
    const doc = documentOf('The government identified 213 victims in 2012, including 140 girls and 31 boys.');
    expect(doc.diagnostics.filter((d) => d.rule === 'breakdown-sum').map((d) => d.message)).toStrictEqual([
      'The 2 parts listed under "identified 213 victims" add up to 171, not 213.',
    ]);
    expect(doc.figures.map(brief)).toStrictEqual([
      'f1 victims_identified 213 victims 2012 "identified 213 victims"',
      'f2 victims_identified 140 victims 2012 (part: girls, of f1) "140 girls"',
      'f3 victims_identified 31 victims 2012 (part: boys, of f1) "31 boys"',
    ]);
  });
});

describe('phrasings met on the way (2010s and 2020s narratives)', () => {
  it.each([
    [
      'a prepositional phrase after the metric noun',
      'The Ministry of Interior reported opening 45 investigations into suspected trafficking cases involving 62 suspects.',
      [
        'f1 investigations 45 cases reporting_period "opening 45 investigations"',
        'f2 investigations 62 suspects reporting_period "62 suspects"',
      ],
    ],
    [
      'a hyphenated word in a training phrase',
      'The government provided anti-trafficking training to 1,200 police officers, prosecutors, and judges.',
      [
        'f1 people_trained 1200 people reporting_period "provided anti-trafficking training to 1,200 police officers, prosecutors, and judges"',
      ],
    ],
    [
      'a second count joined by "and"',
      'Officials identified 40 potential forced labor victims and 15 potential sex trafficking victims.',
      [
        'f1 victims_identified 40 victims reporting_period "identified 40 potential forced labor victims"',
        'f2 victims_identified 15 victims reporting_period "15 potential sex trafficking victims"',
      ],
    ],
    [
      'gerunds in a comparison take the units of the figures they are set against',
      'The government prosecuted 20 alleged traffickers and convicted 12 traffickers, compared with prosecuting 25 and convicting 15 in 2017.',
      [
        'f1 prosecutions 20 suspects reporting_period (vs f3) "prosecuted 20 alleged traffickers"',
        'f2 convictions 12 offenders reporting_period (vs f4) "convicted 12 traffickers"',
        'f3 prosecutions 25 suspects 2017 "prosecuting 25"',
        'f4 convictions 15 offenders 2017 "convicting 15"',
      ],
    ],
    [
      'criminal cases opened, and a year that opens the clause (2000s)',
      'In 2003, police initiated 17 criminal cases related to trafficking, and courts convicted five traffickers.',
      [
        'f1 investigations 17 cases 2003 "initiated 17 criminal cases"',
        'f2 convictions 5 offenders 2003 "convicted five traffickers"',
      ],
    ],
    [
      'parts that name their kind of victim',
      'The government identified 73 trafficking victims, of which 41 were victims of forced labor and 32 of sex trafficking.',
      [
        'f1 victims_identified 73 victims reporting_period "identified 73 trafficking victims"',
        'f2 victims_identified 41 victims reporting_period (part: forced labor, of f1) "41 were victims of forced labor"',
        'f3 victims_identified 32 victims reporting_period (part: sex trafficking, of f1) "32 of sex trafficking"',
      ],
    ],
    [
      'assistance after the count',
      'The Ministry of Social Affairs referred 45 victims to shelters and provided 30 with legal assistance.',
      [
        'f1 victims_referred 45 victims reporting_period "referred 45 victims"',
        'f2 victims_assisted 30 victims reporting_period "30 with legal assistance"',
      ],
    ],
    [
      'registered cases, with a comparison (2000s)',
      'The government registered 124 trafficking cases in 2005, up from 97 in 2004.',
      [
        'f1 investigations 124 cases 2005 (vs f2) "registered 124 trafficking cases"',
        'f2 investigations 97 cases 2004 "97"',
      ],
    ],
    [
      'arrests as a noun',
      'The government reported 15 trafficking-related arrests in 2007.',
      ['f1 arrests 15 suspects 2007 "reported 15 trafficking-related arrests"'],
    ],
    [
      'children placed in shelters',
      'The government placed 45 children in state-run shelters.',
      ['f1 victims_assisted 45 victims reporting_period "placed 45 children"'],
    ],
    [
      'the earlier figure in parentheses, with its year (2020s)',
      'In 2020, the government investigated 27 cases (33 in 2019) and prosecuted 12 suspects (15 in 2019).',
      [
        'f1 investigations 27 cases 2020 (vs f2) "investigated 27 cases"',
        'f2 investigations 33 cases 2019 "33"',
        'f3 prosecutions 12 suspects 2020 (vs f4) "prosecuted 12 suspects"',
        'f4 prosecutions 15 suspects 2019 "15"',
      ],
    ],
  ])('%s', (_, sentence, expected) => {
    expect(figuresOf(sentence).map(brief)).toStrictEqual(expected);
  });
});
