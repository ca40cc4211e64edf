import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Figure, TipDocument } from '../validate/schema.js';
import {
  type ExpectedDocument,
  ExpectedDocumentSchema,
  type ExpectedFigure,
  type ExpectedPenalty,
  type ExpectedStatute,
} from './expected.js';

/** A hand-checked expected file that cannot be used: not JSON, not the expected shape, or named for another id. */
export class ExpectedFileError extends Error {
  /** The file, as given. */
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ExpectedFileError';
    this.file = file;
  }
}

/** A zod issue path as a reader writes it: `figures[3].value`. */
function issuePath(path: readonly PropertyKey[]): string {
  const out = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return out === '' ? '(the whole file)' : out.replace(/^\./, '');
}

/**
 * Reads and validates every `*.json` file of a folder of expected files, in file-name order.
 *
 * @param dir The folder (`fixtures/expected`); other files (NOTES.md) are ignored.
 * @throws ExpectedFileError naming the file and, for a shape error, every zod issue path; also when a file's `id`
 *   differs from its name, since the audit pairs documents by id and a copied file would silently audit the wrong one.
 */
export async function loadExpectedDir(dir: string): Promise<ExpectedDocument[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const out: ExpectedDocument[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new ExpectedFileError(
        file,
        `not JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const parsed = ExpectedDocumentSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${issuePath(i.path)}: ${i.message}`);
      throw new ExpectedFileError(file, issues.join('; '));
    }
    const id = basename(name, '.json');
    if (parsed.data.id !== id) {
      throw new ExpectedFileError(file, `id "${parsed.data.id}" differs from the file name "${id}"`);
    }
    out.push(parsed.data);
  }
  return out;
}

function projectFigure(f: Figure, indexOf: Map<string, number>): ExpectedFigure {
  const e: ExpectedFigure = { metric: f.metric, value: f.value };
  if (f.min !== undefined) e.min = f.min;
  if (f.max !== undefined) e.max = f.max;
  if (f.qualifier !== undefined) e.qualifier = f.qualifier;
  // As the hand-written files do: a figure with no unit leaves `unit` out rather than writing null.
  if (f.unit !== null) e.unit = f.unit;
  e.year = f.year;
  if (f.period !== undefined) e.period = f.period;
  if (f.statute !== undefined) e.statute = f.statute;
  if (f.actor !== undefined) e.actor = f.actor;
  if (f.breakdown !== undefined) e.breakdown = f.breakdown;
  const partOf = f.partOf === undefined ? undefined : indexOf.get(f.partOf);
  if (partOf !== undefined) e.partOf = partOf;
  const compared = f.comparedWith === undefined ? undefined : indexOf.get(f.comparedWith);
  if (compared !== undefined) e.comparedWithIndex = compared;
  e.quote = f.quote;
  return e;
}

function projectStatute(s: TipDocument['statutes'][number]): ExpectedStatute {
  const e: ExpectedStatute = { instrument: s.instrument, article: s.article };
  if (s.title !== undefined) e.title = s.title;
  e.penalties = s.penalties.map((p) => {
    const view: ExpectedPenalty = { kind: p.kind, min: p.min, max: p.max, unit: p.unit };
    if (p.condition !== undefined) view.condition = p.condition;
    return view;
  });
  return e;
}

/**
 * Projects an extracted document to the expected-file format: what `--accept` would write as its expected file.
 *
 * @param doc The extracted document.
 * @param complete Whether the file claims to list every figure (kept from the file it replaces, if any).
 */
export function expectedFromDocument(doc: TipDocument, complete: boolean): ExpectedDocument {
  const indexOf = new Map(doc.figures.map((f, i) => [f.id, i]));
  const tier = doc.tier;
  const next: ExpectedDocument = {
    id: doc.document.id,
    complete,
    document: { kind: doc.document.kind, country: doc.document.country, reportYear: doc.document.reportYear },
    tier: tier
      ? {
          placement: tier.placement,
          ...(tier.previous ? { previous: tier.previous.placement } : {}),
          ...(tier.change ? { change: tier.change } : {}),
        }
      : null,
    sections: doc.sections.map((s) => s.kind),
    figures: doc.figures.map((f) => projectFigure(f, indexOf)),
    statutes: doc.statutes.map(projectStatute),
  };
  return next;
}

/** Keys in the order the hand-written files use: what, how much, when, under which law, which part, the words. */
const FIGURE_KEYS = [
  'metric',
  'value',
  'min',
  'max',
  'qualifier',
  'unit',
  'year',
  'period',
  'statute',
  'actor',
  'breakdown',
  'partOf',
  'comparedWithIndex',
  'quote',
] as const;

