import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { flatExports, writeFlatExports } from '../../src/emit/flat.js';
import { type TipDocument, TipDocumentSchema } from '../../src/validate/schema.js';
import { tipDocument } from '../helpers/factories.js';
import { richDocument } from '../report/documents.js';

type Json = string | number | boolean | null | undefined;

const SEED = fileURLToPath(new URL('../../fixtures/sources/refworld-5959eca511.txt', import.meta.url));

/** Documents by id, by code unit: the order the exports promise. */
const byId = (docs: TipDocument[]): TipDocument[] =>
  [...docs].sort((a, b) => (a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0));

/** The columns as published: a change here is a change of the downstream contract and must be deliberate. */
const FIGURE_COLUMNS = [
  'document_id',
  'country',
  'report_year',
  'figure_id',
  'metric',
  'value',
  'min',
  'max',
  'unit',
  'year',
  'period',
  'qualifier',
  'statute',
  'actor',
  'breakdown',
  'part_of',
  'compared_with',
  'section',
  'start',
  'end',
  'quote',
  'number_start',
  'number_end',
];

/**
 * What each figure row must say, written from the contract field by field (not from the column table under test).
 * JSON `null` and absent are both the empty cell.
 */
function expectedFigureRows(docs: TipDocument[]): Json[][] {
  return byId(docs).flatMap((d) =>
    d.figures.map((f) => [
      d.document.id,
      d.document.country,
      d.document.reportYear,
      f.id,
      f.metric,
      f.value,
      f.min,
      f.max,
      f.unit,
      f.year,
      f.period,
      f.qualifier,
      f.statute,
      f.actor,
      f.breakdown,
      f.partOf,
      f.comparedWith,
      f.section,
      f.start,
      f.end,
      f.quote,
      f.number.start,
      f.number.end,
    ]),
  );
}

function expectedStatuteRows(docs: TipDocument[]): Json[][] {
  return byId(docs).flatMap((d) =>
    d.statutes.map((s) => [
      d.document.id,
      d.document.country,
      d.document.reportYear,
      s.id,
      s.instrument,
      s.article,
      s.title,
      s.penalties.length,
      s.mentions.length,
      s.mentions[0]?.start,
      s.mentions[0]?.end,
      s.mentions[0]?.quote,
    ]),
  );
}

function expectedPenaltyRows(docs: TipDocument[]): Json[][] {
  return byId(docs).flatMap((d) =>
    d.statutes.flatMap((s) =>
      s.penalties.map((p, i) => [
        d.document.id,
        d.document.country,
        d.document.reportYear,
        s.id,
        i,
        p.kind,
        p.min,
        p.max,
        p.unit,
        p.alternative,
        p.condition,
        p.start,
        p.end,
        p.quote,
      ]),
    ),
  );
}

const cell = (v: Json): string => (v === null || v === undefined ? '' : String(v));

function files(docs: TipDocument[]): Map<string, string> {
  return new Map(flatExports(docs).map((f) => [f.name, f.content]));
}

/** Reads a CSV back with csv-parse, as a downstream tool would, into header and rows of strings. */
function readCsv(content: string | undefined): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = parse(content ?? '', { relax_column_count: false }) as string[][];
  return { header, rows };
}

function checkRoundTrip(docs: TipDocument[]): void {
  const out = files(docs);
  const figures = readCsv(out.get('figures.csv'));
  expect(figures.header).toStrictEqual(FIGURE_COLUMNS);
  expect(figures.rows).toStrictEqual(expectedFigureRows(docs).map((r) => r.map(cell)));
  const statutes = readCsv(out.get('statutes.csv'));
  expect(statutes.rows).toStrictEqual(expectedStatuteRows(docs).map((r) => r.map(cell)));
  const penalties = readCsv(out.get('penalties.csv'));
  expect(penalties.rows).toStrictEqual(expectedPenaltyRows(docs).map((r) => r.map(cell)));
  // JSONL: the same rows, typed, with null for every empty cell and the CSV header's keys in its order.
  const lines = (out.get('figures.jsonl') ?? '').split('\n');
  expect(lines.pop()).toBe('');
  const objects = lines.map((l) => JSON.parse(l) as Record<string, Json>);
  expect(objects.map((o) => Object.keys(o))).toStrictEqual(objects.map(() => FIGURE_COLUMNS));
  expect(objects.map((o) => Object.values(o))).toStrictEqual(
    expectedFigureRows(docs).map((r) => r.map((v) => (v === undefined ? null : v))),
  );
}

