/** The HTML audit report: one self-contained page per run. Re-exports only. */
export { headlineFigure, TREND_METRICS } from './chart.js';
export { escapeHtml } from './escape.js';
export { highlightText } from './highlight.js';
export { type ReportOptions, renderReport } from './page.js';
