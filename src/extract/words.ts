/**
 * Word lists of the extractors (cf. chrono's `INTEGER_WORD_DICTIONARY`, eyecite's `STOP_WORDS`): data,
 * not code, with the reason beside each list. Keys are lower case unless a comment says otherwise.
 */
import type { Qualifier } from '../validate/schema.js';

/** How a cardinal word combines: "twenty" takes a unit after it ("twenty-one"), a teen does not. */
export type CardinalType = 'zero' | 'unit' | 'teen' | 'tens';

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Cardinal number words. "oh" is left out: "oh" is far more often an interjection than a zero. */
export const CARDINAL_WORDS: ReadonlyMap<string, { value: number; type: CardinalType }> = new Map<
  string,
  { value: number; type: CardinalType }
>([
  ['zero', { value: 0, type: 'zero' }],
  ['nought', { value: 0, type: 'zero' }],
  ['naught', { value: 0, type: 'zero' }],
  ...UNITS.map((w, i) => [w, { value: i + 1, type: 'unit' }] as const),
  ...[...TEENS, 'eighteen', 'nineteen'].map((w, i) => [w, { value: i + 10, type: 'teen' }] as const),
  ...TENS.map((w, i) => [w, { value: (i + 2) * 10, type: 'tens' }] as const),
]);

/**
 * Words that multiply what stands before them. "bn", "bln", "mln", "tln" and "mil" are newsroom
 * abbreviations; "lakh" and "crore" are the Indian scale words (100,000 and 10,000,000).
 */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['lakh', 1e5],
  ['lakhs', 1e5],
  ['crore', 1e7],
  ['crores', 1e7],
  ['mln', 1e6],
  ['bn', 1e9],
  ['bln', 1e9],
  ['tln', 1e12],
]);

/**
 * Multipliers written right after digits, case-sensitive ("10M" is ten million, "1m" is a metre, so a
 * lower-case "m" is missing on purpose). Glued ("10k", "1.2b", "2mil") or after one space ("2.33 k").
 */
export const DIGIT_MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['K', 1e3],
  ['M', 1e6],
  ['MM', 1e6],
  ['mil', 1e6],
  ['mln', 1e6],
  ['G', 1e9],
  ['b', 1e9],
  ['B', 1e9],
  ['bn', 1e9],
  ['bln', 1e9],
  ['tln', 1e12],
]);

/** The subset of DIGIT_MULTIPLIERS that may also stand one space after the digits ("2.33 k", "1,674.5 G"). */
export const SPACED_DIGIT_MULTIPLIERS: ReadonlySet<string> = new Set(['k', 'K', 'M', 'G']);

/** "a dozen", "3 dozens", "five dozs": twelve of something. */
export const DOZEN_WORDS: ReadonlySet<string> = new Set(['dozen', 'dozens', 'dz', 'dzs', 'doz', 'dozs']);

/** How an ordinal word combines: a unit ordinal can close a compound ("twenty-first", "one hundred fifth"). */
export type OrdinalType = 'unit' | 'teen' | 'tens' | 'scale';

const ORDINAL_STEMS: ReadonlyArray<readonly [string, number, OrdinalType]> = [
  ...['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'].map(
    (w, i) => [w, i + 1, 'unit'] as const,
  ),
  ...['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth'].map(
    (w, i) => [w, i + 10, 'teen'] as const,
  ),
  ['seventeenth', 17, 'teen'],
  ['eighteenth', 18, 'teen'],
  ['nineteenth', 19, 'teen'],
  ...TENS.map((w, i) => [`${w.slice(0, -1)}ieth`, (i + 2) * 10, 'tens'] as const),
  ['hundredth', 100, 'scale'],
  ['thousandth', 1e3, 'scale'],
  ['millionth', 1e6, 'scale'],
  ['billionth', 1e9, 'scale'],
  ['trillionth', 1e12, 'scale'],
];

/**
 * Ordinal words and their plurals (the plural only ever names a fraction: "five eighths").
 * "seconds" is left out: "three seconds" is a time, never three halves of something.
 */
export const ORDINAL_WORDS: ReadonlyMap<string, { value: number; type: OrdinalType; plural: boolean }> =
  new Map<string, { value: number; type: OrdinalType; plural: boolean }>(
    ORDINAL_STEMS.flatMap(([w, value, type]) => [
      [w, { value, type, plural: false }] as const,
      ...(w === 'second' ? [] : [[`${w}s`, { value, type, plural: true }] as const]),
    ]),
  );

