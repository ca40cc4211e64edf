import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isHostAllowed, parseAllowedHost } from '../../src/fetch/hosts.js';
import { FETCH_DEFAULTS, ManifestError, parseManifest, readManifest } from '../../src/fetch/index.js';
import { MAX_MANIFEST_BYTES } from '../../src/fetch/manifest.js';
import { removeTempDirs, tempDir } from './setup.js';

afterAll(removeTempDirs);

const KG = 'https://www.refworld.org/reference/annualreport/usdos/2012/en/86954';

/** Runs `parseManifest` and returns the error it throws, so that a test can pin the message. */
function errorOf(data: unknown): ManifestError {
  try {
    parseManifest(data, '/manifests');
  } catch (error) {
    if (error instanceof ManifestError) return error;
    throw error;
  }
  throw new Error('parseManifest did not throw');
}

describe('readManifest', () => {
  it('reads paths and URLs, resolving relative paths against the manifest folder', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'lists'));
    const manifest = join(dir, 'lists', 'sources.json');
    await writeFile(
      manifest,
      JSON.stringify([
        { id: 'kg-2017', path: '../sources/refworld-5959eca511.txt', country: 'Kyrgyz Republic', year: 2017 },
        { id: 'kg-2012', url: KG },
        { id: 'local.file_1', url: 'file:///data/kg.html' },
        { id: 'abs', path: '/srv/tip/kg.html' },
      ]),
    );

    expect(await readManifest(manifest)).toStrictEqual([
      {
        id: 'kg-2017',
        path: join(dir, 'sources', 'refworld-5959eca511.txt'),
        country: 'Kyrgyz Republic',
        year: 2017,
      },
      { id: 'kg-2012', url: KG },
      { id: 'local.file_1', url: 'file:///data/kg.html' },
      { id: 'abs', path: '/srv/tip/kg.html' },
    ]);
  });

  it('names the file when it is not JSON', async () => {
    const manifest = join(await tempDir(), 'broken.json');
    await writeFile(manifest, '[{"id": "a",');

    await expect(readManifest(manifest)).rejects.toThrow(`Cannot parse manifest \`${manifest}\` as JSON:`);
  });

  it('reads a manifest of exactly MAX_MANIFEST_BYTES and refuses one byte more', async () => {
    const dir = await tempDir();
    const entry = JSON.stringify([{ id: 'kg-2012', url: KG }]);
    const padded = entry.padEnd(MAX_MANIFEST_BYTES, ' ');
    await writeFile(join(dir, 'full.json'), padded);
    await writeFile(join(dir, 'over.json'), `${padded} `);

    expect(MAX_MANIFEST_BYTES).toBe(1024 * 1024);
    expect(await readManifest(join(dir, 'full.json'))).toStrictEqual([{ id: 'kg-2012', url: KG }]);
    const refused = readManifest(join(dir, 'over.json'));
    await expect(refused).rejects.toBeInstanceOf(ManifestError);
    await expect(refused).rejects.toMatchObject({
      message: `Manifest \`${join(dir, 'over.json')}\` is larger than the 1048576 bytes allowed`,
      index: null,
      field: null,
    });
  });

  it.runIf(existsSync('/dev/zero'))(
    'refuses an endless manifest such as /dev/zero instead of hanging',
    async () => {
      await expect(readManifest('/dev/zero')).rejects.toThrow(
        new ManifestError('Manifest `/dev/zero` is larger than the 1048576 bytes allowed'),
      );
    },
  );

  it('names the file when it cannot be read', async () => {
    await expect(readManifest('/no/such/manifest.json')).rejects.toBeInstanceOf(ManifestError);
  });
});

describe('the shipped Refworld manifest', () => {
  it('is valid and every address is reachable with the default allow-list', async () => {
    const sources = await readManifest(new URL('../../fixtures/refworld-tip.json', import.meta.url).pathname);
    const allowed = FETCH_DEFAULTS.allowHosts
      .map((entry) => parseAllowedHost(entry))
      .filter((host) => host !== null);

    expect(sources.map((source) => source.id)).toStrictEqual(['kg-2008', 'kg-2011', 'kg-2012', 'kg-2017']);
    for (const source of sources) {
      expect(source.url).toMatch(/^https:\/\//);
      expect(isHostAllowed(new URL(source.url ?? ''), allowed)).toBe(true);
    }
  });
});

describe('parseManifest errors name the entry and field', () => {
  it.each([
    [
      [
        { id: 'ok', url: KG },
        { id: 'fine', path: 'a.txt' },
        { id: 'good', path: 'b.txt' },
        { id: '../x', path: 'c' },
      ],
      "Expected `id` of entry 3 to be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit, got `../x` (string)",
      { index: 3, field: 'id' },
    ],
    [
      [{ id: '..', path: 'a' }],
      "Expected `id` of entry 0 to be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit, got `..` (string)",
      { index: 0, field: 'id' },
    ],
    [
      [{ id: 'a/b', path: 'a' }],
      "Expected `id` of entry 0 to be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit, got `a/b` (string)",
      { index: 0, field: 'id' },
    ],
    [
      [{ id: 42, path: 'a' }],
      "Expected `id` of entry 0 to be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit, got `42` (number)",
      { index: 0, field: 'id' },
    ],
    [
      [
        { id: 'kg-2012', url: KG },
        { id: 'kg-2011', path: 'x' },
        { id: 'KG-2012', path: 'y' },
      ],
      'Expected `id` of entry 2 to be unique, got `KG-2012` (string), already used by entry 0',
      { index: 2, field: 'id' },
    ],
    [
      [{ id: 'both', path: 'a.txt', url: KG }],
      'Expected entry 0 to have exactly one of `path` or `url`, got both',
      { index: 0, field: null },
    ],
    [
      [{ id: 'neither' }],
      'Expected entry 0 to have exactly one of `path` or `url`, got neither',
      { index: 0 },
    ],
    [
      [{ id: 'ftp', url: 'ftp://example.org/a.txt' }],
      'Expected `url` of entry 0 to be an http:, https: or file: URL, got `ftp://example.org/a.txt` (string)',
      { index: 0, field: 'url' },
    ],
    [
      [{ id: 'rel', url: 'www.refworld.org/docid/5959eca511.html' }],
      'Expected `url` of entry 0 to be an http:, https: or file: URL, got `www.refworld.org/docid/5959eca511.html` (string)',
      { index: 0, field: 'url' },
    ],
    [[{ id: 'empty', path: '' }], 'Expected `path` of entry 0 to be a non-empty string, got `` (string)', {}],
    [
      [{ id: 'y', path: 'a', year: '2017' }],
      'Expected `year` of entry 0 to be an integer from 2000 to 2100, got `2017` (string)',
      {},
    ],
    [
      [{ id: 'typo', path: 'a', contry: 'Kyrgyz Republic' }],
      'Expected entry 0 to have only `id`, `path`, `url`, `country` and `year`, got `contry`',
      { index: 0, field: 'contry' },
    ],
    [['kg-2012'], 'Expected entry 0 to be an object, got `kg-2012` (string)', { index: 0 }],
    [
      { sources: [] },
      'Expected the manifest to be an array of entries, got `{"sources":[]}` (object)',
      { index: null },
    ],
  ])('%j', (data, message, where) => {
    const error = errorOf(data);
    expect(error.message).toBe(message);
    expect(error).toMatchObject(where);
  });
});
