/**
 * Penalties of one sentence: "prescribes penalties of five to 20 years imprisonment",
 * "punishable by a fine or imprisonment of three to five years", "When the victim is a child
 * aged 14-17 years, the penalty is five to 10 years imprisonment".
 *
 * Durations come from the numbers pass (its mentions with a unit of time); nothing here parses
 * a number. Only the words after the first penalty cue of the sentence are read, so a sentence
 * handed down by a court ("sentenced a man to five years' imprisonment") is not a penalty.
 */
import type { Range } from '../../segment/types.js';
import { span } from '../../span.js';
import type { NumberMention, Penalty } from '../../validate/schema.js';
import { MAX_SENTENCE_CHARS } from '../limits.js';
import { buildDurations, type Duration } from './durations.js';

/** Words that say a penalty follows ("carried" in the past-tense narratives of 2020 on). */
const CUE =
  /\b(?:prescrib\w*|punishable|punished|provides?\s+for|penalt(?:y|ies)|punishments?|imposes?|carr(?:y|ies|ied)|sentences?\s+of)\b/;

/**
 * Penalty words. Alternatives are tried in order at each position, so "imprisonment for life" is
 * life imprisonment, not imprisonment; "forced labor" counts only after "with" ("imprisonment
 * with forced labor"), since it is otherwise the crime, not the punishment.
 */
const PENALTY_WORD = new RegExp(
  [
    String.raw`(?<life>\b(?:life\s+imprisonment|imprisonment\s+for\s+life|life\s+in\s+prison|life\s+sentences?|sentences?\s+of\s+life(?:\s+imprisonment)?)\b)`,
    String.raw`(?<death>\b(?:(?:the|a)\s+)?(?:death\s+(?:penalty|sentence)|capital\s+punishment|(?:sentence|penalty)\s+of\s+death)\b|(?<=\bby\s)death\b)`,
    String.raw`(?<fine>\b(?:(?:a|an)\s+)?(?:monetary\s+|heavy\s+|criminal\s+)?fines?\b)`,
    String.raw`(?<labor>(?<=\bwith\s)(?:forced|compulsory|hard|corrective|penal)\s+labou?r\b|\b(?:hard|corrective|penal)\s+labou?r\b)`,
    String.raw`(?<prison>\b(?:(?:(?:rigorous|simple|strict)\s+)?imprisonment|prison(?:\s+(?:terms?|sentences?))?|jail(?:\s+terms?)?|incarceration|deprivation\s+of\s+(?:liberty|freedom))\b)`,
  ].join('|'),
  'g',
);

/**
 * A condition clause: "When the victim is a child aged 14-17 years", "when the crime was committed
 * against two or more persons or by an organized group". It ends before a comma, semicolon, period
 * or " but ", and before an " and "/" or " that opens another penalty (`PENALTY_AFTER_JOIN`,
 * applied in `conditionClauses`). The tempered token checks one fixed-length lookahead per
 * character, and the repetition is bounded, so the cost per start is bounded.
 */
const CONDITION_CLAUSE =
  /\b(?:[Ww]hen|[Ii]f|[Ww]here|[Ii]n\s+cases?\s+(?:where|when|in\s+which|of|involving))\s(?:(?!\sbut\s)[^,;.]){1,200}/g;

/** An " and " or " or " inside a condition clause, where the clause may end. */
const CLAUSE_JOIN = /\s(?:and|or)\s/g;

