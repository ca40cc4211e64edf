import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../src/parse/index.js';
import type { TipDocument } from '../src/validate/schema.js';
import { corpusFiles, processFile, ROOT, sourceFixtures } from './helpers/pipeline.js';

/**
 * The traceability invariant: every figure, statute mention, penalty, number, tier and section of every
 * document points into the clean text, and every quote is exactly its slice.
 */

function spanFailures(doc: TipDocument): string[] {
  const { text } = doc;
  const bad: string[] = [];
  const check = (what: string, start: number, end: number, quote?: string): void => {
    if (!(start >= 0 && start <= end && end <= text.length))
      bad.push(`${what}: ${start}..${end} outside 0..${text.length}`);
    else if (quote !== undefined && text.slice(start, end) !== quote)
      bad.push(`${what}: "${quote}" is not "${text.slice(start, end)}"`);
  };
  for (const f of doc.figures) {
    check(`figure ${f.id}`, f.start, f.end, f.quote);
    check(`figure ${f.id} number`, f.number.start, f.number.end);
    if (f.number.start < f.start || f.number.end > f.end)
      bad.push(`figure ${f.id}: its number is outside its quote`);
  }
  for (const s of doc.statutes) {
    for (const m of s.mentions) check(`statute ${s.id} mention`, m.start, m.end, m.quote);
    for (const p of s.penalties) check(`statute ${s.id} penalty`, p.start, p.end, p.quote);
  }
  for (const n of doc.numbers) check(`number ${n.text}`, n.start, n.end, n.text);
  if (doc.tier) check('tier', doc.tier.start, doc.tier.end, doc.tier.quote);
  if (doc.tier?.previous)
    check('tier.previous', doc.tier.previous.start, doc.tier.previous.end, doc.tier.previous.quote);
  for (const s of doc.sections) {
    check(`section ${s.kind}`, s.start, s.end);
    for (const p of s.paragraphs) check(`paragraph of ${s.kind}`, p.start, p.end);
  }
  for (const d of doc.diagnostics)
    if (d.start !== undefined && d.end !== undefined) check(`diagnostic ${d.rule}`, d.start, d.end);
  return bad;
}

describe('every span of every fixture is its exact slice of the clean text', () => {
  it.each([...sourceFixtures(), ...corpusFiles()])('%s', async (id, path) => {
    const doc = await processFile(path, id);
    expect(doc.figures.length + doc.numbers.length).toBeGreaterThan(0);
    expect(spanFailures(doc)).toStrictEqual([]);
    // ... and every figure's source offsets point at the same words in the file as it was read.
    const decoded = decodeBody(readFileSync(path), null);
    expect(
      doc.figures.filter((f) => decoded.slice(f.source?.start, f.source?.end) !== f.quote).map((f) => f.id),
    ).toStrictEqual([]);
  });

  const outputDir = join(ROOT, 'output');
  const outputs = readdirSync(outputDir).filter(
    (f) => f.endsWith('.json') && f !== 'schema.json' && f !== 'datapackage.json',
  );
  it.each(outputs)('committed output/%s', (file) => {
    const doc = JSON.parse(readFileSync(join(outputDir, file), 'utf8')) as TipDocument;
    expect(spanFailures(doc)).toStrictEqual([]);
  });
});
