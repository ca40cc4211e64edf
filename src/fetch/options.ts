import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AllowedHost, parseAllowedHost } from './hosts.js';
import { type Resolver, systemResolve } from './lookup.js';

/** How fetch behaves; every field is optional and has a polite default. */
export interface FetchOptions {
  /** Requests in flight at once, per host. Default 2. */
  concurrency?: number;
  /** Requests started per second, per host. Default 1. */
  rate?: number;
  /** Milliseconds one request may take, connection to last byte. Default 30 000. */
  timeout?: number;
  /** Extra attempts after a retryable failure, per address. Default 4. */
  retries?: number;
  /** Largest body accepted, in bytes, before and after decompression. Default 5 MiB. */
  maxBytes?: number;
  /** Redirect hops followed before giving up. Default 5. */
  maxRedirects?: number;
  /**
   * Hosts that may be contacted, as `host` (default port only) or `host:port`. Default Refworld's two names.
   * A name lets the host be reached at its public addresses only; a loopback, private, link-local or other
   * internal address is reached only when an entry names that address itself, such as `127.0.0.1:8080` or
   * `[::1]:8080`, because a name's DNS answer is not ours to trust.
   */
  allowHosts?: readonly string[];
  /**
   * Turns a host name into IP addresses, called for every new connection; every address is then checked
   * against the allow-list before the socket may use it. Default: the system resolver (`dns.lookup`). Inject
   * one to test what happens when a name resolves somewhere it should not.
   */
  resolve?: (hostname: string) => Promise<readonly string[]>;
  /** Where bodies and their validators are kept between runs. Default `.cache`. */
  cacheDir?: string;
  /** Replay the cache only; never open a connection. Default false. */
  offline?: boolean;
  /** Sent on every request. Default `tip-extract/<version> (+<homepage>; research use)`. */
  userAgent?: string;
  /** Obey robots.txt. Default true. */
  robots?: boolean;
  /**
   * Retry waits: full jitter over `base * 2^(attempt - 1)`, never above `max`. A `Retry-After` longer than
   * `max` ends the retries instead of being cut short, since asking earlier than told is rude and futile.
   * Default `{ base: 1000, max: 60 000 }`.
   */
  backoff?: { base?: number; max?: number };
  /** The clock used for cache timestamps and `Retry-After` dates; inject one for reproducible tests. */
  now?: () => Date;
}

/** The options with every default filled in and every value checked. */
export interface ResolvedFetchOptions {
  concurrency: number;
  rate: number;
  timeout: number;
  retries: number;
  maxBytes: number;
  maxRedirects: number;
  allowHosts: AllowedHost[];
  resolve: Resolver;
  cacheDir: string;
  offline: boolean;
  userAgent: string;
  robots: boolean;
  backoff: { base: number; max: number };
  now: () => Date;
}

/** The defaults, each with the reason it is what it is. */
export const FETCH_DEFAULTS = {
  // Two connections is what browsers' politeness guides allowed per server before HTTP/2.
  concurrency: 2,
  // One page a second keeps a full run (about 190 countries) near three minutes and the server unbothered.
  rate: 1,
  // Refworld pages arrive in well under a second; thirty seconds only gives up on a stuck connection.
  timeout: 30_000,
  retries: 4,
  // The largest TIP narrative page is a few hundred kilobytes; 5 MiB leaves room and stops a runaway body.
  maxBytes: 5 * 1024 * 1024,
  // Old `docid` addresses redirect once or twice; five is the common browser-free client limit.
  maxRedirects: 5,
  allowHosts: ['refworld.org', 'www.refworld.org'],
  cacheDir: '.cache',
  offline: false,
  robots: true,
  backoff: { base: 1000, max: 60_000 },
} as const;

/**
 * Checks the options and fills in the defaults, throwing a `TypeError` that names the first bad option.
 *
 * @param options The options as the caller gave them.
 */