describe('flatExports', () => {
  it('names its files in a fixed order', () => {
    expect(flatExports([tipDocument()]).map((f) => f.name)).toStrictEqual([
      'figures.csv',
      'statutes.csv',
      'penalties.csv',
      'figures.jsonl',
    ]);
  });

  it('gives back every contract field of the factory document, cell by cell', () => {
    checkRoundTrip([tipDocument()]);
  });

  it('gives back every field of a document that uses them all, cell by cell', () => {
    const doc = TipDocumentSchema.parse(richDocument());
    expect(doc.figures.map((f) => doc.text.slice(f.start, f.end))).toStrictEqual(
      doc.figures.map((f) => f.quote),
    );
    checkRoundTrip([doc, tipDocument()]);
  });

  it('quotes commas, double quotes and line breaks as RFC 4180 says, and only those', () => {
    const csv = files([richDocument()]).get('figures.csv') ?? '';
    expect(csv).toContain(',"""ten, or 11""\npeople, trained",');
    expect(csv).toContain(',initiated eight trafficking investigations,');
    const statutes = files([richDocument()]).get('statutes.csv') ?? '';
    expect(statutes).toContain(',"Trafficking, ""in Persons""",');
    const penalties = files([richDocument()]).get('penalties.csv') ?? '';
    expect(penalties).toContain(',true,"when aggravated, or ""repeated""",');
  });

  it('ends lines with LF only, the last one too', () => {
    for (const [name, content] of files([richDocument(), tipDocument()])) {
      expect(content.includes('\r'), name).toBe(false);
      expect(content.endsWith('\n'), name).toBe(true);
    }
  });

  it('writes empty cells for null and absent fields, and headers alone for no rows', () => {
    const csv = files([tipDocument()]).get('figures.csv') ?? '';
    expect(csv.split('\n')[1]).toBe(
      'doc-1,X,2017,f1,convictions,10,,,offenders,2016,,,,,,,,summary,26,48,convicted 10 offenders,36,38',
    );
    expect(files([tipDocument()]).get('statutes.csv')).toBe(
      'document_id,country,report_year,statute_id,instrument,article,title,penalty_count,mention_count,first_start,first_end,first_quote\n',
    );
    expect(files([]).get('figures.jsonl')).toBe('');
  });

  it('sorts rows by document id, then figure order, whatever order the documents come in', () => {
    const docs = [richDocument('b-doc'), tipDocument(), richDocument('a-doc')];
    const rows = readCsv(files(docs).get('figures.csv')).rows.map((r) => `${r[0]}/${r[3]}`);
    expect(rows).toStrictEqual([
      ...['f1', 'f2', 'f3', 'f4', 'f5', 'f6'].map((f) => `a-doc/${f}`),
      ...['f1', 'f2', 'f3', 'f4', 'f5', 'f6'].map((f) => `b-doc/${f}`),
      'doc-1/f1',
    ]);
    expect(flatExports([...docs].reverse())).toStrictEqual(flatExports(docs));
  });

  it('is deterministic: the same documents give the same bytes', () => {
    const a = flatExports([richDocument(), tipDocument()]);
    const b = flatExports(structuredClone([richDocument(), tipDocument()]));
    expect(b).toStrictEqual(a);
  });
});

describe('writeFlatExports', () => {
  it('writes the four files, then leaves them alone when nothing changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tip-flat-'));
    const docs = [richDocument()];
    const first = await writeFlatExports(docs, join(dir, 'out'));
    expect(first.map((e) => [e.path, e.written])).toStrictEqual(
      ['figures.csv', 'statutes.csv', 'penalties.csv', 'figures.jsonl'].map((f) => [
        join(dir, 'out', f),
        true,
      ]),
    );
    expect(await readFile(join(dir, 'out', 'figures.csv'), 'utf8')).toBe(files(docs).get('figures.csv'));
    const second = await writeFlatExports(docs, join(dir, 'out'));
    expect(second.map((e) => e.written)).toStrictEqual([false, false, false, false]);
  });
});

describe('flat exports of real extracted documents', () => {
  // Imported here, not at the top, so that the tests above run even while a pipeline stage is being rebuilt.
  it('round-trips the seed narrative cell by cell', async () => {
    const { processFile } = await import('../helpers/pipeline.js');
    const doc = await processFile(SEED);
    expect(doc.figures.length).toBeGreaterThan(0);
    checkRoundTrip([doc]);
  });

  it('round-trips every source fixture together, cell by cell', async () => {
    const { processFile, sourceFixtures } = await import('../helpers/pipeline.js');
    const docs = await Promise.all(sourceFixtures().map(([id, path]) => processFile(path, id)));
    expect(docs.length).toBeGreaterThan(1);
    checkRoundTrip(docs);
  });
});
