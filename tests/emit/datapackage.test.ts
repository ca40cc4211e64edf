import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type DataPackageField, dataPackage, writeDataPackage } from '../../src/emit/datapackage.js';
import { flatExports } from '../../src/emit/flat.js';
import { SCHEMA_VERSION, type TipDocument } from '../../src/validate/schema.js';
import { tipDocument } from '../helpers/factories.js';
import { richDocument } from '../report/documents.js';

const DOCS: TipDocument[] = [richDocument(), tipDocument(), richDocument('rich-2')];

function files(docs: TipDocument[]): Map<string, string> {
  return new Map(flatExports(docs).map((f) => [f.name, f.content]));
}

/** Each Table Schema type as a test of one non-empty cell (the lexical forms of the spec's defaults). */
const TYPE_CHECKS: Record<string, (cell: string) => boolean> = {
  string: () => true,
  integer: (c) => /^-?\d+$/.test(c),
  number: (c) => c.trim() !== '' && Number.isFinite(Number(c)),
  year: (c) => /^-?\d{4}$/.test(c),
  boolean: (c) => c === 'true' || c === 'false',
};

function checkCell(field: DataPackageField, cell: string): string[] {
  const problems: string[] = [];
  const c = field.constraints ?? {};
  if (cell === '') return c.required ? [`${field.name}: empty but required`] : [];
  if (!TYPE_CHECKS[field.type]?.(cell)) problems.push(`${field.name}: "${cell}" is not a ${field.type}`);
  if (c.enum && !c.enum.includes(cell)) problems.push(`${field.name}: "${cell}" not in enum`);
  if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`).test(cell))
    problems.push(`${field.name}: "${cell}" does not match ${c.pattern}`);
  if (c.minimum !== undefined && Number(cell) < c.minimum)
    problems.push(`${field.name}: ${cell} < ${c.minimum}`);
  return problems;
}

describe('dataPackage', () => {
  const pkg = dataPackage(DOCS);
  const out = files(DOCS);

  it('describes the package: name, version of the output schema, public-domain licence, sources', () => {
    expect(pkg.name).toBe('tip-extract');
    expect(pkg.version).toBe(SCHEMA_VERSION);
    expect(pkg.licenses).toStrictEqual([expect.objectContaining({ name: 'other-pd' })]);
    expect(pkg.sources.length).toBeGreaterThan(0);
    expect(pkg.resources.map((r) => [r.name, r.path, r.format, r.mediatype, r.encoding])).toStrictEqual([
      ['figures', 'figures.csv', 'csv', 'text/csv', 'utf-8'],
      ['statutes', 'statutes.csv', 'csv', 'text/csv', 'utf-8'],
      ['penalties', 'penalties.csv', 'csv', 'text/csv', 'utf-8'],
      ['figures-jsonl', 'figures.jsonl', 'jsonl', 'application/jsonl', 'utf-8'],
    ]);
    // Resource names follow the spec: lower case, digits, "-", "_" and ".".
    for (const r of pkg.resources) expect(r.name).toMatch(/^[a-z0-9._-]+$/);
  });

  it.each(['figures.csv', 'statutes.csv', 'penalties.csv'])(
    'lists exactly the header of %s as its fields',
    (path) => {
      const resource = pkg.resources.find((r) => r.path === path);
      const [header] = parse(out.get(path) ?? '', { to_line: 1 }) as string[][];
      expect(resource?.schema.fields.map((f) => f.name)).toStrictEqual(header);
    },
  );

  it('lists exactly the keys of figures.jsonl as its fields', () => {
    const resource = pkg.resources.find((r) => r.path === 'figures.jsonl');
    const first = (out.get('figures.jsonl') ?? '').split('\n')[0] ?? '{}';
    expect(resource?.schema.fields.map((f) => f.name)).toStrictEqual(Object.keys(JSON.parse(first)));
  });

  it.each(['figures.csv', 'statutes.csv', 'penalties.csv'])(
    'types every cell of %s as its field says (type, required, enum, pattern, minimum)',
    (path) => {
      const resource = pkg.resources.find((r) => r.path === path);
      const [, ...rows] = parse(out.get(path) ?? '') as string[][];
      expect(rows.length).toBeGreaterThan(0);
      const fields = resource?.schema.fields ?? [];
      const problems = rows.flatMap((row) => fields.flatMap((f, i) => checkCell(f, row[i] ?? '')));
      expect(problems).toStrictEqual([]);
    },
  );

  it('writes every non-empty value cell as a number (doc-1, then rich-1 and rich-2)', () => {
    const [header = [], ...rows] = parse(out.get('figures.csv') ?? '') as string[][];
    const value = header.indexOf('value');
    const values = rows.map((r) => r[value] ?? '').filter((c) => c !== '');
    expect(values.map(Number)).toStrictEqual([10, 8, 5, 2, 4, 8, 5, 2, 4]);
  });

  it('keeps primary keys unique and foreign keys resolved', () => {
    for (const r of pkg.resources) {
      const [header = [], ...rows] =
        r.format === 'csv'
          ? (parse(out.get(r.path) ?? '') as string[][])
          : [
              r.schema.fields.map((f) => f.name),
              ...(out.get(r.path) ?? '')
                .trim()
                .split('\n')
                .map((l) => Object.values(JSON.parse(l) as Record<string, unknown>).map(String)),
            ];
      const key = (row: string[], fields: string[]): string =>
        JSON.stringify(fields.map((f) => row[header.indexOf(f)]));
      const keys = rows.map((row) => key(row, r.schema.primaryKey));
      expect(new Set(keys).size, r.name).toBe(keys.length);
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = pkg.resources.find((t) => t.name === fk.reference.resource);
        const [theirHeader = [], ...theirRows] = parse(out.get(target?.path ?? '') ?? '') as string[][];
        const theirs = new Set(
          theirRows.map((row) => JSON.stringify(fk.reference.fields.map((f) => row[theirHeader.indexOf(f)]))),
        );
        for (const row of rows)
          expect(theirs.has(key(row, fk.fields)), `${r.name} ${key(row, fk.fields)}`).toBe(true);
      }
    }
  });

  it('records the size and SHA-256 of each file', () => {
    for (const r of pkg.resources) {
      const content = out.get(r.path) ?? '';
      expect(r.bytes).toBe(Buffer.byteLength(content));
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(content).digest('hex')}`);
    }
  });

  it('is deterministic and independent of the order of the documents', () => {
    expect(dataPackage([...DOCS].reverse())).toStrictEqual(pkg);
  });
});

describe('writeDataPackage', () => {
  it('writes datapackage.json once, then leaves it alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tip-dp-'));
    expect((await writeDataPackage(DOCS, dir)).written).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8'))).toStrictEqual(
      dataPackage(DOCS),
    );
    expect((await writeDataPackage(DOCS, dir)).written).toBe(false);
  });
});
