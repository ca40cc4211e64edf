import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildResult, runChild } from './child.js';
import { variants } from './corpus.js';

/**
 * The scenarios that run the built CLI (`tip-extract run`) in a child process each: a big manifest of
 * local files with 1 and with 2 workers (wall time, docs/s, peak RSS), and a re-run over unchanged
 * documents.
 */

/** What the CLI wrapper (rss-child.ts) reports at exit. */
export interface CliReport {
  maxRssKiB: number;
  ms: number;
  exitCode: number;
}

/** One `tip-extract run` in a child process. */
export interface CliRun {
  label: string;
  command: string;
  docs: number;
  wallSeconds: number;
  docsPerSecond: number;
  /** Peak RSS in MiB, or null when the child did not report. */
  peakRssMiB: number | null;
  exitCode: number | null;
  /** The CLI's last output line: "N documents: ... unchanged, 0 failed". */
  summary: string;
  /** Why the run could not be measured, if it could not. */
  error?: string;
  loadBefore: number[];
}

/** The memory and worker scenarios. */
export interface MemoryResults {
  big: number;
  workers1: CliRun;
  workers2: CliRun;
  /** docs/s with 2 workers over docs/s with 1. */
  scaling: number;
  rerunDocs: number;
  /** The first run over the re-run manifest, which writes every document (for reference). */
  rerunFirst: CliRun;
  /** The second run: every document unchanged. */
  rerun: CliRun;
}

/** Entries of the generated manifest are about 40 bytes; the manifest reader refuses more than 1 MiB. */
export const MAX_BIG_DOCS = 25_000;

const CHILD = new URL('./rss-child.js', import.meta.url);

async function writeSources(dir: string, count: number, seed: number): Promise<string[]> {
  await mkdir(join(dir, 's'), { recursive: true });
  const entries: string[] = [];
  let i = 0;
  for (const v of variants({ docs: count, seed })) {
    const id = `d${i++}`;
    const path = `s/${id}.${v.markdown ? 'md' : 'txt'}`;
    await writeFile(join(dir, path), v.textSource);
    entries.push(JSON.stringify({ id, path }));
  }
  return entries;
}

async function writeManifest(dir: string, name: string, entries: readonly string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `[\n${entries.join(',\n')}\n]\n`);
  return path;
}

async function cliRun(label: string, args: string[], docs: number, cwd: string): Promise<CliRun> {
  const result: ChildResult<CliReport> = await runChild<CliReport>(CHILD, args, {
    marker: 'BENCH_CHILD ',
    cwd,
    timeoutMs: Math.max(600_000, docs * 100),
    stream: 'stderr',
  });
  const run: CliRun = {
    label,
    command: `tip-extract ${args.join(' ')}`,
    docs,
    wallSeconds: result.wallSeconds,
    docsPerSecond: docs / result.wallSeconds,
    peakRssMiB: result.report ? result.report.maxRssKiB / 1024 : null,
    exitCode: result.exitCode,
    summary: result.stdoutTail.split('\n').at(-1) ?? '',
    loadBefore: result.loadBefore,
  };
  if (result.timedOut) run.error = `timed out; stderr: ${result.stderrTail}`;
  else if (!result.report || result.signal) {
    run.error = `crashed (exit ${result.exitCode}, signal ${result.signal}); stderr: ${result.stderrTail}`;
  } else if (/internal error/.test(result.stderrTail)) run.error = result.stderrTail;
  return run;
}

/**
 * Runs the CLI scenarios in a temporary folder, removed afterwards unless `keep` is set.
 *
 * @param options Sizes, seed, whether to keep the folder, and a progress logger.
 */
export async function measureMemory(options: {
  big: number;
  rerun: number;
  seed: number;
  keep: boolean;
  log: (line: string) => void;
}): Promise<MemoryResults> {
  const { big, rerun, log } = options;
  if (big > MAX_BIG_DOCS || rerun > MAX_BIG_DOCS) {
    throw new TypeError(`Expected --big and --rerun to be at most ${MAX_BIG_DOCS}, got ${big} and ${rerun}`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'tip-bench-'));
  try {
    log(`writing ${Math.max(big, rerun)} source files to ${dir}`);
    const entries = await writeSources(dir, Math.max(big, rerun), options.seed);
    const bigManifest = await writeManifest(dir, 'big.json', entries.slice(0, big));
    const rerunManifest = await writeManifest(dir, 'rerun.json', entries.slice(0, rerun));
    const runBig = async (workers: number): Promise<CliRun> => {
      log(`tip-extract run, ${big} documents, --workers ${workers}`);
      const out = join(dir, `out-w${workers}`);
      const args = ['run', '--sources', bigManifest, '--out', out, '--workers', String(workers)];
      const result = await cliRun(`run --workers ${workers}`, args, big, dir);
      if (!options.keep) await rm(out, { recursive: true, force: true });
      return result;
    };
    const workers1 = await runBig(1);
    const workers2 = await runBig(2);
    const rerunArgs = ['run', '--sources', rerunManifest, '--out', join(dir, 'out-rerun')];
    log(`tip-extract run, ${rerun} documents, first run`);
    const rerunFirst = await cliRun('first run', rerunArgs, rerun, dir);
    log(`tip-extract run, ${rerun} documents, re-run (all unchanged)`);
    const second = await cliRun('re-run, unchanged', rerunArgs, rerun, dir);
    return {
      big,
      workers1,
      workers2,
      scaling: workers2.docsPerSecond / workers1.docsPerSecond,
      rerunDocs: rerun,
      rerunFirst,
      rerun: second,
    };
  } finally {
    if (!options.keep) await rm(dir, { recursive: true, force: true });
  }
}