/** A number as the narratives write a term: digits or a number word ("five", "twenty-five"). */
const TERM_NUMBER = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)(?:-\w{1,8})?`;

/**
 * What opens another penalty after " and "/" or ": "life imprisonment", "the death penalty", "a fine",
 * "10 years' imprisonment", "five to 10 years", "up to five years". A clause ends there
 * ("when the victim is a child or life imprisonment ..."); "two or more persons" does not open one.
 */
const PENALTY_AFTER_JOIN = new RegExp(
  String.raw`^(?:(?:by|with|to)\s+)?(?:(?:up\s+to|a\s+(?:maximum|minimum)\s+of|at\s+least|between|from)\s+)?(?:(?:a|an|the)\s+)?(?:life\b|death\b|capital\b|(?:monetary\s+|heavy\s+)?fines?\b|(?:rigorous\s+)?imprisonment\b|prison\b|jail\b|(?:hard|forced|corrective)\s+labou?r\b|${TERM_NUMBER}(?:\s+(?:to|and|or)\s+${TERM_NUMBER}|\s*[-‐–]\s*${TERM_NUMBER})?[\s-]+(?:years?|months?)\b)`,
  'i',
);

/** A condition right after a penalty: "for aggravated trafficking", "for trafficking children". */
const TRAILING_FOR = /^\s+(for\s(?:(?!\s(?:and|or|but)\s)[^,;.]){1,150})/;

/**
 * What makes a clause a condition worth keeping: a child victim ("under 18 years of age"), an
 * aggravated variant (an organised group, an official, several victims, a repeat offence) or a
 * harm that raises the penalty ("results in the victim's death").
 */
const CONDITION_CUE =
  /\b(?:child(?:ren)?|minors?|juveniles?|girls?|boys?|underage|younger|under\s+(?:the\s+)?age|under\s+(?:the\s+age\s+of\s+)?\d{1,2}|years\s+of\s+age|aged|aggravat\w*|organi[sz]ed\s+(?:criminal\s+)?group|officials?|repeat\w*|(?:two|three|several|multiple)\s+or\s+more|(?:several|multiple)\s+(?:persons|people|victims)|death|died|dies|serious\s+(?:bodily\s+)?(?:harm|injury|injuries)|results?\s+in|resulting\s+in)\b/i;

/** Words opening a sentence that continues the penalty of the sentence before. */
const OPENS_WITH_CONDITION = /^\s*(?:When|If|Where|In\s+cases?|In\s+the\s+case)\b/;

/** Where the first penalty cue of a sentence ends, or null when it has none. */
export function penaltyCue(text: string, sentence: Range): number | null {
  const from = sentence.start;
  const match = CUE.exec(text.slice(from, Math.min(sentence.end, from + MAX_SENTENCE_CHARS)));
  return match ? from + match.index : null;
}

/** Whether a penalty cue stands in `text` between `start` and `end` ("and Article 128(2) increased the penalty to"). */
export function cueBetween(text: string, start: number, end: number): boolean {
  return start < end && CUE.test(text.slice(start, Math.min(end, start + MAX_SENTENCE_CHARS)));
}

/**
 * A plural word right before the cue that refers back to every statute named before it: "; these
 * carried penalties", "Both articles prescribe", "These provisions provide for".
 */
const PLURAL_BACK =
  /\b(?:[Tt]hese|[Bb]oth|[Tt]hey)(?:\s+(?:articles|sections|provisions|laws|acts|offen[cs]es|crimes|statutes))?(?:\s+(?:also|each|all|together))?\s+$/;

/**
 * Whether the words of the sentence right before its cue refer back to several statutes ("these
 * carried penalties"). "These penalties" refers to penalties, not statutes: in "These penalties
 * were sufficiently stringent ..., such as rape (10 years)" no penalty is stated.
 */
export function pluralBeforeCue(text: string, sentence: Range, cue: number): boolean {
  return (
    PLURAL_BACK.test(text.slice(Math.max(sentence.start, cue - 80), cue)) &&
    !/^(?:penalt|punishment)/i.test(text.slice(cue, cue + 12))
  );
}

/** Whether a sentence starts with a condition ("When the victim ...", "If ..."), so continues the one before. */
export function opensWithCondition(text: string, sentence: Range): boolean {
  return OPENS_WITH_CONDITION.test(text.slice(sentence.start, sentence.end));
}

interface Item {
  kind: Penalty['kind'];
  start: number;
  end: number;
  min: number | null;
  max: number | null;
  unit: Penalty['unit'];
}

const overlaps = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;

/** The kind of penalty a penalty-word match names. */
function wordKind(groups: Record<string, string | undefined>): Penalty['kind'] {
  if (groups.life !== undefined) return 'life_imprisonment';
  if (groups.death !== undefined) return 'death';
  if (groups.fine !== undefined) return 'fine';
  if (groups.labor !== undefined) return 'forced_labor';
  return 'imprisonment';
}

/** Joins each duration with the prison or labor word written next to it ("15 years' imprisonment"). */
function joinItems(text: string, durations: Duration[], words: Item[]): Item[] {
  const used = new Set<Item>();
  // Push loops, not `map` and spread: optimised `map` gives a holey array, `filter` a packed one, and
  // the code reading both deoptimised on the second array map.
  const items: Item[] = [];
  for (const d of durations) {
    const takes = (w: Item) => !used.has(w) && (w.kind === 'imprisonment' || w.kind === 'forced_labor');
    const before = words.filter((w) => takes(w) && w.end <= d.start).at(-1);
    const after = words.find((w) => takes(w) && w.start >= d.end);
    let start = d.qualifierStart;
    let end = d.end;
    let kind: Penalty['kind'] = 'imprisonment';
    if (
      before &&
      // Each white-space run belongs to the word before it, so a run of spaces splits one way only.
      /^\s*(?:(?:terms?|sentences?)\s+)?(?:(?:of|for)\s*)?(?:(?:between|from)\s*)?$/.test(
        text.slice(before.end, d.qualifierStart),
      )
    ) {
      used.add(before);
      ({ start, kind } = before);
    } else if (after && /^['’]?s?\s*(?:(?:of|in)\s+)?$/.test(text.slice(d.end, after.start))) {
      used.add(after);
      ({ end, kind } = after);
    }
    items.push({ kind, start, end, min: d.min, max: d.max, unit: d.unit });
  }
  for (const w of words) if (!used.has(w)) items.push(w);
  return items.sort((a, b) => a.start - b.start);
}

/**
 * Finds the penalties a sentence states, with their conditions and alternatives.
 *
 * @param text The clean text.
 * @param sentence The sentence to read.
 * @param numbers The number mentions inside the sentence, in text order.
 * @param exclude Ranges whose numbers are not penalties (statute references: "article 260").
 * @returns The penalties in text order; none when the sentence has no penalty cue.
 */
export function findPenalties(
  text: string,
  sentence: Range,
  numbers: readonly NumberMention[],
  exclude: readonly Range[] = [],
): Penalty[] {
  const cue = penaltyCue(text, sentence);
  if (cue === null) return [];
  const end = Math.min(sentence.end, sentence.start + MAX_SENTENCE_CHARS);
  const conditions = conditionClauses(text, sentence.start, end).filter((c) =>
    CONDITION_CUE.test(text.slice(c.start, c.end)),
  );
  // Plain ranges of one hidden class: `exclude` holds statute mentions, whose shape is not a range's,
  // and the overlap tests below deoptimised when both kinds reached them.
  const blocked: Range[] = [];
  for (const r of exclude) blocked.push({ start: r.start, end: r.end });
  for (const c of conditions) blocked.push({ start: c.start, end: c.end });
  const scope = { start: cue, end };

  // A push loop, not `map` then `filter` (see joinItems).
  const words: Item[] = [];
  for (const m of text.slice(cue, end).matchAll(PENALTY_WORD)) {
    const w: Item = {
      kind: wordKind(m.groups ?? {}),
      start: cue + m.index,
      end: cue + m.index + m[0].length,
      min: null,
      max: null,
      unit: null,
    };
    if (!blocked.some((b) => overlaps(w, b))) words.push(w);
  }
  const durations = buildDurations(text, numbers, scope, blocked);
  const items = joinItems(text, durations, words);

  // A condition written right after a penalty belongs to it: "imprisonment for life for aggravated
  // trafficking", "10 years' imprisonment when the victim is a child".
  const trailing = new Map<Item, Range>();
  for (const item of items) {
    const match = TRAILING_FOR.exec(text.slice(item.end, end));
    const clause = match?.[1];
    const next = conditions.find((c) => c.start >= item.end && /^\s*$/.test(text.slice(item.end, c.start)));
    if (match && clause && CONDITION_CUE.test(clause)) {
      const start = item.end + match[0].length - clause.length;
      trailing.set(item, { start, end: start + clause.trimEnd().length });
    } else if (next) {
      trailing.set(item, next);
    }
  }
  const kept = items.filter((item) => ![...trailing.values()].some((c) => overlaps(item, c)));
  // "life imprisonment or the death penalty when the crime results in the victim's death": with no
  // comma before the "or", the clause after the last alternative is every alternative's. With one
  // ("seven to 20 years' imprisonment, or life imprisonment if ..."), it is the last one's only.
  for (let i = kept.length - 1; i > 0; i--) {
    const item = kept[i]!;
    const previous = kept[i - 1]!;
    const shared = trailing.get(item);
    if (
      shared &&
      !trailing.has(previous) &&
      /^\s+(?:or|and|and\/or)\s+(?:by\s+|with\s+)?$/.test(text.slice(previous.end, item.start))
    )
      trailing.set(previous, shared);
  }

  // A push loop, not `map`: the caller loops over the penalties, and optimised `map` gives a holey array.
  const penalties: Penalty[] = [];
  for (let i = 0; i < kept.length; i++) {
    const item = kept[i]!;
    const previous = kept[i - 1];
    const extra: { alternative?: boolean; condition?: string } = {};
    if (
      previous &&
      // The comma takes the white space after it, so a run of spaces splits one way only.
      /^\s*(?:,\s*)?(?:or|and\/or)\s+(?:by\s+|with\s+)?$/.test(text.slice(previous.end, item.start))
    )
      extra.alternative = true;
    const condition = trailing.get(item) ?? leadingCondition(text, item, kept, conditions);
    if (condition) extra.condition = text.slice(condition.start, condition.end);
    penalties.push({
      kind: item.kind,
      min: item.min,
      max: item.max,
      unit: item.unit,
      ...extra,
      ...span(text, item.start, item.end),
    });
  }
  return penalties;
}

/** The condition clauses of `text` from `start` to `end`, each cut before an " and "/" or " that opens another penalty. */
function conditionClauses(text: string, start: number, end: number): Range[] {
  const slice = text.slice(start, end);
  const clauses: Range[] = [];
  const re = new RegExp(CONDITION_CLAUSE.source, 'g');
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    let clause = m[0];
    for (const join of clause.matchAll(CLAUSE_JOIN)) {
      if (PENALTY_AFTER_JOIN.test(clause.slice(join.index + join[0].length))) {
        clause = clause.slice(0, join.index);
        break;
      }
    }
    clauses.push({ start: start + m.index, end: start + m.index + clause.trimEnd().length });
    // The words after a cut are read again: "... or life imprisonment when the victim dies".
    re.lastIndex = m.index + clause.length;
  }
  return clauses;
}

/**
 * The condition clause that governs an item: the last one before it, unless a semicolon or
 * another penalty's own trailing position separates them. A clause written right after an
 * earlier penalty, with only white space between, is that penalty's ("10 years when ...").
 */
function leadingCondition(text: string, item: Item, items: Item[], conditions: Range[]): Range | undefined {
  const before = conditions.filter((c) => c.end <= item.start).at(-1);
  if (!before) return undefined;
  if (text.slice(before.end, item.start).includes(';')) return undefined;
  const owner = items.filter((other) => other.end <= before.start).at(-1);
  if (owner && owner !== item && /^\s*$/.test(text.slice(owner.end, before.start))) return undefined;
  return before;
}
