import type { Figure, Penalty, Statute, TipDocument } from '../validate/schema.js';
import type { ExpectedDocument, ExpectedFigure, ExpectedPenalty, ExpectedStatute } from './expected.js';

/** One field that differs between the expected file and the extraction. */
export interface FieldChange {
  field: string;
  expected: unknown;
  actual: unknown;
}

/** An expected figure and the extracted figure it was paired with. */
export interface FigurePair {
  index: number;
  expected: ExpectedFigure;
  actual: Figure;
  changes: FieldChange[];
}

/** An expected statute and the extracted statute it was paired with. */
export interface StatutePair {
  expected: ExpectedStatute;
  actual: Statute;
  changes: FieldChange[];
}

/** How one document's extraction compares with its expected file. */
export interface Comparison {
  id: string;
  /** Document, tier and section fields that differ. */
  document: FieldChange[];
  figures: {
    matched: FigurePair[];
    changed: FigurePair[];
    missing: { index: number; expected: ExpectedFigure }[];
    /** Extracted figures not in a `complete` expected file: false positives. */
    unexpected: Figure[];
    /** Extracted figures not in a partial expected file: nobody has checked them yet. */
    unchecked: Figure[];
  };
  statutes: {
    matched: StatutePair[];
    changed: StatutePair[];
    missing: ExpectedStatute[];
    unexpected: Statute[];
  };
  /** Matched / (matched + changed + unexpected); 1 when nothing was extracted. */
  precision: number;
  /** Matched / expected; 1 when nothing was expected. */
  recall: number;
}

function differ(changes: FieldChange[], field: string, expected: unknown, actual: unknown): void {
  if (expected !== undefined && JSON.stringify(expected) !== JSON.stringify(actual ?? null)) {
    changes.push({ field, expected, actual: actual ?? null });
  }
}

/** Pairs expected figures with extracted ones: by metric and exact quote first, then by metric, value and year. */
function pairFigures(expected: ExpectedFigure[], actual: Figure[]): Map<number, Figure> {
  const used = new Set<Figure>();
  const pairs = new Map<number, Figure>();
  const pass = (same: (e: ExpectedFigure, a: Figure) => boolean): void => {
    expected.forEach((e, i) => {
      if (pairs.has(i)) return;
      const a = actual.find((f) => !used.has(f) && same(e, f));
      if (a) {
        used.add(a);
        pairs.set(i, a);
      }
    });
  };
  pass((e, a) => e.metric === a.metric && e.quote !== undefined && e.quote === a.quote);
  pass((e, a) => e.metric === a.metric && e.value === a.value && sameWords(e.quote, a.quote));
  pass((e, a) => e.metric === a.metric && e.value === a.value && e.year === a.year);
  return pairs;
}

/** Two quotes state the same figure when one contains the other ("57 prosecutions" in "reported 57 prosecutions"). */
function sameWords(expected: string | undefined, actual: string): boolean {
  return expected !== undefined && (actual.includes(expected) || expected.includes(actual));
}

function figureChanges(
  e: ExpectedFigure,
  a: Figure,
  idOf: (index: number | undefined) => string | undefined,
): FieldChange[] {
  const changes: FieldChange[] = [];
  differ(changes, 'value', e.value, a.value);
  differ(changes, 'min', e.min, a.min);
  differ(changes, 'max', e.max, a.max);
  differ(changes, 'unit', e.unit, a.unit);
  differ(changes, 'year', e.year, a.year);
  differ(changes, 'period', e.period, a.period);
  differ(changes, 'qualifier', e.qualifier, a.qualifier);
  differ(changes, 'statute', e.statute, a.statute);
  differ(changes, 'actor', e.actor, a.actor);
  differ(changes, 'breakdown', e.breakdown, a.breakdown);
  if (!sameWords(e.quote, a.quote)) differ(changes, 'quote', e.quote, a.quote);
  if (e.partOf !== undefined) differ(changes, 'partOf', idOf(e.partOf) ?? `expected #${e.partOf}`, a.partOf);
  if (e.comparedWithIndex !== undefined) {
    differ(
      changes,
      'comparedWith',
      idOf(e.comparedWithIndex) ?? `expected #${e.comparedWithIndex}`,
      a.comparedWith,
    );
  }
  return changes;
}

