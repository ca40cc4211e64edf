import type { LookupAddress, LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { type AllowedHost, parseAllowedHost } from '../../src/fetch/hosts.js';
import { guardedLookup, systemResolve } from '../../src/fetch/lookup.js';

const URL_8080 = new URL('http://example.test:8080/page');

function allowList(...entries: string[]): AllowedHost[] {
  return entries.map((entry) => {
    const parsed = parseAllowedHost(entry);
    if (parsed === null) throw new Error(`bad entry ${entry}`);
    return parsed;
  });
}

/** Calls a guarded lookup the way a socket does and returns what it hands back. */
function look(answer: readonly string[], allowed: AllowedHost[], options: LookupOptions) {
  const lookup = guardedLookup(URL_8080, allowed, async () => answer);
  return new Promise<{ error: Error | null; address: string | LookupAddress[]; family?: number }>((done) => {
    lookup('example.test', options, (error, address, family) =>
      done(family === undefined ? { error, address } : { error, address, family }),
    );
  });
}

describe('guardedLookup', () => {
  it('hands the socket only the allowed addresses of a mixed answer, in order', async () => {
    const answer = ['10.0.0.1', '127.0.0.1', '169.254.169.254', '93.184.216.34', '::1'];

    const result = await look(answer, allowList('example.test:8080', '127.0.0.1:8080'), { all: true });

    expect(result).toStrictEqual({
      error: null,
      address: [
        { address: '127.0.0.1', family: 4 },
        { address: '93.184.216.34', family: 4 },
      ],
    });
  });

  it('answers a socket that asks for one address with the first allowed one and its family', async () => {
    const result = await look(['::1', '127.0.0.1'], allowList('[::1]:8080'), {});

    expect(result).toStrictEqual({ error: null, address: '::1', family: 6 });
  });

  it('keeps to the family the socket asked for', async () => {
    const allowed = allowList('127.0.0.1:8080', '[::1]:8080');

    expect(await look(['127.0.0.1', '::1'], allowed, { family: 6, all: true })).toMatchObject({
      address: [{ address: '::1', family: 6 }],
    });
    expect(await look(['127.0.0.1', '::1'], allowed, { family: 'IPv4', all: true })).toMatchObject({
      address: [{ address: '127.0.0.1', family: 4 }],
    });
  });

  it('fails like getaddrinfo when no address of the wanted family exists', async () => {
    const result = await look(['127.0.0.1'], allowList('127.0.0.1:8080'), { family: 6, all: true });

    expect(result.error).toMatchObject({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND example.test' });
  });

  it('refuses with every address it was given when none is allowed', async () => {
    const result = await look(['10.0.0.1', '::ffff:192.168.1.1'], allowList('example.test:8080'), {
      all: true,
    });

    expect(result.error).toMatchObject({ name: 'PermanentFetchError', code: 'address-not-allowed' });
    expect(result.error?.message).toBe(
      'Refusing `http://example.test:8080/page`: `example.test` resolves to 10.0.0.1 (private, 10.0.0.0/8), ::ffff:192.168.1.1 (private, 192.168.0.0/16 via ::ffff:0:0/96), reached only when allowHosts names the address itself, such as `10.0.0.1:8080`',
    );
  });
});

describe('systemResolve', () => {
  it('resolves through the operating system, so /etc/hosts names such as localhost work', async () => {
    const addresses = await systemResolve('localhost');

    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every((address) => address === '127.0.0.1' || address === '::1')).toBe(true);
  });

  it('passes the family on', async () => {
    expect(await systemResolve('localhost', { family: 4 })).toStrictEqual(['127.0.0.1']);
  });
});
