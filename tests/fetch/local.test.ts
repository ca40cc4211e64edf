import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/fetch/cache.js';
import { type FetchEvent, fetchSources, PermanentFetchError, type Source } from '../../src/fetch/index.js';
import { guessContentType } from '../../src/fetch/local.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { removeTempDirs, tempDir, testOptions } from './setup.js';

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer();
  dir = await tempDir();
  await writeFile(join(dir, 'kg.html'), '<p>Kyrgyz Republic: Tier 2</p>');
  await writeFile(join(dir, 'kg.md'), '# Kyrgyz Republic');
  await writeFile(join(dir, 'kg.txt'), 'KYRGYZ REPUBLIC: TIER 2');
});
afterAll(async () => {
  await server.close();
  await removeTempDirs();
});
beforeEach(() => server.reset());

describe('local sources', () => {
  it('reads paths and file: URLs from disk with no network, guessing the content type', async () => {
    const sources: Source[] = [
      { id: 'html', path: join(dir, 'kg.html') },
      { id: 'md', url: pathToFileURL(join(dir, 'kg.md')).href },
      { id: 'txt', path: join(dir, 'kg.txt') },
    ];

    const outcomes = await fetchSources(sources, testOptions(server, await tempDir(), { offline: true }));

    expect(
      outcomes.map(({ status, requests, fetched }) => [status, requests, fetched?.contentType]),
    ).toStrictEqual([
      ['fetched', 0, 'text/html'],
      ['fetched', 0, 'text/markdown'],
      ['fetched', 0, 'text/plain'],
    ]);
    expect(outcomes[0]?.fetched?.url).toBeNull();
    expect(outcomes[1]?.fetched?.url).toBe(pathToFileURL(join(dir, 'kg.md')).href);
    expect(outcomes[2]?.fetched?.sha256).toBe(sha256('KYRGYZ REPUBLIC: TIER 2'));
    expect(server.connections).toBe(0);
  });

  it('fails a missing file as permanent, and a file over maxBytes', async () => {
    const outcomes = await fetchSources(
      [
        { id: 'gone', path: join(dir, 'missing.html') },
        { id: 'big', path: join(dir, 'kg.html') },
      ],
      testOptions(server, await tempDir(), { maxBytes: 10 }),
    );

    expect(outcomes.map((outcome) => outcome.error?.code)).toStrictEqual(['file', 'too-large']);
    expect(outcomes[0]?.error).toBeInstanceOf(PermanentFetchError);
  });

  it.each([
    ['a.html', 'text/html'],
    ['a.HTM', 'text/html'],
    ['a.md', 'text/markdown'],
    ['a.txt', 'text/plain'],
    ['a', 'text/plain'],
  ])('guesses %s as %s', (path, type) => {
    expect(guessContentType(path)).toBe(type);
  });
});

describe('outcomes and events', () => {
  it('returns outcomes in manifest order and reports start, request, retry and done', async () => {
    let calls = 0;
    server.route('/slow', (_request, response) => {
      setTimeout(() => response.writeHead(200, { 'content-type': 'text/plain' }).end('slow'), 150);
    });
    server.route('/flaky', (_request, response) => {
      calls++;
      response.writeHead(calls === 1 ? 503 : 200, { 'content-type': 'text/plain' }).end('flaky');
    });
    const sources: Source[] = [
      { id: 'slow', url: server.url('/slow') },
      { id: 'local', path: join(dir, 'kg.txt') },
      { id: 'flaky', url: server.url('/flaky') },
    ];
    const events: FetchEvent[] = [];

    const outcomes = await fetchSources(sources, testOptions(server, await tempDir()), (event) =>
      events.push(event),
    );

    expect(outcomes.map((outcome) => outcome.source.id)).toStrictEqual(['slow', 'local', 'flaky']);
    expect(events.filter((event) => event.type === 'start').map((event) => event.source.id)).toStrictEqual([
      'slow',
      'local',
      'flaky',
    ]);
    expect(events.filter((event) => event.type === 'request')).toHaveLength(3);
    expect(events.filter((event) => event.type === 'retry').map((event) => event.source.id)).toStrictEqual([
      'flaky',
    ]);
    const done = events.filter((event) => event.type === 'done');
    // Finished in completion order: the slow one last.
    expect(done.map((event) => event.source.id)).toStrictEqual(['local', 'flaky', 'slow']);
  });

  it('finishes the run even if the listener throws, then rejects with its error', async () => {
    server.route('/ok', reply('<p>ok</p>'));
    const seen: string[] = [];

    const run = fetchSources(
      [{ id: 'ok', url: server.url('/ok') }],
      testOptions(server, await tempDir()),
      (event) => {
        seen.push(event.type);
        if (event.type === 'start') throw new Error('progress bar bug');
      },
    );

    await expect(run).rejects.toThrow('progress bar bug');
    expect(seen).toStrictEqual(['start', 'request', 'done']);
  });
});
