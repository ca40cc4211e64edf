import type { Figure, TipDocument } from '../validate/schema.js';
import { attrs, escapeHtml } from './escape.js';
import { describeFigure, type FigureStatus, figureDomId } from './labels.js';

/**
 * Builds the highlighted clean text from the offsets. Figures, statute mentions and numbers are intervals that may
 * nest or cross (three "did not report" figures share their start; a number sits inside its figure). The text is cut
 * at every interval end into runs; each run is wrapped in the elements of the intervals covering it, outermost first.
 * An interval interrupted by one it crosses is reopened as a continuation fragment, so every figure has exactly one
 * primary element (focusable, carrying the data attributes) and the rest point back to it with `data-ref`.
 *
 * ```
 * text:    did not report the investigation, prosecution
 * figure A ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 * figure B ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 * html:    <B><A>did not … investigation</A>, prosecution</B>
 * ```
 */

/** Outer before inner where two intervals have the same extent: the figure's colour wins over a number's. */
const LAYER = { figure: 0, statute: 1, number: 2, anchor: 3 } as const;

interface Interval {
  start: number;
  end: number;
  layer: number;
  /** Position in the sort, the tie-breaker that makes nesting the same on every run. */
  rank: number;
  open: (first: boolean) => string;
  close: string;
}

function figureInterval(
  figure: Figure,
  domId: string,
  status: FigureStatus | undefined,
): Omit<Interval, 'rank'> {
  const data = {
    'data-ref': domId,
    'data-id': figure.id,
    'data-metric': figure.metric,
    'data-value': figure.value,
    'data-min': figure.min,
    'data-max': figure.max,
    'data-qualifier': figure.qualifier,
    'data-unit': figure.unit,
    'data-year': figure.year,
    'data-period': figure.period,
    'data-statute': figure.statute,
    'data-actor': figure.actor,
    'data-breakdown': figure.breakdown,
    'data-part-of': figure.partOf,
    'data-compared-with': figure.comparedWith,
    'data-section': figure.section,
    'data-audit': status,
    'data-quote': figure.quote,
  };
  const cls = status ? `fig audit-${status}` : 'fig';
  return {
    start: figure.start,
    end: figure.end,
    layer: LAYER.figure,
    open: (first) =>
      first
        ? `<mark${attrs({ class: cls, id: domId, tabindex: 0, role: 'button', title: describeFigure(figure) })}${attrs(data)}>`
        : `<mark${attrs({ class: `${cls} fig-cont`, 'data-ref': domId })}>`,
    close: '</mark>',
  };
}

function intervals(doc: TipDocument, docIndex: number, status: Map<string, FigureStatus>): Interval[] {
  const all: Omit<Interval, 'rank'>[] = [];
  doc.figures.forEach((f, i) => {
    all.push(figureInterval(f, figureDomId(docIndex, i), status.get(f.id)));
  });
  for (const s of doc.statutes) {
    for (const m of s.mentions) {
      const title = s.title ? `statute ${s.id} (${s.title})` : `statute ${s.id}`;
      all.push({
        start: m.start,
        end: m.end,
        layer: LAYER.statute,
        open: () => `<span${attrs({ class: 'stat', 'data-statute': s.id, title })}>`,
        close: '</span>',
      });
    }
  }
  for (const n of doc.numbers) {
    const range =
      n.value === null && n.min !== undefined ? `${n.min}-${n.max ?? ''}` : String(n.value ?? 'unknown');
    all.push({
      start: n.start,
      end: n.end,
      layer: LAYER.number,
      open: () =>
        `<span${attrs({ class: 'num', 'data-kind': n.kind, title: `number: ${n.kind} ${range}` })}>`,
      close: '</span>',
    });
  }
  doc.sections.forEach((s, i) => {
    all.push({
      start: s.start,
      end: s.start,
      layer: LAYER.anchor,
      open: () => `<span${attrs({ class: 'sec-anchor', id: `d${docIndex}-s${i}`, 'data-kind': s.kind })}>`,
      close: '</span>',
    });
  });
  const length = doc.text.length;
  return all
    .map((iv) => ({ ...iv, start: Math.min(Math.max(iv.start, 0), length), end: Math.min(iv.end, length) }))
    .filter((iv) => iv.end >= iv.start)
    .map((iv, index) => ({ iv, index }))
    .sort(
      (a, b) =>
        a.iv.start - b.iv.start || b.iv.end - a.iv.end || a.iv.layer - b.iv.layer || a.index - b.index,
    )
    .map(({ iv }, rank) => ({ ...iv, rank }));
}

/**
 * Renders a document's clean text as HTML with every figure, statute mention and number wrapped in its element.
 *
 * @param doc The document.
 * @param docIndex Its position in the report, which makes element ids unique on the page.
 * @param status The audit status of figures by figure id, when the report shows an audit.
 */
export function highlightText(
  doc: TipDocument,
  docIndex: number,
  status: Map<string, FigureStatus> = new Map(),
): string {
  const text = doc.text;
  // Sorted by start (then outermost first): a sweep over the points keeps the intervals open at each point in
  // that order, so a document with tens of thousands of figures and numbers renders in linear time.
  const all = intervals(doc, docIndex, status);
  const points = [...new Set([0, text.length, ...all.flatMap((iv) => [iv.start, iv.end])])].sort(
    (a, b) => a - b,
  );
  const empty = new Map<number, Interval[]>();
  for (const iv of all) {
    if (iv.start !== iv.end) continue;
    const here = empty.get(iv.start);
    if (here) here.push(iv);
    else empty.set(iv.start, [iv]);
  }
  const opened = new Set<Interval>();
  const stack: Interval[] = [];
  let active: Interval[] = [];
  let nextToStart = 0;
  let out = '';
  const closeTo = (depth: number): void => {
    while (stack.length > depth) out += stack.pop()?.close ?? '';
  };
  for (let p = 0; p < points.length; p++) {
    const at = points[p] as number;
    const next = points[p + 1];
    // The non-empty intervals that cover [at, next): started at or before `at`, ending after it.
    active = active.filter((iv) => iv.end > at);
    for (; nextToStart < all.length && (all[nextToStart] as Interval).start <= at; nextToStart++) {
      const iv = all[nextToStart] as Interval;
      if (iv.end > at) active.push(iv);
    }
    const covering = next === undefined ? [] : active;
    let keep = 0;
    while (keep < stack.length && keep < covering.length && stack[keep] === covering[keep]) keep++;
    closeTo(keep);
    // Empty intervals (section anchors, a figure that names no words) are written whole where they stand.
    for (const iv of empty.get(at) ?? []) {
      out += iv.open(!opened.has(iv)) + iv.close;
      opened.add(iv);
    }
    if (next === undefined) break;
    for (const iv of covering.slice(keep)) {
      out += iv.open(!opened.has(iv));
      opened.add(iv);
      stack.push(iv);
    }
    out += escapeHtml(text.slice(at, next));
  }
  closeTo(0);
  return out;
}
