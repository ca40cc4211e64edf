import { BREAKDOWN_AFTER, BREAKDOWN_BEFORE } from './context-rules.js';
import { type CueMatch, compileAfter, compileAt, compileBefore, matchCue } from './cues.js';
import {
  type CueRule,
  GOVERNING_VERBS,
  MAX_MODIFIERS,
  METRIC_AFTER,
  METRIC_BEFORE,
  type Metric,
  MODIFIER_STOP_WORDS,
  type NounCue,
  UNIT_NOUNS,
} from './rules.js';

/**
 * Reads the words around one number: the verb before it, the noun after it (past a few modifiers) and a
 * participle after the noun. All offsets are absolute into the clean text.
 */

const BEFORE = compileBefore(METRIC_BEFORE);
/** Each verb row alone, tried when the row the combined table picked does not fit the noun. */
const BEFORE_ROWS = METRIC_BEFORE.map((row) => compileBefore([row]));
const AFTER = compileAfter(METRIC_AFTER);
const NOUNS = compileAt(UNIT_NOUNS);
const PART_AFTER = compileAt(BREAKDOWN_AFTER);
const PART_BEFORE = compileBefore(BREAKDOWN_BEFORE);
const GOVERNING = compileBefore(GOVERNING_VERBS);

/** How far around a number the cues are looked for: the longest real cue phrase is under 80 characters. */
const WINDOW = 160;

/** A cue with absolute offsets. */
export interface Found<T> {
  rule: CueRule<T>;
  gives: T;
  name: string;
  start: number;
  end: number;
}

/** What the words around one number say. */
export interface Phrase {
  verb: Found<Metric> | null;
  /** A verb before the number that names no metric but starts the quote ("initiated five prosecutions"). */
  governing: Found<'verb'> | null;
  noun: (Found<NounCue> & { modifiersStart: number }) | null;
  participle: Found<Metric> | null;
  /** "68 of whom", "two of the five": the number is a part of a total before it. */
  partAfter: Found<'part'> | null;
  /** "including five ...", "(30 sex trafficking": the number opens a list of parts. */
  partBefore: Found<'part'> | null;
  /** The number is a back-reference ("the five", "these 12"), not a new figure. */
  backReference: boolean;
  /** "involving 45 suspects": the number counts another unit of the figure before it. */
  involving: boolean;
  /** "convicted four offenders in two cases": with no metric of its own, the number counts another unit. */
  attached: boolean;
}

function absolute<T>(match: CueMatch<T> | null, offset: number): Found<T> | null {
  return match
    ? {
        rule: match.rule,
        gives: match.rule.gives,
        name: match.rule.name,
        start: offset + match.start,
        end: offset + match.end,
      }
    : null;
}

