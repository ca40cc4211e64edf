import type { Range } from '../../segment/types.js';
import type { DocumentKind, NumberMention, Section, Statute } from '../../validate/schema.js';
import { describePart, findActor, findStatute, inherit, unitFor } from './context.js';
import { type Draft, type DraftPlace, isCount, newDraft } from './draft.js';
import { fitsNoun, type Phrase, readPhrase } from './phrase.js';
import type { Metric, NounCue } from './rules.js';
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
  /** "Of the 46 cases, 31 involved ...": the earlier figure the sentence breaks down. */
  sentenceTotal?: Draft;
  nextGroup: () => number;
}

function segmentAt(scope: SentenceScope, at: number): Segment {
  return (
    scope.segments.find((s) => at >= s.start && at < s.end) ??
    (scope.segments[scope.segments.length - 1] as Segment)
  );
}

/** The last whole figure (not a part) among drafts that passes `accept`. */
function lastWhole(drafts: Draft[], accept: (d: Draft) => boolean = () => true): Draft | undefined {
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i] as Draft;
    if (!d.partOf && accept(d)) return d;
  }
  return undefined;
}

/** The metric a number's own words give, honouring each cue's noun constraints. */
function ownMetric(phrase: Phrase): Metric | null {
  if (phrase.noun?.gives.metric) return phrase.noun.gives.metric;
  const { verb, participle, noun } = phrase;
  if (verb && fitsNoun(verb.rule, noun)) return verb.gives;
  if (participle && fitsNoun(participle.rule, noun)) return participle.gives;
  return null;
}

/** Words that may follow a count without being its object: "identified 50 in 2019", "six in 2015". */
const NOT_AN_OBJECT =
  /^(?:in|during|for|from|to|of|and|or|by|at|on|under|compared|were|was|who|whom|which|that|with|through|since|between|last|this|the|each|per|while|including|among|as|more|fewer|than|up|down|versus|vs)$/i;

/** True when a plain word that is no unit noun follows the number: "identified two areas" counts no one. */
function unknownObject(text: string, phrase: Phrase, end: number): boolean {
  if (phrase.noun || phrase.participle) return false;
  const next = /^\s*([A-Za-z][\w-]*)/.exec(text.slice(end, end + 40));
  return next !== null && !NOT_AN_OBJECT.test(next[1] as string);
}

/** The words that say which part of its total a number is: a specific noun, modifiers, or a predicate. */
function describe(state: SentenceState, mention: NumberMention, phrase: Phrase, limit: number) {
  const { text, numbers } = state.input;
  const noun = phrase.noun;
  if (noun) {
    const words = text.slice(mention.end, noun.gives.generic ? noun.start : noun.end).trim();
    if (words) return { text: words, end: noun.end };
  }
  let from = phrase.partAfter?.end ?? noun?.end ?? mention.end;
  if (phrase.partAfter?.name === 'of-the-n') {
    const referenced = numbers.find((n) => n.start >= from && n.start - from < 3);
    if (referenced) from = referenced.end;
  }
  return describePart(text, from, limit);
}

/** "a list of parts goes on": ", 11 to sex trafficking", "and 15 labor trafficking". */
const LIST_JOIN = /^[^;:()\d]{0,80}?(?:,|\band|\bor)\s*$/;

/** Decides whether the number is a part of a total, and of which, and in which listed group. */
function partOf(
  state: SentenceState,
  mention: NumberMention,
  phrase: Phrase,
  segment: Segment,
  own: Metric | null,
) {
  const { drafts, input } = state;
  const previous = drafts[drafts.length - 1];
  const sameSide = (d: Draft) => d.isComparison === segment.comparison;
  const group = (total: Draft | undefined) => (total ? { total, group: state.nextGroup() } : null);
  if (phrase.partAfter) {
    const after = phrase.partAfter.end;
    const referenced = input.numbers.find((n) => n.start >= after && n.start - after < 3);
    return group(
      (referenced && lastWhole(drafts, (d) => d.value === referenced.value)) ?? lastWhole(drafts, sameSide),
    );
  }
  // "(15 in 2019)": a parenthesis that is itself the comparison opens no list of parts.
  const parenComparison = segment.comparison && phrase.partBefore?.start === segment.start;
  if (phrase.partBefore && !phrase.verb && !parenComparison) {
    return group(
      lastWhole(drafts, (d) => d.segment.clause === segment.clause && sameSide(d)) ??
        lastWhole(drafts, sameSide) ??
        state.sentenceTotal,
    );
  }
  const ownWords = phrase.verb !== null || phrase.noun?.gives.metric !== undefined;
  if (
    previous?.partOf &&
    previous.group !== undefined &&
    !ownWords &&
    previous.segment.start === segment.start
  ) {
    if (LIST_JOIN.test(input.text.slice(previous.end, mention.start)))
      return { total: previous.partOf, group: previous.group };
  }
  if (state.sentenceTotal && !ownWords && drafts.length === 0) return group(state.sentenceTotal);
  if (
    !own &&
    phrase.noun &&
    /^\s*(?:were|was|are)\s/.test(input.text.slice(phrase.noun.end, phrase.noun.end + 8))
  ) {
    const unit = unitFor(phrase.noun.gives.unit, 'victims_identified');
    return group(lastWhole(drafts, (d) => d.unit === unit));
  }
  return null;
}

