/**
 * The figure rules: which words around a count say what it counts.
 *
 * Each table is data: a row has a name, what it decides, a regular-expression fragment and the sentence it
 * was written for. `tests/extract/figures-rules.test.ts` walks every row. The fragments are joined into one
 * expression per table (`compile` in cues.ts), so a number is tested against a table in one pass.
 * No fragment nests a quantifier over an unbounded group: every repetition is bounded (`{0,3}`) or
 * over a single word, so no input can make them backtrack badly.
 */

/** A metric of the output contract (the core seven, plus the others the narratives report). */
export type Metric =
  | 'investigations'
  | 'prosecutions'
  | 'convictions'
  | 'victims_identified'
  | 'victims_assisted'
  | 'victims_referred'
  | 'victims_repatriated'
  | 'victims_rescued'
  | 'hotline_calls'
  | 'people_trained'
  | 'arrests'
  | 'sentences'
  | 'law_enforcement';

/** What a figure counts in: the contract's units. */
export type Unit = 'cases' | 'suspects' | 'offenders' | 'victims' | 'calls' | 'people';

/** One row of a cue table. */
export interface CueRule<T> {
  name: string;
  /** What the row decides when it matches. */
  gives: T;
  /** A regular-expression source fragment, case-insensitive, without capture groups. */
  pattern: string;
  /** The sentences this row was written for; the first is real narrative text where one exists. */
  examples: string[];
  /** Near misses that must not match. */
  counterExamples: string[];
  /** For verbs: the cue counts only when the noun after the number has one of these units (or there is none). */
  nounUnits?: readonly string[];
  /** For verbs: the cue counts only when a unit noun follows the number. */
  needsNoun?: boolean;
}

/** Verbs that count people: they must not turn "identified two areas" into a figure. */
const PEOPLE = ['victims', 'suspects', 'persons'] as const;

/** Words that may stand between a cue verb and its number: "convicted a total of 12". */
export const FILLER = String.raw`(?:(?:a\s+total\s+of|an\s+additional|a\s+further|in\s+total|only|just|another)\s+)?`;

/**
 * Verbs and noun phrases that end right before the number and name the metric ("initiated investigations of
 * 12"). Matched against the text before the number, anchored at its end.
 */
