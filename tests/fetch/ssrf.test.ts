import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FetchOptions,
  fetchSources,
  PermanentFetchError,
  RetryableFetchError,
} from '../../src/fetch/index.js';
import { redirect, reply, startServer, type TestServer } from '../helpers/server.js';
import { removeTempDirs, tempDir, testOptions } from './setup.js';

let server: TestServer;
/** Another server on 127.0.0.1 that no test may reach. */
let forbidden: TestServer;
/** A server on ::1, for the IPv6 loopback cases. */
let v6: TestServer;
beforeAll(async () => {
  [server, forbidden, v6] = await Promise.all([startServer(), startServer(), startServer('::1')]);
});
afterAll(async () => {
  await Promise.all([server.close(), forbidden.close(), v6.close()]);
  await removeTempDirs();
});
beforeEach(() => {
  for (const each of [server, forbidden, v6]) {
    each.reset();
    each.route('/page', reply('<p>page</p>'));
  }
});

/** A resolver that answers from a script, one answer per call (the last repeats), and records its calls. */
function scripted(...answers: string[][]) {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    return answers[Math.min(calls.length, answers.length) - 1] ?? [];
  };
  return { calls, resolve };
}

async function fetchOne(url: string, overrides: FetchOptions = {}) {
  const [outcome] = await fetchSources([{ id: 'doc', url }], testOptions(server, await tempDir(), overrides));
  if (outcome === undefined) throw new Error('no outcome');
  return outcome;
}

describe('source addresses', () => {
  it('refuses a literal private address before any request, as an address', async () => {
    const outcome = await fetchOne('http://10.0.0.1/page');

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error).toMatchObject({ code: 'address-not-allowed', url: 'http://10.0.0.1/page' });
    expect(outcome.error?.message).toBe(
      'Refusing `http://10.0.0.1/page`: it is 10.0.0.1 (private, 10.0.0.0/8), reached only when allowHosts names the address itself, such as `10.0.0.1:80`',
    );
    expect(outcome.requests).toBe(0);
  });

  it('refuses `localhost` allowed only by name: it resolves to loopback, which the list does not name', async () => {
    const url = `http://localhost:${server.port}/page`;

    const outcome = await fetchOne(url, { allowHosts: [`localhost:${server.port}`] });

    expect(outcome.error).toMatchObject({ code: 'address-not-allowed', url });
    expect(outcome.error?.message).toContain('`localhost` resolves to 127.0.0.1 (loopback, 127.0.0.0/8)');
    expect(outcome.error?.message).toContain(`such as \`127.0.0.1:${server.port}\``);
    expect(server.connections).toBe(0);
  });

  it('reaches `localhost` once its loopback address is allowed too', async () => {
    const url = `http://localhost:${server.port}/page`;

    const outcome = await fetchOne(url, { allowHosts: [`localhost:${server.port}`, server.host] });

    expect(outcome.status).toBe('fetched');
    expect(server.requests[0]?.headers.host).toBe(`localhost:${server.port}`);
  });

  it('refuses an allowed name that an injected resolver points at 127.0.0.1, with no connection', async () => {
    const dns = scripted(['127.0.0.1']);

    const outcome = await fetchOne(`http://example.test:${server.port}/page`, {
      allowHosts: [`example.test:${server.port}`],
      resolve: dns.resolve,
    });

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error).toMatchObject({ code: 'address-not-allowed', attempts: 1 });
    expect(dns.calls).toStrictEqual(['example.test']);
    expect(server.connections).toBe(0);
  });

  it('connects the same name once the address itself is allowed, so the refusal above is the check', async () => {
    const dns = scripted(['127.0.0.1']);

    const outcome = await fetchOne(`http://example.test:${server.port}/page`, {
      allowHosts: [`example.test:${server.port}`, server.host],
      resolve: dns.resolve,
    });

    expect(outcome.status).toBe('fetched');
    expect(server.requests[0]?.headers.host).toBe(`example.test:${server.port}`);
  });

  it.each([['::ffff:127.0.0.1'], ['::ffff:7f00:1'], ['::1'], ['169.254.169.254'], ['0.0.0.0']])(
    'refuses a name resolving to %s',
    async (address) => {
      const dns = scripted([address]);

      const outcome = await fetchOne(`http://example.test:${server.port}/page`, {
        allowHosts: [`example.test:${server.port}`],
        resolve: dns.resolve,
      });

      expect(outcome.error).toMatchObject({ code: 'address-not-allowed' });
      expect(outcome.error?.message).toContain(`resolves to ${address} (`);
      expect(server.connections).toBe(0);
    },
  );

  it('connects only to the allowed addresses of a mixed answer', async () => {
    const dns = scripted(['10.0.0.1', '127.0.0.1', '169.254.169.254']);

    const outcome = await fetchOne(`http://example.test:${server.port}/page`, {
      allowHosts: [`example.test:${server.port}`, server.host],
      resolve: dns.resolve,
      timeout: 1000,
      retries: 0,
    });

    expect(outcome.status).toBe('fetched');
    expect(server.connections).toBe(1);
  });

  it('says the address was refused, not that robots.txt was unavailable, when robots.txt is on', async () => {
    const dns = scripted(['127.0.0.1']);

    const outcome = await fetchOne(`http://example.test:${server.port}/page`, {
      allowHosts: [`example.test:${server.port}`],
      resolve: dns.resolve,
      robots: true,
    });

    expect(outcome.error).toMatchObject({ code: 'address-not-allowed' });
    expect(outcome.error?.message).toContain('its robots.txt was refused');
    expect(server.connections).toBe(0);
  });

  it('treats a resolver failure as a network error, retried like any other', async () => {
    const calls: string[] = [];
    const resolve = async (hostname: string): Promise<string[]> => {
      calls.push(hostname);
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    };

    const outcome = await fetchOne('http://gone.test/page', {
      allowHosts: ['gone.test'],
      resolve,
      retries: 1,
    });

    expect(outcome.error).toBeInstanceOf(RetryableFetchError);
    expect(outcome.error).toMatchObject({ code: 'network', attempts: 2 });
    expect(calls).toStrictEqual(['gone.test', 'gone.test']);
  });

  it('refuses what a broken resolver returns when it is not a list of addresses', async () => {
    const resolve = (async () => 'not a list') as unknown as (hostname: string) => Promise<string[]>;

    const outcome = await fetchOne('http://odd.test/page', { allowHosts: ['odd.test'], resolve });

    expect(outcome.error).toMatchObject({ code: 'address-not-allowed' });
    expect(outcome.error?.message).toBe(
      'Refusing `http://odd.test/page`: the resolver gave `not a list` for `odd.test`, not a list of addresses',
    );
  });
});

