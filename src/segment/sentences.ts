import { MAX_SENTENCE_CHARS } from '../extract/limits.js';
import type { Range } from './types.js';

/**
 * Sentence rules, as a table: one `split` rule finds candidate boundaries, `keep` rules veto a
 * candidate when the text just before it matches. Examples and counter-examples are the expected
 * sentences of a text made by joining them with one space.
 */
export interface SentenceRule {
  name: string;
  effect: 'split' | 'keep';
  /** For `split`, the boundary; for `keep`, a test on the text that ends with the candidate's stop; null when the scanner applies the rule. */
  pattern: RegExp | null;
  examples: ReadonlyArray<readonly string[]>;
  counterExamples: ReadonlyArray<readonly string[]>;
}

/**
 * A stop, the closing quotes or brackets after it, then white space and something that can start a
 * sentence (a capital or a digit, perhaps after an opening quote or bracket). The lookahead is one
 * white-space run and one character. A match starts at the first stop of a run ("?!"): `(?<![.!?])` says
 * so, which keeps the search from trying every stop of a long run ("!!!!…") and reading the rest from each.
 */
const TERMINAL = /(?<![.!?])(?<stop>[.!?]+)[)\]"”’']*(?=\s+[(["“‘']?[\p{Lu}\p{N}])/gu;

/** Words that end with a period without ending the sentence; matched case-sensitively ("no." ends one). */
const ABBREVIATIONS = [
  'U\\.S',
  'U\\.N',
  'U\\.K',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'No',
  'Nos',
  'Art',
  'Arts',
  'e\\.g',
  'i\\.e',
  'approx',
  'Ltd',
  'Co',
  'Corp',
  'Inc',
  'St',
  'Mt',
  'Jr',
  'Sr',
  'Gen',
  'Col',
  'Lt',
  'Capt',
  'Gov',
  'Prof',
  'Rev',
  'Hon',
  'vs',
  'cf',
  'Vol',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];

