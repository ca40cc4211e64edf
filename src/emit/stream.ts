import { createHash, type Hash, randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { TipDocument } from '../validate/schema.js';
import { writeFileAtomic } from './atomic.js';
import { dataPackageOf, type Integrity } from './datapackage.js';
import { FIGURES_JSONL_PATH, FLAT_TABLES, figuresJsonl, tableCsv } from './flat.js';
import type { Emitted } from './index.js';
import { canonicalJson } from './json.js';

/**
 * The flat exports written as a run goes, one document at a time, so that a run over ten thousand documents
 * never holds every figure in memory. Each file is written to a temporary file and renamed over the old one
 * at the end (atomically, and only when its bytes changed); the data package is built from the sizes and
 * hashes of what was written. Documents must be added in id order: rows come out as `flatExports` orders them.
 */
export interface ExportStream {
  /** Appends one document's rows to every export. */
  add(doc: TipDocument): Promise<void>;
  /** Closes the exports, puts each in place when it changed, writes datapackage.json. */
  finish(): Promise<Emitted[]>;
  /** Closes and removes the temporary files (when the run fails). */
  abort(): Promise<void>;
}

interface Sink {
  path: string;
  temp: string;
  handle: FileHandle;
  hash: Hash;
  bytes: number;
  rows: (doc: TipDocument) => string;
}

async function sink(
  outDir: string,
  name: string,
  header: string,
  rows: (doc: TipDocument) => string,
): Promise<Sink> {
  const path = join(outDir, name);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const s: Sink = { path, temp, handle: await open(temp, 'w'), hash: createHash('sha256'), bytes: 0, rows };
  await write(s, header);
  return s;
}

async function write(s: Sink, text: string): Promise<void> {
  if (text === '') return;
  const bytes = Buffer.from(text, 'utf8');
  s.hash.update(bytes);
  s.bytes += bytes.length;
  await s.handle.write(bytes);
}

/** The header line of a CSV table: the table serialised with no documents. */
const headerOf = (t: (typeof FLAT_TABLES)[number]): string => tableCsv(t, []);

/**
 * Opens the streamed flat exports in an output folder.
 *
 * @param outDir The output folder; created when missing.
 */
export async function openExportStream(outDir: string): Promise<ExportStream> {
  await mkdir(outDir, { recursive: true });
  const sinks: Sink[] = [];
  for (const t of FLAT_TABLES) {
    const header = headerOf(t);
    sinks.push(await sink(outDir, t.path, header, (doc) => tableCsv(t, [doc]).slice(header.length)));
  }
  sinks.push(await sink(outDir, FIGURES_JSONL_PATH, '', (doc) => figuresJsonl([doc])));
  const close = () => Promise.all(sinks.map((s) => s.handle.close().catch(() => undefined)));
  return {
    add: async (doc) => {
      for (const s of sinks) await write(s, s.rows(doc));
    },
    finish: async () => {
      await Promise.all(sinks.map((s) => s.handle.sync()));
      await close();
      const stats = new Map<string, Integrity>();
      const emitted: Emitted[] = [];
      for (const s of sinks) {
        const hash = `sha256:${s.hash.digest('hex')}`;
        stats.set(basename(s.path), { bytes: s.bytes, hash });
        const old = await readFile(s.path).catch(() => null);
        const same = old !== null && `sha256:${createHash('sha256').update(old).digest('hex')}` === hash;
        if (same) await rm(s.temp, { force: true });
        else await rename(s.temp, s.path);
        emitted.push({ path: s.path, written: !same });
      }
      const descriptor = dataPackageOf((path) => stats.get(path) ?? { bytes: 0, hash: '' });
      const packagePath = join(outDir, 'datapackage.json');
      emitted.push({
        path: packagePath,
        written: await writeFileAtomic(packagePath, canonicalJson(descriptor)),
      });
      return emitted;
    },
    abort: async () => {
      await close();
      await Promise.all(sinks.map((s) => rm(s.temp, { force: true })));
    },
  };
}
