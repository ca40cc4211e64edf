import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FetchOptions } from '../../src/fetch/index.js';
import type { TestServer } from '../helpers/server.js';

/** The fixed clock of every fetch test, so that cache timestamps are predictable. */
export const NOW = new Date('2024-06-01T12:00:00.000Z');

/**
 * Options for a fetch against the test server: the server allowed, robots.txt off unless a test is about
 * it, a fast rate and short backoff so that the suite stays quick, and a fresh cache folder.
 *
 * @param server The server the test talks to.
 * @param cacheDir A folder of the test's own.
 * @param overrides What the test is about.
 */
export function testOptions(
  server: TestServer,
  cacheDir: string,
  overrides: FetchOptions = {},
): FetchOptions {
  return {
    allowHosts: [server.host],
    robots: false,
    rate: 1000,
    concurrency: 4,
    timeout: 2000,
    retries: 4,
    backoff: { base: 10, max: 2000 },
    cacheDir,
    now: () => NOW,
    ...overrides,
  };
}

const made: string[] = [];

/** Makes an empty folder under the system temp folder, removed by `removeTempDirs`. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tip-fetch-'));
  made.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
