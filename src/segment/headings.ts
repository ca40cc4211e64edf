import type { SectionKind, TierPlacement } from '../validate/schema.js';

/**
 * Heading rules for every era of the TIP report, as one table.
 *
 * - `line`: the whole block is the heading ("PROSECUTION", "KYRGYZ REPUBLIC: TIER 2").
 * - `run-in`: the heading opens a paragraph whose rest belongs to the section
 *   ("Prosecution: The government ...", "Recommendations for Kyrgyzstan: Vigorously ...").
 * - `opening`: no heading at all; a paragraph that opens this way starts the section. Used only for the
 *   untitled text after the header of pre-2017 narratives (see `segment`).
 *
 * Named groups: `heading` (the heading words, without a trailing colon), `country` and `tier`.
 */
export interface HeadingRule {
  name: string;
  kind: SectionKind;
  form: 'line' | 'run-in' | 'opening';
  pattern: RegExp;
  /** Real headings (or their era's shape) the rule was written for. */
  examples: readonly string[];
  /** Near misses the rule must not match. */
  counterExamples: readonly string[];
}

/** Every letter of `word` in either case: `ci('Tier')` matches "Tier", "TIER" and "tier". */
function ci(word: string): string {
  return word.replace(/\p{L}/gu, (letter) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`);
}

/**
 * A country name as TIP headers write it: capitalised words joined by spaces, commas, hyphens and
 * apostrophes, a few lower-case joining words, and an optional parenthesised part.
 * Each repetition of the outer group starts with " " or ", ", which no word can contain, so a name
 * can be split into words in one way only: the nested quantifiers cannot backtrack badly.
 */
const WORD = "\\p{Lu}[\\p{L}\\p{M}.'’-]*";
const JOINER = "(?:and|of|the|de|da|del|des|du|la|le|et|y|d['’]\\p{L}+)";
const COUNTRY = `(?<country>${WORD}(?:,? (?:${WORD}|${JOINER}|\\(\\p{Lu}[^()\\n]{0,40}\\)))*)`;

/** A tier as written in headers: "Tier 2", "TIER 2 WATCH LIST", "Tier 2 Watchlist", "Special Case". */
const TIER = `(?<tier>${ci('tier')} ?(?:[123]|III|II|I)(?:[ -]?${ci('watch')}[ -]?${ci('list')})?|${ci('special case')})`;

/** Where a run-in heading ends and its paragraph begins. */
const RUN_IN_END = '(?::\\s+|\\.\\s+|\\s[-–—]\\s+)';

/** A run-in heading written without punctuation is followed directly by a capitalised word. */
const BARE_RUN_IN_END = '(?:\\s+(?=\\p{Lu}))';

const re = (source: string): RegExp => new RegExp(source, 'u');

/** The three Ps: the same line and run-in shapes in every era, from "Prosecution:" (2001) to "PROSECUTION" (2017+). */
function threePs(
  kind: 'prosecution' | 'protection' | 'prevention',
  sentence: string,
  nearMiss: string,
): HeadingRule[] {
  const title = kind[0]!.toUpperCase() + kind.slice(1);
  const upper = kind.toUpperCase();
  return [
    {
      name: kind,
      kind,
      form: 'line',
      pattern: re(`^(?<heading>${ci(kind)})[.:]?$`),
      examples: [upper, title, `${title}:`],
      counterExamples: [`${title} efforts`, `${upper} AND RECOMMENDATIONS FOR KYRGYZ REPUBLIC`],
    },
    {
      name: `${kind}-run-in`,
      kind,
      form: 'run-in',
      pattern: re(`^(?<heading>${title}|${upper})(?:${RUN_IN_END}|${BARE_RUN_IN_END})`),
      examples: [`${title}: ${sentence}`, `${title} ${sentence}`, `${upper}: ${sentence}`],
      counterExamples: [nearMiss, `${title}s ${sentence}`],
    },
  ];
}

/** The heading rules, tried in order; the first match wins. */
export const HEADING_RULES: readonly HeadingRule[] = [
  {
    name: 'header-colon',
    kind: 'header',
    form: 'line',
    pattern: re(`^(?<heading>${COUNTRY}(?:: ?| [-–—] )${TIER})$`),
    examples: [
      'KYRGYZ REPUBLIC: TIER 2',
      "CÔTE D'IVOIRE: TIER 2 WATCH LIST",
      "KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF: TIER 3",
      'CONGO, REPUBLIC OF THE: TIER 2 WATCH LIST',
      'BOSNIA AND HERZEGOVINA: TIER 1',
      'GUINEA-BISSAU: Tier 2 Watchlist',
      'Kyrgyz Republic: Tier 2 Watch List',
      'LIBYA: SPECIAL CASE',
    ],
    counterExamples: [
      'KYRGYZ REPUBLIC: TIER 4',
      'Tier 2',
      'Kyrgyz Republic remained on Tier 2.',
      'therefore Kyrgyz Republic remained on Tier 2',
      'KYRGYZ REPUBLIC: TIER 2 The government made efforts.',
    ],
  },
  {
    name: 'header-paren',
    kind: 'header',
    form: 'line',
    pattern: re(`^(?<heading>${COUNTRY} ?\\(${TIER}\\))$`),
    examples: [
      'KYRGYZSTAN (TIER 2)',
      'Kyrgyzstan (Tier 2)',
      'Kyrgyz Republic (Tier 2 Watch List)',
      'CONGO, REPUBLIC OF THE (Tier 2 Watch List)',
      "Côte d'Ivoire (Tier 2)",
      "KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF (Tier 3)",
      'SOMALIA (Special Case)',
      'Bosnia and Herzegovina (Tier 1)',
    ],
    counterExamples: [
      'Kyrgyzstan (Tier 4)',
      'The Ministry of Internal Affairs (MVD)',
      'The country remained on (Tier 2)',
      'Kyrgyzstan (Tier 2) remained on the list.',
    ],
  },
  {
    name: 'recommendations',
    kind: 'recommendations',
    form: 'line',
    pattern: re(
      `^(?<heading>(?:${ci('prioritized')} |${ci('priority')} |${ci('key')} )?${ci('recommendations')}(?: ${ci('for')} (?:${ci('the')} )?${COUNTRY})?)[.:]?$`,
    ),
    examples: [
      'RECOMMENDATIONS FOR KYRGYZ REPUBLIC',
      'Recommendations for Kyrgyzstan:',
      'Recommendations for the Kyrgyz Republic:',
      'PRIORITIZED RECOMMENDATIONS:',
      'Prioritized Recommendations',
      "RECOMMENDATIONS FOR CÔTE D'IVOIRE",
    ],
    counterExamples: [
      'Recommendations for improvements were made.',
      'The committee provided recommendations for improvements.',
      'RECOMMENDATIONS FOR KYRGYZ REPUBLIC: TIER 2',
    ],
  },
  {
    name: 'recommendations-run-in',
    kind: 'recommendations',
    form: 'run-in',
    pattern: re(
      `^(?<heading>(?:(?:Prioritized |Key )?Recommendations for (?:the )?${COUNTRY}|PRIORITIZED RECOMMENDATIONS|Prioritized Recommendations))${RUN_IN_END}`,
    ),
    examples: [
      'Recommendations for Kyrgyzstan: Vigorously investigate and prosecute trafficking offenses; train police to identify victims.',
      'Recommendations for the Kyrgyz Republic: Increase efforts to investigate and prosecute officials complicit in trafficking.',
      'PRIORITIZED RECOMMENDATIONS: Increase efforts to identify victims among migrant workers.',
    ],
    counterExamples: [
      'Recommendations from the parliamentary committee: the government adopted none of them.',
      'Recommendations for Kyrgyzstan',
    ],
  },
  ...threePs(
    'prosecution',
    'The government maintained law enforcement efforts.',
    'Prosecution of traffickers remained weak.',
  ),
  ...threePs(
    'protection',
    'The government maintained efforts to identify victims.',
    'Protection of witnesses was rare.',
  ),
  ...threePs(
    'prevention',
    'The government increased efforts to prevent trafficking.',
    'Prevention efforts continued during the year.',
  ),
  {
    name: 'profile',
    kind: 'profile',
    form: 'line',
    pattern: re(`^(?<heading>${ci('trafficking profile')})[.:]?$`),
    examples: ['TRAFFICKING PROFILE', 'Trafficking Profile', 'TRAFFICKING PROFILE:'],
    counterExamples: [
      'Trafficking profiles vary by region.',
      'TRAFFICKING PROFILE OF MIGRANTS IN THE REGION AND BEYOND IT',
    ],
  },
  {
    name: 'profile-run-in',
    kind: 'profile',
    form: 'run-in',
    pattern: re(`^(?<heading>Trafficking Profile|TRAFFICKING PROFILE)${RUN_IN_END}`),
    examples: ['TRAFFICKING PROFILE: As reported over the past five years, the country is a source country.'],
    counterExamples: ['Trafficking profiles: vary by region.'],
  },
  {
    name: 'hrr-trafficking-in-persons',
    kind: 'other',
    form: 'line',
    pattern: re(`^(?:[a-z]\\. )?(?<heading>${ci('trafficking in persons')})$`),
    examples: ['Trafficking in Persons', 'TRAFFICKING IN PERSONS', 'c. Trafficking in Persons'],
    counterExamples: [
      '2017 Trafficking in Persons Report - Kyrgyz Republic',
      'Trafficking in Persons Report',
      'Article 124 of the criminal code, entitled "Trafficking in Persons," criminalizes trafficking.',
    ],
  },
  {
    name: 'assessment',
    kind: 'summary',
    form: 'opening',
    // The lazy country is bounded (80) and excludes stops, so a paragraph costs at most 80 steps here.
    pattern: re(
      '^The Governments? of (?:the )?[^.;\\n]{1,80}? (?:does not |do not |did not )?fully (?:complies|comply|meets|meet)\\b',
    ),
    examples: [
      'The Government of the Kyrgyz Republic does not fully comply with the minimum standards for the elimination of trafficking; however, it is making significant efforts to do so.',
      'The Government of Kyrgyzstan fully complies with the minimum standards for the elimination of trafficking.',
      'The Government of the Kyrgyz Republic (or Kyrgyzstan) does not fully meet the minimum standards for the elimination of trafficking.',
    ],
    counterExamples: [
      'The Kyrgyz Republic is a source, transit, and destination country for men, women, and children.',
      'The government did not fully implement the national action plan.',
    ],
  },
];

/**
 * The longest real header, "KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF: TIER 2 WATCH LIST", is 57 characters;
 * 160 leaves room for long "Recommendations for ..." lines while a paragraph is never tested as a line.
 */
export const MAX_HEADING_CHARS = 160;

/** What a rule found at the start of a block (offsets relative to the text tested). */
export interface HeadingMatch {
  rule: HeadingRule;
  headingStart: number;
  headingEnd: number;
  /** Where the paragraph after a run-in heading starts (the end of the match). */
  contentStart: number;
  country: string | null;
  placement: TierPlacement | null;
}

/**
 * Tries the rules of the given forms on a block's text and returns the first match.
 *
 * @param text The block's words (markdown markers removed).
 * @param forms Which forms may match here.
 * @param allowHeader Whether header rules may match (only before the first named section).
 */
export function matchHeading(
  text: string,
  forms: ReadonlySet<HeadingRule['form']>,
  allowHeader: boolean,
): HeadingMatch | null {
  const head = text.length > MAX_HEADING_CHARS ? text.slice(0, MAX_HEADING_CHARS) : text;
  for (const rule of HEADING_RULES) {
    if (!forms.has(rule.form) || (rule.kind === 'header' && !allowHeader)) continue;
    if (rule.form === 'line' && text.length > MAX_HEADING_CHARS) continue;
    const match = rule.pattern.exec(head);
    if (!match) continue;
    const heading = match.groups?.heading ?? match[0];
    const headingStart = match[0].indexOf(heading);
    return {
      rule,
      headingStart,
      headingEnd: headingStart + heading.length,
      contentStart: match[0].length,
      country: match.groups?.country ?? null,
      placement: toPlacement(match.groups?.tier),
    };
  }
  return null;
}

/** Tier spellings, reduced to lower-case letters and digits, to the schema's placement. */
const PLACEMENTS: ReadonlyMap<string, TierPlacement> = new Map([
  ['tier1', 'Tier 1'],
  ['tieri', 'Tier 1'],
  ['tier2', 'Tier 2'],
  ['tierii', 'Tier 2'],
  ['tier2watchlist', 'Tier 2 Watch List'],
  ['tieriiwatchlist', 'Tier 2 Watch List'],
  ['tier3', 'Tier 3'],
  ['tieriii', 'Tier 3'],
  ['specialcase', 'Special Case'],
]);

/**
 * Normalises a tier as written to the schema's placement.
 *
 * @param tier The tier text ("TIER 2 WATCH LIST", "Tier 2 Watchlist").
 * @example toPlacement('TIER 2 WATCHLIST') //=> 'Tier 2 Watch List'
 */
export function toPlacement(tier: string | undefined): TierPlacement | null {
  if (tier === undefined) return null;
  return PLACEMENTS.get(tier.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? null;
}
