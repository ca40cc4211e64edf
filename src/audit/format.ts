import type { Figure } from '../validate/schema.js';
import { type Comparison, type FieldChange, type FigurePair, isClean } from './compare.js';
import type { ExpectedFigure, ExpectedPenalty } from './expected.js';

/** How the audit reads to a person (`tip-extract audit`) and to a machine (`--json`), and what `--accept` would do. */

/** Matched, extracted and expected items (figures and statutes) of one or more comparisons. */
export interface AuditCounts {
  matched: number;
  changed: number;
  missing: number;
  unexpected: number;
  unchecked: number;
}

/**
 * Counts the items of comparisons; precision is matched / (matched + changed + unexpected), recall is
 * matched / (matched + changed + missing), as `compare` computes them per document.
 *
 * @param cs The comparisons.
 */
export function auditCounts(cs: Comparison[]): AuditCounts {
  const sum = (f: (c: Comparison) => number): number => cs.reduce((n, c) => n + f(c), 0);
  return {
    matched: sum((c) => c.figures.matched.length + c.statutes.matched.length),
    changed: sum((c) => c.figures.changed.length + c.statutes.changed.length),
    missing: sum((c) => c.figures.missing.length + c.statutes.missing.length),
    unexpected: sum((c) => c.figures.unexpected.length + c.statutes.unexpected.length),
    unchecked: sum((c) => c.figures.unchecked.length),
  };
}

const ratio = (part: number, whole: number): string =>
  `${(whole === 0 ? 1 : part / whole).toFixed(3)} (${part}/${whole})`;

function scores(k: AuditCounts): string {
  return `precision ${ratio(k.matched, k.matched + k.changed + k.unexpected)}, recall ${ratio(k.matched, k.matched + k.changed + k.missing)}`;
}

