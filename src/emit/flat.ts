import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import {
  type Figure,
  FigureSchema,
  type Penalty,
  PenaltySchema,
  QualifierSchema,
  SectionKindSchema,
  type Statute,
  type TipDocument,
} from '../validate/schema.js';
import { writeFileAtomic } from './atomic.js';
import type { Emitted } from './index.js';

/**
 * The flat exports for downstream tools (pandas, R, spreadsheets): one CSV row per figure, per statute and per
 * penalty, and the figures again as JSON Lines. Every table is declared once below as a list of columns; the CSV
 * header, the JSONL keys and the Data Package field list (`datapackage.ts`) are all read off that one list, so
 * they cannot drift apart.
 *
 * Empty values: a contract field that is `null` or absent is an empty CSV cell and a `null` in JSONL, so every
 * JSONL line has the same keys in the same order as the CSV header. (CSV cannot tell `null` from absent; the JSON
 * documents can, and the contract never gives an empty string where it could give nothing.)
 */

/** One cell before serialisation. */
export type Cell = string | number | boolean | null;

/** The Table Schema types used by the exports (https://specs.frictionlessdata.io/table-schema/#types-and-formats). */
export type FieldType = 'string' | 'integer' | 'number' | 'year' | 'boolean';

/** What a column says about itself: the Data Package field is built from exactly this. */
export interface ColumnSpec {
  name: string;
  type: FieldType;
  description: string;
  /** Never empty. */
  required?: true;
  /** The only values allowed, from the zod schema's enums. */
  enum?: readonly string[];
  /** A Table Schema `pattern` (implicitly anchored). */
  pattern?: string;
  /** A lower bound for offsets and counts. */
  minimum?: number;
}

interface Column<Row> extends ColumnSpec {
  get: (row: Row) => Cell;
}

/** A table of the export with its row type erased: what the CSV writer and the data package read. */
export interface FlatTable {
  /** Resource name in the data package. */
  name: string;
  /** File name in the output folder. */
  path: string;
  title: string;
  description: string;
  columns: ColumnSpec[];
  primaryKey: string[];
  /** Only references whose fields are never empty: validators fail a foreign key on an empty cell. */
  foreignKeys: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  /** The rows of all documents, each a list of cells in column order. */
  rows: (docs: TipDocument[]) => Cell[][];
}

interface FigureRow {
  doc: TipDocument;
  figure: Figure;
}
interface StatuteRow {
  doc: TipDocument;
  statute: Statute;
}
interface PenaltyRow extends StatuteRow {
  penalty: Penalty;
  index: number;
}

/** Documents in id order by code unit, never by locale, so the order is the same on every machine. */
function byId(docs: TipDocument[]): TipDocument[] {
  return [...docs].sort((a, b) =>
    a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0,
  );
}

function table<Row>(
  spec: Omit<FlatTable, 'columns' | 'rows'> & {
    columns: Column<Row>[];
    rows: (doc: TipDocument) => Row[];
  },
): FlatTable {
  const { columns, rows, ...rest } = spec;
  return {
    ...rest,
    columns: columns.map(({ get: _get, ...c }) => c),
    rows: (docs) => byId(docs).flatMap((doc) => rows(doc).map((row) => columns.map((c) => c.get(row)))),
  };
}

/**
 * One column: `col('value', 'number', 'figures[].value', (r) => r.figure.value)`. Constraints go in `extra`.
 *
 * @param name The header cell.
 * @param type The Table Schema type.
 * @param description Which contract field the column holds, and anything a reader must know.
 * @param get The cell of one row.
 * @param extra `required`, `enum`, `pattern`, `minimum`.
 */
function col<Row>(
  name: string,
  type: FieldType,
  description: string,
  get: (row: Row) => Cell,
  extra: Omit<ColumnSpec, 'name' | 'type' | 'description'> = {},
): Column<Row> {
  return { name, type, description, ...extra, get };
}

const REQUIRED = { required: true } as const;
const OFFSET = { required: true, minimum: 0 } as const;
const NON_NEGATIVE = { minimum: 0 } as const;

/** The three columns that open every row, so that a row can be read without its document. */
function documentColumns<Row extends { doc: TipDocument }>(): Column<Row>[] {
  return [
    col('document_id', 'string', 'document.id: the source document', (r) => r.doc.document.id, REQUIRED),
    col('country', 'string', 'document.country', (r) => r.doc.document.country),
    col(
      'report_year',
      'year',
      'document.reportYear: the year of the TIP report',
      (r) => r.doc.document.reportYear,
    ),
  ];
}

