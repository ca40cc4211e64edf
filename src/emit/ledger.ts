import { type FileHandle, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  mergeSeen,
  type SeenEntries,
  type SeenLedger,
  type SeenLine,
  sortedEntries,
  touchEntries,
} from '../changes/index.js';
import { tempPathFor } from './atomic.js';

/**
 * The first/last-seen ledger on disk: `<out>/changes/seen.jsonl`, one line per document, sorted by id. A run
 * visits documents in id order, so the ledger is updated as a merge of the old file with the run, line by
 * line: a run over ten thousand documents (some 300,000 figures) never holds the whole ledger in memory.
 * The file is replaced atomically, like every output file.
 */

const LEDGER = 'seen.jsonl';
/** The single-object ledger of earlier versions, read once when there is no `seen.jsonl` yet. */
const LEGACY = 'seen.json';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An object that is no array: the shape of a ledger and of a document's entries (the file is our own). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function lineOf(id: string, figures: SeenEntries): string {
  return `${JSON.stringify({ id, figures: sortedEntries(figures) } satisfies SeenLine)}\n`;
}

/** The old ledger's lines in file order; unreadable lines are skipped, a missing file gives none. */
async function* oldLines(changes: string): AsyncGenerator<SeenLine> {
  let handle: FileHandle;
  try {
    handle = await open(join(changes, LEDGER));
  } catch {
    yield* legacyLines(changes);
    return;
  }
  const lines = createInterface({
    input: handle.createReadStream({ encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  try {
    for await (const text of lines) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        continue;
      }
      const line = parsed as Partial<SeenLine> | null;
      if (typeof line?.id === 'string' && isRecord(line.figures))
        yield { id: line.id, figures: line.figures };
    }
  } finally {
    lines.close();
    await handle.close().catch(() => undefined);
  }
}

async function* legacyLines(changes: string): AsyncGenerator<SeenLine> {
  let ledger: unknown;
  try {
    ledger = JSON.parse(await readFile(join(changes, LEGACY), 'utf8'));
  } catch {
    return;
  }
  if (!isRecord(ledger)) return;
  for (const id of Object.keys(ledger).sort(byString)) {
    const figures = ledger[id];
    if (isRecord(figures)) yield { id, figures: figures as SeenEntries };
  }
}

/** Lines written to a temporary file, put in place by `finish`; buffered, since lines are short. */
class LineSink {
  private chunk = '';
  private constructor(
    private readonly handle: FileHandle,
    readonly temp: string,
    readonly path: string,
  ) {}

  static async open(changes: string): Promise<LineSink> {
    await mkdir(changes, { recursive: true });
    const path = join(changes, LEDGER);
    const temp = tempPathFor(path);
    return new LineSink(await open(temp, 'w'), temp, path);
  }

  async write(line: string): Promise<void> {
    this.chunk += line;
    if (this.chunk.length >= 65_536) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.chunk === '') return;
    const text = this.chunk;
    this.chunk = '';
    await this.handle.write(text, null, 'utf8');
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
    await rename(this.temp, this.path);
    await rm(join(this.path, '..', LEGACY), { force: true });
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}

/** A ledger being rewritten as a run goes: see `openLedgerUpdate`. */
export interface LedgerUpdate {
  /**
   * Records that document `id`'s figures were seen on `date`; ids must come in ascending order. Old lines of
   * documents before it (documents no longer in the manifest) are kept as they are.
   */
  record(id: string, keys: readonly string[], date: string): Promise<void>;
  /** Writes the rest of the old ledger and puts the new one in place. */
  finish(): Promise<void>;
  /** Removes the temporary file; the old ledger stays. */
  abort(): Promise<void>;
}

/**
 * Opens the ledger for a run's update: a merge of the old lines with the documents the run records.
 *
 * @param outDir The output folder.
 */
export async function openLedgerUpdate(outDir: string): Promise<LedgerUpdate> {
  const changes = join(outDir, 'changes');
  const sink = await LineSink.open(changes);
  const old = oldLines(changes);
  let pending: SeenLine | undefined = (await old.next()).value ?? undefined;
  let last: string | undefined;
  const advance = async (): Promise<void> => {
    pending = (await old.next()).value ?? undefined;
  };
  return {
    record: async (id, keys, date) => {
      if (last !== undefined && byString(id, last) <= 0) {
        throw new TypeError(`Expected ledger ids in ascending order, got \`${id}\` after \`${last}\``);
      }
      last = id;
      while (pending && byString(pending.id, id) < 0) {
        await sink.write(lineOf(pending.id, pending.figures));
        await advance();
      }
      let entries: SeenEntries | undefined;
      if (pending?.id === id) {
        entries = pending.figures;
        await advance();
      }
      await sink.write(lineOf(id, mergeSeen(entries, keys, date)));
    },
    finish: async () => {
      while (pending) {
        await sink.write(lineOf(pending.id, pending.figures));
        await advance();
      }
      await sink.finish();
    },
    abort: async () => {
      await old.return(undefined);
      await sink.abort();
    },
  };
}

/**
 * Rewrites the ledger after a quiet re-run (no document read): the figures of `ids` last seen on
 * `previousDate` were seen again on `date`.
 *
 * @param outDir The output folder.
 * @param ids The run's documents.
 * @param previousDate The previous run's date.
 * @param date This run's date.
 */
export async function touchSeenLedger(
  outDir: string,
  ids: ReadonlySet<string>,
  previousDate: string,
  date: string,
): Promise<void> {
  const changes = join(outDir, 'changes');
  const sink = await LineSink.open(changes);
  try {
    for await (const line of oldLines(changes)) {
      const figures = ids.has(line.id) ? touchEntries(line.figures, previousDate, date) : line.figures;
      await sink.write(lineOf(line.id, figures));
    }
    await sink.finish();
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

/**
 * Reads the whole ledger (for tests and small tools; a run never needs it whole).
 *
 * @param outDir The output folder.
 */
export async function readSeenLedger(outDir: string): Promise<SeenLedger> {
  const ledger: SeenLedger = {};
  for await (const line of oldLines(join(outDir, 'changes'))) ledger[line.id] = line.figures;
  return ledger;
}