export const METRIC_BEFORE: CueRule<Metric>[] = [
  {
    name: 'investigated',
    gives: 'investigations',
    pattern: String.raw`investigat(?:ed|ing|es)|(?:initiated|opened|launched|began|started|conducted)\s+(?:[\w-]+\s+){0,2}?investigations?\s+(?:of|into|against|involving)|investigations?\s+(?:of|into|against)`,
    examples: [
      'The government investigated 27 cases.',
      'Police initiated investigations of 12 suspected traffickers.',
    ],
    counterExamples: ['The police investigated the complaint of 12 residents.'],
  },
  {
    name: 'prosecuted',
    gives: 'prosecutions',
    pattern: String.raw`prosecut(?:ed|ing|es)|(?:initiated|began|started|launched)\s+(?:[\w-]+\s+){0,2}?prosecutions?\s+(?:of|against)|prosecutions?\s+(?:of|against)|charged|indicted|(?:filed|brought)\s+charges\s+against`,
    examples: [
      'Authorities prosecuted 14 defendants, compared with 9 in 2019.',
      'The court charged 3 suspects.',
    ],
    counterExamples: ['The prosecutor reviewed 14 files.'],
  },
  {
    name: 'convicted',
    gives: 'convictions',
    pattern: String.raw`convict(?:ed|ing|s)|(?:secured|obtained|achieved|won)\s+(?:the\s+)?convictions?\s+(?:of|against)|convictions?\s+(?:of|against)`,
    examples: [
      'the government convicted 10 offenders under article 124 in 2016',
      'Courts convicted 31 traffickers, of whom 24 received prison terms.',
    ],
    counterExamples: ['The court heard 10 offenders.'],
  },
  {
    name: 'identified',
    gives: 'victims_identified',
    pattern: String.raw`identif(?:ied|ying|ies)|identification\s+of`,
    examples: [
      'which resulted in the identification of three victims',
      'The government identified 1,204 potential victims (compared with 874).',
    ],
    counterExamples: ['The government identified two areas of concern.'],
    nounUnits: PEOPLE,
  },
  {
    name: 'reported-victims',
    gives: 'victims_identified',
    pattern: String.raw`(?:reported|recorded|registered|found|detected|counted)`,
    examples: ['In 2003, the government reported 40 victims.'],
    counterExamples: ['In 2003, the government reported 40 cases.'],
    nounUnits: ['victims'],
    needsNoun: true,
  },
  {
    name: 'opened-cases',
    gives: 'investigations',
    pattern: String.raw`initiated|opened|launched|filed|registered`,
    examples: [
      'In 2003, police initiated 17 criminal cases related to trafficking, and courts convicted five traffickers.',
    ],
    counterExamples: ['The agency opened 12 shelters in 2003.'],
    nounUnits: ['cases'],
    needsNoun: true,
  },
  {
    name: 'assisted',
    gives: 'victims_assisted',
    pattern: String.raw`assist(?:ed|ing|s)|placed|(?:provided|offered|gave|extended)\s+(?:[\w-]+,?\s+){0,8}?(?:assistance|services|care|support|shelter|protection|aid|reintegration|counseling|haven)\s+(?:to|for)|assistance\s+to|shelter(?:ed|ing)|(?:cared|caring)\s+for|accommodated|housed`,
    examples: [
      'The government placed 45 children in state-run shelters.',
      'provided safe haven, medical care, counseling, and reintegration for over 145 victims of trafficking during the year',
      'International organizations and NGOs reported assisting 86 victims in 2016',
      'The government provided shelter and services to 45 victims.',
    ],
    counterExamples: ['The ministry provided funding to 45 NGOs.'],
    nounUnits: PEOPLE,
  },
  {
    name: 'referred',
    gives: 'victims_referred',
    pattern: String.raw`referr(?:ed|ing)|referral\s+of`,
    examples: ['Officials referred 56 victims to care.'],
    counterExamples: ['The report referred to 56 pages.'],
    nounUnits: PEOPLE,
  },
  {
    name: 'repatriated',
    gives: 'victims_repatriated',
    pattern: String.raw`repatriat(?:ed|ing)|repatriation\s+of`,
    examples: [
      'During the year the International Organization on Migration (IOM) repatriated 13 Ugandan women',
    ],
    counterExamples: ['The government repatriated its ambassador in 2019.'],
    nounUnits: PEOPLE,
  },
  {
    name: 'rescued',
    gives: 'victims_rescued',
    pattern: String.raw`rescu(?:ed|ing)|removed|withdr(?:ew|awn)|freed|liberated`,
    examples: ['On March 12, police in the town of Kita rescued 26 children reportedly trafficked'],
    counterExamples: ['Police rescued three boats from the river.'],
    nounUnits: PEOPLE,
  },
  {
    name: 'trained',
    gives: 'people_trained',
    pattern: String.raw`train(?:ed|ing|s)|(?:provided|conducted|organized|held|funded|delivered|offered)\s+(?:[\w-]+\s+){0,3}?trainings?\s+(?:for|to)|trainings?\s+(?:for|of)|(?:seminars?|workshops?|courses?)\s+for|educated`,
    examples: [
      'a three-day training for 24 judges in January 2017 and a training for 23 prosecutors in February 2017',
      'The government trained 300 officials.',
    ],
    counterExamples: ['The government trained its focus on three provinces.'],
  },
  {
    name: 'arrested',
    gives: 'arrests',
    pattern: String.raw`arrest(?:ed|ing)|apprehended|detained|arrests?\s+of`,
    examples: ['In 2003, police arrested 38 traffickers.'],
    counterExamples: ['The arrested suspects were released after three days.'],
  },
  {
    name: 'sentenced',
    gives: 'sentences',
    pattern: String.raw`sentenc(?:ed|ing)`,
    examples: ['Courts sentenced 12 traffickers to prison.'],
    counterExamples: ['Courts sentenced the offenders to five years in prison.'],
  },
];

/**
 * Participles after the number (and its noun) that name the metric: "four offenders convicted",
 * "22 were convicted". Matched against the text after the noun, anchored at its start.
 */