const WORD = /^\s*([A-Za-z][\w'’-]*)/;
/** Right after a noun, a comma may continue a list of nouns: "296 police, prosecutors, and judges". */
const LIST_WORD = /^\s*(?:,\s*)?([A-Za-z][\w'’-]*)/;

/**
 * Finds the unit noun after a number, past at most MAX_MODIFIERS other words; the last noun of the run
 * wins, so that "two child forced labor cases" reads as cases, not children, and a list of nouns
 * ("86 prosecutors and judicial police investigators") is read whole.
 *
 *     eight trafficking investigations under article 124
 *           ^-modifier-^ ^---noun----^ ^stop
 */
function nounAfter(text: string, from: number, limit: number): Phrase['noun'] {
  let cursor = from;
  let best: Phrase['noun'] = null;
  let others = 0;
  while (others <= MAX_MODIFIERS && cursor < limit) {
    const rest = text.slice(cursor, Math.min(limit, cursor + 60));
    const pattern: RegExp = best !== null && best.end === cursor ? LIST_WORD : WORD;
    const word: RegExpExecArray | null = pattern.exec(rest);
    if (!word) break;
    const lower: string = (word[1] as string).toLowerCase();
    const wordStart = cursor + word[0].length - lower.length;
    if (MODIFIER_STOP_WORDS.has(lower)) break;
    const noun: CueMatch<NounCue> | null =
      lower === 'and' || lower === 'or'
        ? null
        : matchCue(NOUNS, text.slice(wordStart, Math.min(limit, wordStart + 40)));
    // A later noun does not undo a noun that named the metric: "45 investigations, cases" stays investigations.
    if (noun && !(best?.gives.metric && !noun.rule.gives.metric)) {
      const modifiersStart: number = best ? best.modifiersStart : from;
      best = {
        rule: noun.rule,
        gives: noun.rule.gives,
        name: noun.rule.name,
        start: wordStart,
        end: wordStart + noun.end,
        modifiersStart,
      };
      cursor = wordStart + noun.end;
    } else {
      cursor += word[0].length;
      others++;
    }
  }
  return best;
}

/** True when a cue row's noun constraints hold for the noun after the number (or its absence). */
export function fitsNoun(rule: CueRule<unknown>, noun: Phrase['noun']): boolean {
  if (rule.needsNoun && !noun) return false;
  return rule.nounUnits === undefined || noun === null || rule.nounUnits.includes(noun.gives.unit);
}

/**
 * The metric verb right before the number. Rows may share a verb ("registered 40 victims" and "registered
 * 124 cases"): when the row the combined table picked does not fit the noun, the others are tried alone.
 */
function verbBefore(before: string, offset: number, noun: Phrase['noun']): Found<Metric> | null {
  const first = absolute(matchCue(BEFORE, before), offset);
  if (!first || fitsNoun(first.rule, noun)) return first;
  for (const table of BEFORE_ROWS) {
    const found = absolute(matchCue(table, before), offset);
    if (found && found.rule !== first.rule && fitsNoun(found.rule, noun)) return found;
  }
  return first;
}

/** Where a number stands: its offsets, its segment, and how far its noun may be looked for. */
export interface PhraseAt {
  start: number;
  end: number;
  /** Start of the segment the number stands in. */
  lo: number;
  /** End of that segment. */
  hi: number;
  /** The noun is looked for only before this offset (the next number): "three traffickers transporting seven children". */
  nounLimit: number;
  /** The number is "an unknown number": its noun follows "of" ("an unknown number of suspects"). */
  unknown: boolean;
}

/** "the five", "these 12": a back-reference, not a new figure. */
const BACK_REFERENCE = /(?<![\w-])(?:the|these|those|all|both|its|their)\s+$/i;
const BACK_REFERENCE_WORDS: ReadonlySet<string> = new Set([
  'the',
  'these',
  'those',
  'all',
  'both',
  'its',
  'their',
]);
/** "involving 45 suspects". */
const INVOLVING = /(?<![\w-])involving\s+$/i;
/** "in two cases", "against 12 suspects". */
const ATTACHED = /(?<![\w-])(?:in|against|concerning)\s+$/i;
const ATTACHED_WORDS: ReadonlySet<string> = new Set(['in', 'against', 'concerning']);

/** The longest word the three tests above end with ("concerning"). */
const MAX_LAST_WORD = 10;

/**
 * The run of ASCII letters right before the white space that ends `before`, lower-cased, or '' when
 * `before` does not end with white space. Each of the three tests above can match only when this is
 * one of its words (the `(?<![\w-])` before the word makes the run exactly the word, and `\s` is the
 * set `trimEnd` strips), so the regexes, which try every start in the 160-character window because
 * of the `$`, run only then.
 */
function lastWord(before: string): string {
  const trimmed = before.trimEnd();
  if (trimmed.length === before.length) return '';
  let i = trimmed.length;
  const stop = Math.max(0, i - MAX_LAST_WORD - 1);
  while (i > stop) {
    const c = trimmed.charCodeAt(i - 1) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    i--;
  }
  return trimmed.slice(i).toLowerCase();
}

/**
 * Reads the phrase around one number inside its segment.
 *
 * @param text The clean text.
 * @param at Where the number stands.
 */
export function readPhrase(text: string, at: PhraseAt): Phrase {
  const { start, end, lo, hi } = at;
  const beforeStart = Math.max(lo, start - WINDOW);
  const before = text.slice(beforeStart, start);
  const of = at.unknown ? /^\s+of(?=\s)/.exec(text.slice(end, end + 6)) : null;
  const noun = nounAfter(text, end + (of ? of[0].length : 0), at.nounLimit);
  const afterFrom = noun ? noun.end : end;
  const after = text.slice(afterFrom, Math.min(hi, afterFrom + WINDOW));
  const tail = text.slice(end, Math.min(hi, end + 40));
  const lead = tail.length - tail.trimStart().length;
  const word = lastWord(before);
  return {
    verb: verbBefore(before, beforeStart, noun),
    governing: absolute(matchCue(GOVERNING, before), beforeStart),
    noun,
    participle: absolute(matchCue(AFTER, after), afterFrom),
    partAfter: absolute(matchCue(PART_AFTER, tail.slice(lead)), end + lead),
    partBefore: absolute(matchCue(PART_BEFORE, before), beforeStart),
    backReference: BACK_REFERENCE_WORDS.has(word) && BACK_REFERENCE.test(before),
    involving: word === 'involving' && INVOLVING.test(before),
    attached: ATTACHED_WORDS.has(word) && ATTACHED.test(before),
  };
}
