import type { Figure } from '../../validate/schema.js';
import type { CueRule, Metric } from './rules.js';

/**
 * The context rules: who reported a figure, which period it belongs to, what it is compared with, what it
 * is a part of, and what the text says was not reported. Rows as in rules.ts, walked by the rules test.
 */

export type Actor = NonNullable<Figure['actor']>;
export type Period = NonNullable<Figure['period']>;

/** Subjects that say who did or reported what a figure counts; the last one before the number wins. */
export const ACTORS: CueRule<Actor>[] = [
  {
    name: 'ngos-and-ios',
    gives: 'ngos_and_international_organizations',
    pattern: String.raw`(?:international\s+organizations?|IOM)\s+and\s+(?:local\s+)?(?:NGOs|civil\s+society)|(?:NGOs|civil\s+society)\s+and\s+(?:international\s+organizations?|IOM)`,
    examples: [
      'IOM and NGOs identified 112 victims in 2004.',
      'International organizations and NGOs reported assisting 86 victims in 2016',
    ],
    counterExamples: ['NGOs assisted 5 victims.'],
  },
  {
    name: 'ngos',
    gives: 'ngos',
    pattern: String.raw`NGOs?|non-?governmental\s+organizations?|civil\s+society(?:\s+organizations)?|NGO-run\s+shelters?`,
    examples: ['NGOs identified 50 victims.'],
    counterExamples: ['The government assisted 5 victims.'],
  },
  {
    name: 'ios',
    gives: 'international_organizations',
    pattern: String.raw`international\s+organizations?|IOM|UNICEF|ILO|UNODC|UNHCR|OSCE`,
    examples: [
      'During the year the International Organization on Migration (IOM) repatriated 13 Ugandan women',
    ],
    counterExamples: ['The government and local NGOs assisted 5 victims.'],
  },
  {
    name: 'government',
    gives: 'government',
    pattern: String.raw`(?:the\s+)?government|authorities|police|prosecutors?|courts?|judges|officials|(?:the\s+)?ministry(?:\s+of\s+[A-Z]\w+)?|prosecutor\s+general's\s+office|PGO|law\s+enforcement(?:\s+agencies)?|(?:the\s+)?(?:state|national)\s+\w+\s+(?:agency|service|commission|council)`,
    examples: [
      "The prosecutor general's office (PGO) initiated five prosecutions",
      'the government convicted 10 offenders',
    ],
    counterExamples: ['NGOs assisted 5 victims.'],
  },
];

/** Phrases that name the period of a figure when no year is given. */
export const PERIODS: CueRule<Period>[] = [
  {
    name: 'previous-reporting-period',
    gives: 'previous_reporting_period',
    pattern: String.raw`(?:previous|prior|preceding|last|past)\s+reporting\s+period|(?:previous|prior|preceding)\s+year`,
    examples: ['compared with 12 in the previous reporting period'],
    counterExamples: ['The government demonstrated increasing efforts during the reporting period'],
  },
  {
    name: 'reporting-period',
    gives: 'reporting_period',
    pattern: String.raw`(?:this|the|current)\s+reporting\s+period`,
    examples: ['During the reporting period, the government identified 40 victims.'],
    counterExamples: ['compared with 12 in the previous year'],
  },
  {
    name: 'during-the-year',
    gives: 'year',
    pattern: String.raw`(?:during|in|throughout)\s+the\s+year|(?:at|by)\s+year's\s+end`,
    examples: ['The government arrested suspected traffickers during the year'],
    counterExamples: ['during the years of conflict'],
  },
];

/** Words that introduce the figure an earlier period is set against: everything after them is that period's. */
export const COMPARISONS: CueRule<'comparison'>[] = [
  {
    name: 'compared-with',
    gives: 'comparison',
    pattern: String.raw`(?:as\s+)?compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs\.|(?:an?\s+)?(?:increase|decrease|rise|drop|decline|change)\s+from|(?:up|down)\s+from|(?:(?:significantly|slightly|far|much|considerably)\s+)?(?:fewer|more|less|higher|lower)\s+than(?=\s+(?:the|in|during)\b)`,
    examples: [
      'in 2016, compared with six cases involving an unknown number of suspects in 2015',
      'The hot line received approximately 50 calls during the year, which was significantly fewer than the 500 reported for 2006.',
    ],
    counterExamples: ['The court compared the two laws.'],
  },
];