export const METRIC_AFTER: CueRule<Metric>[] = [
  {
    name: 'were-investigated',
    gives: 'investigations',
    pattern: String.raw`investigated`,
    examples: ['Police reported 40 cases investigated in 2003.'],
    counterExamples: ['Police reported 40 complaints, none investigated.'],
  },
  {
    name: 'were-prosecuted',
    gives: 'prosecutions',
    pattern: String.raw`prosecuted|charged|indicted`,
    examples: ['In 2003, 15 traffickers were prosecuted.'],
    counterExamples: ['In 2003, 15 laws were amended.'],
  },
  {
    name: 'were-convicted',
    gives: 'convictions',
    pattern: String.raw`convicted`,
    examples: ['compared with four offenders convicted in two cases in 2015', 'and 22 were convicted'],
    counterExamples: ['In 2003, 22 appeals were heard.'],
  },
  {
    name: 'were-identified',
    gives: 'victims_identified',
    pattern: String.raw`identified`,
    examples: ['NGOs reported 75 victims identified during the year.'],
    counterExamples: ['In 2003, 75 risks were identified.'],
    nounUnits: PEOPLE,
  },
  {
    name: 'were-assisted',
    gives: 'victims_assisted',
    pattern: String.raw`assisted|sheltered|(?:provided|offered)\s+(?:with\s+)?(?:assistance|services|shelter|care)|with\s+(?:[\w-]+\s+){0,2}?(?:assistance|services|shelter|care|support)`,
    examples: [
      'The Ministry of Social Affairs referred 45 victims to shelters and provided 30 with legal assistance.',
      'In total, 120 victims were assisted.',
    ],
    counterExamples: ['In total, 120 shelters were funded.'],
    nounUnits: PEOPLE,
  },
  {
    name: 'were-referred',
    gives: 'victims_referred',
    pattern: String.raw`referred`,
    examples: ['45 victims were referred to shelters.'],
    counterExamples: ['In 2019, 45 cases were referred to the prosecutor.'],
    nounUnits: PEOPLE,
  },
  {
    name: 'were-repatriated',
    gives: 'victims_repatriated',
    pattern: String.raw`repatriated|returned\s+home`,
    examples: ['Some 30 children were repatriated.'],
    counterExamples: ['Some 30 bodies were repatriated.'],
    nounUnits: PEOPLE,
  },
  {
    name: 'were-rescued',
    gives: 'victims_rescued',
    pattern: String.raw`rescued|freed|removed`,
    examples: ['24 girls were rescued from a brothel.'],
    counterExamples: ['Two boats were rescued.'],
    nounUnits: PEOPLE,
  },
  {
    name: 'were-trained',
    gives: 'people_trained',
    pattern: String.raw`trained|received\s+training`,
    examples: ['More than 500 officials were trained.'],
    counterExamples: ['More than 500 dogs were trained.'],
  },
  {
    name: 'were-arrested',
    gives: 'arrests',
    pattern: String.raw`arrested|detained|apprehended`,
    examples: ['12 suspects were arrested.'],
    counterExamples: ['Twelve trucks were stopped at the border.'],
  },
  {
    name: 'were-sentenced',
    gives: 'sentences',
    pattern: String.raw`sentenced|received\s+(?:[\w-]+\s+){0,2}?(?:terms|sentences)`,
    examples: ['Courts convicted 31 traffickers, of whom 24 received prison terms.'],
    counterExamples: ['The 12 offenders were sentenced in absentia.'],
  },
];

/**
 * Verbs that govern a number without naming a metric ("initiated five prosecutions", "received 2,979 calls"):
 * they do not decide anything, but the quote starts at them so that it states the figure as the text does.
 */
export const GOVERNING_VERBS: CueRule<'verb'>[] = [
  {
    name: 'governing-verb',
    gives: 'verb',
    pattern: String.raw`initiated|initiating|conducted|conducting|opened|opening|launched|launching|began|beginning|started|starting|reported|recorded|registered|received|receiving|handled|filed|filing|secured|obtained|achieved|completed|concluded|carried\s+out|brought`,
    examples: [
      "The prosecutor general's office (PGO) initiated five prosecutions",
      'the hotline received 2,979 calls in 2016',
    ],
    counterExamples: ['The government initiated a national campaign in 2016.'],
  },
];

/** What a unit noun after the number says: its unit, and the metric when the noun itself names one. */
export interface NounCue {
  /**
   * The contract unit, or a placeholder that the metric decides: `persons` ("children", "women") are victims
   * when identified and suspects when arrested; `officials` are people when trained and suspects when charged.
   */
  unit: Unit | 'officials' | 'persons';
  metric?: Metric;
  /** The noun is the unit itself ("victims", "cases"): as a part, it does not describe which part. */
  generic?: boolean;
}

