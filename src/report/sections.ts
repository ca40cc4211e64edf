import type { Comparison } from '../audit/compare.js';
import { describeChanges } from '../audit/format.js';
import type { Figure, TipDocument } from '../validate/schema.js';
import { attrs, escapeHtml } from './escape.js';
import { type FigureStatus, figureDomId, figureValue, figureWhen, SECTION_LABELS } from './labels.js';

/** The parts of one document's article other than its text: header, figure table, warnings and audit. */

/**
 * The document's header: country, report year, id, tier and counts.
 *
 * @param doc The document.
 */
export function documentHeader(doc: TipDocument): string {
  const d = doc.document;
  const name = [d.country ?? 'Unknown country', d.reportYear ?? ''].join(' ').trim();
  const warnings = doc.diagnostics.filter((x) => x.severity !== 'info').length;
  const facts: [string, string][] = [
    ['Document', d.id],
    ['Tier', doc.tier ? doc.tier.placement + (doc.tier.change ? ` (${doc.tier.change})` : '') : 'none found'],
    ['Kind', d.kind],
    ['Figures', String(doc.figures.length)],
    ['Numbers', String(doc.numbers.length)],
    ['Statutes', String(doc.statutes.length)],
    ['Warnings', String(warnings)],
  ];
  if (d.url !== null) facts.push(['Source', d.url]);
  const list = facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${escapeHtml(v)}</dd></div>`).join('');
  return `<header class="doc-head"><h2>${escapeHtml(name)}</h2><dl class="facts">${list}</dl></header>`;
}

function figureRow(f: Figure, domId: string, status: FigureStatus | undefined): string {
  const cells = [
    f.metric,
    figureValue(f),
    f.unit ?? '',
    figureWhen(f),
    f.statute ?? '',
    [f.breakdown, f.partOf ? `part of ${f.partOf}` : undefined].filter(Boolean).join(', '),
    f.actor?.replace(/_/g, ' ') ?? '',
  ]
    .map((c) => `<td>${escapeHtml(c)}</td>`)
    .join('');
  const audit = status ? `<td class="audit-cell audit-${status}">${status}</td>` : '';
  return `<tr${attrs({ id: `${domId}-row`, 'data-ref': domId })}><td><a href="#${domId}">${escapeHtml(f.id)}</a></td>${cells}${audit}<td class="quote">${escapeHtml(f.quote)}</td></tr>`;
}

/**
 * The table of figures grouped by section, in the order the sections stand in the text; each row links to the
 * figure's highlight, which works without scripts.
 *
 * @param doc The document.
 * @param docIndex Its position in the report.
 * @param status The audit status of figures by id (empty when there is no audit).
 */
export function figureTable(doc: TipDocument, docIndex: number, status: Map<string, FigureStatus>): string {
  if (doc.figures.length === 0)
    return '<section class="figures"><h3>Figures</h3><p>No figures.</p></section>';
  const kinds = [...new Set([...doc.sections.map((s) => s.kind), ...doc.figures.map((f) => f.section)])];
  const head = ['Id', 'Metric', 'Value', 'Unit', 'Year', 'Statute', 'Breakdown', 'Actor']
    .concat(status.size > 0 ? ['Audit'] : [], ['Quote'])
    .map((h) => `<th scope="col">${h}</th>`)
    .join('');
  const groups = kinds.flatMap((kind) => {
    const rows = doc.figures.flatMap((f, i) =>
      f.section === kind ? [figureRow(f, figureDomId(docIndex, i), status.get(f.id))] : [],
    );
    if (rows.length === 0) return [];
    const label = SECTION_LABELS[kind] ?? kind;
    return [
      `<tbody><tr class="group"><th colspan="${status.size > 0 ? 10 : 9}" scope="rowgroup">${escapeHtml(label)} (${rows.length})</th></tr>${rows.join('')}</tbody>`,
    ];
  });
  return `<section class="figures"><h3>Figures by section</h3><div class="scroll"><table class="figure-table"><thead><tr>${head}</tr></thead>${groups.join('')}</table></div></section>`;
}

/**
 * The arithmetic warnings (`breakdown-sum`), the other warnings and errors, and the informational notes folded away.
 *
 * @param doc The document.
 */
export function warningsList(doc: TipDocument): string {
  const item = (d: TipDocument['diagnostics'][number]): string => {
    const where =
      d.start !== undefined && d.end !== undefined
        ? ` <q>${escapeHtml(doc.text.slice(d.start, d.end))}</q>`
        : '';
    return `<li${attrs({ class: `diag ${d.severity}`, 'data-rule': d.rule })}><code>${escapeHtml(d.rule)}</code> ${escapeHtml(d.message)}${where}</li>`;
  };
  const arithmetic = doc.diagnostics.filter((d) => d.rule === 'breakdown-sum');
  const other = doc.diagnostics.filter((d) => d.rule !== 'breakdown-sum' && d.severity !== 'info');
  const info = doc.diagnostics.filter((d) => d.rule !== 'breakdown-sum' && d.severity === 'info');
  const list = (ds: typeof arithmetic): string =>
    ds.length === 0 ? '<p class="none">None.</p>' : `<ul>${ds.map(item).join('')}</ul>`;
  const notes =
    info.length === 0
      ? ''
      : `<details class="notes"><summary>${info.length} note${info.length === 1 ? '' : 's'}</summary><ul>${info.map(item).join('')}</ul></details>`;
  return `<section class="warnings"><h3>Arithmetic warnings</h3>${list(arithmetic)}<h3>Other warnings</h3>${list(other)}${notes}</section>`;
}

/**
 * The audit of the document against its expected file: precision, recall and what differs.
 *
 * @param c The comparison, if the report was given one for this document.
 */
export function auditBlock(c: Comparison | undefined): string {
  if (!c) return '';
  const f = c.figures;
  const counts = [
    `${f.matched.length} matched`,
    `${f.changed.length} changed`,
    `${f.missing.length} missing`,
    `${f.unexpected.length} unexpected`,
    `${f.unchecked.length} unchecked`,
  ].join(', ');
  const changed = f.changed.flatMap((p) => describeChanges(p).map((line) => `<li>${escapeHtml(line)}</li>`));
  const missing = f.missing.map(
    (m) =>
      `<li>${escapeHtml(`missing: ${m.expected.metric} ${figureValue(m.expected)} ${m.expected.quote ?? ''}`)}</li>`,
  );
  const items = [...changed, ...missing].join('');
  const score = `precision ${c.precision.toFixed(3)}, recall ${c.recall.toFixed(3)}`;
  return `<section class="audit"><h3>Audit</h3><p>Figures: ${counts}; ${score}.</p>${items ? `<ul>${items}</ul>` : ''}</section>`;
}