/** A sentence that opens with one of these sets all its figures against the previous sentence's. */
export const SENTENCE_COMPARISONS: CueRule<'comparison'>[] = [
  {
    name: 'in-comparison',
    gives: 'comparison',
    pattern: String.raw`(?:in|by)\s+comparison|this\s+compares\s+(?:with|to)|(?:in|during)\s+the\s+previous\s+reporting\s+period`,
    examples: ['In comparison, in 2015 the government conducted four trafficking investigations.'],
    counterExamples: ['In contrast to its neighbors, the government acted.'],
  },
];

/** Words right after a number that make it a part of the total before it ("68 of whom ..."). */
export const BREAKDOWN_AFTER: CueRule<'part'>[] = [
  {
    name: 'of-whom',
    gives: 'part',
    pattern: String.raw`of\s+(?:whom|which|these|those|them|the\s+(?:total|cases|victims))`,
    examples: ['assisting 86 victims in 2016, 68 of whom were subjected to forced labor'],
    counterExamples: ['assisting 86 victims of trafficking'],
  },
  {
    name: 'of-the-n',
    gives: 'part',
    pattern: String.raw`of\s+the(?=\s+\S+\s)`,
    examples: [
      'initiated five prosecutions of criminal cases under article 124 two of the five for labor trafficking',
    ],
    counterExamples: ['two of these were children'],
  },
];

/** Words right before a number that make it (and the numbers listed after it) parts of the total before. */
export const BREAKDOWN_BEFORE: CueRule<'part'>[] = [
  {
    name: 'including',
    gives: 'part',
    pattern: String.raw`(?:while\s+|and\s+)?the\s+(?:remaining|other)|including|among\s+(?:them|whom|which|these)|comprising|consisting\s+of|of\s+(?:whom|which|these|them),?|\(|of\s+(?:the|these|those)\s+(?:[\w-]+\s+){0,3}?(?:victims|cases|suspects|defendants|traffickers|offenders|convictions|prosecutions|investigations|persons|people|individuals)\s*,`,
    examples: [
      'including five sex trafficking cases and two child forced labor cases',
      'of the identified victims, 11 were children and 36 were foreign nationals',
    ],
    counterExamples: ['excluding five cases'],
  },
];

/** Prefixes dropped from a breakdown's description so that it names the part: "were subjected to forced labor". */
export const DESCRIPTION_PREFIX = String.raw`^(?:(?:were|was|are|is|had\s+been|have\s+been)\s+)?(?:(?:victims|cases)\s+of\s+)?(?:(?:subjected|exploited|trafficked|received|involved|involving|concerned)\s+)?(?:(?:to|for|in|into|as|of)\s+)?`;

/** "did not report law enforcement data": a figure with no value; the words after name the metrics. */
export const NOT_REPORTED: CueRule<'not_reported'>[] = [
  {
    name: 'did-not-report',
    gives: 'not_reported',
    pattern: String.raw`(?:did|does|could)\s+not\s+(?:report|collect|release|share|disclose|publish|track|compile|maintain)|nor\s+did\s+(?:it|the\s+government|authorities)\s+report|failed\s+to\s+report|(?:did|does|could)\s+not\s+(?:provide|make\s+available)(?=\s+(?:\w+\s+){0,3}?(?:data|statistics|information|figures|numbers|details)\b)`,
    examples: [
      'Authorities did not report additional investigations under other articles',
      'The government did not report law enforcement data.',
    ],
    counterExamples: [
      'Advocates for victims reported there was a general lack of proactive investigation.',
      'The government did not provide evidence of increasing efforts to protect victims.',
    ],
  },
  {
    name: 'no-reports-of',
    gives: 'not_reported',
    pattern: String.raw`(?:no|not)\s+(?:reports?|data|statistics|information)\s+(?:of|on|about|regarding)`,
    examples: ['There were no reports of trafficking-related prosecutions during the year.'],
    counterExamples: ['There were reports of trafficking.'],
  },
];

