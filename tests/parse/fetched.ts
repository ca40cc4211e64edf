import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Fetched } from '../../src/fetch/types.js';

/**
 * Builds a `Fetched` with defaults, so that a test states only what differs.
 *
 * @param body The bytes, or a string encoded as UTF-8.
 * @param options Content type and address.
 */
export function fetched(
  body: Uint8Array | string,
  options: { contentType?: string | null; path?: string; url?: string | null } = {},
): Fetched {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    source: { id: 'test', path: options.path ?? 'test.txt' },
    url: options.url ?? null,
    body: bytes,
    contentType: options.contentType === undefined ? 'text/plain' : options.contentType,
    sha256: '0'.repeat(64),
  };
}

const FIXTURE_PLACES = [
  '../../fixtures/sources/refworld-5959eca511.txt',
  '../../../shared/fixtures/refworld-5959eca511.txt',
];

/** The bytes of the real Refworld text dump (the 2017 Kyrgyz Republic narrative). */
export function fixtureBytes(): Uint8Array {
  for (const place of FIXTURE_PLACES) {
    const path = fileURLToPath(new URL(place, import.meta.url));
    if (existsSync(path)) return readFileSync(path);
  }
  throw new Error(`Fixture refworld-5959eca511.txt not found in ${FIXTURE_PLACES.join(' or ')}`);
}

/** The fixture as `Fetched`, the way fetch hands a local text file to parse. */
export function fixture(): Fetched {
  return fetched(fixtureBytes(), { path: 'sources/refworld-5959eca511.txt' });
}

/** The folder of human-rights-report "Trafficking in Persons" sections in markdown. */
export const HRR_SECTIONS = fileURLToPath(
  new URL('../../../shared/corpus/usdos-hrr/sections/', import.meta.url),
);
