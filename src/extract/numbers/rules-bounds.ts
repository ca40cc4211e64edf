/**
 * Rule rows of the last two stages: the words that bound or blur a number ("more than 200", "at least
 * 30", "five hundred or more", "roughly 70 percent"), and pairs of bounds that
 * make one range ("larger than twenty and less or equal than thirty five").
 */
import { NumberKindSchema, type Qualifier } from '../../validate/schema.js';
import { MAX_CONTEXT_CHARS } from '../limits.js';
import { OVER_PARTICLE_VERBS, PERSON_NOUNS, QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES } from '../words.js';
import { combineQualifiers, draftOf, LOWER, UPPER } from './build.js';
import { ANY_MARK, group, node, phraseKey, phrases } from './patterns.js';
import { rx } from './rules-ranges.js';
import type { Ctx, NumberRule } from './shadow.js';
import type { Draft, NumNode } from './types.js';

/** Anything but a date can be bounded; "the" may stand between the words and an ordinal only. */
const BOUNDABLE = node(
  'n',
  NumberKindSchema.options.filter((kind) => kind !== 'date'),
);
/** A symbol cue must not be part of a longer operator: "<>30", "=>30" and "=<30" bound nothing. */
const PRE = `(?<![<>=!])${group('pre', phrases(QUALIFIER_PREFIXES.keys()))}`;
/** A suffix cue may not go on to a number of its own: "200 or greater than 190" bounds 190, not 200. */
const POST = `${group('post', phrases(QUALIFIER_SUFFIXES.keys()))}(?!\\s*(?:than\\s+|to\\s+)?${ANY_MARK})(?!\\s+(?:than|or\\s+equal|equal)\\b)`;

/** The word right before the match, lower case: "children" in "children under 18". */
function wordBefore(ctx: Ctx): string | undefined {
  const at = ctx.start;
  // The leftmost match starts a word, so `(?<![A-Za-z])` costs nothing and stops a search inside one.
  return /(?<![A-Za-z])([A-Za-z]+)[^A-Za-z]*$/
    .exec(ctx.text.slice(Math.max(0, at - MAX_CONTEXT_CHARS), at))?.[1]
    ?.toLowerCase();
}

function qualify(ctx: Ctx): Draft | null {
  const n = ctx.node('n');
  const pre = ctx.group('pre');
  const post = ctx.group('post');
  if (!n || n.qualifier || n.kind === 'date') return null;
  const preKey = pre === undefined ? undefined : phraseKey(pre);
  const cue = preKey === undefined ? undefined : QUALIFIER_PREFIXES.get(preKey);
  if (pre !== undefined && !cue) return null;
  if (ctx.group('the') !== undefined && n.kind !== 'ordinal') return null;
  const qualifier = combineQualifiers(
    cue?.qualifier,
    post === undefined ? undefined : QUALIFIER_SUFFIXES.get(phraseKey(post)),
  );
  if (!qualifier) return null;
  // "under 2016 law" and "some 2016 reports" are no bounds; "more than 2000" is a count.
  if (n.kind === 'year' && cue?.years === false) return null;
  const before = wordBefore(ctx);
  if (preKey === 'over' && before !== undefined && OVER_PARTICLE_VERBS.has(before)) return null;
  let kind = n.kind === 'year' ? 'count' : n.kind;
  let unit = n.unit;
  const years = n.kind === 'duration' && (n.unit === 'years' || n.unit === 'months');
  if (cue?.age && (kind === 'count' || kind === 'range' || kind === 'age' || years)) {
    kind = 'age';
    unit ??= 'years';
  } else if (
    cue?.person &&
    kind === 'count' &&
    isChildAge(n) &&
    before !== undefined &&
    PERSON_NOUNS.has(before)
  ) {
    kind = 'age';
    unit = 'years';
  }
  const draft = draftOf(n, { kind, qualifier });
  if (unit !== undefined) draft.unit = unit;
  return draft;
}

/** Ages that "under" and "over" set after a person noun: whole numbers a minor's age can be. */
function isChildAge(n: NumNode): boolean {
  return n.value !== null && Number.isInteger(n.value) && n.value >= 1 && n.value <= 21;
}

