import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/validate/index.js';
import { ROOT } from './helpers/pipeline.js';

/**
 * Killing a run at any moment leaves every output file complete: the old version or the new one, never half
 * of one. A run over 150 documents is killed with SIGKILL at pseudo-random moments; after each kill every
 * JSON file in the output folder must parse and validate, and the next run must take over the stale lock and
 * pick up where the last one stopped.
 */

const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const DOCS = 150;
const KILLS = 6;

/** A small deterministic generator, so that a failure can be replayed. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function checkOutput(out: string): Promise<{ files: number; bad: string[] }> {
  const names = (await readdir(out).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));
  const bad: string[] = [];
  for (const name of names) {
    const text = await readFile(join(out, name), 'utf8');
    try {
      const parsed: unknown = JSON.parse(text);
      if (name !== 'schema.json' && name !== 'datapackage.json' && !validate(parsed).success)
        bad.push(`${name}: invalid`);
    } catch {
      bad.push(`${name}: not JSON (${text.length} bytes)`);
    }
  }
  for (const name of ['figures.csv', 'statutes.csv', 'penalties.csv', 'figures.jsonl', 'report.html']) {
    const text = await readFile(join(out, name), 'utf8').catch(() => null);
    if (text !== null && !text.endsWith('\n') && !text.endsWith('</html>')) bad.push(`${name}: truncated`);
  }
  return { files: names.length, bad };
}

describe('a run killed with SIGKILL at random moments', () => {
  it('never leaves a half-written file, and the next run finishes the job', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tip-kill-'));
    const seed = await readFile(join(ROOT, 'fixtures', 'sources', 'refworld-5959eca511.txt'), 'utf8');
    const entries = [];
    for (let i = 0; i < DOCS; i++) {
      await writeFile(
        join(dir, `doc-${i}.txt`),
        seed.replace('received 2,979 calls', `received ${3000 + i} calls`),
      );
      entries.push({ id: `doc-${i}`, path: `doc-${i}.txt` });
    }
    await writeFile(join(dir, 'sources.json'), JSON.stringify(entries));
    const out = join(dir, 'out');
    // An uninterrupted run first, to know how long one takes: the kills then land anywhere within it.
    const started = performance.now();
    spawnSync(process.execPath, [
      CLI,
      'run',
      '--sources',
      join(dir, 'sources.json'),
      '--out',
      join(dir, 'timing'),
      '--workers',
      '1',
    ]);
    const full = performance.now() - started;
    const random = lcg(20_261_129);
    let checked = 0;
    for (let k = 0; k < KILLS; k++) {
      const child = spawn(
        process.execPath,
        // One thread, so that the kills land while documents are being written, not while workers start.
        [CLI, 'run', '--sources', join(dir, 'sources.json'), '--out', out, '--workers', '1'],
        { stdio: 'ignore' },
      );
      // Listen for the exit first: a run may finish before the kill comes.
      const exited = new Promise((done) => child.once('exit', done));
      await new Promise((done) => setTimeout(done, Math.floor(full * (0.2 + random()))));
      child.kill('SIGKILL');
      await exited;
      const { files, bad } = await checkOutput(out);
      checked += files;
      expect(bad).toStrictEqual([]);
    }
    const last = spawnSync(
      process.execPath,
      [CLI, 'run', '--sources', join(dir, 'sources.json'), '--out', out],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(last.status).toBe(0);
    const summary = last.stdout.trim().split('\n').at(-1) ?? '';
    expect(summary).toMatch(
      new RegExp(
        `^${DOCS} documents: ${DOCS} fetched, 0 not modified, \\d+ new, 0 changed, \\d+ unchanged, 0 failed$`,
      ),
    );
    const { files, bad } = await checkOutput(out);
    expect(bad).toStrictEqual([]);
    expect(files).toBe(DOCS + 2); // every document, schema.json and datapackage.json
    // The temporary files of the killed runs were swept up by the run that took the lock over.
    expect((await readdir(out)).filter((f) => f.endsWith('.tmp'))).toStrictEqual([]);
    expect(checked).toBeGreaterThan(0);
    console.log(`kill test: ${KILLS} kills, ${checked} files checked after kills, last run: ${summary}`);
  }, 120_000);
});