/** Fraction words that are not ordinals: "a half", "three quarters". */
export const FRACTION_WORDS: ReadonlyMap<string, { denominator: number; plural: boolean }> = new Map([
  ['half', { denominator: 2, plural: false }],
  ['halves', { denominator: 2, plural: true }],
  ['quarter', { denominator: 4, plural: false }],
  ['quarters', { denominator: 4, plural: true }],
]);

/** Words that make the number after them negative: "minus five", "negative one". */
export const NEGATIVE_WORDS: ReadonlySet<string> = new Set(['minus', 'negative']);

/**
 * Words before a number that bound or blur it, and what they mean. `years: false` marks prepositions
 * that do not bound a year ("under 2016 law", "about 2015 events"); `age` marks comparatives that make
 * the number an age ("younger than 14 years"); `person` marks those that do so after a person noun
 * ("children under 18").
 */
export interface QualifierCue {
  qualifier: Qualifier;
  years?: false;
  age?: true;
  person?: true;
}

/** Rows of cue phrases: the qualifier, its flags, and the phrases separated by "|". */
const PREFIX_ROWS: ReadonlyArray<readonly [Qualifier, Omit<QualifierCue, 'qualifier'>, string]> = [
  ['more_than', {}, 'more than|greater than|larger than|bigger than|higher than|in excess of|upwards of|>'],
  ['more_than', {}, 'exceeding|exceed|exceeds|exceeded|surpass|surpassing'],
  ['more_than', { years: false, person: true }, 'over|above'],
  ['more_than', { age: true }, 'older than'],
  [
    'at_least',
    {},
    'at least|no less than|not less than|no fewer than|not fewer than|a minimum of|minimum of',
  ],
  [
    'at_least',
    {},
    'at least or equal to|equal to or more than|equal to or greater than|more than or equal to',
  ],
  ['at_least', {}, 'greater than or equal to|higher or equal than|bigger or equal than|larger or equal than'],
  ['at_least', {}, 'greater or equal than|more or equal than|>=|> =|≥'],
  ['less_than', {}, 'less than|fewer than|smaller than|lower than|<'],
  ['less_than', { years: false, person: true }, 'under|below'],
  ['less_than', { age: true }, 'younger than'],
  ['at_most', {}, 'up to|no more than|not more than|at most|a maximum of|maximum of|not exceeding'],
  [
    'at_most',
    {},
    'less than or equal to|fewer than or equal to|equal to or less than|equal to or fewer than',
  ],
  ['at_most', {}, 'less or equal than|smaller or equal than|lower or equal than|<=|< =|≤'],
  ['approximately', { years: false }, 'approximately|roughly|an estimated|approx.|circa|some|about|around'],
  ['nearly', { years: false }, 'nearly|almost|close to'],
  ['exactly', {}, 'exactly|equal to|equals|equals to|equaling to|equalling to|equaling'],
];

/** The cue phrases before a number and what each means (see QualifierCue). */
export const QUALIFIER_PREFIXES: ReadonlyMap<string, QualifierCue> = new Map(
  PREFIX_ROWS.flatMap(([qualifier, flags, list]) =>
    list.split('|').map((p) => [p, { qualifier, ...flags }] as const),
  ),
);

/** What a suffix after a number means; `or_equal` only sharpens a bound written before the number. */
export type SuffixCue = Qualifier | 'or_equal';

const SUFFIX_ROWS: ReadonlyArray<readonly [SuffixCue, string]> = [
  ['at_least', 'or more|or greater|or greater than|or more than|or above|or over|or older|or higher'],
  ['at_least', 'and more|and above|and over|and older'],
  ['at_most', 'or less|or fewer|or less than|or below|or under|or younger|or lower'],
  ['at_most', 'and below|and under|and less|and younger'],
  ['or_equal', 'or equal|or equal to'],
];

/** Words after a number that bound it: "five hundred or more", "200 or greater", "5000 or less". */
export const QUALIFIER_SUFFIXES: ReadonlyMap<string, SuffixCue> = new Map(
  SUFFIX_ROWS.flatMap(([cue, list]) => list.split('|').map((p) => [p, cue] as const)),
);

/** "an unknown number of suspects": a count the text says exists but does not give. */
export const UNKNOWN_NUMBER_WORDS: readonly string[] = [
  'unknown',
  'undetermined',
  'unspecified',
  'unreported',
];

/** Percent signs and words ("per cent" is British; "percentage" is how the peer suite writes it). */
export const PERCENT_WORDS: readonly string[] = ['percent', 'percents', 'per cent', 'percentage', 'pct'];

/** Units of time after a number, and the contract's plural name for each. */
export const DURATION_UNITS: ReadonlyMap<string, string> = new Map(
  ['year', 'month', 'week', 'day', 'hour'].flatMap((u) => [
    [u, `${u}s`] as const,
    [`${u}s`, `${u}s`] as const,
  ]),
);

