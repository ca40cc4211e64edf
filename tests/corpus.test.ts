import { describe, expect, it } from 'vitest';
import { corpusFiles, processFile } from './helpers/pipeline.js';

/**
 * The real human-rights-report sections in ../shared/corpus (other countries, 2007-2009): the pipeline runs
 * on each without error, marks it as that kind of document, and finds figures in it. They keep the rules
 * general; they are not expected files.
 */
describe('the shared corpus of real State Department texts', () => {
  it.each(corpusFiles())('%s', async (id, path) => {
    const doc = await processFile(path, id);
    expect(doc.document.kind).toBe('hrr_trafficking_section');
    expect(doc.tier).toBeNull();
    expect(doc.diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([]);
    expect(doc.figures.length).toBeGreaterThan(0);
  });
});
