/**
 * Number words and country names for the corpus generator: how a figure is written ("twenty-three" or
 * "23" or "1,204") and which country a varied narrative is about.
 */

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

/**
 * A spelled-out number from two to ninety-nine as the narratives write it. "one" is left out on purpose: it
 * is as often a pronoun ("one of the victims") as a count. Teens come before units so that "eighteen" is not
 * read as "eight" (the `\b` after each word makes the order matter only for speed).
 */
export const NUMBER_WORD =
  /\b(?:(?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?<unit>one|two|three|four|five|six|seven|eight|nine))?|(?<small>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|two|three|four|five|six|seven|eight|nine))\b/gi;

/**
 * The value of a match of `NUMBER_WORD`.
 *
 * @param groups The named groups of the match.
 * @example
 * wordValue({ tens: 'twenty', unit: 'three' }) //=> 23
 */
export function wordValue(groups: Partial<Record<'tens' | 'unit' | 'small', string>>): number {
  const lower = (s: string | undefined): string => (s ?? '').toLowerCase();
  if (groups.small) {
    const teen = TEENS.indexOf(lower(groups.small) as (typeof TEENS)[number]);
    return teen >= 0 ? 10 + teen : UNITS.indexOf(lower(groups.small) as (typeof UNITS)[number]);
  }
  const tens = TENS.indexOf(lower(groups.tens) as (typeof TENS)[number]) * 10;
  const unit = groups.unit ? UNITS.indexOf(lower(groups.unit) as (typeof UNITS)[number]) : 0;
  return tens + unit;
}

/**
 * Spells out a whole number below one million the way the narratives do.
 *
 * @param n A whole number, 0 <= n < 1,000,000.
 * @example
 * numberToWords(2_405) //=> 'two thousand four hundred five'
 */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) {
    throw new TypeError(`Expected a whole number from 0 to 999,999, got \`${n}\``);
  }
  if (n < 10) return UNITS[n] as string;
  if (n < 20) return TEENS[n - 10] as string;
  if (n < 100) {
    const unit = n % 10;
    return `${TENS[Math.floor(n / 10)]}${unit ? `-${UNITS[unit]}` : ''}`;
  }
  if (n < 1000) {
    const rest = n % 100;
    return `${UNITS[Math.floor(n / 100)]} hundred${rest ? ` ${numberToWords(rest)}` : ''}`;
  }
  const rest = n % 1000;
  return `${numberToWords(Math.floor(n / 1000))} thousand${rest ? ` ${numberToWords(rest)}` : ''}`;
}

/** Countries a varied narrative may be about, and the sidebar's country list of the HTML form. */
export const COUNTRIES: readonly string[] = [
  'Afghanistan',
  'Albania',
  'Algeria',
  'Angola',
  'Argentina',
  'Armenia',
  'Azerbaijan',
  'Bangladesh',
  'Belarus',
  'Benin',
  'Bolivia',
  'Botswana',
  'Brazil',
  'Bulgaria',
  'Burkina Faso',
  'Burundi',
  'Cambodia',
  'Cameroon',
  'Chad',
  'Chile',
  'Colombia',
  'Costa Rica',
  "Cote d'Ivoire",
  'Croatia',
  'Djibouti',
  'Dominican Republic',
  'Ecuador',
  'Egypt',
  'El Salvador',
  'Eritrea',
  'Ethiopia',
  'Gabon',
  'Georgia',
  'Ghana',
  'Guatemala',
  'Guinea',
  'Haiti',
  'Honduras',
  'India',
  'Indonesia',
  'Jordan',
  'Kazakhstan',
  'Kenya',
  'Kyrgyz Republic',
  'Laos',
  'Lebanon',
  'Lesotho',
  'Liberia',
  'Madagascar',
  'Malawi',
  'Malaysia',
  'Mali',
  'Mauritania',
  'Mexico',
  'Moldova',
  'Mongolia',
  'Morocco',
  'Mozambique',
  'Nepal',
  'Nicaragua',
  'Niger',
  'Nigeria',
  'Pakistan',
  'Panama',
  'Paraguay',
  'Peru',
  'Philippines',
  'Romania',
  'Rwanda',
  'Senegal',
  'Serbia',
  'Sierra Leone',
  'Sri Lanka',
  'Tajikistan',
  'Tanzania',
  'Thailand',
  'Togo',
  'Tunisia',
  'Turkmenistan',
  'Uganda',
  'Ukraine',
  'Uzbekistan',
  'Vietnam',
  'Yemen',
  'Zambia',
  'Zimbabwe',
];