/** "Of the 46 cases, ...": the earlier figure the sentence goes on to break down, found by its value. */
function referencedTotal(state: SentenceState, mention: NumberMention): Draft | undefined {
  const before = state.input.text.slice(Math.max(state.scope.start, mention.start - 12), mention.start);
  if (!/(?:^|\s)of\s+the\s+$/i.test(before) || mention.value === null) return undefined;
  return lastWhole([...state.all, ...state.drafts], (d) => d.value === mention.value);
}

function comparisonTarget(state: SentenceState, segment: Segment): Draft | undefined {
  const here = lastWhole(state.drafts, (d) => !d.isComparison && d.segment.start < segment.start);
  if (here) return here;
  return state.scope.comparesWithPrevious
    ? lastWhole(state.previousSentence, (d) => !d.isComparison)
    : undefined;
}

function draftOne(
  state: SentenceState,
  mention: NumberMention,
  next: NumberMention | undefined,
): Draft | null {
  const { input, scope, drafts } = state;
  const { text } = input;
  const segment = segmentAt(scope, mention.start);
  const phrase = readPhrase(text, {
    start: mention.start,
    end: mention.end,
    lo: segment.start,
    hi: segment.end,
    nounLimit: next ? Math.min(segment.end, next.start) : segment.end,
    unknown: mention.qualifier === 'unknown',
  });
  // "fewer than the 500 reported for 2006": in a comparison, "the N" is the earlier period's figure.
  if (phrase.backReference && !segment.comparison) {
    const total = state.sentenceTotal ?? referencedTotal(state, mention);
    if (total) state.sentenceTotal = total;
    return null;
  }
  const own = ownMetric(phrase);
  const nounUnit: NounCue['unit'] | null = phrase.noun?.gives.unit ?? null;
  const place = (metric: Metric, unit: Draft['unit'], start: number, end: number): DraftPlace => ({
    metric,
    unit,
    year: null,
    isComparison: segment.comparison,
    section: state.section.kind,
    start,
    end,
    number: { start: mention.start, end: mention.end },
    sentence: scope.index,
    segment,
  });

  const part = partOf(state, mention, phrase, segment, own);
  if (part) {
    const metric = phrase.noun?.gives.metric ? part.total.metric : (own ?? part.total.metric);
    const described = describe(state, mention, phrase, segment.end);
    const end = Math.max(mention.end, phrase.noun?.end ?? 0, described?.end ?? 0);
    const unit = nounUnit
      ? unitFor(nounUnit, metric)
      : metric === part.total.metric
        ? part.total.unit
        : unitFor(null, metric);
    const draft = newDraft(mention, place(metric, unit, mention.start, end));
    inherit(draft, part.total, true);
    draft.partOf = part.total;
    draft.group = part.group;
    if (described?.text) draft.breakdown = described.text;
    return draft;
  }

  let resolved = own;
  let from: Draft | undefined;
  const anchored =
    (phrase.involving && (nounUnit === 'suspects' || nounUnit === 'officials')) ||
    (phrase.attached && !own && (nounUnit === 'cases' || nounUnit === 'suspects'));
  if (anchored) {
    from = lastWhole(drafts, (d) => d.segment.start === segment.start && !d.anchor);
    resolved = from?.metric ?? null;
  } else if (!resolved && segment.comparison) {
    from = comparisonTarget(state, segment);
    resolved = from?.metric ?? null;
  } else if (!resolved && phrase.noun) {
    // "identified 40 potential forced labor victims and 15 potential sex trafficking victims": a count
    // joined by "and" to the figure before it, with a noun of the same kind, counts the same thing.
    const previous = drafts[drafts.length - 1];
    const joined = previous && !previous.partOf && previous.segment.start === segment.start;
    if (joined && /^\s*(?:,\s*)?(?:and|or)\s+$/.test(text.slice(previous.end, mention.start))) {
      if (unitFor(nounUnit, previous.metric) === previous.unit) resolved = previous.metric;
    }
  }
  if (!resolved || (!from && unknownObject(text, phrase, mention.end))) return null;

  const verbStart =
    phrase.verb && resolved === own ? phrase.verb.start : (phrase.governing?.start ?? mention.start);
  const start = Math.min(mention.start, verbStart);
  const end = Math.max(
    mention.end,
    phrase.noun?.end ?? 0,
    phrase.participle && resolved === own ? phrase.participle.end : 0,
  );
  const unit = nounUnit ? unitFor(nounUnit, resolved) : (from?.unit ?? unitFor(null, resolved));
  const draft = newDraft(mention, place(resolved, unit, start, end));
  if (from) inherit(draft, from, false);
  if (anchored && from) draft.anchor = from;
  const statute = findStatute(input.statutes, segment, mention.start);
  if (statute) draft.statute = statute;
  // In a comparison, the words before the number are the other period's figure, not a subject.
  const actor = segment.comparison ? undefined : findActor(text, segment, start);
  if (actor) draft.actor = actor;
  if (nounUnit === 'officials' && resolved !== 'people_trained') draft.breakdown = 'officials';
  return draft;
}

/**
 * Drafts the figures of one document: every count whose words say what it counts. Years are set later,
 * by the `assignYears` refiner, once every figure of a segment is known.
 *
 * @param input The clean text, its sections and sentences, the numbers and statutes.
 * @returns Drafts in text order, links as object references, and the sentence scopes.
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
      const draft = draftOne(state, mention, input.numbers[i + 1]);
      if (draft) state.drafts.push(draft);
    }
    all.push(...state.drafts);
    previousSentence = state.drafts;
  });
  return { drafts: all, scopes };
}
