import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { sha256 } from './cache.js';
import { PermanentFetchError } from './errors.js';
import type { Fetched, Source } from './types.js';

// Local files have no Content-Type header: the extension is all we know, and these are all parse reads.
const TYPES_BY_EXTENSION: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.md': 'text/markdown',
};

/**
 * Guesses a local file's content type from its extension: `.html`/`.htm` are HTML, `.md` Markdown, the rest
 * plain text.
 *
 * @param path The file's path or URL pathname.
 */
export function guessContentType(path: string): string {
  return TYPES_BY_EXTENSION[extname(path).toLowerCase()] ?? 'text/plain';
}

/**
 * Tells whether a served Content-Type is something parse can read: any `text/*`, XHTML, or none at all.
 * Everything else (images, PDFs, archives) is refused before its body is read.
 *
 * @param contentType The header value, parameters and all, or null when absent.
 */
export function isTextContentType(contentType: string | null): boolean {
  if (contentType === null) return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type.startsWith('text/') || type === 'application/xhtml+xml';
}

/**
 * Reads a local source from disk, with no network: a manifest path (then `url` is null) or a `file:` URL.
 *
 * @param source The manifest entry.
 * @param file The path or `file:` URL to read.
 * @param maxBytes Largest file accepted, as for downloads.
 */
export async function readLocal(source: Source, file: string | URL, maxBytes: number): Promise<Fetched> {
  const shown = String(file);
  try {
    const info = await stat(file);
    if (info.size > maxBytes) {
      throw new PermanentFetchError(
        `\`${shown}\` has ${info.size} bytes, more than the ${maxBytes} allowed`,
        {
          code: 'too-large',
          url: shown,
        },
      );
    }
    const body = new Uint8Array(await readFile(file));
    const path = typeof file === 'string' ? file : file.pathname;
    return {
      source,
      url: typeof file === 'string' ? null : file.href,
      body,
      contentType: guessContentType(path),
      sha256: sha256(body),
    };
  } catch (error) {
    if (error instanceof PermanentFetchError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new PermanentFetchError(`Cannot read \`${shown}\`: ${reason}`, {
      code: 'file',
      url: shown,
      cause: error,
    });
  }
}
