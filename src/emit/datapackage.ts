import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_VERSION, type TipDocument } from '../validate/schema.js';
import { writeFileAtomic } from './atomic.js';
import { FIGURES, FIGURES_JSONL_PATH, FLAT_TABLES, type FlatTable, flatExports } from './flat.js';
import type { Emitted } from './index.js';
import { canonicalJson } from './json.js';

/** A Table Schema field (https://specs.frictionlessdata.io/table-schema/#field-descriptors). */
export interface DataPackageField {
  name: string;
  type: string;
  description: string;
  constraints?: { required?: true; enum?: string[]; pattern?: string; minimum?: number };
}

/** One resource of the package: a file of the flat exports with its Table Schema. */
export interface DataPackageResource {
  name: string;
  path: string;
  profile: 'tabular-data-resource';
  title: string;
  description: string;
  format: 'csv' | 'jsonl';
  mediatype: string;
  encoding: 'utf-8';
  /** Size and SHA-256 of the exact bytes written, so a reader can tell a stale or altered file. */
  bytes: number;
  hash: string;
  dialect?: { delimiter: ','; lineTerminator: '\n'; quoteChar: '"'; doubleQuote: true; header: true };
  schema: {
    fields: DataPackageField[];
    missingValues: [''];
    primaryKey: string[];
    foreignKeys?: FlatTable['foreignKeys'];
  };
}

/** The `datapackage.json` descriptor. */
export interface DataPackage {
  profile: 'data-package';
  name: string;
  title: string;
  description: string;
  version: string;
  licenses: { name: string; title: string; path: string }[];
  sources: { title: string; path: string }[];
  resources: DataPackageResource[];
}

/** The narratives are works of the US government, so the texts and the figures quoted from them are public domain. */
const LICENSES: DataPackage['licenses'] = [
  {
    name: 'other-pd',
    title: 'Public domain: the source narratives are works of the U.S. Government (17 U.S.C. 105)',
    path: 'https://www.law.cornell.edu/uscode/text/17/105',
  },
];

const SOURCES: DataPackage['sources'] = [
  {
    title: 'U.S. Department of State, Trafficking in Persons Report (country narratives)',
    path: 'https://www.state.gov/trafficking-in-persons-report/',
  },
  { title: 'Refworld (UNHCR), which republishes each narrative', path: 'https://www.refworld.org/' },
];

function fields(t: FlatTable): DataPackageField[] {
  return t.columns.map((c) => {
    const constraints: NonNullable<DataPackageField['constraints']> = {};
    if (c.required) constraints.required = true;
    if (c.enum) constraints.enum = [...c.enum];
    if (c.pattern !== undefined) constraints.pattern = c.pattern;
    if (c.minimum !== undefined) constraints.minimum = c.minimum;
    const field: DataPackageField = { name: c.name, type: c.type, description: c.description };
    if (Object.keys(constraints).length > 0) field.constraints = constraints;
    return field;
  });
}

function integrity(content: string): { bytes: number; hash: string } {
  return {
    bytes: Buffer.byteLength(content, 'utf8'),
    hash: `sha256:${createHash('sha256').update(content, 'utf8').digest('hex')}`,
  };
}

/** A written file's size and hash, as the data package records them. */
export type Integrity = { bytes: number; hash: string };

function resource(
  t: FlatTable,
  file: { name: string; path: string; format: 'csv' | 'jsonl'; mediatype: string },
  stats: Integrity,
): DataPackageResource {
  const schema: DataPackageResource['schema'] = {
    fields: fields(t),
    missingValues: [''],
    primaryKey: t.primaryKey,
  };
  if (t.foreignKeys.length > 0) schema.foreignKeys = t.foreignKeys;
  const out: DataPackageResource = {
    ...file,
    profile: 'tabular-data-resource',
    title: t.title,
    description: t.description,
    encoding: 'utf-8',
    ...stats,
    schema,
  };
  if (file.format === 'csv') {
    out.dialect = { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true };
  }
  return out;
}

/**
 * Builds the Frictionless Data Package descriptor of the flat exports, field lists read off the same column
 * tables that write the files, with each file's size and SHA-256.
 *
 * @param docs The documents the exports were made from (the same list given to `flatExports`).
 */
export function dataPackage(docs: TipDocument[]): DataPackage {
  const stats = new Map(flatExports(docs).map((f) => [f.name, integrity(f.content)]));
  return dataPackageOf((path) => stats.get(path) ?? integrity(''));
}

/**
 * Builds the descriptor from the sizes and hashes of files already written (a run that streams its exports
 * never holds their content).
 *
 * @param statsOf Returns the size and `sha256:` hash of the export at a path ("figures.csv", ...).
 */
export function dataPackageOf(statsOf: (path: string) => Integrity): DataPackage {
  const csv = FLAT_TABLES.map((t) =>
    resource(t, { name: t.name, path: t.path, format: 'csv', mediatype: 'text/csv' }, statsOf(t.path)),
  );
  const jsonl = resource(
    {
      ...FIGURES,
      description: `${FIGURES.description} The same rows as figures.csv, typed, empty cells as null.`,
    },
    { name: 'figures-jsonl', path: FIGURES_JSONL_PATH, format: 'jsonl', mediatype: 'application/jsonl' },
    statsOf(FIGURES_JSONL_PATH),
  );
  return {
    profile: 'data-package',
    name: 'tip-extract',
    title: 'Figures and statutes extracted from US Trafficking in Persons Report country narratives',
    description:
      'Every figure, statute and penalty that tip-extract found in the narratives, each with the exact quote and ' +
      'its offsets into the clean text of its document (output/<document_id>.json). The version is the version ' +
      'of the output schema.',
    version: SCHEMA_VERSION,
    licenses: LICENSES,
    sources: SOURCES,
    resources: [...csv, jsonl],
  };
}

/**
 * Writes `<outDir>/datapackage.json` atomically, only when its bytes changed.
 *
 * @param docs The documents the exports were made from.
 * @param outDir The output folder; created when missing.
 */
export async function writeDataPackage(docs: TipDocument[], outDir: string): Promise<Emitted> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, 'datapackage.json');
  return { path, written: await writeFileAtomic(path, canonicalJson(dataPackage(docs))) };
}
