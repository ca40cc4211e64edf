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
  const zeros = findCues(ZERO_TABLE, sentence).filter((z) => !notReported.some((n) => n.start === z.start));
  const cues = [
    ...notReported.map((cue) => ({ cue, zero: false })),
    ...zeros.map((cue) => ({ cue, zero: true })),
  ];
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
      const draft: Draft = {
        metric: found.metric,
        value: zero ? 0 : null,
        unit: unitFor(noun?.rule.gives.unit ?? null, found.metric),
        year: null,
        isComparison: segment.comparison,
        section,
        start,
        end: Math.max(found.end, nounEnd),
        number: { start, end: cueEnd },
        sentence: scope.index,
        segment,
      };
      if (!zero) draft.qualifier = 'not_reported';
      if (complicity) draft.breakdown = 'officials';
      drafts.push(draft);
    }
  }
  return drafts;
}