/** Nouns that close the phrase begun by a number: "eight trafficking investigations", "2,979 calls". */
export const UNIT_NOUNS: CueRule<NounCue>[] = [
  {
    name: 'investigations',
    gives: { unit: 'cases', metric: 'investigations', generic: true },
    pattern: String.raw`investigations?`,
    examples: ['The government initiated eight trafficking investigations under article 124 in 2016'],
    counterExamples: ['The unit hired 12 investigators.'],
  },
  {
    name: 'prosecutions',
    gives: { unit: 'cases', metric: 'prosecutions', generic: true },
    pattern: String.raw`prosecutions?`,
    examples: ["The prosecutor general's office (PGO) initiated five prosecutions of criminal cases"],
    counterExamples: ['The unit hired 12 prosecutors.'],
  },
  {
    name: 'convictions',
    gives: { unit: 'offenders', metric: 'convictions', generic: true },
    pattern: String.raw`convictions?`,
    examples: ['The government reported 32 convictions in 2004.'],
    counterExamples: ['The court heard 12 convicts.'],
  },
  {
    name: 'calls',
    gives: { unit: 'calls', metric: 'hotline_calls', generic: true },
    pattern: String.raw`(?:phone\s+|telephone\s+|hotline\s+)?calls?`,
    examples: ['the hotline received 2,979 calls in 2016'],
    counterExamples: ['The hotline had 12 callers.'],
  },
  {
    name: 'arrests',
    gives: { unit: 'suspects', metric: 'arrests', generic: true },
    pattern: String.raw`arrests?`,
    examples: ['The government reported 15 trafficking-related arrests in 2007.'],
    counterExamples: ['The unit made 15 arrestable offenses public.'],
  },
  {
    name: 'cases',
    gives: { unit: 'cases', generic: true },
    pattern: String.raw`cases?|investigation\s+files?|criminal\s+files?|files`,
    examples: ['including five sex trafficking cases and two child forced labor cases'],
    counterExamples: ['The ministry opened 12 casework units.'],
  },
  {
    name: 'suspects',
    gives: { unit: 'suspects', generic: true },
    pattern: String.raw`suspects?|defendants?|accused|traffickers?|perpetrators?|offenders?|criminals?`,
    examples: ['involving an unknown number of suspects in 2016', 'the government convicted 10 offenders'],
    counterExamples: ['The police acted on 12 suspicions.'],
  },
  {
    name: 'suspect-groups',
    gives: { unit: 'suspects' },
    pattern: String.raw`recruiters?|pimps?|brothel\s+owners?|employers?|smugglers?|agents?`,
    examples: ['Police arrested five recruiters.'],
    counterExamples: ['The ministry ran 12 recruitment fairs.'],
  },
  {
    name: 'persons',
    gives: { unit: 'persons', generic: true },
    pattern: String.raw`individuals?|persons?|people`,
    examples: ['The government identified 50 persons as victims.'],
    counterExamples: ['It kept 12 personal files.'],
  },
  {
    name: 'victims',
    gives: { unit: 'victims', generic: true },
    pattern: String.raw`victims?|survivors?`,
    examples: ['International organizations and NGOs reported assisting 86 victims in 2016'],
    counterExamples: ['It studied 12 victimization surveys.'],
  },
  {
    name: 'person-groups',
    gives: { unit: 'persons' },
    pattern: String.raw`child(?:ren)?|wom[ae]n|m[ae]n|girls?|boys?|minors?|adults?|migrants?|workers?|nationals?|citizens?|foreigners?|refugees?|laborers?|domestic\s+workers?`,
    examples: ['including 1,240 women returned from Gulf states and 214 children exploited within Ethiopia'],
    counterExamples: ['It reviewed 12 childhood studies.'],
  },
  {
    name: 'officials',
    gives: { unit: 'officials' },
    pattern: String.raw`officials?|officers?|police(?:men)?|judges?|prosecutors?|magistrates?|investigators?|inspectors?|guards?|diplomats?|personnel|staff|employees?|participants?|trainees?|teachers?|students?|journalists?|(?:social|health|community)\s+workers?|members?|representatives?|stakeholders?|soldiers?|troops`,
    examples: ['a three-day training for 24 judges in January 2017'],
    counterExamples: ['It opened 12 offices.'],
  },
];

/** Words that end the run of modifiers between a number and its noun: a noun is not looked for past them. */
export const MODIFIER_STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'but',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'from',
  'with',
  'by',
  'under',
  'that',
  'which',
  'who',
  'whom',
  'were',
  'was',
  'are',
  'is',
  'had',
  'have',
  'has',
  'been',
  'compared',
  'than',
  'during',
  'including',
  'into',
  'against',
  'about',
  'regarding',
  'concerning',
  'involving',
  'over',
  'across',
  'through',
  'per',
  'as',
  'after',
  'before',
  'since',
  'while',
  'because',
]);

/** At most this many modifier words stand between a number and its noun: "five sex trafficking cases". */
export const MAX_MODIFIERS = 4;