export const FIGURES: FlatTable = table<FigureRow>({
  name: 'figures',
  path: 'figures.csv',
  title: 'Figures',
  description: 'One row per figure (documents by id, figures in document order): a number with its meaning.',
  primaryKey: ['document_id', 'figure_id'],
  foreignKeys: [],
  rows: (doc) => doc.figures.map((figure) => ({ doc, figure })),
  columns: [
    ...documentColumns<FigureRow>(),
    col('figure_id', 'string', 'figures[].id', (r) => r.figure.id, REQUIRED),
    col('metric', 'string', 'figures[].metric: investigations, prosecutions, ...', (r) => r.figure.metric, {
      required: true,
      pattern: '[a-z][a-z_]*',
    }),
    col(
      'value',
      'number',
      'figures[].value; empty when unknown or unreported (see qualifier)',
      (r) => r.figure.value,
    ),
    col('min', 'number', 'figures[].min', (r) => r.figure.min ?? null),
    col('max', 'number', 'figures[].max', (r) => r.figure.max ?? null),
    col('unit', 'string', 'figures[].unit', (r) => r.figure.unit),
    col('year', 'year', 'figures[].year; empty when the text names only a period', (r) => r.figure.year),
    col('period', 'string', 'figures[].period', (r) => r.figure.period ?? null, {
      enum: FigureSchema.shape.period.unwrap().options,
    }),
    col('qualifier', 'string', 'figures[].qualifier', (r) => r.figure.qualifier ?? null, {
      enum: QualifierSchema.options,
    }),
    col(
      'statute',
      'string',
      'figures[].statute: a statute_id in the same document',
      (r) => r.figure.statute ?? null,
    ),
    col('actor', 'string', 'figures[].actor', (r) => r.figure.actor ?? null, {
      enum: FigureSchema.shape.actor.unwrap().options,
    }),
    col('breakdown', 'string', 'figures[].breakdown', (r) => r.figure.breakdown ?? null),
    col('part_of', 'string', 'figures[].partOf: figure_id of the total', (r) => r.figure.partOf ?? null),
    col('compared_with', 'string', 'figures[].comparedWith: figure_id', (r) => r.figure.comparedWith ?? null),
    col('section', 'string', 'figures[].section', (r) => r.figure.section, {
      required: true,
      enum: SectionKindSchema.options,
    }),
    col('start', 'integer', 'figures[].start: offset into the clean text', (r) => r.figure.start, OFFSET),
    col('end', 'integer', 'figures[].end', (r) => r.figure.end, OFFSET),
    col(
      'quote',
      'string',
      'figures[].quote: the clean-text slice start..end',
      (r) => r.figure.quote,
      REQUIRED,
    ),
    col('number_start', 'integer', 'figures[].number.start', (r) => r.figure.number.start, OFFSET),
    col('number_end', 'integer', 'figures[].number.end', (r) => r.figure.number.end, OFFSET),
  ],
});

/** A statute's first mention, if the text names it at all. */
const first = (r: StatuteRow): Statute['mentions'][number] | undefined => r.statute.mentions[0];

export const STATUTES: FlatTable = table<StatuteRow>({
  name: 'statutes',
  path: 'statutes.csv',
  title: 'Statutes',
  description: 'One row per statute (law or article) a document names; its penalties are in penalties.csv.',
  primaryKey: ['document_id', 'statute_id'],
  foreignKeys: [],
  rows: (doc) => doc.statutes.map((statute) => ({ doc, statute })),
  columns: [
    ...documentColumns<StatuteRow>(),
    col('statute_id', 'string', 'statutes[].id', (r) => r.statute.id, REQUIRED),
    col('instrument', 'string', 'statutes[].instrument, lower case', (r) => r.statute.instrument, REQUIRED),
    col('article', 'string', 'statutes[].article; empty for a whole law', (r) => r.statute.article),
    col('title', 'string', 'statutes[].title', (r) => r.statute.title ?? null),
    col('penalty_count', 'integer', 'rows in penalties.csv', (r) => r.statute.penalties.length, OFFSET),
    col('mention_count', 'integer', 'statutes[].mentions.length', (r) => r.statute.mentions.length, OFFSET),
    col(
      'first_start',
      'integer',
      'statutes[].mentions[0].start',
      (r) => first(r)?.start ?? null,
      NON_NEGATIVE,
    ),
    col('first_end', 'integer', 'statutes[].mentions[0].end', (r) => first(r)?.end ?? null, NON_NEGATIVE),
    col('first_quote', 'string', 'statutes[].mentions[0].quote', (r) => first(r)?.quote ?? null),
  ],
});

