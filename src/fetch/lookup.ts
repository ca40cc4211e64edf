import { lookup as dnsLookup, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { PermanentFetchError } from './errors.js';
import { type AllowedHost, addressNotAllowed, isAddressAllowed } from './hosts.js';

/**
 * Turns a host name into IP addresses. Fetch calls it once for every new connection to a named host, and
 * connects only to the addresses it returns that pass the address check.
 *
 * @param hostname The name, such as `www.refworld.org`.
 * @param options The address family and getaddrinfo hints the socket asked for; a resolver may ignore them.
 */
export type Resolver = (hostname: string, options?: ResolveHints) => Promise<readonly string[]>;

/** What a socket asks of the resolver besides the name. */
export interface ResolveHints {
  /** 4 or 6 for one family only; 0 (or absent) for either. */
  family?: number;
  /** getaddrinfo flags, such as `dns.ADDRCONFIG`. */
  hints?: number;
}

/**
 * The system resolver (`dns.lookup`, so `/etc/hosts` and the OS's DNS settings apply), returning every
 * address in the order the OS gave them.
 *
 * @param hostname The name to resolve.
 * @param options The family and hints to pass to getaddrinfo.
 */
export function systemResolve(hostname: string, options: ResolveHints = {}): Promise<readonly string[]> {
  return new Promise((resolve, reject) => {
    const lookupOptions: LookupOptions & { all: true } = { all: true, family: options.family ?? 0 };
    if (options.hints !== undefined) lookupOptions.hints = options.hints;
    dnsLookup(hostname, lookupOptions, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses.map((entry) => entry.address));
    });
  });
}

/**
 * Returns the `lookup` function for one request's socket: it resolves the host name, drops every address
 * the allow-list does not let this URL reach (loopback, private, link-local and the rest, unless named),
 * and hands the socket only what is left, or a `PermanentFetchError` with code `address-not-allowed` when
 * nothing is left. Checking inside the socket's own lookup means the address checked is the address
 * connected to: a DNS answer that changes between a check and the connection (DNS rebinding) cannot slip
 * through, because there is no second answer. Literal IP hosts never reach this (Node does not look them
 * up); `assertRequestable` checks them.
 *
 * @param url The address being requested: its port and scheme decide which allow-list entries apply.
 * @param allowed The parsed allow-list.
 * @param resolve Turns the name into addresses.
 */
export function guardedLookup(url: URL, allowed: readonly AllowedHost[], resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const family = familyNumber(options.family);
    const hints: ResolveHints = { family };
    if (options.hints !== undefined) hints.hints = options.hints;
    // `Promise.resolve().then` also turns a resolver that throws synchronously into a rejection.
    Promise.resolve()
      .then(() => resolve(hostname, hints))
      .then((answer) => allowedAddresses(url, hostname, answer, family, allowed))
      .then(
        (usable) => {
          // A socket asks for every address (`all`, for Happy Eyeballs) or for just one.
          if (options.all) callback(null, usable);
          else callback(null, usable[0]?.address ?? '', usable[0]?.family);
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ''),
      );
  };
}

/** Keeps the addresses of the wanted family that the URL may reach; throws when none is left. */
function allowedAddresses(
  url: URL,
  hostname: string,
  answer: unknown,
  family: number,
  allowed: readonly AllowedHost[],
): { address: string; family: number }[] {
  if (!Array.isArray(answer) || !answer.every((item) => typeof item === 'string')) {
    throw new PermanentFetchError(
      `Refusing \`${url.href}\`: the resolver gave \`${String(answer)}\` for \`${hostname}\`, not a list of addresses`,
      { code: 'address-not-allowed', url: url.href },
    );
  }
  const wanted = (answer as string[]).filter((address) => family === 0 || isIP(address) === family);
  if (wanted.length === 0) {
    // The same shape as getaddrinfo's own failure, so that it is classified (and retried) as one.
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
  }
  const usable = wanted.filter((address) => isAddressAllowed(address, url, allowed));
  if (usable.length === 0) throw addressNotAllowed(url, wanted);
  return usable.map((address) => ({ address, family: isIP(address) }));
}

function familyNumber(family: LookupOptions['family']): number {
  if (family === 'IPv4') return 4;
  if (family === 'IPv6') return 6;
  return family ?? 0;
}