/** A value on one line, with the spacing of the hand-written files: `{ "a": 1, "b": [] }`, `["x", "y"]`. */
function inline(value: unknown, keys?: readonly string[]): string {
  if (Array.isArray(value)) return `[${value.map((v) => inline(v)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const order = keys ?? Object.keys(record);
    const entries = order
      .filter((k) => record[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}: ${inline(record[k])}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function statuteLines(s: ExpectedStatute): string {
  const head = inline({ instrument: s.instrument, article: s.article, title: s.title }).slice(0, -2);
  if (!s.penalties) return `${head} }`;
  if (s.penalties.length === 0) return `${head}, "penalties": [] }`;
  const penalties = s.penalties.map((p) => `      ${inline(p, ['kind', 'min', 'max', 'unit', 'condition'])}`);
  return `${head}, "penalties": [\n${penalties.join(',\n')}\n    ] }`;
}

/**
 * Writes an expected document in the layout of the hand-written files: one figure per line, one penalty per line,
 * so that a reviewed diff shows one changed figure as one changed line.
 *
 * @param e The expected document.
 */
export function formatExpectedFile(e: ExpectedDocument): string {
  const lines = [`  "id": ${JSON.stringify(e.id)}`, `  "complete": ${e.complete}`];
  if (e.document) lines.push(`  "document": ${inline(e.document, ['kind', 'country', 'reportYear'])}`);
  if (e.tier !== undefined) lines.push(`  "tier": ${inline(e.tier, ['placement', 'previous', 'change'])}`);
  if (e.sections) lines.push(`  "sections": ${inline(e.sections)}`);
  const block = (name: string, items: string[]): string =>
    items.length === 0
      ? `  "${name}": []`
      : `  "${name}": [\n${items.map((i) => `    ${i}`).join(',\n')}\n  ]`;
  if (e.figures)
    lines.push(
      block(
        'figures',
        e.figures.map((f) => inline(f, FIGURE_KEYS)),
      ),
    );
  if (e.statutes) lines.push(block('statutes', e.statutes.map(statuteLines)));
  return `{\n${lines.join(',\n')}\n}\n`;
}

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

/** The edit script between two line lists, by longest common subsequence (files here are a few hundred lines). */
function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', line: a[i++] as string, a: i, b: ++j });
    // Removals before additions, so that a changed line reads as "- old" then "+ new".
    else if (j >= m || (i < n && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)))
      ops.push({ kind: '-', line: a[i++] as string, a: i, b: j });
    else ops.push({ kind: '+', line: b[j++] as string, a: i, b: j });
  }
  return ops;
}

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/**
 * A unified diff of two texts (`---`/`+++` header, `@@` hunks with `context` lines around each change), or `''`
 * when they are equal.
 *
 * @param before The old text.
 * @param after The new text.
 * @param names The names printed on the `---` and `+++` lines.
 * @param context Unchanged lines shown around each change.
 */
export function unifiedDiff(before: string, after: string, names: [string, string], context = 2): string {
  if (before === after) return '';
  const ops = editScript(lines(before), lines(after));
  const changed = ops.flatMap((op, k) => (op.kind === ' ' ? [] : [k]));
  const out = [`--- ${names[0]}`, `+++ ${names[1]}`];
  let k = 0;
  while (k < changed.length) {
    const first = changed[k] as number;
    let last = first;
    while (k + 1 < changed.length && (changed[k + 1] as number) - last <= 2 * context + 1)
      last = changed[++k] as number;
    k++;
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length, last + context + 1);
    const hunk = ops.slice(from, to);
    const aLines = hunk.filter((o) => o.kind !== '+').length;
    const bLines = hunk.filter((o) => o.kind !== '-').length;
    // Line numbers before the hunk's first op, plus one: where the hunk starts in each file (0 for an empty side).
    const start = ops[from] as Op;
    const aStart = start.a - (start.kind === '+' ? 0 : 1) + (aLines === 0 ? 0 : 1);
    const bStart = start.b - (start.kind === '-' ? 0 : 1) + (bLines === 0 ? 0 : 1);
    out.push(`@@ -${aStart},${aLines} +${bStart},${bLines} @@`, ...hunk.map((o) => `${o.kind}${o.line}`));
  }
  return `${out.join('\n')}\n`;
}

/**
 * What `tip-extract audit --accept <id>` would write: the extraction projected to the expected-file format, and a
 * unified diff against the expected file it replaces, to be read before anything is written.
 *
 * @param expected The current expected file, or null when there is none yet.
 * @param doc The extracted document.
 * @returns `next`, the expected document to write (with `formatExpectedFile`), and `diff`, empty when nothing changes.
 */
export function acceptDiff(
  expected: ExpectedDocument | null,
  doc: TipDocument,
): { diff: string; next: ExpectedDocument } {
  const next = expectedFromDocument(doc, expected?.complete ?? true);
  const id = doc.document.id;
  const diff = unifiedDiff(expected ? formatExpectedFile(expected) : '', formatExpectedFile(next), [
    expected ? `expected/${id}.json` : '/dev/null',
    `extracted/${id}.json`,
  ]);
  return { diff, next };
}
