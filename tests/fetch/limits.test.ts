import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchSources, PermanentFetchError } from '../../src/fetch/index.js';
import { reply, startServer, stream, type TestServer } from '../helpers/server.js';
import { removeTempDirs, tempDir, testOptions } from './setup.js';

const KiB = 1024;
const MiB = 1024 * KiB;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  await removeTempDirs();
});
beforeEach(() => server.reset());

async function fetchOne(path: string, overrides = {}) {
  const [outcome] = await fetchSources(
    [{ id: 'doc', url: server.url(path) }],
    testOptions(server, await tempDir(), overrides),
  );
  if (outcome === undefined) throw new Error('no outcome');
  return outcome;
}

describe('body size', () => {
  it('stops reading a body without Content-Length once it passes maxBytes', async () => {
    const progress = { written: 0 };
    server.route('/endless', stream(64 * MiB, progress));

    const outcome = await fetchOne('/endless', { maxBytes: 256 * KiB });

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error?.code).toBe('too-large');
    expect(server.requestsTo('/endless')).toHaveLength(1);
    // Socket buffers let the server write ahead a little, never the whole 64 MiB.
    expect(progress.written).toBeLessThan(16 * MiB);
  });

  it('refuses a declared Content-Length over maxBytes before reading the body', async () => {
    const progress = { written: 0 };
    server.route('/declared', stream(4 * MiB, progress, { 'content-length': 4 * MiB }));

    const outcome = await fetchOne('/declared', { maxBytes: 256 * KiB });

    expect(outcome.error).toMatchObject({ code: 'too-large', attempts: 1 });
    expect(outcome.error?.message).toContain(`declares ${4 * MiB} bytes`);
  });

  it('stops decompressing a gzip bomb at maxBytes', async () => {
    // 64 MiB of zeros compress to about 64 KiB: small on the wire, huge in memory.
    const bomb = gzipSync(Buffer.alloc(64 * MiB));
    server.route('/bomb', reply(bomb, { 'content-type': 'text/html', 'content-encoding': 'gzip' }));

    const outcome = await fetchOne('/bomb', { maxBytes: 1 * MiB });

    expect(bomb.length).toBeLessThan(1 * MiB);
    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error?.code).toBe('too-large');
    expect(outcome.error?.message).toContain('decompresses to more than the 1048576 bytes allowed');
  });

  it('stops an endless gzip stream by its decompressed size, long before its raw size would', async () => {
    // Each 64 KiB chunk is 64 gzip members of 1 MiB of zeros: 64 MiB of output per chunk, 64 GiB in all.
    const progress = { written: 0 };
    const member = gzipSync(Buffer.alloc(1 * MiB));
    const chunk = Buffer.concat(Array.from({ length: 64 }, () => member));
    server.route('/endless-bomb', stream(64 * MiB, progress, { 'content-encoding': 'gzip' }, chunk));
    const heapBefore = process.memoryUsage().arrayBuffers;

    const outcome = await fetchOne('/endless-bomb', { maxBytes: 1 * MiB });

    expect(chunk.length).toBeLessThan(128 * KiB);
    expect(outcome.error).toMatchObject({ code: 'too-large', attempts: 1 });
    // The decompressed cap fired, not the raw one: the body was never buffered whole before being checked.
    expect(outcome.error?.message).toContain('decompresses to more than the 1048576 bytes allowed');
    expect(progress.written).toBeLessThan(16 * MiB);
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(64 * MiB);
  });

  it('stops an endless stream of empty gzip members by its raw size, though it decompresses to nothing', async () => {
    const progress = { written: 0 };
    const emptyMembers = Buffer.concat(Array.from({ length: 3000 }, () => gzipSync('')));
    server.route('/empty-members', stream(64 * MiB, progress, { 'content-encoding': 'gzip' }, emptyMembers));

    const outcome = await fetchOne('/empty-members', { maxBytes: 256 * KiB });

    expect(outcome.error).toMatchObject({ code: 'too-large', attempts: 1 });
    expect(outcome.error?.message).toContain('sends more than the 262144 bytes allowed');
    expect(progress.written).toBeLessThan(16 * MiB);
  });

  it('accepts a body of exactly maxBytes', async () => {
    server.route('/exact', reply('x'.repeat(1000), { 'content-type': 'text/plain' }));

    const outcome = await fetchOne('/exact', { maxBytes: 1000 });

    expect(outcome.status).toBe('fetched');
    expect(outcome.fetched?.body.length).toBe(1000);
  });
});

