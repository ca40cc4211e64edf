import { createHash, type Hash } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { tempPathFor, writeFileAtomic } from './atomic.js';
import { dataPackageOf, type Integrity } from './datapackage.js';
import type { Emitted } from './index.js';
import { canonicalJson } from './json.js';
import { EXPORT_HEADERS, EXPORT_PATHS } from './rows.js';

/**
 * The flat exports written as a run goes, one document at a time, so that a run over ten thousand documents
 * never holds every figure in memory. Each file is written to a temporary file and renamed over the old one
 * at the end (atomically, and only when its bytes changed); the data package is built from the sizes and
 * hashes of what was written. Documents must be added in id order: rows come out as `flatExports` orders them.
 */
export interface ExportStream {
  /** Appends rows made beforehand by `exportRows` (in a worker thread), as text or UTF-8 bytes. */
  addRows(rows: readonly (string | Uint8Array)[]): Promise<void>;
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
  /** Rows not yet written: a document's rows are a few KB, and a write per document per file costs more. */
  pending: Uint8Array[];
  pendingBytes: number;
}

/** How many bytes a sink gathers before it writes them. */
const FLUSH_BYTES = 256 * 1024;

async function sink(outDir: string, name: string, header: string): Promise<Sink> {
  const path = join(outDir, name);
  const temp = tempPathFor(path);
  const handle = await open(temp, 'w');
  const s: Sink = { path, temp, handle, hash: createHash('sha256'), bytes: 0, pending: [], pendingBytes: 0 };
  await write(s, header);
  return s;
}

async function write(s: Sink, text: string | Uint8Array): Promise<void> {
  if (text.length === 0) return;
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  s.hash.update(bytes);
  s.bytes += bytes.length;
  s.pending.push(bytes);
  s.pendingBytes += bytes.length;
  if (s.pendingBytes >= FLUSH_BYTES) await flush(s);
}

async function flush(s: Sink): Promise<void> {
  if (s.pending.length === 0) return;
  const chunk = Buffer.concat(s.pending, s.pendingBytes);
  s.pending = [];
  s.pendingBytes = 0;
  await s.handle.write(chunk);
}

/**
 * Opens the streamed flat exports in an output folder.
 *
 * @param outDir The output folder; created when missing.
 */
export async function openExportStream(outDir: string): Promise<ExportStream> {
  await mkdir(outDir, { recursive: true });
  const sinks: Sink[] = [];
  for (const [i, path] of EXPORT_PATHS.entries())
    sinks.push(await sink(outDir, path, EXPORT_HEADERS[i] ?? ''));
  const close = () => Promise.all(sinks.map((s) => s.handle.close().catch(() => undefined)));
  const addRows = async (rows: readonly (string | Uint8Array)[]): Promise<void> => {
    for (const [i, s] of sinks.entries()) await write(s, rows[i] ?? '');
  };
  return {
    addRows,
    finish: async () => {
      for (const s of sinks) await flush(s);
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
