import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers only ever see the old complete content or the new complete content:
 * the bytes go to a temporary file in the same folder, are flushed to disk, then renamed over the target.
 * A crash at any moment leaves at worst a stray `*.tmp` file, never a half-written target.
 *
 * @param path The file to replace.
 * @param content The new content.
 * @returns `true` when the file was written, `false` when it already held exactly this content.
 */
export async function writeFileAtomic(path: string, content: string): Promise<boolean> {
  const previous = await readFile(path, 'utf8').catch(() => null);
  if (previous === content) return false;
  await replaceFile(path, content);
  return true;
}

/**
 * Replaces a file atomically (as `writeFileAtomic` does) without first comparing: for callers that already
 * know the content changed.
 *
 * @param path The file to replace.
 * @param content The new content, as text or as UTF-8 bytes.
 */
export async function replaceFile(path: string, content: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(path);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * The temporary file a write to `path` goes through: hidden, beside the target (so that the rename stays on
 * one file system), unique to this process and write, and named so that the next run's lock sweeps it
 * when a killed run left it (`.*.tmp`).
 *
 * @param path The file that will be replaced.
 */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}