describe('redirect addresses', () => {
  it('refuses a redirect to the cloud metadata address before connecting', async () => {
    const dns = scripted(['127.0.0.1']);
    server.route('/meta', redirect('http://169.254.169.254/latest/meta-data/'));

    const outcome = await fetchOne(server.url('/meta'), { resolve: dns.resolve });

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error).toMatchObject({
      code: 'address-not-allowed',
      url: 'http://169.254.169.254/latest/meta-data/',
    });
    // The second hop never left the queue, and a literal address is never looked up.
    expect(outcome.requests).toBe(1);
    expect(dns.calls).toStrictEqual([]);
  });

  it('refuses a redirect to [::1] with no connection to the server listening there', async () => {
    server.route('/v6', redirect(v6.url('/page')));

    const outcome = await fetchOne(server.url('/v6'));

    expect(outcome.error).toMatchObject({ code: 'address-not-allowed', url: v6.url('/page') });
    expect(outcome.error?.message).toContain('it is ::1 (loopback, ::1/128)');
    expect(v6.connections).toBe(0);
  });

  it('follows the same redirect to [::1] once that address is allowed, so the refusal above is the check', async () => {
    server.route('/v6', redirect(v6.url('/page')));

    const outcome = await fetchOne(server.url('/v6'), { allowHosts: [server.host, v6.host] });

    expect(outcome.status).toBe('fetched');
    expect(v6.connections).toBe(1);
  });

  it('refuses a redirect to an IPv4-mapped IPv6 loopback address', async () => {
    const target = `http://[::ffff:127.0.0.1]:${forbidden.port}/page`;
    server.route('/mapped', redirect(target));

    const outcome = await fetchOne(server.url('/mapped'));

    expect(outcome.error).toMatchObject({
      code: 'address-not-allowed',
      url: `http://[::ffff:7f00:1]:${forbidden.port}/page`,
    });
    expect(outcome.error?.message).toContain('(loopback, 127.0.0.0/8 via ::ffff:0:0/96)');
    expect(forbidden.connections).toBe(0);
  });

  it('refuses a redirect to an allowed name that resolves to loopback, checked at that hop', async () => {
    const dns = scripted(['127.0.0.1']);
    server.route('/named', redirect(`http://evil.test:${forbidden.port}/page`));

    const outcome = await fetchOne(server.url('/named'), {
      allowHosts: [server.host, `evil.test:${forbidden.port}`],
      resolve: dns.resolve,
    });

    expect(outcome.error).toMatchObject({
      code: 'address-not-allowed',
      url: `http://evil.test:${forbidden.port}/page`,
    });
    expect(dns.calls).toStrictEqual(['evil.test']);
    expect(outcome.requests).toBe(2);
    expect(forbidden.connections).toBe(0);
  });

  it('checks every new connection: a name that rebinds to a private address between hops is refused', async () => {
    // First answer: the test server, which is allowed by address. Second: a private address, which is not.
    const dns = scripted(['127.0.0.1'], ['10.0.0.1']);
    const origin = `http://rebind.test:${server.port}`;
    server.route('/a', (_request, response) => {
      response.writeHead(302, { location: '/b', connection: 'close' }).end();
    });

    const outcome = await fetchOne(`${origin}/a`, {
      allowHosts: [`rebind.test:${server.port}`, server.host],
      resolve: dns.resolve,
      timeout: 1000,
      retries: 0,
    });

    expect(outcome.error).toMatchObject({ code: 'address-not-allowed', url: `${origin}/b` });
    expect(outcome.error?.message).toContain('`rebind.test` resolves to 10.0.0.1 (private, 10.0.0.0/8)');
    expect(dns.calls).toStrictEqual(['rebind.test', 'rebind.test']);
    expect(server.requests.map((request) => request.url)).toStrictEqual(['/a']);
  });
});
