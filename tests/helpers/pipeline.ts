import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchSources, readManifest, type Source } from '../../src/fetch/index.js';
import { processSource } from '../../src/pipeline.js';
import type { TipDocument } from '../../src/validate/schema.js';

/** The repository's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The project's shared folder beside the checkout (read-only material: fixtures, corpus, peer specs). */
export const SHARED = resolve(ROOT, '..', 'shared');

/** The source fixtures committed with the project, as [id, absolute path]. */
export function sourceFixtures(): [string, string][] {
  const dir = join(ROOT, 'fixtures', 'sources');
  return readdirSync(dir)
    .filter((f) => /\.(?:txt|html?|md)$/.test(f) && !/^[A-Z]+\.md$/.test(f))
    .sort()
    .map((f) => [f.replace(/\.[^.]+$/, ''), join(dir, f)]);
}

/** The default manifest's entries (with the country and year it gives for texts that do not say them). */
export async function defaultManifest(): Promise<Source[]> {
  return readManifest(join(ROOT, 'fixtures', 'sources.json'));
}

/**
 * Runs the whole pipeline (real file read through fetch, parse, segment, extract, validate) on one source.
 *
 * @param source A manifest entry.
 */
export async function processEntry(source: Source): Promise<TipDocument> {
  const [outcome] = await fetchSources([source]);
  if (!outcome?.fetched) throw new Error(`cannot read ${source.id}: ${outcome?.error?.message}`);
  const processed = processSource(outcome.fetched);
  if (!processed.ok)
    throw new Error(`${source.id}: ${processed.failure.errorClass}: ${processed.failure.message}`);
  return processed.document;
}

/** The real human-rights-report sections in the shared corpus, as [id, absolute path]. */
export function corpusFiles(): [string, string][] {
  const dir = join(SHARED, 'corpus', 'usdos-hrr', 'sections');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => [f.replace(/\.trafficking\.md$/, '').replace(/[^A-Za-z0-9._-]/g, '-'), join(dir, f)]);
}

/**
 * Runs the whole pipeline (real file read through fetch, parse, segment, extract, validate) on one file.
 *
 * @param path The file.
 * @param id The document id; default the file name without extension.
 */
export async function processFile(
  path: string,
  id = basename(path).replace(/\.[^.]+$/, ''),
): Promise<TipDocument> {
  const [outcome] = await fetchSources([{ id, path }]);
  if (!outcome?.fetched) throw new Error(`cannot read ${path}: ${outcome?.error?.message}`);
  const processed = processSource(outcome.fetched);
  if (!processed.ok) throw new Error(`${id}: ${processed.failure.errorClass}: ${processed.failure.message}`);
  return processed.document;
}
