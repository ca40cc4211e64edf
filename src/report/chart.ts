import type { Figure, TipDocument } from '../validate/schema.js';
import { attrs, escapeHtml } from './escape.js';
import { describeFigure } from './labels.js';

/**
 * The trend charts: for each country with several report years, one small SVG line chart of the four headline
 * metrics across report years.
 *
 * The x axis is the report year (`document.reportYear`), the one year every document has and the way TIP data is
 * usually tabulated ("the 2017 report"). The y value of a metric in a document is its headline figure: the first
 * figure of that metric, in text order, that
 * - has a value (not unknown, not unreported),
 * - is a whole (no `partOf`, no `breakdown`),
 * - is not the earlier side of a comparison (no figure points to it with `comparedWith`, its period is not
 *   `previous_reporting_period`), and
 * - is tied to the reporting period: no year, or a year no earlier than the year before the report year (the
 *   2017 report covers April 2016 to March 2017).
 * Units are plotted as reported (a prosecution count may be of cases one year and of suspects the next); each
 * point's tooltip names its unit and quote. A year without a headline figure leaves a gap in the line.
 */

/** The metrics charted, each with its CSS class (colour) and label. */
export const TREND_METRICS = [
  { metric: 'investigations', label: 'Investigations' },
  { metric: 'prosecutions', label: 'Prosecutions' },
  { metric: 'convictions', label: 'Convictions' },
  { metric: 'victims_identified', label: 'Victims identified' },
] as const;

/** Chart geometry in SVG user units: small enough to sit beside the text. */
const SIZE = { width: 420, height: 200, left: 44, right: 24, top: 12, bottom: 28 } as const;

/**
 * The headline figure of a metric in a document, by the rules above, or undefined.
 *
 * @param doc The document.
 * @param metric The metric.
 */
export function headlineFigure(doc: TipDocument, metric: string): Figure | undefined {
  const earlier = new Set(doc.figures.flatMap((f) => (f.comparedWith === undefined ? [] : [f.comparedWith])));
  const report = doc.document.reportYear;
  return doc.figures.find(
    (f) =>
      f.metric === metric &&
      f.value !== null &&
      f.partOf === undefined &&
      f.breakdown === undefined &&
      !earlier.has(f.id) &&
      f.period !== 'previous_reporting_period' &&
      (f.year === null || report === null || f.year >= report - 1),
  );
}

interface Series {
  country: string;
  years: number[];
  /** By metric, the headline figure of each report year (the first document by id when a year has two). */
  points: Map<string, Map<number, Figure>>;
}

function series(docs: TipDocument[]): Series[] {
  const byCountry = new Map<string, TipDocument[]>();
  for (const d of docs) {
    const { country, reportYear } = d.document;
    if (country === null || reportYear === null) continue;
    byCountry.set(country, [...(byCountry.get(country) ?? []), d]);
  }
  const out: Series[] = [];
  for (const [country, list] of [...byCountry].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const sorted = [...list].sort((a, b) =>
      a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0,
    );
    const years = [...new Set(sorted.map((d) => d.document.reportYear as number))].sort((a, b) => a - b);
    if (years.length < 2) continue;
    const points = new Map<string, Map<number, Figure>>();
    for (const { metric } of TREND_METRICS) {
      const byYear = new Map<number, Figure>();
      for (const d of sorted) {
        const year = d.document.reportYear as number;
        const f = headlineFigure(d, metric);
        if (f && !byYear.has(year)) byYear.set(year, f);
      }
      points.set(metric, byYear);
    }
    out.push({ country, years, points });
  }
  return out;
}

/** The smallest 1, 2 or 5 times a power of ten at or above `max`, so that axis labels are round. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].map((m) => m * power).find((m) => m >= max) ?? 10 * power) as number;
}

/** Coordinates to one decimal: enough for the eye, and the same text on every machine. */
const fmt = (n: number): string => n.toFixed(1);

