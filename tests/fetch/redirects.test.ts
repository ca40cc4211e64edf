import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchSources, PermanentFetchError, type Source } from '../../src/fetch/index.js';
import { redirect, reply, startServer, type TestServer } from '../helpers/server.js';
import { removeTempDirs, tempDir, testOptions } from './setup.js';

let server: TestServer;
/** A second server, on another port, that no test may ever reach. */
let forbidden: TestServer;
beforeAll(async () => {
  [server, forbidden] = await Promise.all([startServer(), startServer()]);
});
afterAll(async () => {
  await Promise.all([server.close(), forbidden.close()]);
  await removeTempDirs();
});
beforeEach(() => {
  server.reset();
  forbidden.reset();
  forbidden.route('/page', reply('<p>should never be read</p>'));
});

async function fetchOne(url: string, overrides = {}) {
  const [outcome] = await fetchSources([{ id: 'doc', url }], testOptions(server, await tempDir(), overrides));
  if (outcome === undefined) throw new Error('no outcome');
  return outcome;
}

describe('redirects', () => {
  it('follows a chain of three hops and records the final URL', async () => {
    server.route('/docid/a', redirect('/b', 301));
    server.route('/b', redirect(server.url('/c'), 307));
    server.route('/c', redirect('final?lang=en', 308));
    server.route('/final?lang=en', reply('<p>arrived</p>'));

    // Exactly as many redirects as allowed: the limit counts redirects, not requests.
    const outcome = await fetchOne(server.url('/docid/a'), { maxRedirects: 3 });

    expect(outcome.status).toBe('fetched');
    expect(outcome.fetched?.url).toBe(server.url('/final?lang=en'));
    expect(outcome.requests).toBe(4);
    expect(server.requests.map((request) => request.url)).toStrictEqual([
      '/docid/a',
      '/b',
      '/c',
      '/final?lang=en',
    ]);
  });

  it('refuses a redirect loop as permanent, without retrying it', async () => {
    server.route('/x', redirect('/y'));
    server.route('/y', redirect('/x'));

    const outcome = await fetchOne(server.url('/x'));

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error).toMatchObject({ code: 'redirect-loop', url: server.url('/y') });
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxRedirects hops', async () => {
    server.route('/1', redirect('/2'));
    server.route('/2', redirect('/3'));
    server.route('/3', redirect('/4'));
    server.route('/4', reply('<p>too far</p>'));

    const outcome = await fetchOne(server.url('/1'), { maxRedirects: 2 });

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error?.code).toBe('too-many-redirects');
    expect(server.requestsTo('/4')).toHaveLength(0);
  });

  it('refuses a redirect to a host not on the allow-list before connecting to it', async () => {
    const away = `http://localhost:${forbidden.port}/page`;
    server.route('/away', redirect(away));

    // The forbidden server's address is allowed, so only the host check stands in the way.
    const outcome = await fetchOne(server.url('/away'), { allowHosts: [server.host, forbidden.host] });

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error).toMatchObject({ code: 'host-not-allowed', url: away });
    expect(forbidden.connections).toBe(0);
  });

  it('refuses a redirect to a file: URL', async () => {
    server.route('/sneaky', redirect('file:///etc/passwd'));

    const outcome = await fetchOne(server.url('/sneaky'));

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error?.code).toBe('scheme-not-allowed');
  });
});

describe('the host allow-list', () => {
  it('refuses a source on another port of an allowed name without a single connection', async () => {
    // `127.0.0.1` on the forbidden port is allowed as an address, so only the host check can refuse.
    const allowHosts = [`localhost:${server.port}`, forbidden.host];
    const outcome = await fetchOne(`http://localhost:${forbidden.port}/page`, { allowHosts });

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error?.code).toBe('host-not-allowed');
    expect(outcome.requests).toBe(0);
    expect(forbidden.connections).toBe(0);
    expect(forbidden.requests).toHaveLength(0);
  });

  it('refuses a source on another port of an allowed address, as an address, without a connection', async () => {
    const outcome = await fetchOne(forbidden.url('/page'));

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error?.code).toBe('address-not-allowed');
    expect(outcome.requests).toBe(0);
    expect(forbidden.connections).toBe(0);
  });

  it('reaches the same server once its host:port is allowed (the refusal above is not an accident)', async () => {
    const source: Source = { id: 'doc', url: forbidden.url('/page') };
    const [outcome] = await fetchSources([source], testOptions(forbidden, await tempDir()));

    expect(outcome?.status).toBe('fetched');
    expect(forbidden.connections).toBe(1);
  });

  it('refuses schemes other than http(s) that reach fetchSources without a manifest', async () => {
    const outcome = await fetchOne('ftp://127.0.0.1/file.txt');

    expect(outcome.error?.code).toBe('scheme-not-allowed');
  });
});