/** The rules; `splitSentences` applies them in this order. */
export const SENTENCE_RULES: readonly SentenceRule[] = [
  {
    name: 'terminal',
    effect: 'split',
    pattern: TERMINAL,
    examples: [
      [
        'Advocates for victims reported there was a general lack of proactive investigation.',
        'Such advocates indicate police generally did not pursue investigations.',
      ],
      ['Did the government report sentences?', 'It did not.'],
      ['The law is called "Trafficking in Persons."', 'The court applied it.'],
      ['The hotline received calls in 2016.', '86 victims were assisted.'],
    ],
    counterExamples: [
      ['The hotline received 2,979 calls in 2016, which resulted in the identification of three victims.'],
      [
        'An international organization estimated the government completed roughly 70.5 percent of its objectives.',
      ],
      ['The government increased efforts; the council met three times. and then adjourned.'],
    ],
  },
  {
    name: 'abbreviation',
    effect: 'keep',
    pattern: new RegExp(`(?:^|[\\s(“"‘])(?:${ABBREVIATIONS.join('|')})\\.$`),
    examples: [
      ['The U.S. Embassy funded a shelter for victims.'],
      ['Mr. Smith and Dr. Jones testified at trial.'],
      ['Law No. 15 and Art. 124 apply to these cases.'],
      ['In Jan. 2017 a court convicted two traffickers, e.g. Kyrgyz Ltd. Co. Bishkek employees.'],
      ['Victims were assisted (approx. 70 people) in St. Petersburg.'],
    ],
    counterExamples: [
      ['The answer was no.', 'The court then ruled.'],
      ['The council met in May.', 'It adopted a plan.'],
    ],
  },
  {
    name: 'initial',
    effect: 'keep',
    pattern: /(?:^|[\s(])\p{Lu}\.$/u,
    examples: [
      ['The court heard J. Smith on the case.'],
      ['Victims were sent to the P. R. C. for bonded labor.'],
    ],
    counterExamples: [['Victims came from Uzbekistan.', 'Officials did not identify them.']],
  },
  {
    name: 'enclosure',
    effect: 'keep',
    pattern: null,
    examples: [
      ['The NGO launched a campaign called "Stop. Think. Act." in September 2016.'],
      ['The unit (created in 2015. It has five staff) assisted seven victims.'],
    ],
    counterExamples: [['The project was called “Caravan of Hope.”', 'It reached the provinces.']],
  },
];

const KEEP_RULES = SENTENCE_RULES.filter((rule) => rule.effect === 'keep' && rule.pattern !== null);

/** The keep rules only need the end of the text before a stop: the longest abbreviation is 6 characters. */
const KEEP_WINDOW = 16;

/** A quote or bracket left open this long was never closed: stop keeping sentences together. */
const MAX_ENCLOSURE_CHARS = 600;

/** Quotes and brackets; the scanner jumps from one to the next instead of reading every character. */
const ENCLOSURE = /[()[\]“”"]/g;
const OPENERS = '([“';

/**
 * Splits `text.slice(start, end)` into sentences, as offsets into `text`, none longer than MAX_SENTENCE_CHARS.
 *
 * @param text The clean text.
 * @param start Start of the paragraph.
 * @param end End of the paragraph.
 * @example splitSentences('It rose. It fell.', 0, 17) //=> [{ start: 0, end: 8 }, { start: 9, end: 17 }]
 */
export function splitSentences(text: string, start: number, end: number): Range[] {
  const paragraph = text.slice(start, end);
  const sentences: Range[] = [];
  let from = skipSpace(paragraph, 0);
  let depth = 0;
  let straightQuote = false;
  let openedAt = 0;
  ENCLOSURE.lastIndex = 0;
  let next = ENCLOSURE.exec(paragraph);
  TERMINAL.lastIndex = 0;
  for (let match = TERMINAL.exec(paragraph); match !== null; match = TERMINAL.exec(paragraph)) {
    const stopEnd = match.index + (match.groups?.stop ?? '').length;
    const boundary = match.index + match[0].length;
    // Track quotes and brackets up to the boundary, closers after the stop included.
    for (; next !== null && next.index < boundary; next = ENCLOSURE.exec(paragraph)) {
      const char = next[0];
      const outside = depth === 0 && !straightQuote;
      if (char === '"') straightQuote = !straightQuote;
      else if (OPENERS.includes(char)) depth++;
      else depth = Math.max(0, depth - 1);
      if (outside && (depth > 0 || straightQuote)) openedAt = next.index;
    }
    if (depth > 0 || straightQuote) {
      if (boundary - openedAt < MAX_ENCLOSURE_CHARS) continue;
      depth = 0;
      straightQuote = false;
    }
    const before = paragraph.slice(Math.max(0, stopEnd - KEEP_WINDOW), stopEnd);
    if (KEEP_RULES.some((rule) => rule.pattern!.test(before))) continue;
    sentences.push({ start: start + from, end: start + boundary });
    from = skipSpace(paragraph, boundary);
  }
  let last = paragraph.length;
  while (last > from && /\s/.test(paragraph[last - 1]!)) last--;
  if (last > from) sentences.push({ start: start + from, end: start + last });
  return sentences.flatMap((sentence) => cap(text, sentence));
}

function skipSpace(text: string, index: number): number {
  let i = index;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** Cuts a sentence longer than MAX_SENTENCE_CHARS at the last space before the limit (or at the limit). */
function cap(text: string, sentence: Range): Range[] {
  const pieces: Range[] = [];
  let { start } = sentence;
  while (sentence.end - start > MAX_SENTENCE_CHARS) {
    const limit = start + MAX_SENTENCE_CHARS;
    const space = text.lastIndexOf(' ', limit);
    const cut = space > start ? space : limit;
    pieces.push({ start, end: cut });
    start = skipSpace(text, cut);
  }
  pieces.push({ start, end: sentence.end });
  return pieces;
}