function chartSvg(s: Series): string {
  const { width, height, left, right, top, bottom } = SIZE;
  const values = [...s.points.values()].flatMap((m) => [...m.values()].map((f) => f.value as number));
  const yMax = niceMax(Math.max(0, ...values));
  const [first, last] = [s.years[0] as number, s.years[s.years.length - 1] as number];
  const x = (year: number): number => left + ((year - first) / (last - first)) * (width - left - right);
  const y = (v: number): number => top + (1 - v / yMax) * (height - top - bottom);
  const parts: string[] = [];
  for (const tick of [0, yMax / 2, yMax]) {
    parts.push(
      `<line class="grid" x1="${left}" x2="${width - right}" y1="${fmt(y(tick))}" y2="${fmt(y(tick))}"/>`,
      `<text class="tick" x="${left - 6}" y="${fmt(y(tick) + 4)}" text-anchor="end">${escapeHtml(Number.isInteger(tick) ? tick : tick.toFixed(1))}</text>`,
    );
  }
  for (const year of s.years) {
    parts.push(
      `<text class="tick" x="${fmt(x(year))}" y="${height - 8}" text-anchor="middle">${year}</text>`,
    );
  }
  for (const { metric } of TREND_METRICS) {
    const byYear = s.points.get(metric) ?? new Map<number, Figure>();
    // Lines join only neighbouring report years that both have a value; a missing year stays a gap.
    s.years.forEach((year, i) => {
      const next = s.years[i + 1];
      const a = byYear.get(year);
      const b = next === undefined ? undefined : byYear.get(next);
      if (a && b && next !== undefined) {
        parts.push(
          `<line class="line s-${metric}" x1="${fmt(x(year))}" y1="${fmt(y(a.value as number))}" x2="${fmt(x(next))}" y2="${fmt(y(b.value as number))}"/>`,
        );
      }
    });
    for (const [year, f] of [...byYear].sort(([a], [b]) => a - b)) {
      const title = `${year} report: ${describeFigure(f)}: "${f.quote}"`;
      parts.push(
        `<circle class="dot s-${metric}" cx="${fmt(x(year))}" cy="${fmt(y(f.value as number))}" r="3.5"><title>${escapeHtml(title)}</title></circle>`,
      );
    }
  }
  const label = `Headline figures for ${s.country} by report year`;
  return `<svg class="trend" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"${attrs({ 'aria-label': label })}>${parts.join('')}</svg>`;
}

function dataTable(s: Series): string {
  const head = s.years.map((y) => `<th scope="col">${y}</th>`).join('');
  const rows = TREND_METRICS.map(({ metric, label }) => {
    const byYear = s.points.get(metric);
    const cells = s.years
      .map((y) => {
        const f = byYear?.get(y);
        return f ? `<td${attrs({ title: f.quote })}>${escapeHtml(f.value as number)}</td>` : '<td>-</td>';
      })
      .join('');
    return `<tr><th scope="row"><span class="swatch s-${metric}"></span>${label}</th>${cells}</tr>`;
  }).join('');
  return `<table class="trend-data"><thead><tr><th scope="col">Report year</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * Renders the trends section: one chart and its data table per country with two or more report years; empty when
 * no country has.
 *
 * @param docs The documents of the report.
 */
export function trendCharts(docs: TipDocument[]): string {
  const all = series(docs);
  if (all.length === 0) return '';
  const charts = all
    .map(
      (s) =>
        `<figure class="trend-chart"><figcaption>${escapeHtml(s.country)}</figcaption>${chartSvg(s)}${dataTable(s)}</figure>`,
    )
    .join('');
  return `<section class="trends" id="trends"><h2>Across report years</h2><p class="note">Headline figure of each metric per report year (whole figures tied to the reporting period; parts, breakdowns and earlier-year comparisons left out). Hover a point for its quote.</p>${charts}</section>`;
}
