import { type AddressClass, canonicalAddress, classifyAddress } from './addresses.js';
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
  // Spell the host as `URL.hostname` will (`[::FFFF:127.0.0.1]` → `[::ffff:7f00:1]`), so that they compare.
  const normalized = URL.canParse(`http://${hostname}`) ? new URL(`http://${hostname}`).hostname : null;
  return normalized === null || normalized === '' ? null : { hostname: normalized, port };
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
  return allowed.some((entry) => entry.hostname === hostname && portMatches(entry, url));
}

function portMatches(entry: AllowedHost, url: URL): boolean {
  const port = effectivePort(url);
  return entry.port === null ? port === DEFAULT_PORTS[url.protocol] : entry.port === port;
}

/**
 * Tells whether a connection to an IP address may be made for a URL: always for a public address; for an
 * internal one (loopback, private, link-local, ...) only when an allow-list entry names that very address
 * and the URL's port. Naming a host is not enough, because its DNS answer is not ours to trust.
 *
 * @param address The IP address about to be connected to.
 * @param url The address being requested (its scheme and port decide which entries apply).
 * @param allowed The parsed allow-list.
 */
export function isAddressAllowed(address: string, url: URL, allowed: readonly AllowedHost[]): boolean {
  const verdict = classifyAddress(address);
  if (verdict === null) return false;
  if (verdict.kind === 'public') return true;
  const wanted = canonicalAddress(address);
  return allowed.some((entry) => canonicalAddress(entry.hostname) === wanted && portMatches(entry, url));
}

/**
 * Builds the `PermanentFetchError` for addresses that `isAddressAllowed` refused, naming each with its kind
 * and range, and the allow-list entry that would let it through.
 *
 * @param url The address being requested.
 * @param refused The refused IP addresses (one for a literal host, every answer for a resolved name).
 */
export function addressNotAllowed(url: URL, refused: readonly string[]): PermanentFetchError {
  const port = effectivePort(url);
  const listed = refused.map((address) => `${address} (${explain(classifyAddress(address))})`).join(', ');
  const first = refused[0] ?? '';
  const entry = `${first.includes(':') ? `[${first}]` : first}:${port}`;
  const where = classifyAddress(url.hostname) === null ? `\`${url.hostname}\` resolves to` : 'it is';
  return new PermanentFetchError(
    `Refusing \`${url.href}\`: ${where} ${listed}, reached only when allowHosts names the address itself, such as \`${entry}\``,
    { code: 'address-not-allowed', url: url.href },
  );
}

function explain(verdict: AddressClass | null): string {
  if (verdict === null) return 'not an IP address';
  const via = verdict.via === undefined ? '' : ` via ${verdict.via}`;
  return `${verdict.kind}, ${verdict.range ?? 'public'}${via}`;
}

/**
 * Throws a `PermanentFetchError` unless the URL may be requested over the network: http(s), an address
 * that may be reached when the host is a literal IP (a name's addresses are checked as it is resolved, by
 * `guardedLookup`), and an allowed host. Called before every connection, redirect hops included.
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
  // Before the host check, so that a literal internal address is refused as what it is.
  const literal = classifyAddress(url.hostname) === null ? null : url.hostname.replace(/^\[|\]$/g, '');
  if (literal !== null && !isAddressAllowed(literal, url, allowed)) throw addressNotAllowed(url, [literal]);
  if (!isHostAllowed(url, allowed)) {
    throw new PermanentFetchError(
      `Refusing \`${url.href}\`: host \`${url.host}\` is not on the allow-list (add it with allowHosts)`,
      { code: 'host-not-allowed', url: url.href },
    );
  }
}