/** "did not prosecute any traffickers", "no officials were investigated": a figure whose value is zero. */
export const ZERO: CueRule<'zero'>[] = [
  {
    name: 'did-not-any',
    gives: 'zero',
    pattern: String.raw`(?:did|could)\s+not(?=\s+(?:\w+,?\s+(?:or\s+|and\s+)?){1,6}?any\b)`,
    examples: [
      'The government did not prosecute or convict any traffickers.',
      'The government did not prosecute any public officials for trafficking-related complicity',
    ],
    counterExamples: ['The government did not report any data.'],
  },
  {
    name: 'reported-no',
    gives: 'zero',
    pattern: String.raw`(?:reported|recorded|there\s+were|there\s+was|had|initiated|secured|achieved|obtained)\s+no(?=\s+(?:[\w-]+\s+){0,2}?(?:investigations?|prosecutions?|convictions?|arrests?)\b)`,
    examples: ['The government reported no convictions in 2019.'],
    counterExamples: [
      'there were no government-run shelters',
      'There were no developments in the case of the fishing boat owner arrested',
    ],
  },
  {
    name: 'no-one-was',
    gives: 'zero',
    pattern: String.raw`\bno(?=\s+(?:[\w-]+\s+){0,3}?(?:were|was|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?(?:investigated|prosecuted|convicted|identified|arrested|sentenced|charged|referred|repatriated|rescued)\b)`,
    examples: ['no officials were investigated, prosecuted, or convicted for complicity'],
    counterExamples: ['no one was available'],
  },
];

/** Words that name a metric inside a "did not report ..." or "did not ... any" phrase. */
export const METRIC_WORDS: CueRule<Metric>[] = [
  word(
    'w-investigations',
    'investigations',
    String.raw`investigat(?:ions?|ed|ing|e)`,
    'did not report investigations',
    'did not report investors',
  ),
  word(
    'w-prosecutions',
    'prosecutions',
    String.raw`prosecut(?:ions?|ed|ing|e)|charged|indicted`,
    'did not report prosecuting anyone',
    'did not report prosecutors',
  ),
  word(
    'w-convictions',
    'convictions',
    String.raw`convict(?:ions?|ed|ing)?`,
    'did not report convictions',
    'did not report convicts',
    'The government did not prosecute or convict any traffickers.',
  ),
  word(
    'w-identified',
    'victims_identified',
    String.raw`identif(?:ied|ying|ication|y)`,
    'did not report identifying victims',
    'did not report identity papers',
  ),
  word(
    'w-assisted',
    'victims_assisted',
    String.raw`assist(?:ed|ing|ance)?|shelter(?:ed|ing)|protect(?:ed|ing)`,
    'did not report assisting any trafficking victims',
    'did not report assistants',
  ),
  word(
    'w-referred',
    'victims_referred',
    String.raw`refer(?:red|ring|rals?)?`,
    'did not report referrals',
    'did not report referees',
  ),
  word(
    'w-repatriated',
    'victims_repatriated',
    String.raw`repatriat(?:e|ed|ing|ion)`,
    'did not report repatriating victims',
    'did not report patriotic acts',
  ),
  word(
    'w-rescued',
    'victims_rescued',
    String.raw`rescu(?:ed|ing)`,
    'did not report rescuing victims',
    'did not report rescue teams',
  ),
  word(
    'w-sentences',
    'sentences',
    String.raw`sentenc(?:es|ed|ing)`,
    'did not report on sentences',
    'did not report a sentence',
  ),
  word(
    'w-arrests',
    'arrests',
    String.raw`arrest(?:s|ed|ing)`,
    'did not report arrests',
    'did not report an arrest warrant',
  ),
  word(
    'w-trained',
    'people_trained',
    String.raw`train(?:ed|ing)?`,
    'did not report training officials',
    'did not report trains',
  ),
  word(
    'w-law-enforcement',
    'law_enforcement',
    String.raw`law\s+enforcement\s+(?:data|statistics|efforts)`,
    'did not report law enforcement data',
    'did not report law enforcement agencies',
  ),
];

/** A METRIC_WORDS row: a word family, the phrase it was written for and a near miss. */
function word(
  name: string,
  gives: Metric,
  pattern: string,
  example: string,
  near: string,
  ...more: string[]
): CueRule<Metric> {
  return { name, gives, pattern, examples: [example, ...more], counterExamples: [near] };
}

/**
 * Where the scope of a "did not report" phrase ends: what follows is about something else. A comma ends it
 * unless a listed metric word follows ("the investigation, prosecution, or convictions").
 */
export const NOT_REPORTED_SCOPE_END = String.raw`[;:.()]|,\s+(?!(?:and\s+|or\s+)?(?:the\s+)?(?:investigat|prosecut|convict|identif|sentenc|arrest|assist|referr|repatriat|rescu|train))|\b(?:whether|if|compared|because|although|though|despite|but|that|who|which|as|while)\b`;

/** Nouns that mark a law-enforcement figure as being about complicit officials. */
export const COMPLICITY = String.raw`\b(?:officials?|officers?|employees?|complicit|complicity|police(?:men)?)\b`;