/** A value as the audit prints it: numbers bare, text in quotes, nothing as `none`. */
function show(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function penaltyText(p: ExpectedPenalty): string {
  const range = p.min === null && p.max === null ? '' : ` ${p.min ?? ''}-${p.max ?? ''}`;
  return `${p.kind}${range}${p.unit ? ` ${p.unit}` : ''}${p.condition ? ` (${p.condition})` : ''}`;
}

/** A figure named as a reader finds it: metric, year (or period) and breakdown. */
function figureName(f: Pick<ExpectedFigure, 'metric' | 'year' | 'period' | 'breakdown'>): string {
  const when = f.year ?? f.period?.replace(/_/g, ' ') ?? 'no year';
  return `${f.metric} ${when}${f.breakdown ? ` ${f.breakdown}` : ''}`;
}

function figureValue(f: {
  value: number | null;
  qualifier?: string | undefined;
  unit?: string | null | undefined;
}): string {
  const value = f.value === null ? (f.qualifier?.replace(/_/g, ' ') ?? 'no value') : String(f.value);
  return f.unit ? `${value} ${f.unit}` : value;
}

/**
 * One line per changed field of a figure pair: `investigations 2016: 8 -> 9` for the value, the field's name
 * before the values for any other field (`investigations 2016: unit "cases" -> "offenders"`).
 *
 * @param p A changed figure pair.
 */
export function describeChanges(p: FigurePair): string[] {
  return p.changes.map(
    (ch: FieldChange) =>
      `${figureName(p.expected)}: ${ch.field === 'value' ? '' : `${ch.field} `}${show(ch.expected)} -> ${show(ch.actual)}`,
  );
}

const quoted = (q: string | undefined): string => (q === undefined ? '(none given)' : JSON.stringify(q));

/**
 * Formats one document's comparison for a person: counts, every changed item with both quotes, missing,
 * unexpected and unchecked figures, statutes, precision and recall.
 *
 * @param c The comparison.
 */
export function formatComparison(c: Comparison): string {
  const f = c.figures;
  const s = c.statutes;
  const k = auditCounts([c]);
  const out = [
    `${c.id}: ${isClean(c) ? 'ok' : 'DIFFERS'}: ${f.matched.length} figures and ${s.matched.length} statutes match; ` +
      `${k.changed} changed, ${k.missing} missing, ${k.unexpected} unexpected, ${k.unchecked} unchecked`,
  ];
  for (const ch of c.document) out.push(`  changed  ${ch.field}: ${show(ch.expected)} -> ${show(ch.actual)}`);
  for (const p of f.changed) {
    for (const line of describeChanges(p))
      out.push(`  changed  ${line}   [expected #${p.index}, extracted ${p.actual.id}]`);
    out.push(
      `           expected quote: ${quoted(p.expected.quote)}`,
      `           actual quote:   ${quoted(p.actual.quote)}`,
    );
  }
  for (const m of f.missing) {
    out.push(
      `  missing  ${figureName(m.expected)}: ${figureValue(m.expected)} ${quoted(m.expected.quote)}   [expected #${m.index}]`,
    );
  }
  for (const u of f.unexpected)
    out.push(`  unexpected  ${figureName(u)}: ${figureValue(u)} ${quoted(u.quote)}   [${u.id}]`);
  if (f.unchecked.length > 0) {
    out.push(`  unchecked (not yet checked by anyone): ${f.unchecked.length} figures`);
    for (const u of f.unchecked)
      out.push(`    ${figureName(u)}: ${figureValue(u)} ${quoted(u.quote)}   [${u.id}]`);
  }
  for (const p of s.changed) {
    for (const ch of p.changes) {
      const text = (v: unknown): string =>
        ch.field === 'penalties' && Array.isArray(v)
          ? `[${(v as ExpectedPenalty[]).map(penaltyText).join('; ')}]`
          : show(v);
      out.push(`  changed  statute ${p.actual.id}: ${ch.field} ${text(ch.expected)} -> ${text(ch.actual)}`);
    }
  }
  for (const m of s.missing)
    out.push(`  missing  statute ${m.instrument}${m.article === null ? '' : ` article ${m.article}`}`);
  for (const u of s.unexpected) out.push(`  unexpected  statute ${u.id} ${quoted(u.mentions[0]?.quote)}`);
  out.push(`  ${scores(k)}`);
  return out.join('\n');
}

/**
 * Formats the audit's last lines: documents clean and differing, overall precision and recall, and the exit code the
 * command will give with what to do next.
 *
 * @param cs The comparisons of every audited document.
 * @param extra Expected files with no extracted document (a failure) and documents with no expected file (a note).
 */
export function formatSummary(
  cs: Comparison[],
  extra: { missingDocuments?: string[]; unaudited?: string[] } = {},
): string {
  const k = auditCounts(cs);
  const differing = cs.filter((c) => !isClean(c)).map((c) => c.id);
  const missingDocs = extra.missingDocuments ?? [];
  const lines = [
    `audit: ${cs.length} document${cs.length === 1 ? '' : 's'}, ${cs.length - differing.length} ok, ${differing.length} differ; ` +
      `${k.matched} matched, ${k.changed} changed, ${k.missing} missing, ${k.unexpected} unexpected, ${k.unchecked} unchecked`,
    `overall ${scores(k)}`,
  ];
  if (missingDocs.length > 0) lines.push(`no extracted document for: ${missingDocs.join(', ')}`);
  if ((extra.unaudited ?? []).length > 0)
    lines.push(`no expected file for: ${(extra.unaudited ?? []).join(', ')}`);
  if (differing.length === 0 && missingDocs.length === 0) {
    lines.push('exit 0: every expected figure and statute matches');
  } else {
    lines.push(
      `exit 1: ${[...differing, ...missingDocs].join(', ')} regressed. Fix the rules, or after reading the diff ` +
        'accept the new extraction with `tip-extract audit --accept <id>`',
    );
  }
  return lines.join('\n');
}

const figureJson = (f: Figure) => ({
  id: f.id,
  metric: f.metric,
  value: f.value,
  unit: f.unit,
  year: f.year,
  ...(f.period ? { period: f.period } : {}),
  quote: f.quote,
  start: f.start,
  end: f.end,
});

/**
 * The audit as one JSON-ready value for `--json`: overall counts and scores, and per document every difference.
 *
 * @param cs The comparisons.
 */
export function comparisonsToJson(cs: Comparison[]) {
  const k = auditCounts(cs);
  const rate = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
  return {
    ok: cs.every(isClean),
    precision: rate(k.matched, k.matched + k.changed + k.unexpected),
    recall: rate(k.matched, k.matched + k.changed + k.missing),
    counts: k,
    documents: cs.map((c) => ({
      id: c.id,
      ok: isClean(c),
      precision: c.precision,
      recall: c.recall,
      counts: auditCounts([c]),
      document: c.document,
      figures: {
        changed: c.figures.changed.map((p) => ({
          expectedIndex: p.index,
          id: p.actual.id,
          metric: p.expected.metric,
          year: p.expected.year ?? null,
          changes: p.changes,
          expectedQuote: p.expected.quote ?? null,
          actualQuote: p.actual.quote,
        })),
        missing: c.figures.missing.map((m) => ({ expectedIndex: m.index, ...m.expected })),
        unexpected: c.figures.unexpected.map(figureJson),
        unchecked: c.figures.unchecked.map(figureJson),
      },
      statutes: {
        changed: c.statutes.changed.map((p) => ({ id: p.actual.id, changes: p.changes })),
        missing: c.statutes.missing,
        unexpected: c.statutes.unexpected.map((s) => ({
          id: s.id,
          instrument: s.instrument,
          article: s.article,
        })),
      },
    })),
  };
}

/** The `--json` shape. */
export type AuditJson = ReturnType<typeof comparisonsToJson>;