export const PENALTIES: FlatTable = table<PenaltyRow>({
  name: 'penalties',
  path: 'penalties.csv',
  title: 'Penalties',
  description: 'One row per penalty a statute prescribes, in the order of statutes[].penalties.',
  primaryKey: ['document_id', 'statute_id', 'penalty_index'],
  foreignKeys: [
    {
      fields: ['document_id', 'statute_id'],
      reference: { resource: 'statutes', fields: ['document_id', 'statute_id'] },
    },
  ],
  rows: (doc) =>
    doc.statutes.flatMap((statute) =>
      statute.penalties.map((penalty, index) => ({ doc, statute, penalty, index })),
    ),
  columns: [
    ...documentColumns<PenaltyRow>(),
    col('statute_id', 'string', 'statutes[].id', (r) => r.statute.id, REQUIRED),
    col('penalty_index', 'integer', 'index in statutes[].penalties, from 0', (r) => r.index, OFFSET),
    col('kind', 'string', 'penalties[].kind', (r) => r.penalty.kind, {
      required: true,
      enum: PenaltySchema.shape.kind.options,
    }),
    col('min', 'number', 'penalties[].min', (r) => r.penalty.min),
    col('max', 'number', 'penalties[].max', (r) => r.penalty.max),
    col('unit', 'string', 'penalties[].unit', (r) => r.penalty.unit, {
      enum: PenaltySchema.shape.unit.unwrap().options,
    }),
    col('alternative', 'boolean', 'penalties[].alternative', (r) => r.penalty.alternative ?? null),
    col('condition', 'string', 'penalties[].condition', (r) => r.penalty.condition ?? null),
    col('start', 'integer', 'penalties[].start', (r) => r.penalty.start, OFFSET),
    col('end', 'integer', 'penalties[].end', (r) => r.penalty.end, OFFSET),
    col('quote', 'string', 'penalties[].quote', (r) => r.penalty.quote, REQUIRED),
  ],
});

/** The CSV tables in the order they are written and described. */
export const FLAT_TABLES: readonly FlatTable[] = [FIGURES, STATUTES, PENALTIES];

/** The JSON Lines twin of figures.csv. */
export const FIGURES_JSONL_PATH = 'figures.jsonl';

/** A cell as CSV text: empty for null, `String()` for numbers (as JSON writes them), `true`/`false`. */
function csvCell(cell: Cell): string {
  return cell === null ? '' : String(cell);
}

/**
 * Serialises one table as RFC 4180 CSV: header line, LF line ends, a final LF, fields quoted only when they hold a
 * comma, a quote or a line break (csv-stringify's own rule).
 *
 * @param t The table.
 * @param docs The documents.
 */
export function tableCsv(t: FlatTable, docs: TipDocument[]): string {
  const header = t.columns.map((c) => c.name);
  return stringify([header, ...t.rows(docs).map((row) => row.map(csvCell))], {
    record_delimiter: 'unix',
    eof: true,
  });
}

/**
 * The figures as JSON Lines: one object per line with the CSV header's keys in its order and typed values.
 *
 * @param docs The documents.
 */
export function figuresJsonl(docs: TipDocument[]): string {
  const names = FIGURES.columns.map((c) => c.name);
  return FIGURES.rows(docs)
    .map((row) => `${JSON.stringify(Object.fromEntries(names.map((name, i) => [name, row[i] ?? null])))}\n`)
    .join('');
}

/**
 * Builds the flat exports of a set of documents: figures.csv, statutes.csv, penalties.csv and figures.jsonl.
 *
 * @param docs Validated documents, in any order (rows come out by document id, then in document order).
 * @returns File names and their exact contents; the same documents give the same bytes.
 */
export function flatExports(docs: TipDocument[]): { name: string; content: string }[] {
  return [
    ...FLAT_TABLES.map((t) => ({ name: t.path, content: tableCsv(t, docs) })),
    { name: FIGURES_JSONL_PATH, content: figuresJsonl(docs) },
  ];
}

/**
 * Writes the flat exports into a folder, each file atomically and only when its bytes changed.
 *
 * @param docs Validated documents.
 * @param outDir The output folder; created when missing.
 */
export async function writeFlatExports(docs: TipDocument[], outDir: string): Promise<Emitted[]> {
  await mkdir(outDir, { recursive: true });
  const emitted: Emitted[] = [];
  // One after another, in a fixed order, so that the report of what was written is deterministic too.
  for (const { name, content } of flatExports(docs)) {
    const path = join(outDir, name);
    emitted.push({ path, written: await writeFileAtomic(path, content) });
  }
  return emitted;
}