/** Currency signs before a number and their ISO 4217 codes. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'],
  ['us$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₦', 'NGN'],
]);

/** Currency codes written in capitals before or after a number ("USD 500", "2mil SEK"). Case-sensitive. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(
  'USD EUR GBP JPY CNY INR RUB KGS KZT UZS TJS NGN UGX KES TZS XOF XAF GHS ZAR SEK NOK DKK CHF AUD CAD'.split(
    ' ',
  ),
);

/**
 * Currency words after a number. Only unambiguous words get an ISO code; "dollars" and "pounds" stay
 * words because a TIP narrative may mean Liberian dollars or Egyptian pounds.
 */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['us dollars', 'USD'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['cfa', 'cfa'],
  ['cfa francs', 'cfa francs'],
  ...(
    'dollars pounds shillings naira soms som somoni tenge rubles roubles rupees francs dinars dirhams riyals ' +
    'leones kwanza birr meticais cedis rand yuan renminbi lari manat hryvnia lei leva baht ringgit rupiah taka ' +
    'kyat dong yen lira liras riel kip dalasi ariary kwacha pula nakfa ouguiya pesos reais quetzales ' +
    'lempiras colones cordobas guaranies soles afghanis tugrik'
  )
    .split(' ')
    .map((w) => [w, w] as const),
]);

/** Month names; a date rule keeps a match only when the name is capitalised ("may" is a verb). */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    'january february march april may june july august september october november december',
    'jan feb mar apr may jun jul aug sep oct nov dec',
  ].flatMap((line) => line.split(' ').map((m, i) => [m, i + 1] as const)),
).set('sept', 9);

/** Words before a number that make it an age: "aged 14-17 years", "ages 16 to 18", "the age of 14". */
export const AGE_CUES: readonly string[] = ['aged', 'age', 'ages', 'the age of', 'age of', 'ages of'];

/** Nouns for people: "children under 18" is an age, "under 170" after a noun for things is not. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set(
  (
    'children child minors minor girls boys persons people individuals youth youths victims women men ' +
    'anyone those workers teenagers adolescents students'
  ).split(' '),
);

/** Verbs that take "over" as a particle: "handing over one to Interpol" is not "more than one". */
export const OVER_PARTICLE_VERBS: ReadonlySet<string> = new Set(
  'hand hands handed handing turn turns turned turning take takes took taken taking pass passes passed passing'.split(
    ' ',
  ),
);

/** Nouns that make a bare 1900-2099 number a count, not a year: "identified 1950 victims". */
export const COUNT_NOUNS: readonly string[] = ['victims', 'cases', 'people', 'persons', 'children', 'calls'];

/** Words before a year that keep it a year even before a count noun: "in 2016 victims were ...". */
export const YEAR_PREPOSITIONS: ReadonlySet<string> = new Set(
  'in since during by from until till before after of for through to between and fy'.split(' '),
);

/**
 * Phrases in which a number word is no number, keyed by the word: text that may follow it, and words
 * that may stand right before it. "one of the victims" follows the project's rule that "one of"
 * introduces a member, not a count.
 */
export const IDIOMS_AFTER: Readonly<Record<string, readonly string[]>> = {
  one: [
    ...'the its their his her them these those our your'.split(' ').map((w) => `of ${w}`),
    'another',
    'point',
    '-stop',
    '-on-one',
  ],
  first: ['class', '-class'],
  third: ['country', 'countries', 'party', 'parties', '-country', '-countries', '-party', '-parties'],
};
/** Words right before a number word that make it no number: "no one", "the one you mentioned". */
export const IDIOMS_BEFORE: Readonly<Record<string, readonly string[]>> = {
  one: ['no', 'the', 'this', 'that', 'which', 'each', 'every', 'any'],
};

/** Names that end in digits and are no quantity: "COVID-19" is a disease, not nineteen of anything. */
export const NAMED_CODES: ReadonlySet<string> = new Set(['covid', 'sars-cov', 'h1n1', 'mers-cov']);

/** Literal digit phrases that are idioms: "a 24/7 hotline" is not a fraction. */
export const DIGIT_IDIOMS: ReadonlySet<string> = new Set(['24/7', '9/11', '24/365']);

/** Top-level domains that make "2009-2017.state.gov" a host name, so that nothing in it is a number. */
export const URL_TLDS: ReadonlySet<string> = new Set(
  'gov org com net int edu info io mil biz eu un uk us kg ng ug ru kz uz tj de fr ch'.split(' '),
);