function penaltyView(p: Penalty | ExpectedPenalty): ExpectedPenalty {
  const view: ExpectedPenalty = { kind: p.kind, min: p.min, max: p.max, unit: p.unit };
  if (p.condition !== undefined) view.condition = p.condition;
  return view;
}

function compareStatutes(expected: ExpectedStatute[], actual: Statute[]): Comparison['statutes'] {
  const out: Comparison['statutes'] = { matched: [], changed: [], missing: [], unexpected: [] };
  const used = new Set<Statute>();
  for (const e of expected) {
    const a = actual.find((s) => !used.has(s) && s.instrument === e.instrument && s.article === e.article);
    if (!a) {
      out.missing.push(e);
      continue;
    }
    used.add(a);
    const changes: FieldChange[] = [];
    differ(changes, 'title', e.title, a.title);
    differ(changes, 'penalties', e.penalties?.map(penaltyView), a.penalties.map(penaltyView));
    (changes.length === 0 ? out.matched : out.changed).push({ expected: e, actual: a, changes });
  }
  out.unexpected = actual.filter((s) => !used.has(s));
  return out;
}

function compareDocument(expected: ExpectedDocument, doc: TipDocument): FieldChange[] {
  const changes: FieldChange[] = [];
  differ(changes, 'document.kind', expected.document?.kind, doc.document.kind);
  differ(changes, 'document.country', expected.document?.country, doc.document.country);
  differ(changes, 'document.reportYear', expected.document?.reportYear, doc.document.reportYear);
  if (expected.tier === null) differ(changes, 'tier', null, doc.tier);
  else if (expected.tier) {
    differ(changes, 'tier.placement', expected.tier.placement, doc.tier?.placement);
    differ(changes, 'tier.previous', expected.tier.previous ?? null, doc.tier?.previous?.placement);
    differ(changes, 'tier.change', expected.tier.change ?? null, doc.tier?.change);
  }
  differ(
    changes,
    'sections',
    expected.sections,
    doc.sections.map((s) => s.kind),
  );
  return changes;
}

/**
 * Compares one extracted document with its hand-checked expected file, figure by figure and statute by statute.
 *
 * @param expected The expected file (possibly partial: `complete` false).
 * @param doc The extracted document.
 */
export function compare(expected: ExpectedDocument, doc: TipDocument): Comparison {
  const wanted = expected.figures ?? [];
  const pairs = pairFigures(wanted, doc.figures);
  const idOf = (index: number | undefined): string | undefined =>
    index === undefined ? undefined : pairs.get(index)?.id;
  const figures: Comparison['figures'] = {
    matched: [],
    changed: [],
    missing: [],
    unexpected: [],
    unchecked: [],
  };
  wanted.forEach((e, index) => {
    const actual = pairs.get(index);
    if (!actual) {
      figures.missing.push({ index, expected: e });
      return;
    }
    const changes = figureChanges(e, actual, idOf);
    (changes.length === 0 ? figures.matched : figures.changed).push({ index, expected: e, actual, changes });
  });
  const paired = new Set(pairs.values());
  const rest = doc.figures.filter((f) => !paired.has(f));
  if (expected.complete) figures.unexpected = rest;
  else figures.unchecked = rest;
  const statutes = compareStatutes(expected.statutes ?? [], doc.statutes);
  const matched = figures.matched.length + statutes.matched.length;
  const extracted =
    matched +
    figures.changed.length +
    statutes.changed.length +
    figures.unexpected.length +
    statutes.unexpected.length;
  const wantedCount = wanted.length + (expected.statutes?.length ?? 0);
  return {
    id: expected.id,
    document: compareDocument(expected, doc),
    figures,
    statutes,
    precision: extracted === 0 ? 1 : matched / extracted,
    recall: wantedCount === 0 ? 1 : matched / wantedCount,
  };
}

/** True when the comparison shows no difference at all. */
export function isClean(c: Comparison): boolean {
  return (
    c.document.length === 0 &&
    c.figures.changed.length === 0 &&
    c.figures.missing.length === 0 &&
    c.figures.unexpected.length === 0 &&
    c.statutes.changed.length === 0 &&
    c.statutes.missing.length === 0 &&
    c.statutes.unexpected.length === 0
  );
}
