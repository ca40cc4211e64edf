import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Comparison, compare } from '../src/audit/compare.js';
import { ExpectedDocumentSchema } from '../src/audit/expected.js';
import type { Source } from '../src/fetch/index.js';
import { defaultManifest, processEntry, ROOT } from './helpers/pipeline.js';

/**
 * Every hand-checked expected file in fixtures/expected/ against a fresh extraction of its source,
 * figure by figure and statute by statute. The expected files are written by hand from the text
 * (fixtures/expected/NOTES.md); a failure here is either a regression or a reviewed change of both.
 */

const expectedDir = join(ROOT, 'fixtures', 'expected');
const expectedFiles = readdirSync(expectedDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const manifest = await defaultManifest();

function explain(c: Comparison): string[] {
  const lines: string[] = [];
  for (const d of c.document)
    lines.push(`${d.field}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`);
  for (const m of c.figures.missing) lines.push(`missing figure #${m.index}: ${JSON.stringify(m.expected)}`);
  for (const p of c.figures.changed) {
    lines.push(
      `changed figure #${p.index} "${p.actual.quote}" (${p.actual.id}): ${p.changes.map((x) => `${x.field} ${JSON.stringify(x.expected)} -> ${JSON.stringify(x.actual)}`).join(', ')}`,
    );
  }
  for (const u of c.figures.unexpected)
    lines.push(`unexpected figure ${u.id} ${u.metric}=${u.value} "${u.quote}"`);
  for (const m of c.statutes.missing) lines.push(`missing statute ${m.instrument}:${m.article}`);
  for (const p of c.statutes.changed)
    lines.push(`changed statute ${p.actual.id}: ${JSON.stringify(p.changes)}`);
  for (const u of c.statutes.unexpected) lines.push(`unexpected statute ${u.id}`);
  return lines;
}

describe('extraction against the hand-checked expected files', () => {
  it('has an expected file for the seed narrative', () => {
    expect(expectedFiles).toContain('refworld-5959eca511.json');
  });

  it.each(expectedFiles)('%s', async (file) => {
    const expected = ExpectedDocumentSchema.parse(JSON.parse(readFileSync(join(expectedDir, file), 'utf8')));
    const source = manifest.find((entry) => entry.id === expected.id);
    expect(source, `no entry for ${expected.id} in fixtures/sources.json`).toBeDefined();
    const doc = await processEntry(source as Source);
    const comparison = compare(expected, doc);
    expect(explain(comparison).join('\n')).toBe('');
    expect(comparison.recall).toBe(1);
  });
});