const BOUNDS: NumberRule[] = [
  {
    name: 'qualifier-prefix',
    stage: 'qualifier',
    pattern: rx(`${PRE}\\s*${group('the', 'the\\s+')}?${BOUNDABLE}(?:\\s+${POST})?`),
    build: qualify,
    examples: [
      {
        text: "sentenced a man to five years' imprisonment for trafficking more than 40 men to work for a Saudi Arabian construction company",
        source: 'hrr:2008_ethiopia',
        mention: { text: 'more than 40', kind: 'count', value: 40, qualifier: 'more_than' },
      },
      {
        text: 'A person convicted of trafficking can be sentenced to up to 10 years in prison.',
        source: 'hrr:2008_sierra-leone',
        mention: { text: 'up to 10 years', kind: 'duration', value: 10, qualifier: 'at_most', unit: 'years' },
      },
      {
        text: 'the trafficking of at least 58 children',
        source: 'hrr:2008_niger',
        mention: { text: 'at least 58', kind: 'count', value: 58, qualifier: 'at_least' },
      },
      {
        text: 'when the victim is younger than 14 years, the penalty is 10 to 15 years imprisonment.',
        source: 'kyrgyz-2017',
        mention: {
          text: 'younger than 14 years',
          kind: 'age',
          value: 14,
          qualifier: 'less_than',
          unit: 'years',
        },
      },
      {
        text: 'more than half were girls under the age of 16',
        source: 'hrr:2008_sierra-leone',
        mention: {
          text: 'under the age of 16',
          kind: 'age',
          value: 16,
          qualifier: 'less_than',
          unit: 'years',
        },
      },
      {
        text: 'The law prohibits the forced labor of children under 18.',
        source: 'constructed',
        mention: { text: 'under 18', kind: 'age', value: 18, qualifier: 'less_than', unit: 'years' },
      },
      {
        text: "There're about five hundred or more in these products.",
        source: 'peer:NumberRangeModel',
        mention: { text: 'about five hundred or more', kind: 'count', value: 500, qualifier: 'at_least' },
      },
      {
        text: 'His score is equal to 5000 or less',
        source: 'peer:NumberRangeModel',
        mention: { text: 'equal to 5000 or less', kind: 'count', value: 5000, qualifier: 'at_most' },
      },
    ],
    counterExamples: [
      'handing over one to Interpol Mali',
      'significantly fewer than the 500 reported for 2006',
      'under 2016 legislation',
      '<>30',
      'about 2015 events',
    ],
  },
  {
    name: 'qualifier-suffix',
    stage: 'qualifier',
    pattern: rx(`${BOUNDABLE}\\s+${POST}`),
    build: qualify,
    examples: [
      {
        text: 'His score is 200 or greater',
        source: 'peer:NumberRangeModel',
        mention: { text: '200 or greater', kind: 'count', value: 200, qualifier: 'at_least' },
      },
      {
        text: 'Victims were sentenced to serve three years or more.',
        source: 'constructed',
        mention: {
          text: 'three years or more',
          kind: 'duration',
          value: 3,
          qualifier: 'at_least',
          unit: 'years',
        },
      },
    ],
    counterExamples: ['His score is 200 or greater than 190', 'five or six victims'],
  },
];

/** Two bounds joined by "and", "but" or a comma, the lower below the upper: one range. */
function pair(ctx: Ctx): Draft | null {
  const a = ctx.node('a');
  const b = ctx.node('b');
  if (!a?.qualifier || !b?.qualifier || a.kind !== b.kind || a.min !== undefined || b.min !== undefined)
    return null;
  const isLower = (q: Qualifier): boolean => LOWER.has(q);
  const lower = isLower(a.qualifier) ? a : isLower(b.qualifier) ? b : null;
  const upper = UPPER.has(a.qualifier) ? a : UPPER.has(b.qualifier) ? b : null;
  if (!lower || !upper || lower === upper || lower.value === null || upper.value === null) return null;
  if (!(lower.value < upper.value)) return null;
  const d: Draft = {
    kind: a.kind === 'count' ? 'range' : a.kind,
    value: null,
    min: lower.value,
    max: upper.value,
  };
  if (a.unit !== undefined) d.unit = a.unit;
  return d;
}

const PAIRS: NumberRule[] = [
  {
    name: 'bound-pair',
    stage: 'pair',
    pattern: rx(`${node('a')}(?:\\s*,\\s*(?:(?:and|but)\\s+)?|\\s+(?:and|but)\\s+)${node('b')}`),
    build: pair,
    examples: [
      {
        text: 'This number is larger than twenty and less or equal than thirty five.',
        source: 'peer:NumberRangeModel',
        mention: {
          text: 'larger than twenty and less or equal than thirty five',
          kind: 'range',
          value: null,
          min: 20,
          max: 35,
        },
      },
    ],
    counterExamples: ['More than 40 and less than 10 are two ranges', 'more than 20, above 170 apiece'],
  },
];

/** Rows of the qualifier and pair stages. */
export const BOUND_RULES: readonly NumberRule[] = [...BOUNDS, ...PAIRS];
