import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, emitDocument, emitSchema, writeFileAtomic } from '../../src/emit/index.js';
import type { TipDocument } from '../../src/validate/schema.js';
import { tipDocument } from '../helpers/factories.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'tip-emit-'));

describe('canonicalJson', () => {
  it('indents by two spaces and ends with one newline', () => {
    expect(canonicalJson({ a: 1, b: [2] })).toBe('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}\n');
  });
});

describe('writeFileAtomic', () => {
  it('writes, then leaves a file with the same bytes alone', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    expect(await writeFileAtomic(path, 'one\n')).toBe(true);
    expect(await writeFileAtomic(path, 'one\n')).toBe(false);
    expect(await writeFileAtomic(path, 'two\n')).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('two\n');
    expect(await readdir(dir)).toStrictEqual(['a.json']);
  });

  it('keeps the old file when the write cannot happen', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeFile(path, 'old\n');
    await expect(writeFileAtomic(join(dir, 'missing', 'a.json'), 'new\n')).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old\n');
  });
});

describe('emitDocument', () => {
  it('writes <out>/<id>.json and is byte-identical on a second run', async () => {
    const dir = await tempDir();
    const doc = tipDocument();
    const first = await emitDocument(doc, dir);
    const bytes = await readFile(first.path, 'utf8');
    expect(first).toStrictEqual({ path: join(dir, 'doc-1.json'), written: true });
    expect(await emitDocument(doc, dir)).toStrictEqual({ path: join(dir, 'doc-1.json'), written: false });
    expect(await readFile(first.path, 'utf8')).toBe(bytes);
    expect(JSON.parse(bytes)).toStrictEqual(doc);
  });

  it.each(['..', '../evil', 'a/b', '/abs', '', '.hidden'])('refuses the id %j as a file name', async (id) => {
    const dir = await tempDir();
    const doc: TipDocument = tipDocument();
    doc.document.id = id;
    await expect(emitDocument(doc, dir)).rejects.toThrow(TypeError);
    expect(await readdir(dir)).toStrictEqual([]);
  });
});

describe('emitSchema', () => {
  it('writes the JSON Schema of the contract', async () => {
    const dir = await tempDir();
    const { path } = await emitSchema(dir);
    const schema = JSON.parse(await readFile(path, 'utf8')) as { $schema: string; required: string[] };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toStrictEqual([
      'schemaVersion',
      'document',
      'tier',
      'sections',
      'statutes',
      'figures',
      'numbers',
      'diagnostics',
      'text',
    ]);
  });
});
