import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultUserAgent, FETCH_DEFAULTS, type FetchOptions, fetchSources } from '../../src/fetch/index.js';
import { systemResolve } from '../../src/fetch/lookup.js';
import { resolveFetchOptions } from '../../src/fetch/options.js';

describe('option defaults', () => {
  it('are the polite ones the issue asks for', async () => {
    const resolved = await resolveFetchOptions({});
    const { now, userAgent, resolve, ...rest } = resolved;

    expect(rest).toStrictEqual({
      concurrency: 2,
      rate: 1,
      timeout: 30_000,
      retries: 4,
      maxBytes: 5 * 1024 * 1024,
      maxRedirects: 5,
      allowHosts: [
        { hostname: 'refworld.org', port: null },
        { hostname: 'www.refworld.org', port: null },
      ],
      cacheDir: '.cache',
      offline: false,
      robots: true,
      backoff: { base: 1000, max: 60_000 },
    });
    expect(resolve).toBe(systemResolve);
    expect(now()).toBeInstanceOf(Date);
    expect(userAgent).toBe(await defaultUserAgent());
    expect(FETCH_DEFAULTS.allowHosts).toStrictEqual(['refworld.org', 'www.refworld.org']);
  });

  it('put the package version in the User-Agent', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await defaultUserAgent()).toMatch(
      new RegExp(`^tip-extract/${pkg.version.replaceAll('.', '\\.')} \\(`),
    );
  });
});

describe('option misuse throws a TypeError naming the option and the value', () => {
  it.each<[FetchOptions, string]>([
    [{ concurrency: 0 }, 'Expected `concurrency` to be an integer >= 1, got `0` (number)'],
    [{ concurrency: 1.5 }, 'Expected `concurrency` to be an integer >= 1, got `1.5` (number)'],
    [{ rate: -1 }, 'Expected `rate` to be a number above 0 and at most 1000, got `-1` (number)'],
    [{ rate: Number.NaN }, 'Expected `rate` to be a number above 0 and at most 1000, got `NaN` (number)'],
    [{ timeout: 0 }, 'Expected `timeout` to be an integer >= 1, got `0` (number)'],
    [{ retries: -1 }, 'Expected `retries` to be an integer >= 0, got `-1` (number)'],
    [{ maxBytes: '5MB' as never }, 'Expected `maxBytes` to be an integer >= 1, got `5MB` (string)'],
    [{ maxRedirects: -2 }, 'Expected `maxRedirects` to be an integer >= 0, got `-2` (number)'],
    [
      { allowHosts: 'refworld.org' as never },
      'Expected `allowHosts` to be an array of `host` or `host:port` strings, got `refworld.org` (string)',
    ],
    [
      { allowHosts: ['refworld.org', 'https://evil.example'] },
      'Expected `allowHosts[1]` to be a `host` or `host:port` string, got `https://evil.example` (string)',
    ],
    [{ cacheDir: '' }, 'Expected `cacheDir` to be a non-empty string, got `` (string)'],
    [{ offline: 'yes' as never }, 'Expected `offline` to be a boolean, got `yes` (string)'],
    [
      { userAgent: 'bot\r\nX-Evil: 1' },
      'Expected `userAgent` to be a single line, got `bot\r\nX-Evil: 1` (string)',
    ],
    [{ backoff: { base: -1 } }, 'Expected `backoff.base` to be an integer >= 0, got `-1` (number)'],
    [{ backoff: 100 as never }, 'Expected `backoff` to be an object { base, max }, got `100` (number)'],
    [{ now: 'today' as never }, 'Expected `now` to be a function returning a Date, got `today` (string)'],
    [
      { resolve: ['127.0.0.1'] as never },
      'Expected `resolve` to be a function (hostname) => Promise<string[]>, got `["127.0.0.1"]` (object)',
    ],
    [
      { allowHosts: ['[::1'] },
      'Expected `allowHosts[0]` to be a `host` or `host:port` string, got `[::1` (string)',
    ],
  ])('%j', async (options, message) => {
    await expect(fetchSources([], options)).rejects.toThrow(new TypeError(message));
  });

  it('rejects sources that are not entries', async () => {
    await expect(fetchSources([{ id: 'x' }], {})).rejects.toThrow(
      new TypeError(
        'Expected `sources[0]` to have a string `id` and exactly one of `path` or `url`, got `{"id":"x"}`',
      ),
    );
    await expect(fetchSources([{ id: 'x', url: 'not a url' }], {})).rejects.toThrow(
      new TypeError('Expected `sources[0].url` to be a URL, got `not a url` (string)'),
    );
  });
});
