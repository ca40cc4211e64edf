/** Month names and their common abbreviations, lower case, to their number. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ].flatMap((name, i) => [
    [name, i + 1],
    [name.slice(0, 3), i + 1],
  ]),
);

const MONTH = '(?<month>[A-Za-z]{3,9})\\.?';

/** Date shapes in metadata, each with the example it was written for. */
const DATE_RULES: ReadonlyArray<{ name: string; pattern: RegExp; example: string }> = [
  { name: 'iso', pattern: /\b(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})\b/, example: '2017-06-27' },
  {
    name: 'day-month-year',
    pattern: new RegExp(`\\b(?<day>\\d{1,2}) ${MONTH},? (?<year>\\d{4})\\b`),
    example: 'Friday, 01 November 2019, 13:47 GMT',
  },
  {
    name: 'month-day-year',
    pattern: new RegExp(`\\b${MONTH} (?<day>\\d{1,2}),? (?<year>\\d{4})\\b`),
    example: 'June 27, 2017',
  },
];

/**
 * Reads the first date written in `text` and returns it as ISO 8601, or null.
 *
 * @param text A metadata value such as "Friday, 01 November 2019, 13:47 GMT".
 * @example toIsoDate('27 June 2017') //=> '2017-06-27'
 */
export function toIsoDate(text: string): string | null {
  for (const rule of DATE_RULES) {
    const groups = rule.pattern.exec(text)?.groups;
    if (!groups) continue;
    const year = Number(groups.year);
    const monthText = groups.month ?? '';
    const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTHS.get(monthText.toLowerCase());
    const day = Number(groups.day);
    if (month === undefined) continue;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
      continue;
    return date.toISOString().slice(0, 10);
  }
  return null;
}
