import { PermanentFetchError } from './errors.js';

/** One allow-list entry: a host name, and a port when the entry named one. */
export interface AllowedHost {
  hostname: string;
  /** The only port allowed, or null for the scheme's default port (80 for http, 443 for https). */
  port: number | null;
}

/** The schemes fetch will ever open over the network; `file:` is only read from a local manifest. */
const NETWORK_SCHEMES = new Set(['http:', 'https:']);

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

// A DNS name or IPv4 address, or a bracketed IPv6 address, then an optional port. No user, path or query.
const HOST_ENTRY = /^(?<hostname>\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(?<port>\d{1,5}))?$/i;

/**
 * Parses an allow-list entry such as `refworld.org` or `127.0.0.1:8080`, or returns null when it is not one.
 *
 * @param entry The entry as a user wrote it.
 */
export function parseAllowedHost(entry: string): AllowedHost | null {
  const match = HOST_ENTRY.exec(entry);
  const hostname = match?.groups?.hostname;
  if (hostname === undefined) return null;
  const port = match?.groups?.port === undefined ? null : Number(match.groups.port);
  if (port !== null && (port < 1 || port > 65_535)) return null;
  return { hostname: hostname.toLowerCase(), port };
}

/**
 * Returns the port a URL will connect to, filling in the scheme's default.
 *
 * @param url An http(s) URL.
 */
export function effectivePort(url: URL): number {
  return url.port === '' ? (DEFAULT_PORTS[url.protocol] ?? 0) : Number(url.port);
}

/**
 * Tells whether a URL's host is on the allow-list; an entry without a port allows only the default port,
 * so that `refworld.org` never lets a request reach some other service on that machine.
 *
 * @param url The address about to be requested.
 * @param allowed The parsed allow-list.
 */
export function isHostAllowed(url: URL, allowed: readonly AllowedHost[]): boolean {
  const hostname = url.hostname.toLowerCase();
  const port = effectivePort(url);
  return allowed.some(
    (entry) =>
      entry.hostname === hostname &&
      (entry.port === null ? port === DEFAULT_PORTS[url.protocol] : entry.port === port),
  );
}

/**
 * Throws a `PermanentFetchError` unless the URL may be requested over the network: http(s) and an
 * allowed host. Called before every connection, redirect hops included.
 *
 * @param url The address about to be requested.
 * @param allowed The parsed allow-list.
 */
export function assertRequestable(url: URL, allowed: readonly AllowedHost[]): void {
  if (!NETWORK_SCHEMES.has(url.protocol)) {
    throw new PermanentFetchError(
      `Refusing \`${url.href}\`: only http: and https: are fetched over the network`,
      {
        code: 'scheme-not-allowed',
        url: url.href,
      },
    );
  }
  if (!isHostAllowed(url, allowed)) {
    throw new PermanentFetchError(
      `Refusing \`${url.href}\`: host \`${url.host}\` is not on the allow-list (add it with allowHosts)`,
      { code: 'host-not-allowed', url: url.href },
    );
  }
}
