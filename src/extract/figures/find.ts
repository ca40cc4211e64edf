import type { Range } from '../../segment/types.js';
import type { DocumentKind, NumberMention, Section, Statute } from '../../validate/schema.js';
import { describePart, findActor, findPeriod, findStatute, findYear, inherit, unitFor } from './context.js';
import { type Draft, isCount, valueFields } from './draft.js';
import { type Phrase, readPhrase } from './phrase.js';
import type { Metric, Unit } from './rules.js';
import { type Segment, type SentenceScope, scopeSentence } from './scope.js';

/** Everything the figure rules read. */
export interface FigureInput {
  text: string;
  kind: DocumentKind;
  sections: Section[];
  sentences: Range[];
  /** The numbers pass, sorted, with statute article numbers already dropped. */
  numbers: NumberMention[];
  statutes: Statute[];
}

/** Sections whose numbers are not reported figures: the header line and the recommendations. */
const NO_FIGURES = new Set<Section['kind']>(['header', 'recommendations']);

/** What the drafting of one sentence needs to know of what came before it. */
interface SentenceState {
  input: FigureInput;
  scope: SentenceScope;
  section: Section;
  drafts: Draft[];
  previousSentence: Draft[];
  all: Draft[];
  nextGroup: () => number;
}

function segmentAt(scope: SentenceScope, at: number): Segment {
  return (
    scope.segments.find((s) => at >= s.start && at < s.end) ??
    (scope.segments[scope.segments.length - 1] as Segment)
  );
}

/** The figure a new part or comparison belongs to: the last whole figure of the sentence (or the one before). */
function lastWhole(drafts: Draft[], accept: (d: Draft) => boolean = () => true): Draft | undefined {
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i] as Draft;
    if (!d.partOf && accept(d)) return d;
  }
  return undefined;
}

/** The metric a number's own words give, honouring each verb's noun constraints. */
function ownMetric(phrase: Phrase): Metric | null {
  if (phrase.noun?.gives.metric) return phrase.noun.gives.metric;
  const verb = phrase.verb;
  if (verb) {
    const unit = phrase.noun?.gives.unit;
    const fits =
      verb.rule.nounUnits === undefined || unit === undefined || verb.rule.nounUnits.includes(unit);
    if (fits && !(verb.rule.needsNoun && !phrase.noun)) return verb.gives;
  }
  return phrase.participle?.gives ?? null;
}

/** True when the words right after the number are neither a unit noun, a stop word nor punctuation. */
function unknownObject(text: string, phrase: Phrase, end: number): boolean {
  if (phrase.noun) return false;
  const next = /^\s*([A-Za-z][\w-]*)/.exec(text.slice(end, end + 40));
  if (!next) return false;
  return !/^(?:in|during|for|from|to|of|and|or|by|at|on|under|compared|were|was|who|whom|which|that|with|through|since|between|last|this|the|each|per|while|including|among)$/i.test(
    next[1] as string,
  );
}

function draftOne(state: SentenceState, mention: NumberMention): Draft | null {
  const { input, scope, drafts } = state;
  const { text } = input;
  const segment = segmentAt(scope, mention.start);
  const phrase = readPhrase(
    text,
    mention.start,
    mention.end,
    segment.start,
    segment.end,
    mention.qualifier === 'unknown',
  );
  if (phrase.backReference) return null;
  const metric = ownMetric(phrase);
  const nounUnit: Unit | 'officials' | null = phrase.noun?.gives.unit ?? null;
  const base = {
    ...valueFields(mention),
    isComparison: segment.comparison,
    section: state.section.kind,
    number: { start: mention.start, end: mention.end },
    sentence: scope.index,
    segment,
  };

  const part = partOf(state, mention, phrase, segment, metric);
  if (part) {
    const described =
      phrase.noun && phrase.noun.start > mention.end + 1
        ? { text: text.slice(mention.end, phrase.noun.start).trim(), end: phrase.noun.end }
        : describePart(text, skipReferenced(input.numbers, phrase, mention), segment.end);
    const end = Math.max(mention.end, phrase.noun?.end ?? 0, described?.end ?? 0);
    const draft: Draft = {
      ...base,
      ...inherit(part.total, true),
      metric: part.total.metric,
      unit: nounUnit ? unitFor(nounUnit, part.total.metric) : part.total.unit,
      year: part.total.year,
      partOf: part.total,
      group: part.group,
      start: mention.start,
      end,
    };
    if (part.total.period) draft.period = part.total.period;
    if (described?.text) draft.breakdown = described.text;
    return draft;
  }

  let resolved = metric;
  let from: Draft | undefined;
  if (phrase.involving && (nounUnit === 'suspects' || nounUnit === 'officials')) {
    from = lastWhole(drafts, (d) => d.segment.start === segment.start);
    resolved = from?.metric ?? null;
  } else if (!resolved && segment.comparison) {
    from = comparisonTarget(state, segment);
    resolved = from?.metric ?? null;
  }
  if (!resolved || (!from && unknownObject(text, phrase, mention.end))) return null;

  const verbStart =
    phrase.verb && resolved === metric ? phrase.verb.start : (phrase.governing?.start ?? mention.start);
  const start = Math.min(mention.start, verbStart);
  const end = Math.max(
    mention.end,
    phrase.noun?.end ?? 0,
    phrase.participle && resolved === metric ? phrase.participle.end : 0,
  );
  const draft: Draft = {
    ...base,
    ...(from ? inherit(from, false) : {}),
    metric: resolved,
    unit: nounUnit ? unitFor(nounUnit, resolved) : (from?.unit ?? unitFor(null, resolved)),
    year: null,
    start,
    end,
  };
  placeInTime(state, draft, segment, mention.start);
  const statute = findStatute(input.statutes, segment, mention.start);
  if (statute) draft.statute = statute;
  const actor = findActor(text, segment, start);
  if (actor) draft.actor = actor;
  if (nounUnit === 'officials' && resolved !== 'people_trained' && !draft.breakdown)
    draft.breakdown = 'officials';
  return draft;
}

