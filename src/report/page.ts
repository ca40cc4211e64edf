import { createHash } from 'node:crypto';
import type { Comparison } from '../audit/compare.js';
import type { TipDocument } from '../validate/schema.js';
import { trendCharts } from './chart.js';
import { attrs, escapeHtml } from './escape.js';
import { highlightText } from './highlight.js';
import { figureStatuses } from './labels.js';
import { SCRIPT } from './script.js';
import { auditBlock, documentHeader, figureTable, warningsList } from './sections.js';
import { STYLES } from './styles.js';

/** Options of `renderReport`. */
export interface ReportOptions {
  /** Audit results to show beside the documents they name (by `Comparison.id`). */
  comparisons?: Comparison[];
  /** The page title; default "tip-extract report". */
  title?: string;
}

/**
 * The page forbids itself every fetch: only its own inline style and script (by hash) may run, so a report opened
 * from disk makes no network request, and an injection that slipped past escaping still could not execute.
 */
function contentSecurityPolicy(): string {
  const hash = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  return [
    "default-src 'none'",
    `style-src ${hash(STYLES)}`,
    `script-src ${hash(SCRIPT)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const LEGEND = `<ul class="legend" aria-label="Colour legend">
<li><span class="key fig"></span>Figure (click, hover or focus for details)</li>
<li><span class="key num"></span>Number</li>
<li><span class="key stat"></span>Statute mention</li>
</ul>`;

const AUDIT_LEGEND = `<ul class="legend" aria-label="Audit legend">
<li><span class="key audit-changed"></span>Figure differs from the expected file</li>
<li><span class="key audit-unexpected"></span>Figure not in a complete expected file</li>
<li><span class="key audit-unchecked"></span>Figure nobody has checked yet</li>
</ul>`;

const PANEL = `<aside id="details" class="details" hidden aria-live="polite" aria-labelledby="details-title">
<button type="button" class="close" aria-label="Close details">&times;</button>
<h2 id="details-title">Figure</h2><dl id="details-list"></dl><blockquote id="details-quote"></blockquote>
</aside>`;

/** Documents by country, then report year, then id, compared by code unit so the order never depends on locale. */
function readingOrder(docs: TipDocument[]): TipDocument[] {
  const key = (d: TipDocument): [string, number, string] => [
    d.document.country ?? '\uffff',
    d.document.reportYear ?? 0,
    d.document.id,
  ];
  return [...docs].sort((a, b) => {
    const [ca, ya, ia] = key(a);
    const [cb, yb, ib] = key(b);
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ya !== yb) return ya - yb;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
}

function documentArticle(doc: TipDocument, index: number, comparison: Comparison | undefined): string {
  const status = figureStatuses(comparison);
  return [
    `<article${attrs({ class: 'doc', id: `doc-${index}`, 'data-document-id': doc.document.id })}>`,
    documentHeader(doc),
    auditBlock(comparison),
    `<h3>Text</h3><div class="text" lang="en">${highlightText(doc, index, status)}</div>`,
    figureTable(doc, index, status),
    warningsList(doc),
    '</article>',
  ].join('\n');
}

/**
 * Renders one self-contained HTML page for a set of documents: for each, its header, its clean text with every
 * figure, number and statute mention highlighted, a table of figures by section and its warnings; trend charts for
 * countries with several report years; a details panel for the figure clicked, hovered or focused. Deterministic:
 * the same documents and options give the same bytes.
 *
 * @param docs Validated documents, in any order (the page orders them by country, report year and id).
 * @param options Audit results to show, and the page title.
 */
export function renderReport(docs: TipDocument[], options: ReportOptions = {}): string {
  const title = options.title ?? 'tip-extract report';
  const comparisons = new Map((options.comparisons ?? []).map((c) => [c.id, c]));
  const ordered = readingOrder(docs);
  const figures = ordered.reduce((n, d) => n + d.figures.length, 0);
  const toc = ordered
    .map((d, i) => {
      const name = [d.document.country ?? d.document.id, d.document.reportYear ?? ''].join(' ').trim();
      return `<li><a href="#doc-${i}">${escapeHtml(name)}</a> <span class="note">${escapeHtml(d.document.id)}, ${d.figures.length} figures</span></li>`;
    })
    .join('');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy"${attrs({ content: contentSecurityPolicy() })}>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<header class="page-head">',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="note">${ordered.length} document${ordered.length === 1 ? '' : 's'}, ${figures} figures. Every highlight is taken from the offsets in the JSON output; the text is the clean text those offsets point into.</p>`,
    LEGEND,
    comparisons.size > 0 ? AUDIT_LEGEND : '',
    `<nav class="toc" aria-label="Documents"><ol>${toc}</ol></nav>`,
    '</header>',
    '<main>',
    trendCharts(ordered),
    ...ordered.map((d, i) => documentArticle(d, i, comparisons.get(d.document.id))),
    '</main>',
    PANEL,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
