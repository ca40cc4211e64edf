import type { Block, Narrative } from './narrative.js';
import { type Rng, shuffled } from './prng.js';
import { COUNTRIES, NUMBER_WORD, numberToWords, wordValue } from './words.js';

/**
 * Makes a new narrative out of a fixture: another country and report year, every figure scaled (and
 * written as digits or words), paragraphs swapped within their sections, sentences dropped or repeated.
 * The result still reads as a TIP narrative, so the pipeline takes its ordinary paths through it.
 */

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

/**
 * A year (shifted with the report year), or a whole number in digits (scaled). The lookarounds keep out
 * decimals ("1.5"), slashed numbers ("909/2015", "6/2008") and digits inside words. Each alternative is a
 * plain run of digits or of comma groups, so there is nothing to backtrack into.
 */
const FIGURE = new RegExp(
  `(?<![\\w.,/$])(?:(?<year>(?:19[89]|20[0-3])\\d)|(?<digits>\\d{1,3}(?:,\\d{3})+|\\d+))(?![\\w]|[.,/:]\\d)|${NUMBER_WORD.source}`,
  'gi',
);

/** Numbers that name things rather than count them: "Tier 2", "Article 124", "15 March". */
const NAME_BEFORE = new RegExp(
  `(?:tier|article|articles|section|sections|chapter|no\\.|law|${MONTHS})\\s+$`,
  'i',
);
const DATE_AFTER = new RegExp(`^\\s+(?:${MONTHS})\\b`);
const PERCENT_AFTER = /^\s*(?:percent|%)/;

/** What one document's variation draws once and applies to every figure. */
interface Plan {
  rng: Rng;
  /** The factor every count is multiplied by. */
  scale: number;
  /** Years added to every year. */
  yearShift: number;
  /** How often a small number is written in words. */
  wordRate: number;
}

function writeNumber(value: number, original: string, before: string, after: string, plan: Plan): string {
  const spaced = /\s$|^$/.test(before) && /^(?:\s|$)/.test(after);
  if (spaced && value >= 2 && value < 1000 && plan.rng.chance(plan.wordRate)) {
    const words = numberToWords(value);
    return /^[A-Z]/.test(original) ? `${words[0]?.toUpperCase()}${words.slice(1)}` : words;
  }
  return value >= 1000 ? value.toLocaleString('en-US') : String(value);
}

/**
 * Scales the counts, shifts the years and rewrites small numbers of one string.
 *
 * @param text A block of the body.
 * @param plan The document's draws.
 */
export function varyFigures(text: string, plan: Plan): string {
  return text.replace(FIGURE, (match, ...rest) => {
    const groups = rest.at(-1) as Partial<Record<'year' | 'digits' | 'tens' | 'unit' | 'small', string>>;
    const offset = rest.at(-3) as number;
    if (groups.year) return String(Number(groups.year) + plan.yearShift);
    const before = text.slice(Math.max(0, offset - 16), offset);
    const after = text.slice(offset + match.length, offset + match.length + 12);
    if (NAME_BEFORE.test(before) || DATE_AFTER.test(after)) return match;
    const value = groups.digits ? Number(groups.digits.replace(/,/g, '')) : wordValue(groups);
    if (!Number.isSafeInteger(value) || value < 1) return match;
    let scaled = Math.max(1, Math.round(value * plan.scale));
    if (PERCENT_AFTER.test(after)) scaled = Math.min(100, scaled);
    return writeNumber(scaled, match, before, after, plan);
  });
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces a country name in its written and its upper-case form. */
function renameCountry(text: string, from: string, to: string): string {
  return text
    .replace(new RegExp(`\\b${escapeRegExp(from)}\\b`, 'g'), to)
    .replace(new RegExp(`\\b${escapeRegExp(from.toUpperCase())}\\b`, 'g'), to.toUpperCase());
}

/** A sentence ends at ".", "!" or "?" followed by a space and a capital or an opening quote. */
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z"(])/;

function varySentences(text: string, rng: Rng): string {
  const sentences = text.split(SENTENCE_BREAK);
  if (sentences.length >= 3 && rng.chance(0.2)) sentences.splice(rng.int(1, sentences.length - 1), 1);
  if (sentences.length >= 2 && rng.chance(0.15)) {
    const at = rng.int(0, sentences.length - 1);
    sentences.splice(at, 0, sentences[at] as string);
  }
  return sentences.join(' ');
}

/** Swaps paragraphs inside each run of paragraphs between two headings. */
function reorder(blocks: readonly Block[], rng: Rng): Block[] {
  const out: Block[] = [];
  let run: Block[] = [];
  const flush = (): void => {
    if (run.length >= 2 && rng.chance(0.25)) run = shuffled(run, rng);
    else if (run.length >= 2 && rng.chance(0.5)) {
      const i = rng.int(0, run.length - 2);
      run = [...run.slice(0, i), run[i + 1] as Block, run[i] as Block, ...run.slice(i + 2)];
    }
    out.push(...run);
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph') run.push(block);
    else {
      flush();
      out.push(block);
    }
  }
  flush();
  return out;
}

/**
 * Makes one varied narrative from a fixture.
 *
 * @param base The fixture, taken apart.
 * @param rng The generator: the same state gives the same narrative.
 * @returns The new narrative and its Refworld document id.
 */
export function varyNarrative(base: Narrative, rng: Rng): { narrative: Narrative; docid: string } {
  const country = rng.pick(COUNTRIES.filter((c) => c !== base.country));
  const year = rng.int(2001, 2024);
  const plan: Plan = {
    rng,
    scale: rng.between(0.4, 2.5),
    yearShift: year - base.year,
    wordRate: rng.between(0.1, 0.5),
  };
  const docid = Array.from({ length: 10 }, () => rng.int(0, 15).toString(16)).join('');
  const years = (text: string): string =>
    text.replace(/\b(?:19[89]|20[0-3])\d\b/g, (y) => String(Number(y) + plan.yearShift));
  const meta = (text: string): string =>
    years(renameCountry(text, base.country, country)).replace(
      /docid\/[0-9a-f]+\.html/,
      `docid/${docid}.html`,
    );
  const blocks = reorder(base.blocks, rng).map((block) => {
    const renamed = renameCountry(block.text, base.country, country);
    const text = block.kind === 'heading' ? years(renamed) : varyFigures(renamed, plan);
    return { kind: block.kind, text: block.kind === 'paragraph' ? varySentences(text, rng) : text };
  });
  const narrative: Narrative = {
    ...base,
    country,
    year,
    lastUpdated: base.lastUpdated === null ? null : meta(base.lastUpdated),
    title: base.title === null ? null : meta(base.title),
    metaLines: base.metaLines.map(meta),
    blocks,
  };
  return { narrative, docid };
}