describe('content encoding', () => {
  const text = '<p>The government investigated 12 cases in 2016.</p>';

  it.each([
    ['gzip', gzipSync(text)],
    ['deflate', deflateSync(text)],
    ['br', brotliCompressSync(text)],
  ])('decodes %s', async (encoding, body) => {
    server.route(`/${encoding}`, reply(body, { 'content-encoding': encoding }));

    const outcome = await fetchOne(`/${encoding}`);

    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(Buffer.from(outcome.fetched?.body ?? []).toString()).toBe(text);
  });

  it('refuses an encoding it cannot decode', async () => {
    server.route('/zstd', reply('??', { 'content-encoding': 'zstd' }));

    const outcome = await fetchOne('/zstd');

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error?.code).toBe('bad-encoding');
  });

  it('refuses a corrupt gzip body as permanent', async () => {
    server.route('/corrupt', reply('definitely not gzip', { 'content-encoding': 'gzip' }));

    const outcome = await fetchOne('/corrupt');

    expect(outcome.error).toMatchObject({ code: 'bad-encoding', attempts: 1 });
  });
});

describe('content type', () => {
  it.each(['image/png', 'application/pdf', 'application/octet-stream'])(
    'refuses %s without retrying',
    async (type) => {
      server.route('/file', reply('binary', { 'content-type': type }));

      const outcome = await fetchOne('/file');

      expect(outcome.error).toBeInstanceOf(PermanentFetchError);
      expect(outcome.error).toMatchObject({ code: 'bad-content-type', status: 200, attempts: 1 });
    },
  );

  it('passes a windows-1252 body on byte for byte, with the full Content-Type that names its charset', async () => {
    // "Côte d’Ivoire – 12 cases" in windows-1252: ô is 0xF4, ’ is 0x92, – is 0x96; none is valid UTF-8.
    const body = Uint8Array.from([
      0x43, 0xf4, 0x74, 0x65, 0x20, 0x64, 0x92, 0x49, 0x76, 0x6f, 0x69, 0x72, 0x65, 0x20, 0x96, 0x20, 0x31,
      0x32, 0x20, 0x63, 0x61, 0x73, 0x65, 0x73,
    ]);
    const type = 'text/html; charset=windows-1252';
    server.route('/cp1252', reply(body, { 'content-type': type }));
    const cacheDir = await tempDir();
    const source = { id: 'ci', url: server.url('/cp1252') };

    const [online] = await fetchSources([source], testOptions(server, cacheDir));
    const [offline] = await fetchSources([source], testOptions(server, cacheDir, { offline: true }));

    for (const outcome of [online, offline]) {
      expect(outcome?.fetched?.contentType).toBe(type);
      expect(outcome?.fetched?.body).toStrictEqual(body);
    }
    // The sample means something only if a UTF-8 decode along the way would have mangled it.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(body)).toThrow(TypeError);
  });

  it.each(['text/html; charset=utf-8', 'text/plain', 'text/markdown', 'application/xhtml+xml'])(
    'accepts %s',
    async (type) => {
      server.route('/text', reply('words', { 'content-type': type }));

      const outcome = await fetchOne('/text');

      expect(outcome.status).toBe('fetched');
      expect(outcome.fetched?.contentType).toBe(type);
    },
  );
});

describe('request headers', () => {
  it('sends a descriptive User-Agent, Accept and Accept-Encoding on every request', async () => {
    server.route('/hop', reply('', { location: '/ua' }, 302));
    server.route('/ua', reply('<p>ok</p>'));

    await fetchSources([{ id: 'ua', url: server.url('/hop') }], testOptions(server, await tempDir()));

    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.headers['user-agent']).toMatch(/^tip-extract\/\d+\.\d+\.\d+ \(.*research use\)$/);
      expect(request.headers['accept-encoding']).toBe('gzip, deflate, br');
      expect(request.headers.accept).toMatch(/^text\/html/);
    }
  });
});
