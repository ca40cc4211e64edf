import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangeReport } from '../changes/index.js';
import { writeFileAtomic } from './atomic.js';
import { canonicalJson } from './json.js';

/**
 * The run's own files beside the output: the lock that keeps two runs apart, the change reports and the
 * ledger of when each figure was first and last seen (both under `<out>/changes/`, which is a log, not
 * part of the committed output).
 */

/** Thrown when another live run holds the output folder. */
export class LockError extends Error {
  override readonly name = 'LockError';
}

const LOCK = '.tip-extract.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the output folder for this run, so that two runs never interleave their writes. A lock left by a
 * run that was killed (its process is gone) is taken over.
 *
 * @param outDir The output folder; created when missing.
 * @returns A function that releases the lock.
 * @throws LockError when a live process holds it.
 */
export async function acquireLock(outDir: string): Promise<() => Promise<void>> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, LOCK);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      await removeStaleTemps(outDir);
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new LockError(
          `another tip-extract run (pid ${pid}) is writing to ${outDir}; wait for it to finish`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new LockError(`could not take the lock ${path}`);
}

/** Temporary files of writeFileAtomic left by a killed run: safe to remove once the lock is ours. */
async function removeStaleTemps(outDir: string): Promise<void> {
  for (const dir of [outDir, join(outDir, 'changes')]) {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((n) => n.startsWith('.') && n.endsWith('.tmp'))
        .map((n) => rm(join(dir, n), { force: true })),
    );
  }
}

/**
 * Writes a change report as `<out>/changes/<id>.json`.
 *
 * @param report The report.
 * @param outDir The output folder.
 */
export async function emitChangeReport(report: ChangeReport, outDir: string): Promise<string> {
  await mkdir(join(outDir, 'changes'), { recursive: true });
  const path = join(outDir, 'changes', `${report.id}.json`);
  await writeFileAtomic(path, canonicalJson(report));
  return path;
}

/** What a run remembers of each document for the next one: enough to tell "unchanged" without reading it. */
export interface RunState {
  /** The extractor that produced the documents (`EXTRACTOR_ID`). */
  extractor: string;
  /** The run's date, YYYY-MM-DD. */
  date: string;
  documents: Record<string, { sha256: string; textSha256: string; summary: unknown }>;
}

/**
 * Reads the previous run's state, or null when there is none (or it is unreadable).
 *
 * @param outDir The output folder.
 */
export async function readRunState(outDir: string): Promise<RunState | null> {
  try {
    const parsed = JSON.parse(await readFile(join(outDir, 'changes', 'state.json'), 'utf8')) as RunState;
    return typeof parsed.extractor === 'string' &&
      parsed.documents !== null &&
      typeof parsed.documents === 'object'
      ? parsed
      : null;
  } catch {
    return null;
  }
}

/**
 * Writes the run's state atomically.
 *
 * @param state The state.
 * @param outDir The output folder.
 */
export async function writeRunState(state: RunState, outDir: string): Promise<void> {
  await mkdir(join(outDir, 'changes'), { recursive: true });
  await writeFileAtomic(join(outDir, 'changes', 'state.json'), canonicalJson(state));
}

/**
 * True when every file a run writes beside the documents is there (so a run with nothing changed may skip them).
 *
 * @param outDir The output folder.
 * @param ids The document ids of the manifest.
 */
export async function outputComplete(outDir: string, ids: string[]): Promise<boolean> {
  const names = new Set(await readdir(outDir).catch(() => [] as string[]));
  const beside = [
    'figures.csv',
    'statutes.csv',
    'penalties.csv',
    'figures.jsonl',
    'datapackage.json',
    'report.html',
  ];
  return beside.every((n) => names.has(n)) && ids.every((id) => names.has(`${id}.json`));
}
