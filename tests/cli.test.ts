import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/pipeline.js';

/** The built CLI, run as a user runs it (`npm test` builds before vitest runs). */
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const SEED = join(ROOT, 'fixtures', 'sources', 'refworld-5959eca511.txt');

function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temp = () => mkdtemp(join(tmpdir(), 'tip-cli-'));

describe('tip-extract CLI', () => {
  it('run writes one file per document and the schema, and prints a line per document', async () => {
    const out = await temp();
    const { code, stdout } = cli(['run', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^new {2}refworld-5959eca511 {2}tip_narrative {2}Kyrgyz Republic 2017 {2}Tier 2 {2}30 figures, 5 statutes/m,
    );
    expect(stdout.trim().split('\n').at(-1)).toBe(
      '7 documents: 7 fetched, 0 not modified, 7 new, 0 changed, 0 unchanged, 0 failed',
    );
    expect((await readdir(out)).sort()).toStrictEqual([
      'changes',
      'datapackage.json',
      'era-2003-albania.json',
      'era-2007-costa-rica.json',
      'era-2013-mozambique.json',
      'era-2018-ethiopia.json',
      'era-2022-kazakhstan.json',
      'figures.csv',
      'figures.jsonl',
      'hrr-2008-ghana.json',
      'penalties.csv',
      'refworld-5959eca511.json',
      'report.html',
      'schema.json',
      'statutes.csv',
    ]);
    const again = cli(['run', '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout.trim().split('\n').at(-1)).toBe(
      '7 documents: 7 fetched, 0 not modified, 0 new, 0 changed, 7 unchanged, 0 failed',
    );
  });

  it('extract prints the document JSON', () => {
    const { code, stdout } = cli(['extract', SEED]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { document: { id: string }; tier: { placement: string } };
    expect(doc.document.id).toBe('refworld-5959eca511');
    expect(doc.tier.placement).toBe('Tier 2');
  });

  it('numbers prints one JSON array per input line', () => {
    const { code, stdout } = cli(['numbers'], 'the hotline received 2,979 calls in 2016\nno numbers here\n');
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; value: number | null }[]);
    expect(lines.map((l) => l.map((n) => [n.text, n.value]))).toStrictEqual([
      [
        ['2,979', 2979],
        ['2016', 2016],
      ],
      [],
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['a binary file', '\u0000\u0001\u0002PNG\u0000\u0000\u0000'],
  ])('extract refuses %s with exit 2 and one line on stderr', async (_, content) => {
    const dir = await temp();
    const path = join(dir, 'bad.txt');
    await writeFile(path, content);
    const { code, stdout, stderr } = cli(['extract', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('extract of a missing file exits 2 with one line', () => {
    const { code, stderr } = cli(['extract', join(ROOT, 'no-such-file.txt')]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a human-rights report section is extracted with a warning and exit 0', async () => {
    const dir = await temp();
    const path = join(dir, 'hrr.md');
    await writeFile(path, '#### Trafficking in Persons\n\nPolice arrested 12 suspects during the year.\n');
    const { code, stdout } = cli(['extract', path]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      document: { kind: string };
      figures: { metric: string; value: number }[];
    };
    expect(doc.document.kind).toBe('hrr_trafficking_section');
    expect(doc.figures.map((f) => [f.metric, f.value])).toStrictEqual([['arrests', 12]]);
  });

  it.each([
    ['run', '--help'],
    ['extract', '--help'],
    ['numbers', '--help'],
    ['schema', '--help'],
    ['--help'],
  ])('%s %s prints usage and exits 0', (...args) => {
    const { code, stdout } = cli(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: tip-extract/);
  });

  it.each([[['bogus']], [['run', '--no-such-flag']], [['run', '--concurrency', 'zero']], [['extract']]])(
    'bad usage %j exits 2',
    (args) => {
      expect(cli(args).code).toBe(2);
    },
  );

  it('a bad manifest exits 2 with one line naming the problem', async () => {
    const dir = await temp();
    const manifest = join(dir, 'sources.json');
    await writeFile(manifest, JSON.stringify([{ id: '../evil', path: 'x.txt' }]));
    const { code, stderr } = cli(['run', '--sources', manifest, '--out', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tip-extract: .*id/);
  });

  it('a run with a failing document exits 1 and names it', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'empty.txt'), '');
    const manifest = join(dir, 'sources.json');
    await writeFile(
      manifest,
      JSON.stringify([
        { id: 'empty', path: 'empty.txt' },
        { id: 'seed', path: SEED },
      ]),
    );
    const { code, stdout } = cli(['run', '--sources', manifest, '--out', join(dir, 'out')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAILED {2}empty {2}ParseError: /m);
    expect(stdout).toMatch(/^new {2}seed /m);
  });

  it('schema prints the JSON Schema', () => {
    const { code, stdout } = cli(['schema']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { $schema: string }).$schema).toMatch(/json-schema\.org/);
  });
});

describe('tip-extract run --workers', () => {
  it('gives byte-identical output with two worker threads and with one', async () => {
    const [one, two] = [await temp(), await temp()];
    expect(cli(['run', '--out', one, '--workers', '1']).code).toBe(0);
    expect(cli(['run', '--out', two, '--workers', '2']).code).toBe(0);
    const files = (await readdir(one)).filter((f) => f !== 'changes').sort();
    expect((await readdir(two)).filter((f) => f !== 'changes').sort()).toStrictEqual(files);
    for (const f of files) {
      expect(await readFile(join(two, f), 'utf8'), f).toBe(await readFile(join(one, f), 'utf8'));
    }
  });

  it('does a document too big for a worker thread on the main thread, with the same output', async () => {
    // 5,000 headings need some 350 MB of heap (3,000 already exhaust a worker thread's 48 MB; 2,000 fit), so
    // the worker dies on this document and the run must hand it to the main thread instead of failing.
    const dir = await temp();
    const huge = Array.from(
      { length: 5_000 },
      (_, i) => `PROSECUTION\n\nThe government convicted ${i} offenders.`,
    );
    await writeFile(join(dir, 'huge.txt'), huge.join('\n\n'));
    const seed = join(ROOT, 'fixtures', 'sources', 'refworld-5959eca511.txt');
    const manifest = [
      { id: 'huge', path: join(dir, 'huge.txt') },
      { id: 'seed', path: seed },
    ];
    await writeFile(join(dir, 'sources.json'), JSON.stringify(manifest));
    const outputs = [];
    for (const workers of ['2', '1']) {
      const out = join(dir, `out-${workers}`);
      const result = cli(['run', '--sources', join(dir, 'sources.json'), '--out', out, '--workers', workers]);
      expect(result.code, result.stderr).toBe(0);
      outputs.push([
        await readFile(join(out, 'huge.json'), 'utf8'),
        await readFile(join(out, 'seed.json'), 'utf8'),
      ]);
    }
    expect(outputs[0]).toStrictEqual(outputs[1]);
    expect(JSON.parse(outputs[0]?.[0] ?? '{}').figures).toHaveLength(4_800);
  }, 60_000);
});

describe('tip-extract audit', () => {
  it('passes on the committed output, and fails naming the figure when an expected value is changed', async () => {
    const ok = cli(['audit']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('exit 0: every expected figure and statute matches');
    const dir = await temp();
    for (const f of await readdir(join(ROOT, 'fixtures', 'expected'))) {
      if (!f.endsWith('.json')) continue;
      let text = await readFile(join(ROOT, 'fixtures', 'expected', f), 'utf8');
      if (f === 'refworld-5959eca511.json') {
        text = text.replace('"metric": "convictions", "value": 10,', '"metric": "convictions", "value": 11,');
      }
      await writeFile(join(dir, f), text);
    }
    const bad = cli(['audit', '--expected', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/convictions 2016: 11 -> 10/);
    expect(bad.stdout).toMatch(/"convicted 10 offenders"/);
    const json = JSON.parse(cli(['audit', '--expected', dir, '--json']).stdout) as { ok: boolean };
    expect(json.ok).toBe(false);
  });
});
