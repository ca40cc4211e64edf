import type { Figure, TipDocument } from '../validate/schema.js';

/** One figure as a change report shows it: what it counts, its value and the words it came from. */
export interface FigureView {
  key: string;
  metric: string;
  value: number | null;
  unit: string | null;
  year: number | null;
  period: string | null;
  breakdown: string | null;
  quote: string;
}

/** What changed in one document between two extractions, figure by figure. */
export interface ChangeReport {
  id: string;
  before: { sha256: string; textSha256: string; extractor: string };
  after: { sha256: string; textSha256: string; extractor: string };
  added: FigureView[];
  removed: FigureView[];
  changed: { key: string; before: FigureView; after: FigureView }[];
  /** Tier placement before and after, when it changed. */
  tier?: { before: string | null; after: string | null };
}

/**
 * The identity of a figure across versions of a document: what it counts and for when, not its value or
 * where it stands (a re-worded sentence keeps the figure; a new value is a change of that figure).
 *
 * @param f The figure.
 */
export function figureKey(f: Figure): string {
  return [
    f.metric,
    f.unit ?? '',
    f.year ?? f.period ?? '',
    f.breakdown ?? '',
    f.qualifier ?? '',
    f.statute ?? '',
  ].join('|');
}

/** Keys made unique by their order of appearance: the second "prosecutions|cases|2016" is "...#2". */
function keyed(figures: Figure[]): Map<string, Figure> {
  const seen = new Map<string, number>();
  const out = new Map<string, Figure>();
  for (const f of figures) {
    const base = figureKey(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(n === 1 ? base : `${base}#${n}`, f);
  }
  return out;
}

function view(key: string, f: Figure): FigureView {
  return {
    key,
    metric: f.metric,
    value: f.value,
    unit: f.unit,
    year: f.year,
    period: f.period ?? null,
    breakdown: f.breakdown ?? null,
    quote: f.quote,
  };
}

function identity(d: TipDocument): ChangeReport['before'] {
  return { sha256: d.document.sha256, textSha256: d.document.textSha256, extractor: d.document.extractor };
}

/**
 * Compares two extractions of the same document figure by figure.
 *
 * @param before The previous run's document.
 * @param after This run's document.
 */
export function diffDocuments(before: TipDocument, after: TipDocument): ChangeReport {
  const old = keyed(before.figures);
  const now = keyed(after.figures);
  const report: ChangeReport = {
    id: after.document.id,
    before: identity(before),
    after: identity(after),
    added: [],
    removed: [],
    changed: [],
  };
  for (const [key, f] of now) {
    const was = old.get(key);
    if (!was) report.added.push(view(key, f));
    else if (was.value !== f.value || was.min !== f.min || was.max !== f.max) {
      report.changed.push({ key, before: view(key, was), after: view(key, f) });
    }
  }
  for (const [key, f] of old) if (!now.has(key)) report.removed.push(view(key, f));
  const [tierBefore, tierAfter] = [before.tier?.placement ?? null, after.tier?.placement ?? null];
  if (tierBefore !== tierAfter) report.tier = { before: tierBefore, after: tierAfter };
  return report;
}

/** True when the report shows no change of any figure or of the tier. */
export function isEmptyReport(r: ChangeReport): boolean {
  return r.added.length === 0 && r.removed.length === 0 && r.changed.length === 0 && r.tier === undefined;
}

/**
 * One line per change for the terminal: `+ prosecutions 2016: 5 "initiated five prosecutions"`.
 *
 * @param r The report.
 */
export function formatChangeReport(r: ChangeReport): string[] {
  const when = (v: FigureView) => String(v.year ?? v.period ?? '');
  const lines: string[] = [];
  if (r.tier) lines.push(`  tier: ${r.tier.before ?? 'none'} -> ${r.tier.after ?? 'none'}`);
  for (const c of r.changed) {
    lines.push(
      `  ~ ${c.after.metric} ${when(c.after)}: ${c.before.value} -> ${c.after.value} ("${c.before.quote}" -> "${c.after.quote}")`,
    );
  }
  for (const a of r.added) lines.push(`  + ${a.metric} ${when(a)}: ${a.value} "${a.quote}"`);
  for (const d of r.removed) lines.push(`  - ${d.metric} ${when(d)}: ${d.value} "${d.quote}"`);
  return lines;
}
