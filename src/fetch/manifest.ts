import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ManifestError } from './errors.js';
import type { Source } from './types.js';

// Ids become file names (`output/<id>.json`): a letter or digit first (so never `.`, `..` or a dotfile),
// then only characters that are safe on every file system, 128 at most.
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const URL_SCHEMES = new Set(['http:', 'https:', 'file:']);

const KNOWN_KEYS = new Set(['id', 'path', 'url', 'country', 'year']);

/** Every TIP narrative there is (about 190 countries × 25 years, ~150 bytes an entry) fits in 1 MiB. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * Reads a sources manifest: a JSON array of `{ id, path }` or `{ id, url }`, each with an optional
 * `country` and `year`. Relative paths are resolved against the manifest's folder, so the result does not
 * depend on the working directory. Throws a `ManifestError` naming the entry and field at fault, or the
 * file when it is larger than `MAX_MANIFEST_BYTES`.
 *
 * @param path The manifest file.
 */
export async function readManifest(path: string): Promise<Source[]> {
  let text: string;
  try {
    text = await readCapped(path, MAX_MANIFEST_BYTES);
  } catch (error) {
    if (error instanceof ManifestError) throw error;
    throw new ManifestError(`Cannot read manifest \`${path}\`: ${reason(error)}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`Cannot parse manifest \`${path}\` as JSON: ${reason(error)}`, { cause: error });
  }
  return parseManifest(data, dirname(resolve(path)));
}

/**
 * Validates parsed manifest data and resolves its relative paths, throwing a `ManifestError` such as
 * ``Expected `id` of entry 3 to be …, got `../x` (string)``.
 *
 * @param data The parsed JSON.
 * @param folder The folder relative paths are resolved against.
 */
export function parseManifest(data: unknown, folder: string): Source[] {
  if (!Array.isArray(data)) {
    throw new ManifestError(`Expected the manifest to be an array of entries, got ${show(data)}`);
  }
  const seen = new Map<string, number>();
  return data.map((entry: unknown, index) => {
    const source = parseEntry(entry, index, folder);
    // Case-insensitive, because `KG.json` and `kg.json` are one file on macOS and Windows.
    const key = source.id.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new ManifestError(
        `Expected \`id\` of entry ${index} to be unique, got ${show(source.id)}, already used by entry ${first}`,
        { index, field: 'id' },
      );
    }
    seen.set(key, index);
    return source;
  });
}

function parseEntry(entry: unknown, index: number, folder: string): Source {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new ManifestError(`Expected entry ${index} to be an object, got ${show(entry)}`, { index });
  }
  const fields = entry as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !KNOWN_KEYS.has(key));
  if (unknown !== undefined) {
    throw new ManifestError(
      `Expected entry ${index} to have only \`id\`, \`path\`, \`url\`, \`country\` and \`year\`, got \`${unknown}\``,
      { index, field: unknown },
    );
  }
  const { id, path, url, country, year } = fields;
  const fail = (field: string, expected: string, value: unknown) =>
    new ManifestError(`Expected \`${field}\` of entry ${index} to be ${expected}, got ${show(value)}`, {
      index,
      field,
    });
  if (typeof id !== 'string' || !ID.test(id)) {
    throw fail('id', "1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit", id);
  }
  if ((path === undefined) === (url === undefined)) {
    throw new ManifestError(
      `Expected entry ${index} to have exactly one of \`path\` or \`url\`, got ${path === undefined ? 'neither' : 'both'}`,
      { index },
    );
  }
  const source: Source = { id };
  if (path !== undefined) {
    if (typeof path !== 'string' || path.trim() === '') throw fail('path', 'a non-empty string', path);
    source.path = resolve(folder, path);
  } else {
    if (typeof url !== 'string' || !URL.canParse(url) || !URL_SCHEMES.has(new URL(url).protocol)) {
      throw fail('url', 'an http:, https: or file: URL', url);
    }
    source.url = url;
  }
  if (country !== undefined) {
    if (typeof country !== 'string' || country.trim() === '')
      throw fail('country', 'a non-empty string', country);
    source.country = country;
  }
  if (year !== undefined) {
    // The TIP report began in 2001; the bounds only catch typos such as 217 or 20017.
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
      throw fail('year', 'an integer from 2000 to 2100', year);
    }
    source.year = year;
  }
  return source;
}

/**
 * Reads a file as UTF-8, refusing it once it passes `max` bytes. It reads rather than trusting `stat`, so
 * that a device or pipe that never ends (`/dev/zero`) is refused as quickly as a file that is too large.
 */
async function readCapped(path: string, max: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > max) {
        throw new ManifestError(`Manifest \`${path}\` is larger than the ${max} bytes allowed`);
      }
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

/** Shows a value the way p-queue does: `` `value` (type) ``, cut short when long. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return `\`${shown}\` (${type})`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