export async function resolveFetchOptions(options: FetchOptions): Promise<ResolvedFetchOptions> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `Expected \`options\` to be an object, got \`${String(options)}\` (${typeof options})`,
    );
  }
  const backoff = options.backoff ?? {};
  if (typeof backoff !== 'object' || backoff === null)
    throw misuse('backoff', backoff, 'an object { base, max }');
  const resolved: ResolvedFetchOptions = {
    concurrency: integer('concurrency', options.concurrency, FETCH_DEFAULTS.concurrency, 1),
    rate: positive('rate', options.rate, FETCH_DEFAULTS.rate, 1000),
    timeout: integer('timeout', options.timeout, FETCH_DEFAULTS.timeout, 1),
    retries: integer('retries', options.retries, FETCH_DEFAULTS.retries, 0),
    maxBytes: integer('maxBytes', options.maxBytes, FETCH_DEFAULTS.maxBytes, 1),
    maxRedirects: integer('maxRedirects', options.maxRedirects, FETCH_DEFAULTS.maxRedirects, 0),
    allowHosts: allowHosts(options.allowHosts ?? FETCH_DEFAULTS.allowHosts),
    resolve: options.resolve ?? systemResolve,
    cacheDir: nonEmptyString('cacheDir', options.cacheDir ?? FETCH_DEFAULTS.cacheDir),
    offline: boolean('offline', options.offline, FETCH_DEFAULTS.offline),
    userAgent: nonEmptyString('userAgent', options.userAgent ?? (await defaultUserAgent())),
    robots: boolean('robots', options.robots, FETCH_DEFAULTS.robots),
    backoff: {
      base: integer('backoff.base', backoff.base, FETCH_DEFAULTS.backoff.base, 0),
      max: integer('backoff.max', backoff.max, FETCH_DEFAULTS.backoff.max, 0),
    },
    now: options.now ?? (() => new Date()),
  };
  if (typeof resolved.now !== 'function') throw misuse('now', options.now, 'a function returning a Date');
  if (typeof resolved.resolve !== 'function') {
    throw misuse('resolve', options.resolve, 'a function (hostname) => Promise<string[]>');
  }
  if (/[\r\n]/.test(resolved.userAgent)) throw misuse('userAgent', resolved.userAgent, 'a single line');
  return resolved;
}

/**
 * Builds the default User-Agent from package.json, so that Refworld's operators can see who we are and
 * (once package.json names a homepage or repository) how to reach us.
 *
 * @example `tip-extract/0.1.0 (+https://example.org/tip-extract; research use)`
 */
export async function defaultUserAgent(): Promise<string> {
  const pkg = await readOwnPackage();
  return `${pkg.name}/${pkg.version} (${pkg.contact === undefined ? '' : `+${pkg.contact}; `}research use)`;
}

interface OwnPackage {
  name: string;
  version: string;
  contact?: string;
}

let ownPackage: Promise<OwnPackage> | undefined;

/** Finds our package.json by walking up from this file, which works from both `src/` and `dist/src/`. */
function readOwnPackage(): Promise<OwnPackage> {
  ownPackage ??= (async () => {
    let folder = dirname(fileURLToPath(import.meta.url));
    for (;;) {
      const text = await readFile(join(folder, 'package.json'), 'utf8').catch(() => null);
      const pkg = text === null ? null : toOwnPackage(text);
      if (pkg !== null) return pkg;
      const parent = dirname(folder);
      if (parent === folder) return { name: 'tip-extract', version: '0.0.0' };
      folder = parent;
    }
  })();
  return ownPackage;
}

function toOwnPackage(text: string): OwnPackage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { name, version, homepage, repository } = value as Record<string, unknown>;
  if (name !== 'tip-extract' || typeof version !== 'string') return null;
  const repositoryUrl =
    typeof repository === 'object' && repository !== null
      ? (repository as { url?: unknown }).url
      : repository;
  const contact = [homepage, repositoryUrl].find((candidate) => typeof candidate === 'string');
  return typeof contact === 'string' ? { name, version, contact } : { name, version };
}

function misuse(name: string, value: unknown, expected: string): TypeError {
  const shown =
    typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  return new TypeError(`Expected \`${name}\` to be ${expected}, got \`${shown}\` (${typeof value})`);
}

function integer(name: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw misuse(name, value, `an integer >= ${min}`);
  }
  return value;
}

function positive(name: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0 && value <= max)) {
    throw misuse(name, value, `a number above 0 and at most ${max}`);
  }
  return value;
}

function boolean(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw misuse(name, value, 'a boolean');
  return value;
}

function nonEmptyString(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw misuse(name, value, 'a non-empty string');
  return value;
}

function allowHosts(value: unknown): AllowedHost[] {
  if (!Array.isArray(value)) throw misuse('allowHosts', value, 'an array of `host` or `host:port` strings');
  return value.map((entry: unknown, index) => {
    const parsed = typeof entry === 'string' ? parseAllowedHost(entry) : null;
    if (parsed === null) throw misuse(`allowHosts[${index}]`, entry, 'a `host` or `host:port` string');
    return parsed;
  });
}
