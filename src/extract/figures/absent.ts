import { unitFor } from './context.js';
import { COMPLICITY, METRIC_WORDS, NOT_REPORTED, NOT_REPORTED_SCOPE_END, ZERO } from './context-rules.js';
import { compileFind, findCues } from './cues.js';
import type { Draft } from './draft.js';
import type { FigureInput } from './find.js';
import { type Metric, UNIT_NOUNS } from './rules.js';
import type { SentenceScope } from './scope.js';

/**
 * Figures that state an absence: "did not report law enforcement data" (no value, qualifier `not_reported`)
 * and "did not prosecute any traffickers" or "no officials were investigated" (value zero).
 */

const NOT_REPORTED_TABLE = compileFind(NOT_REPORTED);
const ZERO_TABLE = compileFind(ZERO);
const METRIC_TABLE = compileFind(METRIC_WORDS);
const NOUN_TABLE = compileFind(UNIT_NOUNS);
const SCOPE_END = new RegExp(NOT_REPORTED_SCOPE_END, 'i');
/** A word that every row of NOT_REPORTED and ZERO contains (a new row must add its word here). */
export const MAY_BE_ABSENT = /\b(?:not|no|nor)\b|failed/i;
const COMPLICITY_RE = new RegExp(COMPLICITY, 'i');
/** The longest "did not report ..." object seen in real narratives is about 90 characters. */
const SCOPE_MAX = 120;

function scopeEnd(text: string, from: number, limit: number): number {
  const rest = text.slice(from, Math.min(limit, from + SCOPE_MAX));
  const stop = SCOPE_END.exec(rest);
  return from + (stop ? stop.index : rest.length);
}

function metricsIn(text: string, from: number, to: number): { metric: Metric; end: number }[] {
  const seen = new Set<Metric>();
  const out: { metric: Metric; end: number }[] = [];
  for (const cue of findCues(METRIC_TABLE, text.slice(from, to))) {
    if (seen.has(cue.rule.gives)) continue;
    seen.add(cue.rule.gives);
    out.push({ metric: cue.rule.gives, end: from + cue.end });
  }
  return out;
}

/**
 * Drafts the figures of one sentence that say something was not reported, or was zero.
 *
 * @param input The document's figure input.
 * @param scope The sentence, cut into segments.
 * @param section The kind of the section the sentence stands in.
 */
export function draftAbsences(input: FigureInput, scope: SentenceScope, section: Draft['section']): Draft[] {
  const { text } = input;
  const sentence = text.slice(scope.start, scope.end);
  const drafts: Draft[] = [];
  // Every absence cue has one of these words; most sentences have none, and skip the three tables.
  if (!MAY_BE_ABSENT.test(sentence)) return drafts;
  const notReported = findCues(NOT_REPORTED_TABLE, sentence);
  // A push loop, not `map`, `filter` and spread: their arrays differ in elements kind (holey once
  // optimised, packed before, small-integer when empty), and this code deoptimised on each new one.
  const cues: { cue: { start: number; end: number }; zero: boolean }[] = [];
  for (const cue of notReported) cues.push({ cue, zero: false });
  for (const cue of findCues(ZERO_TABLE, sentence)) {
    if (!notReported.some((n) => n.start === cue.start)) cues.push({ cue, zero: true });
  }
  for (const { cue, zero } of cues) {
    const start = scope.start + cue.start;
    const cueEnd = scope.start + cue.end;
    const segment = scope.segments.find((s) => start >= s.start && start < s.end);
    if (!segment) continue;
    const end = scopeEnd(text, cueEnd, segment.end);
    const complicity = COMPLICITY_RE.test(text.slice(cueEnd, end));
    const metrics = metricsIn(text, cueEnd, end);
    const lastMetricEnd = metrics[metrics.length - 1]?.end ?? cueEnd;
    const after = findCues(NOUN_TABLE, text.slice(lastMetricEnd, end))[0];
    const noun = after ?? findCues(NOUN_TABLE, text.slice(cueEnd, end))[0];
    const nounEnd = after && zero ? lastMetricEnd + after.end : 0;
    for (const found of metrics) {
      // Every field, in the order of `Draft` (see newDraft): one hidden class for all drafts.
      drafts.push({
        metric: found.metric,
        value: zero ? 0 : null,
        min: undefined,
        max: undefined,
        unit: unitFor(noun?.rule.gives.unit ?? null, found.metric),
        year: null,
        period: undefined,
        qualifier: zero ? undefined : 'not_reported',
        statute: undefined,
        actor: undefined,
        breakdown: complicity ? 'officials' : undefined,
        partOf: undefined,
        group: undefined,
        comparedWith: undefined,
        anchor: undefined,
        isComparison: segment.comparison,
        section,
        start,
        end: Math.max(found.end, nounEnd),
        number: { start, end: cueEnd },
        sentence: scope.index,
        segment,
      });
    }
  }
  return drafts;
}
