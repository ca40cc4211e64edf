import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/pipeline.js';
import { ROOT } from './helpers/pipeline.js';

/**
 * `output/` holds exactly what the default job produces: a fresh run into a temporary folder must give
 * byte-identical files. When this fails, run `npm start`, read the diff of output/, and commit it with
 * the change that moved it.
 */
describe('committed output/ is what the default run produces', () => {
  it('matches a fresh run file by file, byte for byte, and a second run changes nothing', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tip-output-'));
    const report = await run({ sources: join(ROOT, 'fixtures', 'sources.json'), out });
    expect(report.failed).toBe(0);
    // changes/ (change reports, the seen ledger) is a log of each run and report.png the browser test's
    // screenshot: neither is part of the committed output.
    const listing = async (dir: string) =>
      (await readdir(dir)).filter((f) => f !== 'changes' && f !== 'report.png' && !f.startsWith('.')).sort();
    const fresh = await listing(out);
    const committed = await listing(join(ROOT, 'output'));
    expect(committed).toStrictEqual(fresh);
    for (const file of fresh) {
      const [a, b] = await Promise.all([
        readFile(join(out, file), 'utf8'),
        readFile(join(ROOT, 'output', file), 'utf8'),
      ]);
      expect(a, `output/${file} is stale: run npm start and review the diff`).toBe(b);
    }
    const again = await run({ sources: join(ROOT, 'fixtures', 'sources.json'), out });
    expect(again.documents.map((d) => d.status)).toStrictEqual(again.documents.map(() => 'unchanged'));
    expect(again.schema.written).toBe(false);
    expect(again.exports.map((e) => e.written)).toStrictEqual(again.exports.map(() => false));
  });
});
