import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the cache remembers about one URL besides its body. */
export interface CacheMeta {
  /** The address as the manifest gives it (the cache key). */
  url: string;
  /** Where the body was finally read, after redirects. */
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
  /** sha256 of the body, lower-case hex: checked on every read. */
  sha256: string;
  contentType: string | null;
  /** When the body was downloaded (ISO 8601). A 304 does not change it. */
  fetchedAt: string;
}

/** One cached response. */
export interface CacheEntry {
  meta: CacheMeta;
  body: Uint8Array;
}

/**
 * Returns lower-case hex sha256 of some bytes or text.
 *
 * @param data The bytes (or a string, hashed as UTF-8).
 */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Returns the two files of a URL's entry: `<sha256(url)>.body` and `<sha256(url)>.json`. Hashing the URL
 * gives a safe, fixed-length file name whatever the URL holds.
 *
 * @param dir The cache folder.
 * @param url The manifest URL.
 */
export function cachePaths(dir: string, url: string): { body: string; meta: string } {
  const key = sha256(url);
  return { body: join(dir, `${key}.body`), meta: join(dir, `${key}.json`) };
}

/**
 * Reads a URL's entry, or returns null when there is none or it is unusable (unreadable, not ours, or a
 * body that does not match its recorded sha256, as when a run was killed between the two renames).
 *
 * @param dir The cache folder.
 * @param url The manifest URL.
 */
export async function readCacheEntry(dir: string, url: string): Promise<CacheEntry | null> {
  const paths = cachePaths(dir, url);
  try {
    const meta: unknown = JSON.parse(await readFile(paths.meta, 'utf8'));
    if (!isCacheMeta(meta) || meta.url !== url) return null;
    const body = new Uint8Array(await readFile(paths.body));
    return sha256(body) === meta.sha256 ? { meta, body } : null;
  } catch {
    return null;
  }
}

/**
 * Writes a URL's entry: the body first, then the meta, each to a temporary file renamed into place, so that
 * a reader (or a run killed midway) sees either the old entry, the new one, or a mismatch it discards.
 *
 * @param dir The cache folder, created when missing.
 * @param entry The meta (its `url` is the key) and body.
 */
export async function writeCacheEntry(dir: string, entry: CacheEntry): Promise<void> {
  await mkdir(dir, { recursive: true });
  const paths = cachePaths(dir, entry.meta.url);
  await writeAtomic(paths.body, entry.body);
  await writeAtomic(paths.meta, `${JSON.stringify(entry.meta, null, 2)}\n`);
}

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function isCacheMeta(value: unknown): value is CacheMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Record<string, unknown>;
  const stringOrNull = (key: string) => meta[key] === null || typeof meta[key] === 'string';
  return (
    typeof meta.url === 'string' &&
    typeof meta.finalUrl === 'string' &&
    typeof meta.sha256 === 'string' &&
    typeof meta.fetchedAt === 'string' &&
    stringOrNull('etag') &&
    stringOrNull('lastModified') &&
    stringOrNull('contentType')
  );
}
