import type { Comparison } from '../audit/compare.js';
import type { Figure } from '../validate/schema.js';

/** What the audit says about one extracted figure. */
export type FigureStatus = 'matched' | 'changed' | 'unexpected' | 'unchecked';

/**
 * The element id of a figure's primary highlight: built from positions, never from document or figure ids, so it is
 * always a safe id and selector whatever the ids hold.
 *
 * @param docIndex The document's position in the report.
 * @param figureIndex The figure's position in `figures`.
 */
export function figureDomId(docIndex: number, figureIndex: number): string {
  return `d${docIndex}-f${figureIndex}`;
}

/**
 * A figure's value as a reader says it: `8`, `5-20`, `unknown`, `not reported`.
 *
 * @param f The figure.
 */
export function figureValue(f: Pick<Figure, 'value' | 'min' | 'max' | 'qualifier'>): string {
  if (f.value !== null) return String(f.value);
  if (f.min !== undefined || f.max !== undefined) return `${f.min ?? ''}-${f.max ?? ''}`;
  return f.qualifier === undefined ? 'none' : f.qualifier.replace(/_/g, ' ');
}

/**
 * The year a figure is tied to, or the period the text names instead.
 *
 * @param f The figure.
 */
export function figureWhen(f: Pick<Figure, 'year' | 'period'>): string {
  if (f.year !== null) return f.period === 'fiscal_year' ? `FY ${f.year}` : String(f.year);
  return f.period ? f.period.replace(/_/g, ' ') : '';
}

/**
 * One line that names a figure, used as its tooltip when scripts are off: `convictions 10 offenders, 2016`.
 *
 * @param f The figure.
 */
export function describeFigure(f: Figure): string {
  const value = [
    f.qualifier && f.value !== null ? f.qualifier.replace(/_/g, ' ') : '',
    figureValue(f),
    f.unit ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const extra = [f.breakdown, f.statute ? `under ${f.statute}` : undefined].filter(Boolean).join('; ');
  const when = figureWhen(f);
  return `${f.metric} ${value}${when ? `, ${when}` : ''}${extra ? ` (${extra})` : ''}`;
}

/**
 * The audit status of each extracted figure of one comparison, by figure id.
 *
 * @param c The comparison of the document, if any.
 */
export function figureStatuses(c: Comparison | undefined): Map<string, FigureStatus> {
  const out = new Map<string, FigureStatus>();
  if (!c) return out;
  for (const p of c.figures.matched) out.set(p.actual.id, 'matched');
  for (const p of c.figures.changed) out.set(p.actual.id, 'changed');
  for (const f of c.figures.unexpected) out.set(f.id, 'unexpected');
  for (const f of c.figures.unchecked) out.set(f.id, 'unchecked');
  return out;
}

/** Display names of the section kinds, in the contract's words. */
export const SECTION_LABELS: Record<string, string> = {
  header: 'Header',
  summary: 'Summary',
  recommendations: 'Recommendations',
  prosecution: 'Prosecution',
  protection: 'Protection',
  prevention: 'Prevention',
  profile: 'Trafficking profile',
  other: 'Other',
};