/** Sets the year, or the period when no year is given. */
export function placeInTime(
  state: Pick<SentenceState, 'input'>,
  draft: Draft,
  segment: Segment,
  at: number,
): void {
  const { text, numbers, kind } = state.input;
  const year = findYear(text, numbers, segment, at);
  if (year) {
    draft.year = year.year;
    if (year.fiscal) draft.period = 'fiscal_year';
  } else {
    draft.period = findPeriod(text, segment, kind);
  }
}

/** Where the words describing a part begin: after "of whom", or after "of the five" and its number. */
function skipReferenced(numbers: NumberMention[], phrase: Phrase, mention: NumberMention): number {
  const from = phrase.partAfter?.end ?? phrase.noun?.end ?? mention.end;
  if (phrase.partAfter?.name !== 'of-the-n') return from;
  const referenced = numbers.find((n) => n.start >= from && n.start - from < 3);
  return referenced ? referenced.end : from;
}

function comparisonTarget(state: SentenceState, segment: Segment): Draft | undefined {
  const here = lastWhole(state.drafts, (d) => !d.isComparison && d.segment.start < segment.start);
  if (here) return here;
  return state.scope.comparesWithPrevious
    ? lastWhole(state.previousSentence, (d) => !d.isComparison)
    : undefined;
}

/** Decides whether the number is a part of a total, and of which, and in which listed group. */
function partOf(
  state: SentenceState,
  mention: NumberMention,
  phrase: Phrase,
  segment: Segment,
  metric: Metric | null,
): { total: Draft; group: number } | null {
  const { drafts, input } = state;
  const previous = drafts[drafts.length - 1];
  if (phrase.partAfter) {
    const referenced = input.numbers.find(
      (n) => phrase.partAfter && n.start >= phrase.partAfter.end && n.start - phrase.partAfter.end < 3,
    );
    const total =
      (referenced && lastWhole(drafts, (d) => d.value === referenced.value)) ??
      lastWhole(drafts, (d) => !d.isComparison);
    return total ? { total, group: state.nextGroup() } : null;
  }
  if (phrase.partBefore && !phrase.verb) {
    const total = lastWhole(drafts, (d) => d.segment.clause === segment.clause);
    return total ? { total, group: state.nextGroup() } : null;
  }
  const ownWords = phrase.verb !== null || phrase.noun?.gives.metric !== undefined;
  if (
    previous?.partOf &&
    previous.group !== undefined &&
    !ownWords &&
    previous.segment.start === segment.start
  ) {
    const between = input.text.slice(previous.end, mention.start);
    if (/^\s*,?\s*(?:and\s+|or\s+)?$/.test(between)) return { total: previous.partOf, group: previous.group };
  }
  if (
    !metric &&
    phrase.noun &&
    /^\s*(?:were|was|are)\s/.test(input.text.slice(phrase.noun.end, phrase.noun.end + 8))
  ) {
    const unit = unitFor(phrase.noun.gives.unit, 'victims_identified');
    const total = lastWhole(drafts, (d) => d.unit === unit);
    return total ? { total, group: state.nextGroup() } : null;
  }
  return null;
}

/**
 * Drafts the figures of one document: every count whose words say what it counts.
 *
 * @param input The clean text, its sections and sentences, the numbers and statutes.
 * @returns Drafts in text order, links as object references.
 */
export function draftFigures(input: FigureInput): { drafts: Draft[]; scopes: SentenceScope[] } {
  const all: Draft[] = [];
  const scopes: SentenceScope[] = [];
  let group = 0;
  let previousSentence: Draft[] = [];
  let n = 0;
  input.sentences.forEach((sentence, index) => {
    const section = input.sections.find((s) => sentence.start >= s.start && sentence.start < s.end);
    const scope = scopeSentence(input.text, sentence, index);
    scopes.push(scope);
    while (n < input.numbers.length && (input.numbers[n] as NumberMention).start < sentence.start) n++;
    if (!section || NO_FIGURES.has(section.kind)) return;
    const state: SentenceState = {
      input,
      scope,
      section,
      drafts: [],
      previousSentence,
      all,
      nextGroup: () => ++group,
    };
    for (let i = n; i < input.numbers.length; i++) {
      const mention = input.numbers[i] as NumberMention;
      if (mention.start >= sentence.end) break;
      if (!isCount(mention)) continue;
      const draft = draftOne(state, mention);
      if (draft) state.drafts.push(draft);
    }
    all.push(...state.drafts);
    previousSentence = state.drafts;
  });
  return { drafts: all, scopes };
}
