import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cachePaths, readCacheEntry, sha256 } from '../../src/fetch/cache.js';
import { fetchSources, PermanentFetchError, type Source } from '../../src/fetch/index.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { NOW, removeTempDirs, tempDir, testOptions } from './setup.js';

const V1 = '<html><body><p>Tier 2. The government investigated 12 cases.</p></body></html>';
const V2 = '<html><body><p>Tier 2. The government investigated 14 cases.</p></body></html>';
const LAST_MODIFIED = 'Fri, 01 Nov 2019 10:00:00 GMT';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  await removeTempDirs();
});
beforeEach(() => server.reset());

/** A page that honours conditional requests the way Refworld's server does. */
function conditionalPage(body: string, etag: string) {
  return reply(body, { etag, 'last-modified': LAST_MODIFIED });
}

describe('conditional requests and the cache', () => {
  it('caches a 200, revalidates with a 304, then picks up a changed body', async () => {
    const cacheDir = await tempDir();
    const source: Source = { id: 'kg-2017', url: server.url('/docid/5959eca511.html') };
    const options = testOptions(server, cacheDir);

    server.route(
      '/docid/5959eca511.html',
      conditionalPage(V1, '"v1"'),
      (request, response) => {
        // The second run must be conditional; answer 304 only if it is, as a real server would.
        if (request.headers['if-none-match'] === '"v1"') response.writeHead(304, { etag: '"v1"' }).end();
        else conditionalPage(V1, '"v1"')(request, response);
      },
      conditionalPage(V2, '"v2"'),
    );

    const [first] = await fetchSources([source], options);
    expect(first?.status).toBe('fetched');
    expect(first?.requests).toBe(1);
    expect(Buffer.from(first?.fetched?.body ?? []).toString()).toBe(V1);
    expect(first?.fetched?.sha256).toBe(sha256(V1));
    expect(first?.fetched?.contentType).toBe('text/html; charset=utf-8');
    expect(first?.previousSha256).toBeUndefined();
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();

    const entry = await readCacheEntry(cacheDir, source.url ?? '');
    expect(entry?.meta).toStrictEqual({
      url: source.url,
      finalUrl: source.url,
      etag: '"v1"',
      lastModified: LAST_MODIFIED,
      sha256: sha256(V1),
      contentType: 'text/html; charset=utf-8',
      fetchedAt: NOW.toISOString(),
    });

    const [second] = await fetchSources([source], options);
    const revalidation = server.requests[1];
    expect(revalidation?.headers['if-none-match']).toBe('"v1"');
    expect(revalidation?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(second?.status).toBe('not_modified');
    expect(second?.requests).toBe(1);
    expect(Buffer.from(second?.fetched?.body ?? []).toString()).toBe(V1);
    expect(second?.fetched?.sha256).toBe(sha256(V1));
    expect(second?.previousSha256).toBe(sha256(V1));

    const [third] = await fetchSources([source], options);
    expect(server.requests[2]?.headers['if-none-match']).toBe('"v1"');
    expect(third?.status).toBe('fetched');
    expect(Buffer.from(third?.fetched?.body ?? []).toString()).toBe(V2);
    expect(third?.fetched?.sha256).toBe(sha256(V2));
    expect(third?.previousSha256).toBe(sha256(V1));
    expect((await readCacheEntry(cacheDir, source.url ?? ''))?.meta.etag).toBe('"v2"');
    expect(server.requests).toHaveLength(3);
  });

  it('replays the cache offline without opening a single connection', async () => {
    const cacheDir = await tempDir();
    const cachedSource: Source = { id: 'cached', url: server.url('/offline/cached') };
    const missingSource: Source = { id: 'missing', url: server.url('/offline/missing') };
    server.route('/offline/cached', conditionalPage(V1, '"c"'));
    await fetchSources([cachedSource], testOptions(server, cacheDir));
    server.reset();

    const outcomes = await fetchSources(
      [cachedSource, missingSource],
      testOptions(server, cacheDir, { offline: true }),
    );

    expect(server.connections).toBe(0);
    expect(outcomes.map((outcome) => outcome.status)).toStrictEqual(['cached', 'failed']);
    expect(outcomes[0]?.fetched?.sha256).toBe(sha256(V1));
    expect(outcomes[0]?.fetched?.url).toBe(cachedSource.url);
    expect(outcomes[1]?.error).toBeInstanceOf(PermanentFetchError);
    expect(outcomes[1]?.error?.code).toBe('not-cached');
  });

  it('ignores an entry whose body does not match its recorded sha256, and fetches afresh', async () => {
    const cacheDir = await tempDir();
    const source: Source = { id: 'torn', url: server.url('/torn') };
    server.route('/torn', conditionalPage(V1, '"t"'));
    await fetchSources([source], testOptions(server, cacheDir));
    // What a run killed between the body's rename and the meta's rename leaves behind.
    await writeFile(cachePaths(cacheDir, source.url ?? '').body, 'half-written');

    expect(await readCacheEntry(cacheDir, source.url ?? '')).toBeNull();
    const [outcome] = await fetchSources([source], testOptions(server, cacheDir));
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined();
    expect(outcome?.status).toBe('fetched');
    expect(await readFile(cachePaths(cacheDir, source.url ?? '').body, 'utf8')).toBe(V1);
  });

  it('sends the validators only to the final URL of a redirect, where they were stored', async () => {
    const cacheDir = await tempDir();
    const source: Source = { id: 'moved', url: server.url('/docid/old') };
    server.route('/docid/old', (_request, response) => {
      response.writeHead(301, { location: '/reference/new' }).end();
    });
    server.route('/reference/new', conditionalPage(V1, '"n"'), (_request, response) => {
      response.writeHead(304).end();
    });
    await fetchSources([source], testOptions(server, cacheDir));
    const [second] = await fetchSources([source], testOptions(server, cacheDir));

    expect(
      server.requests.map((request) => [request.url, request.headers['if-none-match'] ?? null]),
    ).toStrictEqual([
      ['/docid/old', null],
      ['/reference/new', null],
      ['/docid/old', null],
      ['/reference/new', '"n"'],
    ]);
    expect(second?.status).toBe('not_modified');
    expect(second?.fetched?.url).toBe(server.url('/reference/new'));
  });
});
